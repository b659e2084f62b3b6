// 在线咨询 (即问即答 / 接诉即办): a citizen's question about a bundle, answered by the window within 5 working
// days. The app checks a question and an answer with these functions before sending; the platform checks them
// again with the same ones and the same words. Pure: the current time is passed in.
import { addWorkingDays, toBeijingDate } from './calendar'

/** 承诺答复时限 in working days (the working-day calendar of case deadlines, with holidays). */
export const CONSULT_ANSWER_DAYS = 5
export const QUESTION_MIN = 5
export const QUESTION_MAX = 500
export const ANSWER_MIN = 5
export const ANSWER_MAX = 1000

function textError(text: string, min: number, max: number, what: string): string | undefined {
  const t = text.trim()
  if (!t) return `请填写${what}`
  // counted in characters as a person counts them (an emoji is one)
  const length = Array.from(t).length
  if (length < min) return `${what}太短了，请至少写 ${min} 个字`
  if (length > max) return `${what}不能超过 ${max} 个字（现在 ${length} 个字）`
  return undefined
}

/** The question the citizen typed: a message for the field, or undefined when it can be sent. */
export function questionError(text: string): string | undefined {
  return textError(text, QUESTION_MIN, QUESTION_MAX, '咨询内容')
}

/** The window's answer. */
export function answerError(text: string): string | undefined {
  return textError(text, ANSWER_MIN, ANSWER_MAX, '答复内容')
}

/** Due date ('YYYY-MM-DD', Beijing) of a question asked at `askedAt` (ISO instant): 5 working days later. */
export function consultDueDate(askedAt: string): string {
  return addWorkingDays(toBeijingDate(askedAt), CONSULT_ANSWER_DAYS).date
}

/** Past its due date and not answered, as of `now` (ISO instant). */
export function isConsultOverdue(q: { dueDate: string; status: ConsultStatus }, now: string): boolean {
  return q.status === 'open' && toBeijingDate(now) > q.dueDate
}

export type ConsultStatus = 'open' | 'answered'

export const CONSULT_STATUS_TEXT: Record<ConsultStatus, string> = { open: '待答复', answered: '已答复' }

/** The status the citizen reads: an open question past its date says 已超期 (in words, not colour). */
export function consultStatusText(q: { dueDate: string; status: ConsultStatus }, now: string): string {
  return isConsultOverdue(q, now) ? '已超期' : CONSULT_STATUS_TEXT[q.status]
}

/** Open questions first by due date (the most urgent on top), then the answered ones, newest first. */
export function byDueDate<T extends { dueDate: string; askedAt: string; status: ConsultStatus }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => {
    if (a.status !== b.status) return a.status === 'open' ? -1 : 1
    if (a.status === 'open') return a.dueDate.localeCompare(b.dueDate) || a.askedAt.localeCompare(b.askedAt)
    return b.askedAt.localeCompare(a.askedAt)
  })
}
