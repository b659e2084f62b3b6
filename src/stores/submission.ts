// Submit exactly once. The Idempotency-Key is made with the draft's submission attempt and written to the
// draft (on the device) before the request leaves, so a double tap, a retry after a time-out or a restart
// mid-request all reuse it; it is dropped only when the platform answers for sure (a case, or a refusal).
// The platform also refuses a second case for one draft, which covers a key lost with the device's storage.
// Before a first send, the bundle's newest template version is checked: when it changed since the draft was
// made, the citizen sees what changed and confirms (phase 'changed'); the draft is then carried forward.
import { create } from 'zustand'
import type { Guidance } from '@/domain'
import { signatureProblem, type SignatureStrokes } from '@/domain/assist'
import type { CaseRecord } from '@/services/contract'
import { isPlatformError, newIdempotencyKey, type PlatformClient, type PlatformErrorKind } from '@/services/platform'
import type { CaseStore } from './cases'
import type { DraftStore, JourneyPlace } from './draft'
import { applyUpgrade, type TemplateUpgrade, type UpgradeCheck } from './upgrade'

export type SubmitClient = Pick<PlatformClient, 'submitCase' | 'getCase'>

export interface ServerErrors {
  fieldErrors: Record<string, string>
  materialErrors: Record<string, string>
  answerErrors: Record<string, string>
  deliveryError?: string
  handlingError?: string
}

export interface SubmitStatus {
  phase: 'idle' | 'sending' | 'changed' | 'failed' | 'rejected' | 'done'
  /** Chinese, fit to show */
  message?: string
  kind?: PlatformErrorKind
  /** offline, time-out, server trouble: the same tap again cannot make a second case */
  retryable?: boolean
  /** the platform refused the content: what to fix, by id */
  errors?: ServerErrors
  caseId?: string
  /** phase 'changed': the template was republished; what moving to the new version means */
  upgrade?: TemplateUpgrade
  /** after a confirmed change: the new version needs more from the citizen, starting here */
  resumeAt?: JourneyPlace
}

export interface SubmissionState {
  byDraft: Record<string, SubmitStatus>
  /** 帮代办: the citizen's signature on the window device, by draft (memory only) */
  signatures: Record<string, SignatureStrokes | undefined>
  sign(draftId: string, signature: SignatureStrokes | undefined): void
  /** one submission per draft at a time: a second call while one runs gets the same promise */
  submit(draftId: string): Promise<SubmitStatus>
  /**
   * The citizen confirmed the template change shown: the draft moves to the new version, then is submitted
   * when nothing more is needed (else the status names the step to continue at).
   */
  confirmUpgrade(draftId: string): Promise<SubmitStatus>
  /** the citizen changed a value the platform had refused: its message goes */
  clearFieldError(draftId: string, fieldId: string): void
  dismiss(draftId: string): void
}

export interface SubmissionDeps {
  client: SubmitClient
  drafts: DraftStore
  cases: CaseStore
  newKey?: () => string
  now?: () => string
  /** newest-version check before a first send; none = no check */
  checkUpgrade?: UpgradeCheck
}

const IDLE: SubmitStatus = { phase: 'idle' }

export function createSubmissionStore(deps: SubmissionDeps) {
  const newKey = deps.newKey ?? newIdempotencyKey
  const now = deps.now ?? (() => new Date().toISOString())
  const running = new Map<string, Promise<SubmitStatus>>()

  return create<SubmissionState>()((set, get) => {
    const put = (draftId: string, status: SubmitStatus): SubmitStatus => {
      set((s) => ({ byDraft: { ...s.byDraft, [draftId]: status } }))
      return status
    }

    const confirmed = (draftId: string, record: CaseRecord | undefined, caseId: string): SubmitStatus => {
      if (record) deps.cases.getState().put(record)
      deps.drafts.getState().markSubmitted(draftId, caseId)
      return put(draftId, { phase: 'done', caseId })
    }

    async function attempt(draftId: string): Promise<SubmitStatus> {
      const draft = deps.drafts.getState().drafts[draftId]
      if (!draft) return put(draftId, { phase: 'failed', message: '没有找到这份申请，请从首页重新开始' })
      if (draft.status === 'submitted' && draft.caseId) return put(draftId, { phase: 'done', caseId: draft.caseId })

      if (!draft.pending && deps.checkUpgrade) {
        put(draftId, { phase: 'sending' })
        let upgrade: TemplateUpgrade | undefined
        try {
          upgrade = await deps.checkUpgrade(draftId)
        } catch {
          // cannot tell: the draft's own version is still accepted by the platform
          upgrade = undefined
        }
        if (upgrade) return put(draftId, { phase: 'changed', upgrade })
      }

      // the window files for the citizen only with their signature (the platform's rule, checked here first)
      const signature = get().signatures[draftId]
      if (draft.acting.actor === 'staff') {
        const problem = signatureProblem(signature)
        if (problem) return put(draftId, { phase: 'rejected', message: problem, errors: { fieldErrors: {}, materialErrors: {}, answerErrors: {} } })
      }

      // at most twice: once more with a fresh key when the content changed after a lost answer
      for (let round = 0; round < 2; round++) {
        const current = deps.drafts.getState().drafts[draftId]
        let pending = current.pending
        if (!pending) {
          pending = { idempotencyKey: newKey(), startedAt: now(), templateVersion: current.content.templateVersion }
          deps.drafts.getState().setPending(draftId, pending)
        }
        put(draftId, { phase: 'sending' })
        const body = { draftId, content: current.content, ...(current.acting.actor === 'self' ? {} : { acting: current.acting }), ...(current.acting.actor === 'staff' && signature ? { signature } : {}) }
        try {
          const record = await deps.client.submitCase(body, pending.idempotencyKey)
          return confirmed(draftId, record, record.id)
        } catch (e) {
          if (!isPlatformError(e)) {
            return put(draftId, { phase: 'failed', retryable: true, message: '提交时出现意外问题，您的申请已保存，请稍后重试' })
          }
          if (e.kind === 'conflict' && e.caseId) {
            // this draft already became a case (an earlier try landed): show that case
            let record: CaseRecord | undefined
            try {
              record = await deps.client.getCase(e.caseId)
            } catch {
              record = undefined
            }
            return confirmed(draftId, record, e.caseId)
          }
          if (e.code === 'IDEMPOTENCY_MISMATCH' && round === 0) {
            // the key was used for other content (edited after a lost answer): the platform still refuses a
            // second case for this draft, so a fresh key is safe
            deps.drafts.getState().setPending(draftId, undefined)
            continue
          }
          if (e.kind === 'validation') {
            deps.drafts.getState().setPending(draftId, undefined)
            return put(draftId, {
              phase: 'rejected',
              kind: e.kind,
              message: e.message,
              errors: { fieldErrors: e.fieldErrors ?? {}, materialErrors: e.materialErrors ?? {}, answerErrors: e.answerErrors ?? {}, deliveryError: e.deliveryError, handlingError: e.handlingError },
            })
          }
          const retryable = e.kind === 'offline' || e.kind === 'timeout' || e.kind === 'server'
          return put(draftId, { phase: 'failed', kind: e.kind, retryable, message: failureMessage(e.kind, e.message) })
        }
      }
      return put(draftId, { phase: 'failed', retryable: true, message: failureMessage('server', '') })
    }

    return {
      byDraft: {},
      signatures: {},
      sign: (draftId, signature) => set((s) => ({ signatures: { ...s.signatures, [draftId]: signature } })),
      submit(draftId) {
        const inFlight = running.get(draftId)
        if (inFlight) return inFlight
        const p = attempt(draftId).finally(() => running.delete(draftId))
        running.set(draftId, p)
        return p
      },
      async confirmUpgrade(draftId) {
        const plan = get().byDraft[draftId]?.upgrade
        if (!plan || running.has(draftId)) return get().submit(draftId)
        // a draft changed since the plan was shown gets a fresh plan (submit checks again)
        if (!applyUpgrade(deps.drafts, plan)) return get().submit(draftId)
        if (plan.resumeAt) return put(draftId, { phase: 'idle', resumeAt: plan.resumeAt })
        return get().submit(draftId)
      },
      clearFieldError(draftId, fieldId) {
        const st = get().byDraft[draftId]
        if (!st?.errors?.fieldErrors[fieldId]) return
        const fieldErrors = { ...st.errors.fieldErrors }
        delete fieldErrors[fieldId]
        put(draftId, { ...st, errors: { ...st.errors, fieldErrors } })
      },
      dismiss: (draftId) => put(draftId, IDLE),
    }
  })
}

export type SubmissionStore = ReturnType<typeof createSubmissionStore>

/** What to tell the citizen when the platform could not be reached or failed. */
export function failureMessage(kind: PlatformErrorKind, serverMessage: string): string {
  const safe = '您的申请已保存在本机，再次点击“提交申请”不会重复提交。'
  switch (kind) {
    case 'offline':
      return `网络连接不可用，申请尚未提交。${safe}`
    case 'timeout':
      return `网络较慢，暂未收到平台的答复，申请可能尚未提交。${safe}`
    case 'server':
      return `平台暂时繁忙，申请尚未提交。${safe}`
    case 'unauthorized':
      return '登录已失效，请重新登录后再提交。您的申请已保存在本机。'
    default:
      return serverMessage || '提交未成功，请稍后重试。'
  }
}

export const selectSubmitStatus = (draftId: string | undefined) => (s: SubmissionState) => (draftId ? s.byDraft[draftId] ?? IDLE : IDLE)

export interface Fault {
  place: JourneyPlace
  /** field, material or question id, or 'delivery' */
  id: string
  message: string
}

/**
 * The refused items in journey order (questions, form, materials, delivery), each with the step where it is
 * fixed. The first is where the citizen lands.
 */
export function faultsInOrder(errors: ServerErrors, g: Guidance): Fault[] {
  const out: Fault[] = []
  const seen = new Set<string>()
  const add = (f: Fault) => {
    if (seen.has(`${f.place.step}:${f.id}`)) return
    seen.add(`${f.place.step}:${f.id}`)
    out.push(f)
  }
  for (const v of g.questions.visible) {
    const m = errors.answerErrors[v.question.id]
    if (m) add({ place: { step: 'questions', questionId: v.question.id }, id: v.question.id, message: m })
  }
  for (const [id, m] of Object.entries(errors.answerErrors)) add({ place: { step: 'questions', questionId: id }, id, message: m })
  for (const f of g.fields.all) {
    const m = errors.fieldErrors[f.id]
    if (m) add({ place: { step: 'form' }, id: f.id, message: m })
  }
  for (const [id, m] of Object.entries(errors.fieldErrors)) add({ place: { step: 'form' }, id, message: m })
  for (const mat of g.materials) {
    const m = errors.materialErrors[mat.id]
    if (m) add({ place: { step: 'materials' }, id: mat.id, message: m })
  }
  for (const [id, m] of Object.entries(errors.materialErrors)) add({ place: { step: 'materials' }, id, message: m })
  if (errors.deliveryError) add({ place: { step: 'delivery' }, id: 'delivery', message: errors.deliveryError })
  if (errors.handlingError) add({ place: { step: 'delivery' }, id: 'handling', message: errors.handlingError })
  return out
}
