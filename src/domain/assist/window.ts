// 一窗受理 at the window: the reasons a window may give for 不予受理 (《行政许可法》第三十二条), what a refusal or a
// 补正 must say, and what the printed notices hold. The platform checks the same limits.

export const REFUSAL_REASONS = ['申请事项依法不需要取得行政许可', '申请事项不属于本机关职权范围', '申请人不具备申请资格', '其他（请在说明中写明）'] as const
export type RefusalReason = (typeof REFUSAL_REASONS)[number]

export const WINDOW_TEXT_MAX = 500

/** The refusal as the citizen reads it, or the problem at the field. */
export function refusalText(reason: string | undefined, note: string): { text?: string; errors: Record<string, string> } {
  const errors: Record<string, string> = {}
  const n = note.trim()
  if (!reason || !(REFUSAL_REASONS as readonly string[]).includes(reason)) errors.reason = '请选择不予受理的理由'
  else if (reason.startsWith('其他') && !n) errors.note = '选择“其他”时，请写明不予受理的理由'
  const text = reason && !reason.startsWith('其他') ? (n ? `${reason}：${n}` : reason) : n
  if (text.length > WINDOW_TEXT_MAX) errors.note = `说明不能超过 ${WINDOW_TEXT_MAX} 个字`
  return Object.keys(errors).length ? { errors } : { text, errors }
}

/** 一次性告知: what the applicant must add, named once and all together. */
export function supplementProblems(message: string, materials: string[]): Record<string, string> {
  const errors: Record<string, string> = {}
  const m = message.trim()
  if (!m) errors.message = '请写明需要补正的内容和要求（一次性告知）'
  else if (m.length > WINDOW_TEXT_MAX) errors.message = `说明不能超过 ${WINDOW_TEXT_MAX} 个字`
  if (!materials.length) errors.materials = '请选择需要补正的材料'
  return errors
}

export type NoticeKind = 'accepted' | 'supplement' | 'rejected'

export const NOTICE_TITLES: Record<NoticeKind, string> = { accepted: '受理通知书', supplement: '补正材料告知书', rejected: '不予受理决定书' }
