// What staff scan or type at the window: the citizen's 授权码 / QR, the SMS code the citizen reads out, or a
// case number. A USB scanner types the QR's text and Enter into the same box.

export const GRANT_QR_PREFIX = 'HNYJS:GRANT:'

/** A one-time 授权码: 8 digits. */
export const WINDOW_CODE = /^\d{8}$/
/** An SMS code the citizen reads out: 6 digits. */
export const SMS_GRANT_CODE = /^\d{6}$/
export const CASE_NUMBER = /^HN\d{13}$/
/** 线上预填、线下办理: the booking's number and the prefix of its QR (booking.ts) */
export const BOOKING_NUMBER = /^YY\d{8}$/
export const BOOKING_QR_PREFIX = 'HNYJS:BOOKING:'

export type ScanResult =
  | { kind: 'code'; code: string; from: 'qr' | 'typed' }
  | { kind: 'sms'; code: string }
  | { kind: 'case'; caseId: string }
  | { kind: 'booking'; number: string }
  | { kind: 'invalid'; message: string }

export function grantQrText(code: string): string {
  return GRANT_QR_PREFIX + code
}

/** Reads what was scanned or typed; spaces and dashes typed to group digits are ignored. */
export function parseScan(text: string): ScanResult {
  const raw = text.trim().toUpperCase()
  if (!raw) return { kind: 'invalid', message: '请扫描或输入申请人的授权码、预约号，或办件编号' }
  if (raw.startsWith(GRANT_QR_PREFIX)) {
    const code = raw.slice(GRANT_QR_PREFIX.length)
    return WINDOW_CODE.test(code) ? { kind: 'code', code, from: 'qr' } : { kind: 'invalid', message: '二维码内容不完整，请让申请人刷新后重新扫描' }
  }
  if (raw.startsWith(BOOKING_QR_PREFIX)) {
    const number = raw.slice(BOOKING_QR_PREFIX.length)
    return BOOKING_NUMBER.test(number) ? { kind: 'booking', number } : { kind: 'invalid', message: '预约二维码内容不完整，请让申请人刷新后重新扫描' }
  }
  const compact = raw.replace(/[\s-]/g, '')
  if (BOOKING_NUMBER.test(compact)) return { kind: 'booking', number: compact }
  if (CASE_NUMBER.test(compact)) return { kind: 'case', caseId: compact }
  if (WINDOW_CODE.test(compact)) return { kind: 'code', code: compact, from: 'typed' }
  if (SMS_GRANT_CODE.test(compact)) return { kind: 'sms', code: compact }
  return { kind: 'invalid', message: '无法识别：授权码为 8 位数字，短信授权码为 6 位数字，预约号以 YY 开头，办件编号以 HN 开头' }
}
