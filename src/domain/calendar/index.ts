// Working-day calendar for deadlines (承诺办结时限 count working days; BRIEF §6).
// Dates are 'YYYY-MM-DD' in Beijing time. Arithmetic is done on UTC dates so the host's time zone
// never matters, and nothing here reads the clock.
import { HOLIDAY_SCHEDULES } from './holidays'

export { HOLIDAY_SCHEDULES } from './holidays'
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

const OFF = new Set<string>()
const WORK = new Set<string>()
for (const schedule of Object.values(HOLIDAY_SCHEDULES)) {
  for (const [from, to] of schedule.off) {
    for (let d = toDayNumber(from); d <= toDayNumber(to); d++) OFF.add(fromDayNumber(d))
  }
  for (const d of schedule.work) WORK.add(d)
}

/** True when the State Council schedule for that year is not in the table: weekends only, an estimate. */
export function isEstimatedYear(year: number): boolean {
  return !(year in HOLIDAY_SCHEDULES)
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
  const date = fromDayNumber(day)
  if (WORK.has(date)) return true
  if (OFF.has(date)) return false
  // 1970-01-01 was a Thursday: (day + 4) % 7 gives 0 = Sunday … 6 = Saturday.
  const weekday = (((day + 4) % 7) + 7) % 7
  return weekday !== 0 && weekday !== 6
}

export function isWorkingDay(date: string): boolean {
  return isWorkingDayNumber(toDayNumber(date))
}

function yearOf(day: number): number {
  return Number(fromDayNumber(day).slice(0, 4))
}

/**
 * Due date `n` working days after `start`. Counting starts on the next working day, so an
 * application on a Friday with n = 1 is due on Monday; n = 0 is a 即办件, due the same day.
 * `estimated` is true when any day examined lies in a year without a published schedule.
 */
export function addWorkingDays(start: string, n: number): { date: string; estimated: boolean } {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`工作日数应为非负整数：${n}`)
  let day = toDayNumber(start)
  let estimated = false
  for (let counted = 0; counted < n; ) {
    day++
    if (isEstimatedYear(yearOf(day))) estimated = true
    if (isWorkingDayNumber(day)) counted++
  }
  return { date: fromDayNumber(day), estimated }
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
  return sign * count
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
