// What the platform shows of grants, audit rows and the window's queue: shared by the contract, the stores and
// the screens (which may import domain types only).
import type { StaffStamp } from '../draft'
import type { ApplicantKind } from '../template/types'
import type { AuditAction, AuditActorRole, AuditBasis } from './audit'
import type { GrantScope, GrantState, GrantVia, Grantee, WindowGrantKind } from './grants'

/** A grant as its giver (the citizen), the staff using it, or the relative holding it see it. */
export interface GrantView {
  id: string
  grantee: Grantee
  via: GrantVia
  scope: GrantScope
  /** e.g. “开办餐饮店”, “办件 HN2026112600001” */
  scopeLabel: string
  state: GrantState
  createdAt: string
  expiresAt: string
  redeemedAt?: string
  revokedAt?: string
  promiseAuthorised: boolean
  hallId?: string
  hallName?: string
  /** the window that used it */
  usedBy?: StaffStamp
  /** relative grants: the relative, masked for the citizen; the citizen, masked, for the relative */
  relative?: { name: string; mobile: string; relation: string }
  /** the citizen who gave it, masked (staff and relatives see this) */
  citizen?: { name: string; idNumber: string }
  /** only to the citizen, while it waits for the window: the one-time 授权码 and the QR text */
  code?: string
  qrText?: string
  /** the case filed under it, if any */
  caseId?: string
  /** registered at the window on paper: which paper (户口簿 / 授权委托书), its stored scan, and the window */
  proof?: { kind: WindowGrantKind; fileId: string; registeredBy: StaffStamp }
  /** a proxy's grant: the proxy present at the window (ID number masked) */
  proxy?: { name: string; idNumber: string }
}

export interface AuditEntry {
  id: string
  at: string
  action: AuditAction
  basis: AuditBasis
  /** e.g. 查看电子证照：居民身份证 */
  what: string
  /** case number, licence kind or file name the access touched */
  record?: string
  purpose: string
  actorName: string
  actorRole: AuditActorRole
  hallName?: string
  window?: string
  grantId?: string
}

export interface QueueCase {
  id: string
  bundleName: string
  applicantKind: ApplicantKind
  /** masked */
  applicantName: string
  /** masked 身份证 */
  applicantIdNumber: string
  status: string
  submittedAt: string
  handling?: 'online' | 'offline'
  filedBy?: string
}

/** A signature drawn on the window device: strokes of points in a box of `width` × `height`. */
export interface Signature {
  width: number
  height: number
  strokes: [number, number][][]
}

/** Who filed a case for its owner, under which grant, and how the owner confirmed it. */
export interface CaseFiler {
  actor: Grantee
  /** staff: full name (they serve the public by name); relative: masked */
  name: string
  hallName?: string
  window?: string
  relation?: string
  grantId: string
  via: GrantVia
  /** the owner's signature on the window device, or (a relative in their own app) the owner's grant */
  confirmedBy: 'signature' | 'grant'
  signature?: Signature
  at: string
}
