// Amounts with a unit: 面积（㎡）, 投资额（万元）, 人数（人）…
import { Result, hasFullWidth, invalid } from './result'

export interface NumberOptions {
  /** what is measured, e.g. 面积 */
  label?: string
  /** e.g. ㎡, 万元 */
  unit?: string
  /** inclusive lower bound; without it the number must be greater than 0 */
  min?: number
  /** inclusive upper bound */
  max?: number
  integer?: boolean
}

export type NumberResult = Result<number>

export function validateNumber(raw: string | number, options: NumberOptions = {}): NumberResult {
  const label = options.label ?? '数值'
  const unit = options.unit ? `（${options.unit}）` : ''
  const suffix = options.unit ? ` ${options.unit}` : ''
  const what = `${label}${unit}`
  let n: number
  if (typeof raw === 'number') {
    n = raw
  } else {
    const s = raw.trim()
    if (s === '') return invalid('empty', `请填写${what}`)
    if (hasFullWidth(s)) return invalid('full-width', `${what}含有全角字符，请使用半角数字`)
    // Plain decimal only: no exponent, no thousands separators, no units typed into the box.
    if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return invalid('not-number', `${what}请填写数字`)
    n = Number(s)
  }
  if (!Number.isFinite(n)) return invalid('not-number', `${what}请填写数字`)
  if (options.integer && !Number.isInteger(n)) return invalid('not-integer', `${what}请填写整数`)
  if (options.min === undefined) {
    if (n <= 0) return invalid('not-positive', `请输入大于 0 的${what}`)
  } else if (n < options.min) {
    return invalid('too-small', `${label}不能小于 ${options.min}${suffix}`)
  }
  if (options.max !== undefined && n > options.max) return invalid('too-large', `${label}不能大于 ${options.max}${suffix}`)
  return { ok: true, value: n }
}
