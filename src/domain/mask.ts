// Masking of personal information for screens and logs (PIPL; BRIEF §9).

function stars(n: number): string {
  return '*'.repeat(Math.max(0, n))
}

/** Keep `head` and `tail` characters but always hide at least half of the string. */
function maskMiddle(s: string, head: number, tail: number): string {
  const chars = Array.from(s)
  const len = chars.length
  if (len <= 2) return stars(len)
  const keep = Math.floor(len / 2)
  const h = Math.min(head, Math.ceil(keep / 2))
  const t = Math.min(tail, keep - h)
  return chars.slice(0, h).join('') + stars(len - h - t) + chars.slice(len - t).join('')
}

/**
 * 18-char ID → first 6 + 8 stars + last 4 ('430102********1234'), or with style 'short'
 * first 4 + 10 stars + last 4. Other lengths keep at most a third of the characters.
 */
export function maskIdNumber(id: string, style: 'standard' | 'short' = 'standard'): string {
  const s = id.trim()
  if (s.length === 18) return style === 'short' ? s.slice(0, 4) + stars(10) + s.slice(14) : s.slice(0, 6) + stars(8) + s.slice(14)
  return maskMiddle(s, 6, 4)
}

/** '13812341234' → '138****1234' */
export function maskMobile(mobile: string): string {
  const s = mobile.trim()
  if (/^\d{11}$/.test(s)) return s.slice(0, 3) + '****' + s.slice(7)
  return maskMiddle(s, 3, 4)
}

/** Bank account → '6222 **** **** 0123': fixed stars so the length is not revealed either. */
export function maskBankAccount(account: string): string {
  const s = account.replace(/[\s-]/g, '')
  if (s.length < 12) return maskMiddle(s, 2, 2)
  return `${s.slice(0, 4)} **** **** ${s.slice(-4)}`
}

/** '张三' → '张*', '张小三' → '张*三', '欧阳小明' → '欧**明'; the middle dot of minority names stays. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim())
  if (chars.length <= 1) return stars(chars.length)
  if (chars.length === 2) return chars[0] + '*'
  const middle = chars.slice(1, -1).map((c) => (c === '·' ? c : '*'))
  return chars[0] + middle.join('') + chars[chars.length - 1]
}

/**
 * Masks ID numbers (18 chars, and old 15-digit ones), mainland mobiles (with or without 86) and
 * 16–19 digit card numbers found in free text, e.g. a log line. Digit runs are matched whole, so
 * a longer number is never half-masked; it errs on the side of masking (any 18-char run counts).
 * 12–15 digit accounts are left alone because millisecond timestamps look the same.
 */
export function redactSensitive(text: string): string {
  return text.replace(/\d+[Xx]?/g, (run) => {
    const endsWithX = /[Xx]$/.test(run)
    const digits = endsWithX ? run.slice(0, -1) : run
    if (endsWithX) {
      // 17 digits + X is an ID; otherwise the X is ordinary text after a number.
      return digits.length === 17 ? maskIdNumber(run) : redactDigits(digits) + run.slice(-1)
    }
    return redactDigits(digits)
  })
}

function redactDigits(d: string): string {
  if (d.length === 18 || d.length === 15) return maskIdNumber(d)
  if (d.length === 11 && /^1[3-9]/.test(d)) return maskMobile(d)
  if (d.length === 13 && /^861[3-9]/.test(d)) return '86' + maskMobile(d.slice(2))
  if (d.length >= 16 && d.length <= 19) return maskBankAccount(d)
  return d
}
