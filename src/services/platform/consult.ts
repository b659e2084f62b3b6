// 在线咨询's routes, one function each, on the platform client's `call` (same tokens, retries, one error type).
// Its own module so the schemas load with the 在线咨询 pages and the staff console, not with the first page.
import {
  ConsultListResponseSchema,
  ConsultQuestionSchema,
  StaffConsultCountSchema,
  StaffConsultListResponseSchema,
  StaffConsultViewSchema,
  type AnswerQuestionRequest,
  type AskQuestionRequest,
  type ConsultQuestion,
  type StaffConsultCount,
  type StaffConsultView,
} from '../contract-consult'
import type { CallOptions, PlatformClient } from './client'
import { newIdempotencyKey } from './ids'

async function allPages<T>(client: Pick<PlatformClient, 'call'>, o: CallOptions): Promise<T[]> {
  const out: T[] = []
  let cursor: string | undefined
  do {
    const page = await client.call<{ questions: T[]; nextCursor?: string }>({ ...o, query: { limit: 100, cursor } })
    out.push(...page.questions)
    cursor = page.nextCursor
  } while (cursor)
  return out
}

export function createConsultClient(client: Pick<PlatformClient, 'call'>) {
  const enc = encodeURIComponent
  return {
    /** Keep `idempotencyKey` with the question until the platform answers: a retry gets the same question. */
    askQuestion: (req: AskQuestionRequest, idempotencyKey: string) =>
      client.call<ConsultQuestion>({ method: 'POST', path: '/consultations', body: req, idempotencyKey, retry: true, auth: true, reply: () => ConsultQuestionSchema }),
    listQuestions: () => allPages<ConsultQuestion>(client, { method: 'GET', path: '/consultations', retry: true, auth: true, reply: () => ConsultListResponseSchema }),
    getQuestion: (id: string) => client.call<ConsultQuestion>({ method: 'GET', path: `/consultations/${enc(id)}`, retry: true, auth: true, reply: () => ConsultQuestionSchema }),
    /** the window: open questions of its hall, the earliest due first */
    staffQuestions: () => allPages<StaffConsultView>(client, { method: 'GET', path: '/staff/consultations', retry: true, auth: true, reply: () => StaffConsultListResponseSchema }),
    /** the window: how many of its hall's questions wait for an answer (polled while the console is open) */
    staffQuestionCount: () => client.call<StaffConsultCount>({ method: 'GET', path: '/staff/consultations/count', retry: true, auth: true, reply: () => StaffConsultCountSchema }),
    answerQuestion: (id: string, req: AnswerQuestionRequest, idempotencyKey: string = newIdempotencyKey()) =>
      client.call<StaffConsultView>({ method: 'POST', path: `/staff/consultations/${enc(id)}/answer`, body: req, idempotencyKey, retry: true, auth: true, reply: () => StaffConsultViewSchema }),
  }
}

export type ConsultClient = ReturnType<typeof createConsultClient>
