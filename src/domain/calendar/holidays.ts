// Statutory holidays (放假) and make-up working days (调休上班), from the State Council's yearly
// notice 国务院办公厅关于 YYYY 年部分节假日安排的通知. Only the years the app needs: this ships
// in the WeChat main package. Add a year when its notice is published (usually in November).
// A year without a notice is estimated from the law (STATUTORY_DATES below, see index.ts). 2027: no
// notice in chinese-days 1.5.7 (its newest data, May 2026) nor found elsewhere as of 2026-11-26.

export interface YearSchedule {
  /** notice number, for audit */
  notice: string
  /** inclusive ranges 'YYYY-MM-DD'..'YYYY-MM-DD' of days off (weekends inside a range included) */
  off: [string, string][]
  /** weekend days that are working days (调休上班) */
  work: string[]
}

export const HOLIDAY_SCHEDULES: Record<number, YearSchedule> = {
  2024: {
    notice: '国办发明电〔2023〕7号（2023年10月25日）',
    off: [
      ['2024-01-01', '2024-01-01'], // 元旦
      ['2024-02-10', '2024-02-17'], // 春节
      ['2024-04-04', '2024-04-06'], // 清明
      ['2024-05-01', '2024-05-05'], // 劳动节
      ['2024-06-10', '2024-06-10'], // 端午
      ['2024-09-15', '2024-09-17'], // 中秋
      ['2024-10-01', '2024-10-07'], // 国庆
    ],
    work: ['2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12'],
  },
  2025: {
    notice: '国办发明电〔2024〕12号',
    off: [
      ['2025-01-01', '2025-01-01'], // 元旦
      ['2025-01-28', '2025-02-04'], // 春节
      ['2025-04-04', '2025-04-06'], // 清明
      ['2025-05-01', '2025-05-05'], // 劳动节
      ['2025-05-31', '2025-06-02'], // 端午
      ['2025-10-01', '2025-10-08'], // 国庆、中秋
    ],
    work: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  2026: {
    notice: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）',
    off: [
      ['2026-01-01', '2026-01-03'], // 元旦
      ['2026-02-15', '2026-02-23'], // 春节
      ['2026-04-04', '2026-04-06'], // 清明
      ['2026-05-01', '2026-05-05'], // 劳动节
      ['2026-06-19', '2026-06-21'], // 端午
      ['2026-09-25', '2026-09-27'], // 中秋
      ['2026-10-01', '2026-10-07'], // 国庆
    ],
    work: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
}

/**
 * The lunar and solar-term dates of the holidays fixed by law, for the years the law's estimate covers
 * (全国年节及纪念日放假办法 as amended by 国务院令第795号, in force 2025-01-01): 除夕 (the day before
 * 正月初一), 清明 (the day of the solar term), 端午 (五月初五) and 中秋 (八月十五), 'MM-DD' Beijing time.
 * Source: Hong Kong Observatory 公历与农历日期对照表 (2025–2031) and lunar-javascript 1.7.7 (2032–2035);
 * test/domain/calendar-law.test.ts checks every date against lunar-javascript and chinese-days, and
 * 2025–2026 against the notices above. See docs/decisions.md.
 */
export const STATUTORY_DATES: Record<number, readonly [eve: string, qingming: string, duanwu: string, midAutumn: string]> = {
  2025: ['01-28', '04-04', '05-31', '10-06'],
  2026: ['02-16', '04-05', '06-19', '09-25'],
  2027: ['02-05', '04-05', '06-09', '09-15'],
  2028: ['01-25', '04-04', '05-28', '10-03'],
  2029: ['02-12', '04-04', '06-16', '09-22'],
  2030: ['02-02', '04-05', '06-05', '09-12'],
  2031: ['01-22', '04-05', '06-24', '10-01'],
  2032: ['02-10', '04-04', '06-12', '09-19'],
  2033: ['01-30', '04-04', '06-01', '09-08'],
  2034: ['02-18', '04-05', '06-20', '09-27'],
  2035: ['02-07', '04-05', '06-10', '09-16'],
}
