// Rules of the case's life that both the app and the platform apply, with the same messages:
// remedies after a refusal, 好差评 and its follow-up, a second 补正, payment.
import dayjs from 'dayjs'
import { toBeijingDate } from '../calendar'
import { addUnits } from './clock'
import type { CaseMatter, EvaluationRequest, FeeItem, FollowUp, RatingIndicator, RatingLevel, Remedy, SupplementRequest } from './types'

// ---------- remedies (行政复议法, 行政诉讼法; BRIEF §12) ----------

/** 行政复议 within 60 days and 行政诉讼 within 6 months of knowing the decision. */
export function remediesOf(decidedAt: string, authority: string): Remedy[] {
  const known = toBeijingDate(decidedAt)
  return [
    { name: '行政复议', within: '自知道该决定之日起 60 日内', until: addUnits(known, 60, 'day').date, how: `向${authority}的本级人民政府或上一级主管部门申请` },
    { name: '行政诉讼', within: '自知道该决定之日起 6 个月内', until: dayjs(known).add(6, 'month').format('YYYY-MM-DD'), how: '向有管辖权的人民法院提起' },
  ]
}

// ---------- 好差评 (国办发〔2019〕51号, GB/T 39734-2020) ----------

export const RATING_LEVELS: { level: RatingLevel; label: string }[] = [
  { level: 5, label: '非常满意' },
  { level: 4, label: '满意' },
  { level: 3, label: '基本满意' },
  { level: 2, label: '不满意' },
  { level: 1, label: '非常不满意' },
]

export const RATING_INDICATORS: { id: RatingIndicator; label: string }[] = [
  { id: 'efficiency', label: '办事效率' },
  { id: 'guideAccuracy', label: '办事指南精确度' },
  { id: 'convenience', label: '办事便捷度' },
  { id: 'usability', label: '平台操作性' },
]

export const COMMENT_MAX = 500

export function ratingLabel(level: number): string {
  return RATING_LEVELS.find((l) => l.level === level)?.label ?? ''
}

/** 不满意 and 非常不满意 */
export function isBadRating(level: number): boolean {
  return level <= 2
}

export type RatingCheck =
  | { ok: true; value: { level: RatingLevel; indicators: RatingIndicator[]; comment?: string } }
  | { ok: false; message: string; errors: Partial<Record<'level' | 'indicators' | 'comment', string>> }

/** One rulebook: the rating screen and the platform both call this. */
export function checkRating(input: Partial<EvaluationRequest>): RatingCheck {
  const errors: Partial<Record<'level' | 'indicators' | 'comment', string>> = {}
  const level = input.level
  const known = RATING_INDICATORS.map((i) => i.id as string)
  const indicators = [...new Set(input.indicators ?? [])]
  if (typeof level !== 'number' || !RATING_LEVELS.some((l) => l.level === level)) errors.level = '请选择满意程度'
  if (indicators.some((i) => !known.includes(i))) errors.indicators = '评价指标只能是办事效率、办事指南精确度、办事便捷度或平台操作性'
  else if (typeof level === 'number' && isBadRating(level) && indicators.length === 0) errors.indicators = `选择“${ratingLabel(level)}”时，请至少选择一项不满意的方面`
  const comment = input.comment?.trim()
  if (comment && Array.from(comment).length > COMMENT_MAX) errors.comment = `评价内容不能超过 ${COMMENT_MAX} 字，当前 ${Array.from(comment).length} 字`
  const first = errors.level ?? errors.indicators ?? errors.comment
  if (first) return { ok: false, message: first, errors }
  return { ok: true, value: { level: level as RatingLevel, indicators: indicators as RatingIndicator[], ...(comment ? { comment } : {}) } }
}

/** Follow-up of a bad rating: call-back and rectification within 7 natural days, 15 for complex cases (Hunan counties). */
export function followUpOf(ratedAt: string, complex: boolean): FollowUp {
  const day = toBeijingDate(ratedAt)
  const due = addUnits(day, complex ? 15 : 7, 'day').date
  return { openedAt: ratedAt, complex, callbackDue: due, rectifyDue: due }
}

/** Assumption (no published rule): a case handled by three departments or more, or with a 现场核查, is complex. */
export function isComplexCase(matters: Pick<CaseMatter, 'department' | 'hasSiteCheck'>[]): boolean {
  return new Set(matters.map((m) => m.department)).size >= 3 || matters.some((m) => m.hasSiteCheck)
}

// ---------- 补正 (一次性告知) ----------

/**
 * A department may ask a matter for a 补正 again only for items it has not asked for before: everything
 * needed is told at once. Returns the refusal, or undefined.
 */
export function secondSupplementRefusal(earlier: Pick<SupplementRequest, 'fields' | 'materials' | 'matterIds'>[], matterIds: string[], fields: string[], materials: string[]): string | undefined {
  const asked = earlier.filter((s) => !s.matterIds || s.matterIds.some((id) => matterIds.includes(id)))
  if (!asked.length) return undefined
  const seenFields = new Set(asked.flatMap((s) => s.fields))
  const seenMaterials = new Set(asked.flatMap((s) => s.materials))
  const fresh = fields.some((f) => !seenFields.has(f)) || materials.some((m) => !seenMaterials.has(m))
  return fresh ? undefined : '该事项已一次性告知过这些补正内容，再次要求补正须列明新的补正事项'
}

// ---------- 缴费 ----------

export function feeTotal(items: FeeItem[]): number {
  return Math.round(items.reduce((n, f) => n + f.amountYuan, 0) * 100) / 100
}

export function yuanText(amount: number): string {
  return `${Number.isInteger(amount) ? amount : amount.toFixed(2)} 元`
}

/** Why a fee cannot be paid now; undefined when it can. Paying twice answers the first payment (exactly once). */
export function paymentRefusal(m: Pick<CaseMatter, 'fee' | 'status'> | undefined): string | undefined {
  if (!m) return '该办件中没有这个事项'
  if (!m.fee) return '该事项不收费'
  if (m.status === 'withdrawn' || m.status === 'rejected') return '该事项已终止办理，无需缴费'
  return undefined
}
