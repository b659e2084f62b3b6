// 在线咨询: the citizen's question (a draft kept on the device per person until the platform has it, with the
// Idempotency-Key it is sent with, so a retry — even after a reload — is the same question), 我的咨询, one
// question with its answer; and the window's desk: open questions of its hall, answering one. The rulebook
// (domain/consult.ts) checks before sending; the platform checks again with the same words.
import { create } from 'zustand'
import { answerError, questionError } from '@/domain/consult'
import type { ConsultQuestion, StaffConsultCount, StaffConsultView } from '@/services/contract-consult'
import { isPlatformError, newIdempotencyKey } from '@/services/platform'
import type { ConsultClient } from '@/services/platform/consult'
import type { KeyValueStorage } from '@/services/storage'

export const CONSULT_DRAFT_KEY = 'yjs.consult-draft.v1'

/** What the citizen is typing; the key once it has been sent (cleared when the platform answers). */
export interface ConsultDraft {
  userId: string
  bundleId?: string
  text: string
  idempotencyKey?: string
}

export interface ConsultState {
  draft: ConsultDraft
  questions: ConsultQuestion[]
  status: 'idle' | 'loading' | 'ready' | 'error'
  /** the question opened by id */
  current?: ConsultQuestion
  currentError?: string
  busy: boolean
  error?: string
  /** 'bundleId' | 'question' → message */
  fieldErrors: Record<string, string>
  /** the person's draft from the device (another person's is not shown) */
  open(userId: string, bundleId?: string): void
  edit(change: { bundleId?: string; text?: string }): void
  /** the question as the platform stored it, or undefined with the message at the field or in `error` */
  ask(): Promise<ConsultQuestion | undefined>
  load(): Promise<void>
  loadOne(id: string): Promise<void>
  reset(): void
}

const message = (e: unknown, fallback: string) => (isPlatformError(e) ? e.message : fallback)

function readDraft(storage: KeyValueStorage, userId: string): ConsultDraft | undefined {
  try {
    const raw: unknown = JSON.parse(storage.getItem(CONSULT_DRAFT_KEY) ?? 'null')
    if (!raw || typeof raw !== 'object') return undefined
    const d = raw as Record<string, unknown>
    if (d.userId !== userId || typeof d.text !== 'string') return undefined
    return {
      userId,
      text: d.text,
      ...(typeof d.bundleId === 'string' ? { bundleId: d.bundleId } : {}),
      ...(typeof d.idempotencyKey === 'string' ? { idempotencyKey: d.idempotencyKey } : {}),
    }
  } catch {
    return undefined
  }
}

export function createConsultStore(deps: { client: Pick<ConsultClient, 'askQuestion' | 'listQuestions' | 'getQuestion'>; storage: KeyValueStorage }) {
  const { client, storage } = deps
  const empty: ConsultDraft = { userId: '', text: '' }
  return create<ConsultState>()((set, get) => {
    const keep = (draft: ConsultDraft) => {
      set({ draft })
      if (draft.userId) storage.setItem(CONSULT_DRAFT_KEY, JSON.stringify(draft))
    }
    return {
      draft: empty,
      questions: [],
      status: 'idle',
      busy: false,
      fieldErrors: {},
      open(userId, bundleId) {
        // another person on this device: nothing of the one before. A list read before anyone was known (saved
        // tokens still being checked at start-up) came with this person's token and stays.
        const before = get().draft.userId
        if (before && before !== userId) set({ questions: [], status: 'idle', current: undefined, currentError: undefined })
        const kept = readDraft(storage, userId)
        // a bundle named by the link (a guide's 在线咨询) is chosen; what was typed stays
        const draft: ConsultDraft = { ...(kept ?? { userId, text: '' }), ...(bundleId ? { bundleId } : {}) }
        set({ draft, fieldErrors: {}, error: undefined })
        if (bundleId && kept?.bundleId !== bundleId) keep(draft)
      },
      edit(change) {
        const draft = { ...get().draft, ...change }
        // a changed question is a new question: a new key when it is sent
        if (change.text !== undefined && change.text !== get().draft.text) delete draft.idempotencyKey
        if (change.bundleId !== undefined && change.bundleId !== get().draft.bundleId) delete draft.idempotencyKey
        const fieldErrors = { ...get().fieldErrors }
        if (change.text !== undefined) delete fieldErrors.question
        if (change.bundleId !== undefined) delete fieldErrors.bundleId
        set({ fieldErrors })
        keep(draft)
      },
      async ask() {
        if (get().busy) return undefined
        const d = get().draft
        const fieldErrors: Record<string, string> = {}
        if (!d.bundleId) fieldErrors.bundleId = '请选择要咨询的事项'
        const problem = questionError(d.text)
        if (problem) fieldErrors.question = problem
        if (Object.keys(fieldErrors).length) {
          set({ fieldErrors, error: undefined })
          return undefined
        }
        // the key is kept with the text before sending: a retry after a lost answer or a reload is the same question
        const sending = { ...d, idempotencyKey: d.idempotencyKey ?? newIdempotencyKey() }
        keep(sending)
        set({ busy: true, fieldErrors: {}, error: undefined })
        try {
          const q = await client.askQuestion({ bundleId: d.bundleId!, question: d.text }, sending.idempotencyKey)
          storage.removeItem(CONSULT_DRAFT_KEY)
          set({ draft: { userId: d.userId, bundleId: d.bundleId, text: '' }, busy: false, questions: [q, ...get().questions.filter((x) => x.id !== q.id)] })
          return q
        } catch (e) {
          const fe = (isPlatformError(e) && e.fieldErrors) || {}
          // refused for its content: a corrected question gets a new key
          if (isPlatformError(e) && e.status === 422) keep({ ...sending, idempotencyKey: undefined })
          set({ busy: false, fieldErrors: fe, error: Object.keys(fe).length ? undefined : `${message(e, '暂时无法提交咨询')}。您写的内容已保存，可稍后再提交。` })
          return undefined
        }
      },
      async load() {
        set({ status: get().questions.length ? 'ready' : 'loading' })
        try {
          set({ questions: await client.listQuestions(), status: 'ready', error: undefined })
        } catch (e) {
          set({ status: 'error', error: message(e, '暂时无法读取您的咨询，请稍后重试') })
        }
      },
      async loadOne(id) {
        const known = get().questions.find((q) => q.id === id)
        set({ current: known?.id === id ? known : get().current?.id === id ? get().current : undefined, currentError: undefined })
        try {
          set({ current: await client.getQuestion(id) })
        } catch (e) {
          set({ currentError: isPlatformError(e) && e.status === 404 ? '没有找到这条咨询' : message(e, '暂时无法读取这条咨询，请稍后重试') })
        }
      },
      reset: () => set({ draft: empty, questions: [], status: 'idle', current: undefined, currentError: undefined, busy: false, error: undefined, fieldErrors: {} }),
    }
  })
}

export type ConsultStore = ReturnType<typeof createConsultStore>

export interface ConsultDeskState {
  questions: StaffConsultView[]
  status: 'idle' | 'loading' | 'ready' | 'error'
  error?: string
  busy: boolean
  /** question id → the answer being typed (kept while the console is open) */
  answers: Record<string, string>
  /** question id → message at its answer field */
  fieldErrors: Record<string, string>
  /** the question last answered (said once in a status line) */
  answered?: StaffConsultView
  /** the hall's tally, polled while the console is shown (undefined until first read) */
  unanswered?: StaffConsultCount
  load(): Promise<void>
  /** reads the tally; a failure keeps the last one (the next poll tries again) */
  count(): Promise<void>
  type(id: string, text: string): void
  answer(id: string): Promise<boolean>
  reset(): void
}

/** The window's 在线咨询 desk. */
export function createConsultDeskStore(client: Pick<ConsultClient, 'staffQuestions' | 'answerQuestion' | 'staffQuestionCount'>) {
  return create<ConsultDeskState>()((set, get) => {
    const keys: Record<string, string> = {}
    return {
      questions: [],
      status: 'idle',
      busy: false,
      answers: {},
      fieldErrors: {},
      async load() {
        set({ status: get().questions.length ? 'ready' : 'loading' })
        try {
          const questions = await client.staffQuestions()
          set({ questions, status: 'ready', error: undefined, unanswered: { open: questions.length, overdue: questions.filter((q) => q.overdue).length } })
        } catch (e) {
          set({ status: 'error', error: message(e, '暂时无法读取在线咨询，请稍后重试') })
        }
      },
      async count() {
        try {
          set({ unanswered: await client.staffQuestionCount() })
        } catch {
          // kept: the next poll asks again
        }
      },
      type(id, text) {
        const fieldErrors = { ...get().fieldErrors }
        delete fieldErrors[id]
        if (text !== get().answers[id]) delete keys[id]
        set({ answers: { ...get().answers, [id]: text }, fieldErrors })
      },
      async answer(id) {
        if (get().busy) return false
        const text = get().answers[id] ?? ''
        const problem = answerError(text)
        if (problem) {
          set({ fieldErrors: { ...get().fieldErrors, [id]: problem } })
          return false
        }
        keys[id] = keys[id] ?? newIdempotencyKey()
        set({ busy: true, error: undefined, answered: undefined })
        try {
          const done = await client.answerQuestion(id, { answer: text }, keys[id])
          const answers = { ...get().answers }
          delete answers[id]
          const u = get().unanswered
          const wasOverdue = !!get().questions.find((q) => q.id === id)?.overdue
          set({ busy: false, answers, answered: done, questions: get().questions.filter((q) => q.id !== id), unanswered: u && { open: Math.max(0, u.open - 1), overdue: Math.max(0, u.overdue - (wasOverdue ? 1 : 0)) } })
          return true
        } catch (e) {
          const fe = (isPlatformError(e) && e.fieldErrors) || {}
          set({ busy: false, ...(fe.answer ? { fieldErrors: { ...get().fieldErrors, [id]: fe.answer } } : { error: message(e, '答复未能提交，请稍后重试') }) })
          return false
        }
      },
      reset: () => set({ questions: [], status: 'idle', error: undefined, busy: false, answers: {}, fieldErrors: {}, answered: undefined, unanswered: undefined }),
    }
  })
}

export type ConsultDeskStore = ReturnType<typeof createConsultDeskStore>
