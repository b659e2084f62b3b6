// Cases the citizen submitted from this device, kept so the confirmation page shows the same record on every
// visit (offline too). The submitted content (names, ID numbers) is not kept here: the platform has it.
import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { dueDateText } from '@/domain/calendar/due-text'
import { checkRating } from '@/domain/case/rules'
import { withdrawRefusal } from '@/domain/case/state'
import type { CaseRecord, EvaluationRequest, PaymentOrder } from '@/services/contract'
import { isPlatformError, type PlatformClient } from '@/services/platform'
import type { KeyValueStorage } from '@/services/storage'
import { jsonStorage } from './persist'

export const CASES_KEY = 'yjs.cases.v1'

/** A case as kept on the device: everything but the submitted content. */
export type KeptCase = Omit<CaseRecord, 'content'>

export type CaseClient = Pick<PlatformClient, 'getCase' | 'listCases'> & Partial<Pick<PlatformClient, 'withdrawCase' | 'evaluateCase' | 'createPayment' | 'completePayment'>>

export type CaseActionResult = { ok: true } | { ok: false; message: string; fieldErrors?: Record<string, string> }

export interface CaseState {
  cases: Record<string, KeptCase>
  /** last load error by case id (Chinese) */
  errors: Record<string, string>
  listError?: string
  /** the platform's list arrived since the app started (an empty account then shows 暂无办件, not 正在加载) */
  listed?: boolean
  put(record: CaseRecord | KeptCase): void
  /** refreshes one case from the platform; the kept copy stays when that fails */
  load(id: string): Promise<KeptCase | undefined>
  loadAll(): Promise<void>
  /** 撤回申请 (after the page's confirmation); repeating it is harmless */
  withdraw(id: string): Promise<CaseActionResult>
  /** 好差评: checked by the same rule as the platform's before it is sent */
  rate(id: string, input: EvaluationRequest): Promise<CaseActionResult>
  /** the payment order for a matter's fee (one per matter on the platform) */
  order(id: string, matterId: string, channel: 'wechat' | 'h5'): Promise<PaymentOrder | { ok: false; message: string }>
  /** WeChat: requestPayment succeeded; the platform is told (the mock's stand-in for WeChat Pay's notification) */
  paid(id: string, orderId: string): Promise<CaseActionResult>
  /** an action under way, by case id */
  busy: Record<string, boolean>
  /** acting ended on this device: cases it filed for someone else (a window's citizen, a relative's elder) go */
  forgetFiledFor(actor: 'staff' | 'relative'): void
  reset(): void
}

export function keep(record: CaseRecord | KeptCase): KeptCase {
  const { content: _content, ...rest } = record as CaseRecord
  return rest
}

export function createCaseStore(deps: {
  client: CaseClient
  storage: KeyValueStorage
  /** a refresh of what the device keeps (already on screen) waits for this (H5: the opening page's first paint) */
  afterFirstPaint?: () => Promise<void>
}) {
  return create<CaseState>()(
    persist(
      (set, get) => {
        /** One action at a time per case; the refreshed case is kept. */
        const act = async (id: string, run: () => Promise<CaseRecord>): Promise<CaseActionResult> => {
          if (get().busy[id]) return { ok: false, message: '正在处理，请稍候' }
          set((s) => ({ busy: { ...s.busy, [id]: true } }))
          try {
            const rec = await run()
            set((s) => ({ cases: { ...s.cases, [id]: keep(rec) } }))
            return { ok: true }
          } catch (e) {
            return { ok: false, message: isPlatformError(e) ? e.message : '操作未完成，请稍后重试', fieldErrors: isPlatformError(e) ? e.fieldErrors : undefined }
          } finally {
            set((s) => ({ busy: { ...s.busy, [id]: false } }))
          }
        }
        return {
        cases: {},
        errors: {},
        busy: {},
        put: (record) => set((s) => ({ cases: { ...s.cases, [record.id]: keep(record) } })),
        async load(id) {
          try {
            if (get().cases[id]) await deps.afterFirstPaint?.()
            const rec = await deps.client.getCase(id)
            const errors = { ...get().errors }
            delete errors[id]
            set((s) => ({ cases: { ...s.cases, [id]: keep(rec) }, errors }))
            return get().cases[id]
          } catch (e) {
            const message = isPlatformError(e) ? e.message : '暂时无法读取办件信息，请稍后重试'
            set((s) => ({ errors: { ...s.errors, [id]: message } }))
            return get().cases[id]
          }
        },
        async loadAll() {
          try {
            if (Object.keys(get().cases).length) await deps.afterFirstPaint?.()
            const list = await deps.client.listCases()
            set((s) => ({ cases: { ...s.cases, ...Object.fromEntries(list.map((c) => [c.id, keep(c)])) }, listError: undefined, listed: true }))
          } catch (e) {
            set({ listError: isPlatformError(e) ? e.message : '暂时无法读取办件列表，请稍后重试' })
          }
        },
        async withdraw(id) {
          const kept = get().cases[id]
          const refused = kept ? withdrawRefusal(kept) : undefined
          if (refused) return { ok: false, message: refused }
          return act(id, async () => deps.client.withdrawCase!(id))
        },
        async rate(id, input) {
          const checked = checkRating(input)
          if (!checked.ok) return { ok: false, message: checked.message, fieldErrors: checked.errors as Record<string, string> }
          return act(id, async () => {
            await deps.client.evaluateCase!(id, checked.value)
            return deps.client.getCase(id)
          })
        },
        async order(id, matterId, channel) {
          try {
            return await deps.client.createPayment!(id, { matterId, channel })
          } catch (e) {
            return { ok: false, message: isPlatformError(e) ? e.message : '暂时无法发起缴费，请稍后重试' }
          }
        },
        async paid(id, orderId) {
          return act(id, async () => {
            await deps.client.completePayment!(orderId)
            return deps.client.getCase(id)
          })
        },
        forgetFiledFor: (actor) => set((s) => ({ cases: Object.fromEntries(Object.entries(s.cases).filter(([, c]) => c.filedBy?.actor !== actor)) })),
        reset: () => set({ cases: {}, errors: {}, busy: {}, listError: undefined, listed: false }),
        }
      },
      { name: CASES_KEY, version: 1, storage: jsonStorage(deps.storage), partialize: (s) => ({ cases: s.cases }) as unknown as CaseState },
    ),
  )
}

export type CaseStore = ReturnType<typeof createCaseStore>

export const selectCasesNewestFirst = (s: CaseState): KeptCase[] => Object.values(s.cases).sort((a, b) => b.submittedAt.localeCompare(a.submittedAt))

// ---------- what the confirmation page says ----------

const DELIVERY_TEXT = { ems: '免费邮寄（EMS）', pickup: '窗口自取', electronic: '电子证照（不领取纸质结果）' } as const

/** What happens next for one matter of a just-submitted case. */
export function nextStepOf(m: KeptCase['matters'][number]): string {
  const who = m.authority || m.department
  if (m.caseType === 'instant') return `即办件：${who}受理后当场办结。`
  const check = m.hasSiteCheck ? '期间工作人员会联系您预约现场核查，' : ''
  return `承诺件：${who}受理后 ${m.promisedLimitDays} 个工作日内办结，${check}办理进度会在“我的办件”中更新。`
}

/** "12月15日（周二）前办结（10 个工作日，节假日不计）", saying so when the date is an estimate. `now`: an ISO instant. */
export function dueTextOf(c: Pick<KeptCase, 'dueDate' | 'committedDays' | 'submittedAt'>, now: string): string {
  if (c.committedDays === 0) return '当场办结'
  return dueDateText(c.dueDate, c.submittedAt, now, `（${c.committedDays} 个工作日，节假日不计）`)
}

/**
 * How the result reaches the citizen. A pickup names a service hall by its id from GET /regions: `hallName`
 * is that hall's name (and address), looked up by the page; without it the text names no hall.
 */
export function deliveryTextOf(c: Pick<KeptCase, 'delivery' | 'handling'>, hallName?: string): string | undefined {
  const d = c.delivery
  if (!d) return undefined
  const handling = c.handling === 'offline' ? '线上预填、线下办理；' : ''
  if (d.method === 'ems') return `${handling}${DELIVERY_TEXT.ems}：办结后寄给 ${d.address?.recipient ?? ''}（${d.address?.detail ?? ''}），不收费。电子证照同时发送到您的卡包。`
  if (d.method === 'pickup') {
    return `${handling}${DELIVERY_TEXT.pickup}${hallName ? `：${hallName}` : ''}。办结后会通知您领取，请带上身份证件。`
  }
  return `${handling}${DELIVERY_TEXT.electronic}：办结后发送到您的电子证照卡包。`
}

export const STATUS_TEXT: Record<KeptCase['status'], string> = {
  submitted: '已提交',
  accepted: '已受理',
  'in-review': '审查中',
  'site-check': '现场核查',
  supplement: '待补正',
  concluded: '已办结',
  delivered: '已送达',
  rejected: '不予受理',
  withdrawn: '已撤回',
}
