// Cases the citizen submitted from this device, kept so the confirmation page shows the same record on every
// visit (offline too). The submitted content (names, ID numbers) is not kept here: the platform has it.
import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { dueDateText } from '@/domain/calendar/due-text'
import type { CaseRecord } from '@/services/contract'
import { isPlatformError, type PlatformClient } from '@/services/platform'
import type { KeyValueStorage } from '@/services/storage'
import { jsonStorage } from './persist'

export const CASES_KEY = 'yjs.cases.v1'

/** A case as kept on the device: everything but the submitted content. */
export type KeptCase = Omit<CaseRecord, 'content'>

export type CaseClient = Pick<PlatformClient, 'getCase' | 'listCases'>

export interface CaseState {
  cases: Record<string, KeptCase>
  /** last load error by case id (Chinese) */
  errors: Record<string, string>
  listError?: string
  put(record: CaseRecord | KeptCase): void
  /** refreshes one case from the platform; the kept copy stays when that fails */
  load(id: string): Promise<KeptCase | undefined>
  loadAll(): Promise<void>
  reset(): void
}

export function keep(record: CaseRecord | KeptCase): KeptCase {
  const { content: _content, ...rest } = record as CaseRecord
  return rest
}

export function createCaseStore(deps: { client: CaseClient; storage: KeyValueStorage }) {
  return create<CaseState>()(
    persist(
      (set, get) => ({
        cases: {},
        errors: {},
        put: (record) => set((s) => ({ cases: { ...s.cases, [record.id]: keep(record) } })),
        async load(id) {
          try {
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
            const list = await deps.client.listCases()
            set((s) => ({ cases: { ...s.cases, ...Object.fromEntries(list.map((c) => [c.id, keep(c)])) }, listError: undefined }))
          } catch (e) {
            set({ listError: isPlatformError(e) ? e.message : '暂时无法读取办件列表，请稍后重试' })
          }
        },
        reset: () => set({ cases: {}, errors: {}, listError: undefined }),
      }),
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
}
