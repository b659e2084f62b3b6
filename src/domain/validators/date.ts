import { Result, hasFullWidth, invalid } from './result'

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28
  return [4, 6, 9, 11].includes(m) ? 30 : 31
}

/** True for a real Gregorian date (rejects 2月30日, 13月 …). */
export function isRealDate(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)
}

/** 'YYYY-MM-DD' → parts, or null when malformed or not a real date. */
export function parseIsoDate(s: string): { y: number; m: number; d: number } | null {
  const match = ISO_DATE.exec(s)
  if (!match) return null
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])]
  return isRealDate(y, m, d) ? { y, m, d } : null
}

export interface DateOptions {
  label?: string
  /** inclusive, 'YYYY-MM-DD' */
  min?: string
  max?: string
  /** how the bound is said, e.g. '今天', '出生日期（1958-01-01）'; the date itself otherwise */
  minText?: string
  maxText?: string
}

export type DateResult = Result<string>

export function validateDate(raw: string, options: DateOptions = {}): DateResult {
  const label = options.label ?? '日期'
  const s = raw.trim()
  if (s === '') return invalid('empty', `请填写${label}`)
  if (hasFullWidth(s)) return invalid('full-width', `${label}含有全角字符，请使用半角数字`)
  if (!ISO_DATE.test(s)) return invalid('format', `${label}格式应为“年-月-日”，例如 2025-01-31`)
  if (!parseIsoDate(s)) return invalid('impossible-date', `${label}不是有效的日期，请核对月份和日期`)
  // Same-format ISO dates compare correctly as strings.
  if (options.min && s < options.min) return invalid('too-early', `${label}不能早于${options.minText ?? ` ${options.min}`}`)
  if (options.max && s > options.max) return invalid('too-late', `${label}不能晚于${options.maxText ?? ` ${options.max}`}`)
  return { ok: true, value: s }
}

/**
 * 'YYYY-MM-DD' moved by years, months and days (any sign). A day past the month's end is the month's last
 * day (2024-02-29 + 1 year → 2025-02-28), as people count "满一年".
 */
export function shiftDate(iso: string, offset: { years?: number; months?: number; days?: number }): string {
  const p = parseIsoDate(iso)
  if (!p) throw new RangeError(`无效的日期：${iso}`)
  const monthIndex = p.y * 12 + (p.m - 1) + (offset.years ?? 0) * 12 + (offset.months ?? 0)
  const y = Math.floor(monthIndex / 12)
  const m = (monthIndex % 12) + 1
  const d = Math.min(p.d, daysInMonth(y, m))
  const ms = Date.UTC(y, m - 1, d) + (offset.days ?? 0) * 86_400_000
  return new Date(ms).toISOString().slice(0, 10)
}

/** Whole years from `birth` to `on` (both 'YYYY-MM-DD'): 周岁. */
export function fullYears(birth: string, on: string): number {
  const b = parseIsoDate(birth)
  const t = parseIsoDate(on)
  if (!b || !t) throw new RangeError(`无效的日期：${birth} / ${on}`)
  return t.y - b.y - (t.m < b.m || (t.m === b.m && t.d < b.d) ? 1 : 0)
}
