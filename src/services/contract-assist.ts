// The platform's contract for 帮代办, 一窗受理 and 亲情帮办 (docs/platform-api.md, "Acting for
// a citizen"). Re-exported by contract.ts; shared by the app's client and the mock.
import type { AuditEntry, GrantScope, GrantView, Grantee, QueueCase, Relation, WindowGrantKind } from '../domain/assist'

export type { AuditEntry, CaseFiler, GrantView, QueueCase, Signature } from '../domain/assist'
import type { LicenceSummary, Profile, ServiceHall } from './contract'

/** The header that names the grant a staff member (or a relative) acts under, on the routes that allow it. */
export const ACTING_GRANT_HEADER = 'X-Acting-Grant'

// ---------- grants (授权) ----------

export interface CreateGrantRequest {
  grantee: Grantee
  scope: GrantScope
  /** staff: the hall whose windows may use it */
  hallId?: string
  /** staff: 15, 30, 60 or 120 */
  minutes?: number
  /** relative: 1, 7 or 30 */
  days?: number
  relativeMobile?: string
  relation?: Relation
  /** the citizen agrees, in writing (this text), that the grantee may make 告知承诺 promises for them */
  promiseAuthorised?: boolean
}

export interface GrantListResponse {
  grants: GrantView[]
}

/** Staff: the citizen's SMS code request (the answer does not say whether the number is registered). */
export interface SmsGrantRequest {
  mobile: string
  bundleId: string
  promiseAuthorised?: false
}

export interface SmsGrantResponse {
  sent: true
  expiresInSeconds: number
}

/**
 * Staff: a grant registered at the window on paper (亲情帮办 with the 户口簿, or a proxy's 授权委托书). The rules:
 * `windowGrantErrors` (src/domain/assist/grants.ts). The proof is uploaded first (POST /staff/proofs).
 */
export interface WindowGrantRequest {
  kind: WindowGrantKind
  idNumber: string
  bundleId: string
  proofFileId: string
  relativeMobile?: string
  relation?: Relation
  proxyName?: string
  proxyIdNumber?: string
  /** proxy: the 授权委托书 says the proxy may make 告知承诺 promises for the citizen */
  promiseAuthorised?: boolean
}

/** Staff: the scanned paper, stored by the platform (only the window that uploaded it may name it). */
export interface ProofFile {
  fileId: string
  name: string
  size: number
  type: string
}

/** Staff: open what was scanned or typed (授权码, or the SMS code with the mobile it went to). */
export interface OpenRequest {
  code: string
  mobile?: string
}

export interface OpenResponse {
  grant: GrantView
}

/** Staff or a relative under a grant: whose data they act on (for prefill; the ID number only in memory). */
export interface SubjectResponse {
  grant: GrantView
  profile: Profile
  licences: LicenceSummary[]
}

// ---------- audit (谁查看了我的信息) ----------

export interface AuditListResponse {
  entries: AuditEntry[]
  nextCursor?: string
}

/** Simulation control: every audit row, with whom it concerns (tests count them). */
export interface AdminAuditEntry extends AuditEntry {
  actorId: string
  citizenIds: string[]
  route: string
}

// ---------- halls ----------

export interface HallView extends ServiceHall {
  /** the region the hall serves */
  region: string
}

export interface HallListResponse {
  halls: HallView[]
}

// ---------- the window's queue ----------

export interface QueueResponse {
  hall: { id: string; name: string; window?: string }
  /** cases waiting for 受理 at this hall, oldest first */
  waiting: QueueCase[]
  /** a reviewer's queue (then `waiting` is empty): cases with a matter waiting for a decision, oldest first */
  deciding?: QueueCase[]
  nextCursor?: string
}

// ---------- 线上预填、线下办理: bookings ----------

export type { BookingStatus, BookingView } from '../domain/assist/booking'
import type { BookingView } from '../domain/assist/booking'
import type { DraftContent } from '../domain/draft'

export interface SlotView {
  start: string
  end: string
  free: boolean
}

/** A hall's bookable dates and, for one of them, its half-hour slots. */
export interface SlotListResponse {
  hall: HallView
  dates: string[]
  date: string
  slots: SlotView[]
}

export interface CreateBookingRequest {
  hallId: string
  start: string
  /** the prefilled application, kept with the booking for the window to open */
  content: DraftContent
}

export interface BookingListResponse {
  bookings: BookingView[]
}

/** Staff: the booking a citizen shows (number typed or QR scanned) */
export interface OpenBookingRequest {
  number: string
}

/** The booking, the grant limited to it (now active), and the prefilled application */
export interface OpenBookingResponse {
  booking: BookingView
  grant: GrantView
  content: DraftContent
}
