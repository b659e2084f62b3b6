// 在线咨询 on the platform's contract: a citizen's question about a bundle, the window's answer. One valibot
// schema per shape (the mock checks requests with it, the client parses replies with it); the types are
// the schemas' own. Re-exported by contract.ts.
import * as v from 'valibot'
import { ANSWER_MAX, QUESTION_MAX } from '../domain/consult'

const text = (max: number) => v.pipe(v.string('应为字符串'), v.maxLength(max * 2, `不能超过 ${max} 个字`))
const BUNDLE_ID = v.pipe(v.string('应为字符串'), v.regex(/^[A-Za-z0-9_.-]{1,80}$/, '一件事标识格式不正确'))

// ---------- requests (the content rules are the domain's questionError / answerError, checked after the shape) ----------

export const AskQuestionRequestSchema = v.object({ bundleId: BUNDLE_ID, question: text(QUESTION_MAX) })
export type AskQuestionRequest = v.InferOutput<typeof AskQuestionRequestSchema>

export const AnswerQuestionRequestSchema = v.object({ answer: text(ANSWER_MAX) })
export type AnswerQuestionRequest = v.InferOutput<typeof AnswerQuestionRequestSchema>

// ---------- replies ----------

export const ConsultAnswerSchema = v.object({
  text: v.string(),
  at: v.string(),
  /** the hall that answered (the clerk's name is not shown to the citizen) */
  hallName: v.string(),
})

export const ConsultQuestionSchema = v.object({
  id: v.string(),
  bundleId: v.string(),
  bundleName: v.string(),
  question: v.string(),
  askedAt: v.string(),
  /** 'YYYY-MM-DD' (Beijing): 5 working days after askedAt */
  dueDate: v.string(),
  status: v.picklist(['open', 'answered']),
  answer: v.optional(ConsultAnswerSchema),
})
export type ConsultQuestion = v.InferOutput<typeof ConsultQuestionSchema>

export const ConsultListResponseSchema = v.object({ questions: v.array(ConsultQuestionSchema), nextCursor: v.optional(v.string()) })
export type ConsultListResponse = v.InferOutput<typeof ConsultListResponseSchema>

/** What the window sees: the asker masked, and whether the due date has passed (platform time). */
export const StaffConsultViewSchema = v.object({
  ...ConsultQuestionSchema.entries,
  askerName: v.string(),
  hallName: v.string(),
  overdue: v.boolean(),
})
export type StaffConsultView = v.InferOutput<typeof StaffConsultViewSchema>

export const StaffConsultListResponseSchema = v.object({ questions: v.array(StaffConsultViewSchema), nextCursor: v.optional(v.string()) })
export type StaffConsultListResponse = v.InferOutput<typeof StaffConsultListResponseSchema>

/** The window's tally of its hall's open questions (no question, no name: polled while the console is open). */
export const StaffConsultCountSchema = v.object({ open: v.pipe(v.number(), v.integer(), v.minValue(0)), overdue: v.pipe(v.number(), v.integer(), v.minValue(0)) })
export type StaffConsultCount = v.InferOutput<typeof StaffConsultCountSchema>
