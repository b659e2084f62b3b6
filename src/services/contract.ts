// The platform's HTTP contract (省一体化平台, /api/v1). Shared by the app's client and the mock server:
// change a shape here and both sides fail to compile until they agree. Documented in docs/platform-api.md.
import type { ActingFor, DraftContent, MaterialChoice, PartyConfirmation } from '../domain/draft'
import type { CaseRecord, Evaluation, MatterOutcome } from '../domain/case/types'
import type { Burden, JourneyStepId, PrefillData } from '../domain/engine/types'
import type { Signature } from './contract-assist'
import type { ApplicantKind, BundleTemplate, LicenceKind, LicenceKindInfo, RegionCode, Zone } from '../domain/template/types'

export const API_PREFIX = '/api/v1'
export const IDEMPOTENCY_HEADER = 'Idempotency-Key'
export const ADMIN_TOKEN_HEADER = 'X-Admin-Token'

export * from './contract-assist'
// types only: the schemas load with the 在线咨询 pages, not with the first page
export type { AnswerQuestionRequest, AskQuestionRequest, ConsultListResponse, ConsultQuestion, StaffConsultCount, StaffConsultListResponse, StaffConsultView } from './contract-consult'

// ---------- errors ----------

export type ApiErrorCode =
  | 'VALIDATION' // 422: the content breaks a rule of the template or a validator
  | 'UNAUTHORIZED' // 401: no token, unknown token, wrong credentials
  | 'TOKEN_EXPIRED' // 401: access token expired: refresh once
  | 'FORBIDDEN' // 403: signed in but not allowed (citizen on a staff route)
  | 'NOT_FOUND' // 404: unknown route or id, or someone else's id
  | 'METHOD_NOT_ALLOWED' // 405
  | 'CONFLICT' // 409: stale draft version, already evaluated, not yet concluded …
  | 'IN_FLIGHT' // 409: the same Idempotency-Key is still being processed
  | 'IDEMPOTENCY_MISMATCH' // 422: the same Idempotency-Key with a different body
  | 'TOO_LARGE' // 413
  | 'REQUEST_TIMEOUT' // 408: the request body stopped arriving
  | 'UNSUPPORTED_MEDIA_TYPE' // 415
  | 'BAD_REQUEST' // 400: malformed JSON, wrong types, missing Idempotency-Key
  | 'RATE_LIMITED' // 429
  | 'SERVER' // 500
  | 'UNAVAILABLE' // 503

export const STATUS_OF_CODE: Record<ApiErrorCode, number> = {
  VALIDATION: 422,
  UNAUTHORIZED: 401,
  TOKEN_EXPIRED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  IN_FLIGHT: 409,
  IDEMPOTENCY_MISMATCH: 422,
  TOO_LARGE: 413,
  REQUEST_TIMEOUT: 408,
  UNSUPPORTED_MEDIA_TYPE: 415,
  BAD_REQUEST: 400,
  RATE_LIMITED: 429,
  SERVER: 500,
  UNAVAILABLE: 503,
}

export interface ApiError {
  code: ApiErrorCode
  /** Simplified Chinese, fit to show to the citizen */
  message: string
  /** field id (or request property path for BAD_REQUEST) → message */
  fieldErrors?: Record<string, string>
  /** material id → message */
  materialErrors?: Record<string, string>
  /** question id → message */
  answerErrors?: Record<string, string>
  deliveryError?: string
  /** 办理方式 (全程网办 / 线下办理) */
  handlingError?: string
  /**
   * CONFLICT on a draft: the server's current draft. The same id: items changed on both sides (see
   * `conflicts`) wait for the citizen. Another id: the citizen already has an open draft of this bundle.
   */
  current?: DraftRecord
  /** CONFLICT on a draft: the items changed on both sides ('values.shopName', 'materials.layout' …) */
  conflicts?: string[]
  /** CONFLICT on a submission of an already submitted draft */
  caseId?: string
}

export interface ApiErrorBody {
  error: ApiError
}

// ---------- health ----------

export interface HealthResponse {
  ok: true
  version: string
  time: string
}

import type { FirmAuthority } from '../domain/firm'

// ---------- identity ----------

/** citizen: a person or a firm's agent; staff: a service hall's window; reviewer: a department's 审批人员 at a hall */
export type Role = 'citizen' | 'staff' | 'reviewer'
export type Sex = '男' | '女'

/** The signed-in person's real-name profile (实名信息). Never put idNumber in a URL or a log line. */
export interface Profile {
  userId: string
  role: Role
  /** citizen: person or firm (the firm's agent); staff: person */
  kind: ApplicantKind
  name: string
  idNumber: string
  mobile: string
  address: string
  sex: Sex
  /** YYYY-MM-DD */
  birthDate: string
  /** home region (GB/T 2260) */
  region: RegionCode
  firmName?: string
  uscc?: string
  legalRepresentative?: string
  /** staff: the service hall (帮代办 window) */
  hall?: string
  /** staff and reviewers: their hall (a `hall.id` of GET /regions) and window or office */
  hallId?: string
  window?: string
  /** serious bad credit or an earlier false promise (湘政办发〔2021〕25号): 告知承诺 is not offered */
  promiseBarred: boolean
}

export interface WechatLoginRequest {
  code: string
}
export interface SmsSendRequest {
  mobile: string
}
export interface SmsSendResponse {
  sent: true
  /** seconds before another code may be requested */
  cooldownSeconds: number
  /** seconds the code stays valid */
  expiresInSeconds: number
}
export interface SmsVerifyRequest {
  mobile: string
  code: string
}
export interface StaffLoginRequest {
  account: string
  password: string
}
export interface RefreshRequest {
  refreshToken: string
}

export interface TokenPair {
  accessToken: string
  refreshToken: string
  /** seconds */
  expiresIn: number
  refreshExpiresIn: number
}

export interface LoginResponse extends TokenPair {
  profile: Profile
}

export interface OkResponse {
  ok: true
}

// ---------- e-licences (电子证照) ----------

export interface LicenceSummary {
  kind: LicenceKind
  /** e.g. 居民身份证 */
  title: string
  /** masked holder name, e.g. 张*华 */
  holder: string
  /** masked licence number */
  number: string
  issuer: string
  /** YYYY-MM-DD */
  issuedAt: string
  /** the holder consented to its use before */
  consented: boolean
}

/** GET /me/firms: the firms the signed-in person may act for (法定代表人 or authorised 经办人) */
export interface MyFirmsResponse {
  firms: FirmAuthority[]
}

export interface LicenceListResponse {
  licences: LicenceSummary[]
}

/** GET /licence-kinds: the e-licence kinds the platform can supply (catalogue data). */
export interface LicenceKindListResponse {
  kinds: LicenceKindInfo[]
}

export interface LicenceConsentRequest {
  /** why it is used, recorded with the consent */
  purpose?: string
  bundleId?: string
}

export interface LicenceConsentResponse {
  kind: LicenceKind
  title: string
  /** the fields templates prefill from (Prefill { source: 'licence', key }) */
  data: Record<string, string>
  consentId: string
  consentedAt: string
}

// ---------- records shared about a deceased (公民身后事) ----------

/**
 * POST /shared-records/deceased: the deceased's ID number goes in the body, never in a URL. Answered only when
 * the applicant has standing (domain/deceased.ts); otherwise 404 with DECEASED_RECORD_REFUSAL, the same reply
 * as for a death that is not registered.
 */
export interface DeceasedRecordRequest {
  idNumber: string
  bundleId: string
}

/** The records shared with this applicant; GET /shared-records/:handle reads them again (reload, submit). */
export interface SharedRecordResponse {
  /** opaque: what a draft keeps (DraftContent.sharedRecord) */
  handle: string
  kind: string
  /** masked name of the person the records are about, e.g. 李*英 */
  subject: string
  /** masked ID number */
  subjectIdNumber: string
  /** why the applicant may see them: 同一户口簿 / 结婚登记 */
  basis: string
  /** key → value and the department's record it comes from */
  records: Record<string, { value: string; source: string }>
}

// ---------- catalogue ----------

export interface BundleSummary {
  id: string
  version: number
  name: string
  applicantKinds: ApplicantKind[]
  category: string
  keywords: string[]
  zones: Zone[]
  regions: RegionCode[]
  description: string
  matterCount: number
  /** the departments that receive an application (隐私政策 names them) */
  departments: string[]
  promisedLimitDays: number
  visits: number
}

export interface BundleQuery {
  q?: string
  applicantKind?: ApplicantKind
  category?: string
  zone?: Zone
  region?: RegionCode
}

export interface BundleListResponse {
  bundles: BundleSummary[]
}

/** A service hall (政务服务中心) where results can be collected (delivery 'pickup', hallId). */
export interface ServiceHall {
  id: string
  name: string
  address: string
  hours: string
  phone: string
}

/** From mock/catalogue/regions.json; extra keys there are passed on as they are. */
export interface Region {
  code: RegionCode
  name: string
  level?: string
  hall?: ServiceHall
  /** 自贸试验区片区 */
  ftzArea?: string
  children?: Region[]
}

export interface RegionListResponse {
  regions: Region[]
}

/** A life event (the bundles' `category`) and the name of its icon in the app's icon set. */
export interface CategoryInfo {
  name: string
  icon: string
}

/** A large tile of the 长辈版 home page: a search the elder does with one tap. */
export interface ElderTile {
  label: string
  icon: string
  query: { category?: string; q?: string }
  /** a plain line above its results: what they are, and where to turn for what is not online (12345) */
  note?: string
}

/** GET /categories: how the home pages show life events (from mock/catalogue/categories.json). */
export interface CategoryListResponse {
  categories: CategoryInfo[]
  elderTiles: ElderTile[]
}

/** Shared records as the engine reads them (PrefillData.records): the app's prefill and the platform's check alike. */
export function recordsPrefill(r: SharedRecordResponse): NonNullable<PrefillData['records']> {
  return { [r.kind]: r.records }
}

/** Every service hall in a region tree: where a result may be collected (delivery 'pickup', hallId). */
export function hallsOf(regions: Region[]): { id: string; name: string }[] {
  return regions.flatMap((r) => [...(r.hall ? [{ id: r.hall.id, name: r.hall.name }] : []), ...hallsOf(r.children ?? [])])
}

/** A region's name, looked up through the tree; the nearest named area above a code not listed. */
export function regionName(regions: Region[], code: string): string | undefined {
  let best: { name: string; depth: number } | undefined
  const walk = (list: Region[], depth: number) => {
    for (const r of list) {
      const prefix = r.code.replace(/(00)+$/, '')
      if (r.code === code) best = { name: r.name, depth: Infinity }
      else if (code.startsWith(prefix) && (!best || best.depth < depth)) best = { name: r.name, depth }
      if (r.children) walk(r.children, depth + 1)
    }
  }
  walk(regions, 0)
  return best?.name
}

/** GET /bundles/:id answers the template itself */
export type BundleResponse = BundleTemplate

// ---------- drafts ----------

export type DraftStep = 'guide' | JourneyStepId

/** Where the citizen last was in a draft, on whichever device, and when they got there (ISO). */
export interface DraftPlace {
  step: DraftStep
  questionId?: string
  at: string
}

export interface DraftRecord {
  id: string
  /** increases with every change of content; 0 means "does not exist yet" when writing */
  version: number
  content: DraftContent
  createdAt: string
  /** when the platform last stored a change */
  updatedAt: string
  /** when the citizen last changed the content, on whichever device (the device's clock, never ahead of the platform's) */
  editedAt?: string
  place?: DraftPlace
  /** who files (one open draft per bundle, applicant kind and actor) */
  acting?: ActingFor
  status: 'open' | 'submitted'
  caseId?: string
  /** several parties: co-applicants who confirmed the content as it stands (they lapse when it changes) */
  confirmations?: PartyConfirmation[]
}

/** POST /drafts/:id/invitations: a code the filer passes to a co-applicant (buyer, shareholder). */
export interface InvitationRequest {
  party: string
}

export interface Invitation {
  /** 8 characters, for the co-applicant to type */
  code: string
  party: string
  partyLabel: string
  expiresAt: string
}

/** GET /invitations/:code: what the co-applicant confirms, in their own account. */
export interface InvitationView {
  code: string
  bundleName: string
  party: string
  partyLabel: string
  /** masked, e.g. 刘*（卖方） */
  initiatorName: string
  matters: string[]
  /** 告知承诺 the co-applicant makes by confirming */
  promises: { materialId: string; name: string; text: string }[]
  /** of the content shown: a confirmation is of exactly this */
  contentHash: string
  expiresAt: string
}

export interface ConfirmInvitationRequest {
  contentHash: string
}

export interface PutDraftRequest {
  content: DraftContent
  /**
   * the version this content was based on (0 to create). An older version than the platform's is merged by
   * item with what other devices wrote since; only items changed on both sides are refused (409).
   */
  baseVersion: number
  /** when the citizen last changed the content on this device */
  editedAt?: string
  /** where the citizen is; kept when newer than the platform's */
  place?: DraftPlace
  /** on creation: who files (default self) */
  acting?: ActingFor
}

/** Lists come in pages (`?limit=` up to 100, default 50): pass `nextCursor` back as `?cursor=` for the next one. */
export interface Page {
  /** absent on the last page */
  nextCursor?: string
}

export interface DraftListResponse extends Page {
  drafts: DraftRecord[]
}

// ---------- uploads ----------

export type UploadFileType = 'pdf' | 'jpg' | 'png' | 'heic'

export interface UploadedFile {
  fileId: string
  name: string
  size: number
  type: UploadFileType
  bundleId: string
  materialId: string
  uploadedAt: string
}

// ---------- cases (shapes shared with the domain: src/domain/case/types.ts) ----------

export type {
  CaseGuidance,
  CaseLimit,
  CaseMatter,
  CaseRecord,
  EmsEvent,
  Evaluation,
  EvaluationRequest,
  FeeItem,
  FollowUp,
  MatterFee,
  MatterOutcome,
  MatterResult,
  MatterStatus,
  PausedPeriod,
  RatingIndicator,
  Refusal,
  Remedy,
  SupplementRequest,
  TimelineEntry,
} from '../domain/case/types'
export type { DeadlineStatus } from '../domain/calendar'

/** Burden figures: separate matters vs this bundle (the engine's report at submission). */
export type BurdenReport = Burden

export interface SubmitCaseRequest {
  draftId: string
  content: DraftContent
  acting?: ActingFor
  /** staff under a grant: the owner's signature drawn on the window device */
  signature?: Signature
}

export interface CaseListResponse extends Page {
  cases: CaseRecord[]
}

export interface SupplementSubmitRequest {
  values: Record<string, string>
  materials: Record<string, MaterialChoice>
}

export interface WithdrawRequest {
  reason?: string
}

// ---------- payment (统一公共支付平台) ----------

/** POST /cases/:id/payments {matterId}: an order for the matter's fee (one per matter: asking again answers the same). */
export interface PaymentRequest {
  matterId: string
  channel: 'wechat' | 'h5'
}

export interface PaymentOrder {
  orderId: string
  caseId: string
  matterId: string
  amountYuan: number
  /** item names, for the cashier */
  description: string
  status: 'open' | 'paid'
  createdAt: string
  paidAt?: string
  /** WeChat: the parameters of wx.requestPayment (signed by the platform; simulated by the mock) */
  wechat: { timeStamp: string; nonceStr: string; package: string; signType: 'RSA'; paySign: string }
  /** H5: the platform's cashier page (same origin) */
  cashierUrl: string
}

// ---------- notifications ----------

export type MessageKind = 'accepted' | 'rejected' | 'supplement' | 'payment' | 'concluded' | 'refused' | 'ems' | 'pickup' | 'delivered' | 'yellow' | 'red' | 'rating-answered' | 'withdrawn' | 'consult-answered'

/** A message of the 消息 centre: about a case, or (在线咨询) the answer to a question, bound to no case. */
export interface CaseMessage {
  id: string
  /** absent for a message about a question (`questionId`) */
  caseId?: string
  questionId?: string
  kind: MessageKind
  title: string
  body: string
  at: string
  read: boolean
}

export interface MessageListResponse extends Page {
  messages: CaseMessage[]
  /** unread messages of the citizen in all pages */
  unread: number
}

export interface MarkReadRequest {
  /** absent: every message */
  ids?: string[]
}

/** The message templates a citizen may subscribe to in WeChat (requestSubscribeMessage). */
export type SubscriptionTopic = 'accepted' | 'supplement' | 'concluded'

export interface SubscriptionRequest {
  caseId?: string
  /** template id → what the citizen answered in WeChat's dialog */
  answers: Record<string, 'accept' | 'reject' | 'ban' | 'filter'>
}

export interface OutboxEntry {
  id: string
  at: string
  channel: 'wechat-subscribe' | 'sms'
  /** masked mobile or the WeChat user id */
  to: string
  templateId?: string
  caseId: string
  kind: MessageKind
  text: string
}

export interface OutboxResponse extends Page {
  outbox: OutboxEntry[]
}

// ---------- department actions (signed-in staff; scoped to their hall with the staff console, #13) ----------

export interface DeptMatterRequest {
  matterId: string
  note?: string
}

export interface DeptRejectRequest {
  matterId: string
  reason: string
}

export interface DeptSupplementRequest {
  matterId?: string
  message: string
  fields?: string[]
  materials?: string[]
}

export interface DeptDecisionRequest {
  matterId: string
  outcome: MatterOutcome
  /** required when refused (不予许可) */
  reason?: string
}

/** A rating as the department sees it: no name, no case number, no applicant (raters are protected). */
export interface DeptRatingView {
  ratingId: string
  bundleName: string
  departments: string[]
  evaluation: Evaluation
}

export interface DeptRatingListResponse extends Page {
  ratings: DeptRatingView[]
}

export interface DeptFollowUpRequest {
  kind: 'callback' | 'answer'
  text: string
  department?: string
}

export type CaseResponse = CaseRecord

// ---------- simulation controls (X-Admin-Token, from the platform's own machine) ----------

export interface ClockAdvanceRequest {
  hours?: number
  workingDays?: number
}

export interface ClockResponse {
  now: string
  /** simulated minus real time, ms */
  offsetMs: number
}

export interface FaultRule {
  /** 'POST /cases', '/bundles/*', '*'; paths relative to /api/v1 or absolute; '*' matches anything */
  route: string
  /** 0..1: answer 503 without processing */
  errorRate?: number
  /** delay before processing, ms */
  latencyMs?: number
  /** 0..1: process, then never answer (the client times out) */
  timeoutRate?: number
  /** 0..1: process, then destroy the socket before answering */
  dropRate?: number
}

export interface FaultConfig {
  faults: FaultRule[]
  /** seed of the fault dice, for reproducible runs */
  seed?: number
}
