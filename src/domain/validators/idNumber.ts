// 居民身份证号码, GB 11643-1999.
import { isRealDate, parseIsoDate } from './date'
import { Result, hasFullWidth, hasSpace, invalid } from './result'

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_CHARS = '10X98765432'

export type Sex = 'male' | 'female'

export interface IdNumberInfo {
  /** 'YYYY-MM-DD' */
  birthDate: string
  sex: Sex
  /** first 6 digits, GB/T 2260 */
  regionCode: string
}

export interface IdNumberOptions {
  /** 'YYYY-MM-DD' in Beijing time; a birth date after it is rejected. Passed in: the domain never reads the clock. */
  today: string
  label?: string
}

export type IdNumberResult = Result<string, IdNumberInfo>

/** Check character for the first 17 digits. */
export function idNumberCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]
  return CHECK_CHARS[sum % 11]
}

export function validateIdNumber(raw: string, options: IdNumberOptions): IdNumberResult {
  const label = options.label ?? '身份证号码'
  // Leading/trailing blanks come from copy-paste; inner ones are reported.
  const s = raw.trim()
  if (s === '') return invalid('empty', `请填写${label}`)
  if (hasSpace(s)) return invalid('space', `${label}中不能有空格，请删除空格`)
  if (hasFullWidth(s)) return invalid('full-width', `${label}含有全角字符，请使用半角数字`)
  if (!/^[0-9Xx]+$/.test(s)) return invalid('bad-char', `${label}只能由数字和字母 X 组成`)
  if (s.length === 15) return invalid('old-format', `${label}应为18位，15位旧号码请使用换领后的新号码`)
  if (s.length !== 18) return invalid('length', `${label}应为18位，当前为${s.length}位`)
  if (!/^\d{17}[0-9Xx]$/.test(s)) return invalid('bad-char', `${label}中字母 X 只能出现在最后一位`)

  const value = s.toUpperCase()
  if (!/^[1-8]/.test(value)) return invalid('region', `${label}前6位地区码不正确，请核对`)

  const y = Number(value.slice(6, 10))
  const m = Number(value.slice(10, 12))
  const d = Number(value.slice(12, 14))
  if (!isRealDate(y, m, d)) return invalid('impossible-date', `${label}中的出生日期不存在，请核对`)
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`
  if (y < 1900) return invalid('date-too-early', `${label}中的出生日期早于1900年，请核对`)
  if (!parseIsoDate(options.today)) throw new RangeError(`today 应为 YYYY-MM-DD：${options.today}`)
  if (birthDate > options.today) return invalid('future-date', `${label}中的出生日期晚于今天，请核对`)

  if (idNumberCheckChar(value) !== value[17]) return invalid('check-digit', `${label}校验位不正确，请核对后重新输入`)

  const sex: Sex = Number(value[16]) % 2 === 1 ? 'male' : 'female'
  return { ok: true, value, birthDate, sex, regionCode: value.slice(0, 6) }
}
