// E-mail addresses: a practical check, not full RFC 5322.
import { Result, hasFullWidth, hasSpace, invalid } from './result'

const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}$/

export interface EmailOptions {
  label?: string
}

export type EmailResult = Result<string>

export function validateEmail(raw: string, options: EmailOptions = {}): EmailResult {
  const label = options.label ?? '电子邮箱'
  const s = raw.trim()
  if (s === '') return invalid('empty', `请填写${label}`)
  if (hasSpace(s)) return invalid('space', `${label}中不能有空格`)
  // ＠ and ． from a Chinese IME are the usual culprits.
  if (hasFullWidth(s)) return invalid('full-width', `${label}含有全角字符，请使用半角的 @ 和 .`)
  if (s.length > 254) return invalid('too-long', `${label}过长，请核对`)
  if (!EMAIL.test(s) || s.includes('..')) return invalid('format', `${label}格式不正确，例如 name@example.com`)
  // The domain part is case-insensitive; the local part is kept as typed.
  const at = s.lastIndexOf('@')
  return { ok: true, value: s.slice(0, at + 1) + s.slice(at + 1).toLowerCase() }
}
