// Statutory holidays (放假) and make-up working days (调休上班), from the State Council's yearly
// notice 国务院办公厅关于 YYYY 年部分节假日安排的通知. Only the years the app needs: this ships
// in the WeChat main package. Add a year when its notice is published (usually in November).
// Years not listed are treated as "weekends only, estimated" (see index.ts). 2027: no notice in
// chinese-days 1.5.7 (its newest data, May 2026) nor found elsewhere as of 2026-11-26, so estimated.

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
