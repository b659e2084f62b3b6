// 统一社会信用代码, GB 32100-2015.
import { Result, hasFullWidth, hasSpace, invalid } from './result'

/** Index = value 0–30; I O Z S V are excluded to avoid confusion with 1 0 2 5 U. */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

export interface UsccInfo {
  /** 登记管理部门代码, e.g. 9 = 市场监管 */
  registeringBody: string
  /** 机构类别代码 */
  kind: string
  /** 登记管理机关行政区划码 */
  regionCode: string
  /** 主体标识码 (组织机构代码) */
  organisationCode: string
}

export interface UsccOptions {
  /**
   * typed: entered by the user, a bad check digit is an error.
   * external: came from another system (e.g. 电子营业执照); some live codes fail the check, so only warn.
   */
  origin?: 'typed' | 'external'
  label?: string
}

export type UsccResult = Result<string, UsccInfo>

/** Check character for the first 17 characters (all from CHARSET). */
export function usccCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i]) * WEIGHTS[i]
  const c = 31 - (sum % 31)
  return CHARSET[c === 31 ? 0 : c]
}

export function validateUscc(raw: string, options: UsccOptions = {}): UsccResult {
  const label = options.label ?? '统一社会信用代码'
  const s = raw.trim()
  if (s === '') return invalid('empty', `请填写${label}`)
  if (hasSpace(s)) return invalid('space', `${label}中不能有空格，请删除空格`)
  if (hasFullWidth(s)) return invalid('full-width', `${label}含有全角字符，请使用半角数字和字母`)
  const value = s.toUpperCase()
  if (!/^[0-9A-Z]+$/.test(value)) return invalid('bad-char', `${label}只能由数字和大写字母组成`)
  if (/[IOZSV]/.test(value)) return invalid('bad-char', `${label}不含字母 I、O、Z、S、V，请核对`)
  if (value.length !== 18) return invalid('length', `${label}应为18位，当前为${value.length}位`)

  const info: UsccInfo = {
    registeringBody: value[0],
    kind: value[1],
    regionCode: value.slice(2, 8),
    organisationCode: value.slice(8, 17),
  }
  if (usccCheckChar(value) !== value[17]) {
    if (options.origin === 'external') {
      return { ok: true, value, ...info, warning: `${label}未通过校验位检查；该代码来自其他系统，可以继续办理，建议向登记机关核实` }
    }
    return invalid('check-digit', `${label}校验位不正确，请核对后重新输入`)
  }
  return { ok: true, value, ...info }
}
