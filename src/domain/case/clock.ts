// The case's clock (红黄牌): runs from 受理, stops while a 补正 or an unpaid fee holds the case, counts in the
// unit of the committed limit (工作日 or 日). Pure: `now` is passed in.
import { addWorkingDays, estimateNote, toBeijingDate, workingDaysBetween } from '../calendar'
import { formatDate } from '../datetime'
import type { CaseLimit, DeadlineStatus, PausedPeriod } from './types'

const DAY_MS = 86_400_000

function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS)
}

function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10)
}

/** Counted days after `from` up to and including `to` (negative when `to` is earlier). */
export function unitsBetween(from: string, to: string, unit: CaseLimit['unit']): number {
  return unit === 'workday' ? workingDaysBetween(from, to) : dayNumber(to) - dayNumber(from)
}

/** The date `n` counted days after `start`, and whether an unpublished holiday schedule was assumed. */
export function addUnits(start: string, n: number, unit: CaseLimit['unit']): { date: string; estimated: boolean } {
  return unit === 'workday' ? addWorkingDays(start, n) : { date: fromDayNumber(dayNumber(start) + n), estimated: false }
}

export function unitText(unit: CaseLimit['unit']): string {
  return unit === 'workday' ? '个工作日' : '天'
}

export interface ClockInput {
  /** ISO; absent until a department accepts (受理): the clock has not started */
  acceptedAt?: string
  limit: CaseLimit
  paused: PausedPeriod[]
  /** ISO */
  now: string
  /** ISO: the case was decided or closed; the clock stops there */
  endedAt?: string
  /** yellow at or below this many counted days left (BRIEF §6 assumption: 1) */
  yellowDays?: number
  /** yellow at or below this share of the limit left (BRIEF §6 assumption: 0.2) */
  yellowRatio?: number
}

export interface CaseClock {
  state: 'not-started' | 'running' | 'paused' | 'stopped'
  card: DeadlineStatus
  /** counted days used, left (negative when overdue), overdue (≥ 0) */
  used: number
  left: number
  overdue: number
  /** YYYY-MM-DD: when it is due if nothing stops the clock again */
  dueDate?: string
  estimated: boolean
  /** why the clock stands still, e.g. 补正 */
  pausedBy?: string
  /** counted days the clock stood still */
  pausedDays: number
  /** one line that does not rely on colour */
  text: string
}

/** Paused periods as Beijing date ranges, clipped to [start, end] and merged. */
function pausedRanges(paused: PausedPeriod[], start: string, end: string): [string, string][] {
  const ranges = paused
    .map((p) => [toBeijingDate(p.from), p.to ? toBeijingDate(p.to) : end] as [string, string])
    .map(([a, b]) => [a < start ? start : a, b > end ? end : b] as [string, string])
    .filter(([a, b]) => a < b)
    .sort((x, y) => x[0].localeCompare(y[0]))
  const merged: [string, string][] = []
  for (const r of ranges) {
    const last = merged[merged.length - 1]
    if (last && r[0] <= last[1]) last[1] = r[1] > last[1] ? r[1] : last[1]
    else merged.push([r[0], r[1]])
  }
  return merged
}

/** 红黄牌 of a running limit: green, yellow when ≤ 1 day or ≤ 20% is left, red once overdue. */
export function caseClock(input: ClockInput): CaseClock {
  const { limit, yellowDays = 1, yellowRatio = 0.2 } = input
  const unit = unitText(limit.unit)
  if (!input.acceptedAt && input.endedAt && input.endedAt <= input.now) {
    return { state: 'stopped', card: 'on-time', used: 0, left: limit.value, overdue: 0, estimated: false, pausedDays: 0, text: '未受理，不计时' }
  }
  if (!input.acceptedAt) {
    const text = limit.value === 0 ? '即办件：受理后当场办结' : `受理后开始计时，承诺 ${limit.value} ${unit}内办结`
    return { state: 'not-started', card: 'on-time', used: 0, left: limit.value, overdue: 0, estimated: false, pausedDays: 0, text }
  }
  const start = toBeijingDate(input.acceptedAt)
  const endIso = input.endedAt && input.endedAt < input.now ? input.endedAt : input.now
  const end = toBeijingDate(endIso)
  const ranges = pausedRanges(input.paused, start, end)
  const pausedDays = ranges.reduce((n, [a, b]) => n + unitsBetween(a, b, limit.unit), 0)
  const used = unitsBetween(start, end, limit.unit) - pausedDays
  const left = limit.value - used
  const overdue = Math.max(0, -left)
  const due = addUnits(start, limit.value + pausedDays, limit.unit)
  const open = input.paused.find((p) => !p.to || p.to > endIso)
  const stopped = !!input.endedAt && input.endedAt <= input.now
  const pausedBy = !stopped && open && open.from <= endIso ? open.reason : undefined
  // Small epsilon: 0.2 × 3 is 0.6000000000000001 in floating point.
  const card: DeadlineStatus = left < 0 ? 'red' : left <= yellowDays || left <= limit.value * yellowRatio + 1e-9 ? 'yellow' : 'on-time'
  const state: CaseClock['state'] = stopped ? 'stopped' : pausedBy ? 'paused' : 'running'
  let text: string
  if (stopped) text = overdue ? `超过承诺时限 ${overdue} ${unit}办结` : `在承诺时限内办结（用时 ${used} ${unit}）`
  else if (card === 'red') text = `已超过承诺时限 ${overdue} ${unit}，可拨打 12345 反映`
  else {
    const leftText = left === 0 ? `今天到期（${formatDate(due.date, input.now)}）` : `剩余 ${left} ${unit}（${formatDate(due.date, input.now)}前）`
    text = pausedBy ? `${pausedBy}期间不计时，${leftText}` : card === 'yellow' ? `即将到期：${leftText}` : leftText
    const note = estimateNote(start, due.date)
    if (note) text += `，${note}`
  }
  return { state, card, used, left, overdue, dueDate: due.date, estimated: due.estimated, pausedBy, pausedDays, text }
}

export const CARD_TEXT: Record<DeadlineStatus, string> = { 'on-time': '绿牌', yellow: '黄牌', red: '红牌' }
