// Bank accounts / card numbers: 12–19 digits.
import { Result, hasFullWidth, invalid } from './result'

export interface BankAccountOptions {
  label?: string
  /** Warn (never block) when the Luhn check fails: most cards use it, many 对公 accounts do not. Default true. */
  luhn?: boolean
}

export type BankAccountResult = Result<string>

export function luhnValid(digits: string): boolean {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i])
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum % 10 === 0
}

export function validateBankAccount(raw: string, options: BankAccountOptions = {}): BankAccountResult {
  const label = options.label ?? '银行账号'
  const s = raw.trim()
  if (s === '') return invalid('empty', `请填写${label}`)
  if (hasFullWidth(s)) return invalid('full-width', `${label}含有全角字符，请使用半角数字`)
  // Cards are printed in groups of four: spaces and hyphens are dropped.
  const value = s.replace(/[\s\u3000-]/g, '')
  if (!/^\d+$/.test(value)) return invalid('bad-char', `${label}只能包含数字`)
  if (value.length < 12 || value.length > 19) return invalid('length', `${label}应为12至19位数字，当前为${value.length}位`)
  if (options.luhn !== false && !luhnValid(value)) {
    return { ok: true, value, warning: `${label}未通过校验，请核对是否输错（对公账户可忽略此提示）` }
  }
  return { ok: true, value }
}
