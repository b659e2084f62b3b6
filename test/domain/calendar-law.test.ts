// Years without a State Council notice: the holidays fixed by law (全国年节及纪念日放假办法 as amended in
// 2024) with 第六条's make-up days, from STATUTORY_DATES. Every lunar and solar-term date is checked
// against two libraries that compute them independently (lunar-javascript: astronomical; chinese-days:
// tables), and the law's reading against the 2025 and 2026 notices.
import { getSolarDateFromLunar, getSolarTerms } from 'chinese-days'
import { Lunar } from 'lunar-javascript'
import {
  HOLIDAY_SCHEDULES,
  STATUTORY_DATES,
  addWorkingDays,
  isEstimatedYear,
  isWorkingDay,
  statutoryDaysOff,
  unpublishedYears,
  workingDaysBetween,
} from '@/domain/calendar'

const YEARS = Object.keys(STATUTORY_DATES).map(Number)
const pad = (n: number) => String(n).padStart(2, '0')
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay()

function weekdaysIn(year: number): number {
  let n = 0
  for (let d = new Date(Date.UTC(year, 0, 1)); d.getUTCFullYear() === year; d.setUTCDate(d.getUTCDate() + 1)) {
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) n++
  }
  return n
}

describe('STATUTORY_DATES', () => {
  test('covers every year through 2035 without a gap', () => {
    expect(YEARS).toEqual([2025, 2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034, 2035])
  })

  test.each(YEARS)('%i: 除夕, 清明, 端午, 中秋 agree with lunar-javascript', (year) => {
    const solar = (s: { getYear(): number; getMonth(): number; getDay(): number }) => `${pad(s.getMonth())}-${pad(s.getDay())}`
    const newYear = Lunar.fromYmd(year, 1, 1).getSolar()
    const expected = [
      solar(newYear.next(-1)),
      solar(Lunar.fromYmd(year, 3, 1).getJieQiTable()['清明']),
      solar(Lunar.fromYmd(year, 5, 5).getSolar()),
      solar(Lunar.fromYmd(year, 8, 15).getSolar()),
    ]
    expect(STATUTORY_DATES[year]).toEqual(expected)
  })

  test.each(YEARS)('%i: 除夕, 清明, 端午, 中秋 agree with chinese-days', (year) => {
    const fromLunar = (md: string) => getSolarDateFromLunar(`${year}-${md}`).date
    const dayBefore = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)
    const qingming = getSolarTerms(`${year}-04-01`, `${year}-04-10`).filter((t) => t.name === '清明')
    expect(qingming).toHaveLength(1)
    const expected = [dayBefore(fromLunar('01-01')), qingming[0].date, fromLunar('05-05'), fromLunar('08-15')].map((d) => d.slice(5))
    expect(STATUTORY_DATES[year]).toEqual(expected)
  })

  test('2027: 除夕 is 5 February, 春节 (正月初一) 6 February', () => {
    expect(STATUTORY_DATES[2027][0]).toBe('02-05')
  })
})

describe('the law read against the published notices', () => {
  test.each([2025, 2026])('%i: every day off by law is off in the notice', (year) => {
    for (const day of statutoryDaysOff(year)) expect([day, isWorkingDay(day)]).toEqual([day, false])
  })

  // A notice swaps days (调休) but never changes the count: 13 statutory days off Monday–Friday.
  test.each(YEARS)('%i has (Mondays–Fridays − 13) working days', (year) => {
    expect(workingDaysBetween(`${year - 1}-12-31`, `${year}-12-31`)).toBe(weekdaysIn(year) - 13)
  })

  test.each(YEARS.filter((y) => !(y in HOLIDAY_SCHEDULES)))('%i: 13 days off, all Monday–Friday, no working weekend', (year) => {
    const off = statutoryDaysOff(year)
    expect(off).toHaveLength(13)
    for (const day of off) expect([day, weekday(day) !== 0 && weekday(day) !== 6]).toEqual([day, true])
    for (const day of off) expect(isWorkingDay(day)).toBe(false)
  })
})

describe('第六条: a holiday on a Saturday or Sunday is made up on the next Monday–Friday not already off', () => {
  test('2027 元旦 (Friday) is off; the Monday after is not', () => {
    expect(isWorkingDay('2027-01-01')).toBe(false)
    expect(isWorkingDay('2027-01-04')).toBe(true)
  })

  test('2027 春节: 除夕 Friday, 初一 and 初二 on the weekend, so Tuesday and Wednesday after 初三 are off', () => {
    expect(statutoryDaysOff(2027).filter((d) => d.startsWith('2027-02'))).toEqual(['2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10'])
    expect(isWorkingDay('2027-02-04')).toBe(true)
    expect(isWorkingDay('2027-02-11')).toBe(true)
    // no make-up working weekend is guessed
    expect(isWorkingDay('2027-02-13')).toBe(false)
  })

  test('2028 元旦 on a Saturday is made up on Monday 3 January', () => {
    expect(weekday('2028-01-01')).toBe(6)
    expect(statutoryDaysOff(2028)).toContain('2028-01-03')
    expect(isWorkingDay('2028-01-03')).toBe(false)
    expect(isWorkingDay('2028-01-04')).toBe(true)
  })

  test('2027 清明 on a Monday needs no make-up; 2030 清明 on a Friday neither', () => {
    expect(statutoryDaysOff(2027).filter((d) => d.startsWith('2027-04'))).toEqual(['2027-04-05'])
    expect(statutoryDaysOff(2030).filter((d) => d.startsWith('2030-04'))).toEqual(['2030-04-05'])
  })

  test('2028: 国庆 starts on a Sunday and 中秋 falls on 10-3, so two days are made up (10-4 and 10-5)', () => {
    expect(statutoryDaysOff(2028).filter((d) => d.startsWith('2028-10'))).toEqual(['2028-10-02', '2028-10-03', '2028-10-04', '2028-10-05'])
    expect(isWorkingDay('2028-10-06')).toBe(true)
  })

  test('2031: 中秋 on 10-1 coincides with 国庆 and is made up after the weekend that follows', () => {
    expect(statutoryDaysOff(2031).filter((d) => d >= '2031-10-01' && d <= '2031-10-31')).toEqual(['2031-10-01', '2031-10-02', '2031-10-03', '2031-10-06'])
  })

  test('劳动节 2027: 5-1 Saturday and 5-2 Sunday are made up on Monday and Tuesday', () => {
    expect(statutoryDaysOff(2027).filter((d) => d.startsWith('2027-05'))).toEqual(['2027-05-03', '2027-05-04'])
  })
})

describe('estimated', () => {
  test('a due date in a year without a notice is estimated; past the law table only weekends count', () => {
    expect(isEstimatedYear(2027)).toBe(true)
    expect(addWorkingDays('2027-02-04', 1)).toEqual({ date: '2027-02-11', estimated: true })
    expect(statutoryDaysOff(2036)).toEqual([])
    expect(addWorkingDays('2035-12-31', 1)).toEqual({ date: '2036-01-01', estimated: true })
  })

  test('unpublishedYears names the years the citizen is told about', () => {
    expect(unpublishedYears('2026-12-30', '2027-01-07')).toEqual([2027])
    expect(unpublishedYears('2027-01-07', '2026-12-30')).toEqual([2027])
    expect(unpublishedYears('2026-01-05', '2026-12-31')).toEqual([])
    expect(unpublishedYears('2026-06-01', '2028-03-01')).toEqual([2027, 2028])
  })
})
