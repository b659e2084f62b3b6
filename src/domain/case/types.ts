// The shapes of a case after submission, shared by the app, the platform contract (src/services/contract.ts
// re-exports them) and the mock platform: one definition for every side.
import type { DeliveryChoice, ActingFor, DraftContent } from '../draft'
import type { Burden } from '../engine/types'
import type { DeadlineStatus } from '../calendar'
import type { ApplicantKind, LicenceKind, RegionCode } from '../template/types'
import type { CaseFiler } from '../assist/views'

export type { DeadlineStatus }

/** A committed time limit: working days (工作日) or natural days (日), in the unit the law uses. */
export interface CaseLimit {
  value: number
  unit: 'workday' | 'day'
}

/** A period in which the clock does not run (补正, 缴费, 公示 …). `to` is absent while it lasts. */
export interface PausedPeriod {
  /** ISO time */
  from: string
  to?: string
  /** plain words, e.g. 补正, 缴费 */
  reason: string
}

export type MatterStatus =
  | 'submitted'
  | 'accepted'
  | 'in-review'
  | 'site-check'
  | 'supplement'
  | 'concluded'
  | 'delivered'
  /** 不予受理 */
  | 'rejected'
  /** the applicant withdrew the case (撤回申请) */
  | 'withdrawn'
export type MatterOutcome = 'approved' | 'refused'

export interface TimelineEntry {
  status: MatterStatus
  at: string
  note: string
}

export interface Remedy {
  /** 行政复议 / 行政诉讼 */
  name: string
  /** e.g. 自知道该决定之日起 60 日内 */
  within: string
  /** YYYY-MM-DD, the last day (Beijing) */
  until: string
  how: string
}

/** 不予受理 (stage acceptance) or 不予许可 (stage decision), with the remedies the citizen has. */
export interface Refusal {
  stage: 'acceptance' | 'decision'
  reason: string
  at: string
  remedies: Remedy[]
}

export interface FeeItem {
  item: string
  amountYuan: number
  basis?: string
  /** a sample amount of the mock catalogue, not a published one: shown with “示例” */
  sample?: boolean
}

/** A matter's fee: due after 受理, paid once through the platform's payment (统一公共支付平台). */
export interface MatterFee {
  items: FeeItem[]
  amountYuan: number
  status: 'due' | 'paid'
  dueSince: string
  paidAt?: string
  /** 财政电子票据 */
  receipt?: { number: string; issuedAt: string; payer: string; amountYuan: number }
}

export interface ServiceHallInfo {
  id: string
  name: string
  address: string
  hours: string
  phone: string
}

export interface EmsEvent {
  at: string
  text: string
}

export interface MatterResult {
  /** e.g. 食品小经营许可证 */
  name: string
  issuedAt: string
  /** issued into the applicant's e-licences (卡包), reusable in later bundles */
  licence?: { kind: LicenceKind; title: string; number: string }
  ems?: { waybill: string; events: EmsEvent[]; signedAt?: string }
  pickup?: { hall: ServiceHallInfo; code: string; collectedAt?: string }
  /** electronic only: sent online */
  online?: boolean
}

export interface CaseMatter {
  matterId: string
  name: string
  department: string
  /** the 实施机关 for the case's region */
  authority: string
  /** 咨询电话 and where the department is */
  contact: { phone: string; address: string; hours: string }
  caseType: 'instant' | 'promised'
  promisedLimitDays: number
  /** the committed limit, from 受理 */
  limit: CaseLimit
  hasSiteCheck: boolean
  /** the template's steps and the one under way */
  steps: { name: string; limit: { value: number; unit: 'hour' | 'workday' | 'day' } }[]
  stepIndex: number
  status: MatterStatus
  outcome?: MatterOutcome
  acceptedAt?: string
  decidedAt?: string
  timeline: TimelineEntry[]
  pauses: PausedPeriod[]
  refusal?: Refusal
  fee?: MatterFee
  result?: MatterResult
}

export interface SupplementRequest {
  message: string
  fields: string[]
  materials: string[]
  requestedAt: string
  resolvedAt?: string
  /** the matters it stops */
  matterIds?: string[]
  /** field / material id → its name, so the notice reads as the department wrote it */
  labels?: Record<string, string>
}

export type RatingLevel = 1 | 2 | 3 | 4 | 5
export type RatingIndicator = 'efficiency' | 'guideAccuracy' | 'convenience' | 'usability'

export interface EvaluationRequest {
  /** 1 非常不满意 … 5 非常满意 */
  level: number
  /** what was not satisfactory; at least one for 不满意 and below */
  indicators: string[]
  comment?: string
}

export interface FollowUp {
  openedAt: string
  /** 复杂件: 15 natural days instead of 7 */
  complex: boolean
  /** YYYY-MM-DD */
  callbackDue: string
  rectifyDue: string
  callback?: { at: string; note: string }
  answer?: { at: string; text: string; department: string }
}

export interface Evaluation {
  level: RatingLevel
  indicators: RatingIndicator[]
  comment?: string
  at: string
  followUp?: FollowUp
}

export interface CaseGuidance {
  matterIds: string[]
  departments: string[]
  fieldCount: number
  /** materials the applicant acted on (not covered by an e-licence or an earlier matter) */
  materialCount: number
  visits: number
  /** committed working days of the bundle for this case */
  workingDays: number
  /** the holiday schedule of a year involved is not published yet */
  estimated: boolean
}


export interface CaseRecord {
  /** readable, sequential per Beijing day, e.g. HN2026112600001 */
  id: string
  bundleId: string
  bundleName: string
  templateVersion: number
  draftId: string
  region: RegionCode
  applicantKind: ApplicantKind
  /** masked, for lists and staff screens */
  applicantName: string
  /** filed for a firm: which, and as whom the person acted (the person is the 经办人 on the case) */
  firm?: { uscc: string; firmName: string; role: '法定代表人' | '经办人'; agentName: string }
  /** overall status: the least advanced open matter, or supplement while one is pending */
  status: MatterStatus
  submittedAt: string
  /** YYYY-MM-DD, Beijing date: when it is due if nothing stops the clock again */
  dueDate: string
  committedDays: number
  /** the bundle's committed limit, from 受理 */
  limit: CaseLimit
  /** computed when read */
  deadline: DeadlineStatus
  matters: CaseMatter[]
  /** what was submitted (with any 补正 merged in) */
  content: DraftContent
  delivery?: DeliveryChoice
  handling?: 'online' | 'offline'
  acting?: ActingFor
  /** filed by window staff or a relative for the owner */
  filedBy?: CaseFiler
  guidance: CaseGuidance
  burden?: Burden
  /** the pending or last 补正 */
  supplement?: SupplementRequest
  /** every 补正 asked, oldest first */
  supplements?: SupplementRequest[]
  withdrawnAt?: string
  evaluation?: Evaluation
  /** the platform's time when it answered: clocks are shown as of then (the device's clock may differ) */
  asOf?: string
}
