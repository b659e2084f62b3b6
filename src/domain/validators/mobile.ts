// Mainland mobile numbers: 11 digits, 1[3-9]xxxxxxxxx.
import { Result, hasFullWidth, invalid } from './result'

export interface MobileOptions {
  label?: string
}

export type MobileResult = Result<string>

export function validateMobile(raw: string, options: MobileOptions = {}): MobileResult {
  const label = options.label ?? '手机号码'
  const s = raw.trim()
  if (s === '') return invalid('empty', `请填写${label}`)
  if (hasFullWidth(s)) return invalid('full-width', `${label}含有全角字符，请使用半角数字`)
  // People type 138 1234 5678, 138-1234-5678 or +86: accept and normalise to 11 digits.
  const compact = s.replace(/[\s\u3000-]/g, '').replace(/^(\+86|0086)/, '')
  if (!/^\d+$/.test(compact)) return invalid('bad-char', `${label}只能包含数字`)
  if (compact.length !== 11) return invalid('length', `${label}应为11位，当前为${compact.length}位`)
  if (!/^1[3-9]/.test(compact)) return invalid('prefix', `${label}应以13–19开头，请核对`)
  return { ok: true, value: compact }
}
