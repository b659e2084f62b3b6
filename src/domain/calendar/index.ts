// Working-day calendar for deadlines (承诺办结时限 count working days; BRIEF §6).
// Dates are 'YYYY-MM-DD' in Beijing time. Arithmetic is done on UTC dates so the host's time zone
// never matters, and nothing here reads the clock.
import { HOLIDAY_SCHEDULES, STATUTORY_DATES } from './holidays'

export { HOLIDAY_SCHEDULES, STATUTORY_DATES } from './holidays'
export type { YearSchedule } from './holidays'

const DAY_MS = 86_400_000
const BEIJING_OFFSET_MS = 8 * 3_600_000
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** 'YYYY-MM-DD' → days since 1970-01-01; throws on anything that is not a real date. */
function toDayNumber(date: string): number {
  const m = ISO_DATE.exec(date)
  if (!m) throw new RangeError(`日期格式应为 YYYY-MM-DD：${date}`)
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  const back = new Date(ms)
  // Date.UTC rolls 02-30 over to March: reject instead.
  if (back.getUTCMonth() !== Number(m[2]) - 1 || back.getUTCDate() !== Number(m[3])) {
    throw new RangeError(`不存在的日期：${date}`)
  }
  return Math.round(ms / DAY_MS)
}

function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

function yearOf(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear()
}

function isWeekend(day: number): boolean {
  // 1970-01-01 was a Thursday: (day + 4) % 7 gives 0 = Sunday … 6 = Saturday.
  const weekday = (((day + 4) % 7) + 7) % 7
  return weekday === 0 || weekday === 6
}

/**
 * Days off fixed by law in a year without a notice (全国年节及纪念日放假办法 第二条): 元旦 1-1; 春节
 * 除夕 and 正月初一至初三; 清明; 劳动节 5-1 and 5-2; 端午; 中秋; 国庆 10-1 to 10-3. 第六条 ("适逢周六、周日，
 * 应当在工作日补假") read as: a holiday day falling on a Saturday or Sunday — or on a day already off
 * because two holidays coincide (中秋 on 10-1 in 2031) — is made up on the first following Monday–Friday
 * not already off. The State Council's swaps (调休) cannot be predicted and are not guessed: an estimated
 * year has no weekend working days. Empty for years outside STATUTORY_DATES.
 */
export function statutoryDaysOff(year: number): string[] {
  const dates = STATUTORY_DATES[year]
  if (!dates) return []
  const at = (md: string) => toDayNumber(`${year}-${md}`)
  const [eve, qingming, duanwu, midAutumn] = dates.map(at)
  const holidays = [at('01-01'), eve, eve + 1, eve + 2, eve + 3, qingming, at('05-01'), at('05-02'), duanwu, midAutumn, at('10-01'), at('10-02'), at('10-03')]
  const off = new Set<number>()
  const displaced: number[] = []
  for (const day of holidays) {
    if (isWeekend(day) || off.has(day)) displaced.push(day)
    else off.add(day)
  }
  for (const day of displaced.sort((a, b) => a - b)) {
    let makeUp = day + 1
    while (isWeekend(makeUp) || off.has(makeUp)) makeUp++
    off.add(makeUp)
  }
  return [...off].sort((a, b) => a - b).map(fromDayNumber)
}

// Day numbers: a working-day walk looks each day up without building a string.
const OFF = new Set<number>()
const WORK = new Set<number>()
for (const schedule of Object.values(HOLIDAY_SCHEDULES)) {
  for (const [from, to] of schedule.off) {
    for (let d = toDayNumber(from); d <= toDayNumber(to); d++) OFF.add(d)
  }
  for (const d of schedule.work) WORK.add(toDayNumber(d))
}
for (const year of Object.keys(STATUTORY_DATES).map(Number)) {
  if (!(year in HOLIDAY_SCHEDULES)) for (const d of statutoryDaysOff(year)) OFF.add(toDayNumber(d))
}

/**
 * True when the State Council has not published that year's schedule: its days off are the law's
 * (statutoryDaysOff) or, past the law's table, weekends only. Either way an estimate.
 */
export function isEstimatedYear(year: number): boolean {
  return !(year in HOLIDAY_SCHEDULES)
}

/** Years from `from` to `to` ('YYYY-MM-DD', in either order) whose schedule is not published yet. */
export function unpublishedYears(from: string, to: string): number[] {
  return unpublishedYearsOf(toDayNumber(from), toDayNumber(to))
}

/** What the citizen reads beside a date that counts such years: "预计（2027 年放假安排尚未公布）", or ''. */
export function estimateNote(from: string, to: string): string {
  const years = unpublishedYears(from, to)
  return years.length ? `预计（${years.join('、')} 年放假安排尚未公布）` : ''
}

function unpublishedYearsOf(a: number, b: number): number[] {
  const [first, last] = [yearOf(a), yearOf(b)].sort((x, y) => x - y)
  const years: number[] = []
  for (let y = first; y <= last; y++) if (isEstimatedYear(y)) years.push(y)
  return years
}

/**
 * Beijing calendar date of an instant. A string with 'Z' or an offset is converted; a bare
 * 'YYYY-MM-DD' or a local time without offset is taken as already in Beijing time.
 */
export function toBeijingDate(isoTime: string): string {
  const s = isoTime.trim()
  if (ISO_DATE.test(s)) {
    toDayNumber(s)
    return s
  }
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(s)
  if (!hasZone) {
    const date = s.slice(0, 10)
    if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(s)) throw new RangeError(`无效的时间：${isoTime}`)
    toDayNumber(date)
    return date
  }
  const ms = Date.parse(s)
  if (Number.isNaN(ms)) throw new RangeError(`无效的时间：${isoTime}`)
  return new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 10)
}

function isWorkingDayNumber(day: number): boolean {
  if (WORK.has(day)) return true
  return !OFF.has(day) && !isWeekend(day)
}

export function isWorkingDay(date: string): boolean {
  return isWorkingDayNumber(toDayNumber(date))
}

/**
 * Due date `n` working days after `start`. Counting starts on the next working day, so an
 * application on a Friday with n = 1 is due on Monday; n = 0 is a 即办件, due the same day.
 * `estimated` is true when any day examined lies in a year without a published schedule.
 */
export function addWorkingDays(start: string, n: number): { date: string; estimated: boolean } {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`工作日数应为非负整数：${n}`)
  const first = toDayNumber(start)
  let day = first
  for (let counted = 0; counted < n; ) {
    day++
    if (isWorkingDayNumber(day)) counted++
  }
  return { date: fromDayNumber(day), estimated: n > 0 && unpublishedYearsOf(first + 1, day).length > 0 }
}

/**
 * Working days after `from` up to and including `to`; negative when `to` is before `from`.
 * Inverse of addWorkingDays: workingDaysBetween(a, addWorkingDays(a, n).date) === n.
 */
export function workingDaysBetween(from: string, to: string): number {
  const a = toDayNumber(from)
  const b = toDayNumber(to)
  const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1]
  let count = 0
  for (let d = lo + 1; d <= hi; d++) if (isWorkingDayNumber(d)) count++
  return count === 0 ? 0 : sign * count
}

export type DeadlineStatus = 'on-time' | 'yellow' | 'red'

export interface DeadlineInput {
  /** ISO time or 'YYYY-MM-DD' of submission */
  submittedAt: string
  /** 'YYYY-MM-DD' */
  dueDate: string
  /** 'YYYY-MM-DD', Beijing time */
  today: string
  /** committed time limit in working days; defaults to the working days from submission to the due date */
  committedDays?: number
  /** yellow when at most this many working days are left (default 1; BRIEF §6 assumption) */
  yellowDays?: number
  /** yellow when at most this share of the committed time is left (default 0.2; BRIEF §6 assumption) */
  yellowRatio?: number
}

/** 红黄牌: red once the due date has passed, yellow when little time is left, else on time. */
export function deadlineStatus(input: DeadlineInput): DeadlineStatus {
  const { dueDate, today, yellowDays = 1, yellowRatio = 0.2 } = input
  if (toDayNumber(today) > toDayNumber(dueDate)) return 'red'
  const committed = input.committedDays ?? workingDaysBetween(toBeijingDate(input.submittedAt), dueDate)
  const left = workingDaysBetween(today, dueDate)
  // Small epsilon: 0.2 × 3 is 0.6000000000000001 in floating point.
  if (left <= yellowDays || left <= committed * yellowRatio + 1e-9) return 'yellow'
  return 'on-time'
}
