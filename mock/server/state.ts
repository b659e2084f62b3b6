// Everything the mock platform remembers, and how it is seeded from the fixtures.
import { randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { BundleTemplate } from '../../src/domain/template/types'
import type { AuditAction, AuditActorRole, AuditBasis, GrantFacts, GrantVia, WindowGrantKind } from '../../src/domain/assist'
import type { BookingFacts } from '../../src/domain/assist/booking'
import type { DraftContent, PartyConfirmation, StaffStamp } from '../../src/domain/draft'
import type { FeeItem } from '../../src/domain/case/types'
import type { CaseMessage, CaseRecord, ConsultQuestion, DraftRecord, OutboxEntry, PaymentOrder, Profile, UploadedFile } from '../../src/services/contract'
import { USER_FIXTURES, type LicenceFixture } from '../fixtures/users'
import { BlobStore, Collection, Disk, Doc, Store, type CrashPlan, type Warn } from './store'

export interface UserRecord {
  profile: Profile
  wechatCodes: string[]
  licences: LicenceFixture[]
  account?: string
  /** scrypt: salt$hash (hex) */
  passwordHash?: string
}

export interface SessionRecord {
  id: string
  userId: string
  /** sha256 of the tokens: a leaked data folder does not leak live tokens */
  accessHash: string
  refreshHash: string
  accessExpiresAt: number
  refreshExpiresAt: number
  createdAt: number
  /** the refresh token just rotated away: within prevValidUntil it gets the pair it was exchanged for */
  prevRefreshHash?: string
  prevValidUntil?: number
  /** that pair, sealed with a key derived from the old refresh token (only its holder can open it) */
  prevAnswer?: string
  /** hashes of older refresh tokens of this family: presenting one is reuse */
  retiredHashes?: string[]
}

/** A co-applicant's confirmation, of the content whose hash it names (it lapses when the content changes). */
export interface StoredConfirmation extends PartyConfirmation {
  userId: string
  contentHash: string
}

export interface StoredInvitation {
  code: string
  party: string
  expiresAt: string
}

export interface StoredDraft extends Omit<DraftRecord, 'confirmations'> {
  ownerId: string
  confirmations?: StoredConfirmation[]
  invitations?: StoredInvitation[]
  /** earlier versions whose content is kept in `draftVersions`, as bases for writes from other devices */
  kept?: number[]
}

/** The content of an earlier version of a draft: what a device that last saw it wrote its changes on. */
export interface StoredDraftVersion {
  content: DraftContent
  /** when a newer version replaced it (kept for DRAFT_BASE_DAYS from then) */
  supersededAt: string
}

export interface StoredUpload extends UploadedFile {
  ownerId: string
  sha256: string
  /** uploaded for the owner by staff or a relative under a grant */
  actorId?: string
}

export interface StoredCase extends Omit<CaseRecord, 'deadline'> {
  ownerId: string
  /** the service hall that accepts it (受理): where it was filed or booked, else the nearest to its region */
  hallId?: string
  /** the user who filed it for the owner (staff or a relative) */
  filerId?: string
  /** every 补正 asked, oldest first; `supplement` is the latest */
  supplementHistory: NonNullable<CaseRecord['supplement']>[]
  /** admin: the departments sit on it (nothing moves by itself), to show 红黄牌 */
  stalled?: boolean
  /** deadline notices already sent */
  notified?: { yellow?: boolean; red?: boolean }
  /** the rating's id as departments see it (not the case number: raters are protected) */
  ratingId?: string
  /** each matter's fees on the submitted path (answers, region), by matter id */
  fees?: Record<string, FeeItem[]>
}

export interface StoredMessage extends CaseMessage {
  ownerId: string
}

/** 在线咨询: a citizen's question, routed to the hall of their region; the clerk who answered is kept here only. */
export interface StoredQuestion extends ConsultQuestion {
  ownerId: string
  hallId: string
  answeredBy?: string
}

export interface StoredOutbox extends OutboxEntry {
  userId: string
}

/** WeChat one-time subscriptions: template id → messages the citizen still allows. */
export interface SubscriptionRecord {
  userId: string
  credits: Record<string, number>
}

/** 授权: see src/domain/assist/grants.ts for the rules. */
export interface StoredGrant extends GrantFacts {
  id: string
  citizenId: string
  via: GrantVia
  createdAt: string
  promiseAuthorised: boolean
  /** the one-time code while the grant waits for a window (授权码, or the SMS code staff asked for) */
  code?: string
  /** sms grants: the staff member who asked for the code */
  requestedBy?: string
  redeemedBy?: string
  /** who used it (stamped when a window redeems it) */
  usedBy?: StaffStamp
  relation?: string
  /** the case filed under it */
  caseId?: string
  /** 线上预填、线下办理: the booking this grant is limited to (opened by its number, not a code) */
  bookingId?: string
  /** registered at the window on paper (户口簿 / 授权委托书): the scan, and the window that checked it */
  proof?: { kind: WindowGrantKind; fileId: string; registeredBy: StaffStamp; registeredById: string }
  /** a proxy's grant: who is present (the full ID number stays on the platform) */
  proxy?: { name: string; idNumber: string }
}

/** 线上预填、线下办理: a slot at a hall and the prefilled application (rules: src/domain/assist/booking.ts). */
export interface StoredBooking extends BookingFacts {
  id: string
  citizenId: string
  bundleId: string
  content: DraftContent
  grantId: string
  createdAt: string
  cancelledAt?: string
  /** its slot passed without a visit and a new booking of the bundle replaced it (it stands no more) */
  lapsedAt?: string
}

/** Groups read without a scan: a person's records, a hall's open questions. */
export const ownerGroup = (userId: string) => `owner:${userId}`
export const openInHallGroup = (hallId: string) => `open:${hallId}`

/** The secondary key of a citizen's booking of a bundle that may still stand (at most one: a second is refused). */
export const standingKey = (citizenId: string, bundleId: string) => `standing:${citizenId}:${bundleId}`

/** One read or write of a citizen's data by staff, a reviewer or a relative. */
export interface StoredAudit {
  id: string
  at: string
  actorId: string
  actorName: string
  actorRole: AuditActorRole
  hallId?: string
  hallName?: string
  window?: string
  citizenIds: string[]
  grantId?: string
  basis: AuditBasis
  action: AuditAction
  what: string
  record?: string
  purpose: string
  route: string
}

export interface ConsentRecord {
  id: string
  userId: string
  kind: string
  purpose?: string
  bundleId?: string
  at: string
}

export interface IdempotencyRecord {
  userId: string
  key: string
  method: string
  path: string
  fingerprint: string
  status: number
  /** the id of what the answer showed (a case, an upload …): the answer is rendered again from it */
  ref?: string
  /** the answer itself, for routes without a record to render it from */
  body?: unknown
  createdAt: number
}

export interface Meta {
  schema: 1
  seededAt: string
  /** simulated time minus real time */
  clockOffsetMs: number
  /** case numbers per Beijing day: 'YYYYMMDD' → last sequence */
  caseSeq: Record<string, number>
  /** audit rows so far (their ids sort in order) */
  auditSeq?: number
}

export class State {
  readonly store: Store
  readonly meta: Doc<Meta>
  readonly users: Collection<UserRecord>
  readonly sessions: Collection<SessionRecord>
  readonly drafts: Collection<StoredDraft>
  readonly draftVersions: Collection<StoredDraftVersion>
  readonly uploads: Collection<StoredUpload>
  readonly cases: Collection<StoredCase>
  readonly consents: Collection<ConsentRecord>
  readonly idempotency: Collection<IdempotencyRecord>
  readonly grants: Collection<StoredGrant>
  readonly audit: Collection<StoredAudit>
  readonly bookings: Collection<StoredBooking>
  readonly messages: Collection<StoredMessage>
  readonly questions: Collection<StoredQuestion>
  readonly outbox: Collection<StoredOutbox>
  readonly payments: Collection<PaymentOrder & { ownerId: string }>
  readonly subscriptions: Collection<SubscriptionRecord>
  /** every template version ever published, so a draft made on v1 can still be read and submitted */
  readonly templates: Collection<BundleTemplate>
  readonly blobs: BlobStore

  constructor(
    readonly dataDir: string,
    crash?: CrashPlan,
  ) {
    fs.mkdirSync(dataDir, { recursive: true })
    this.store = new Store(dataDir, new Disk(dataDir, crash))
    this.meta = new Doc<Meta>(this.store, 'meta', () => ({ schema: 1, seededAt: '', clockOffsetMs: 0, caseSeq: {} }))
    this.users = new Collection(this.store, 'users')
    this.sessions = new Collection(this.store, 'sessions', (s) => [s.accessHash, s.refreshHash, s.prevRefreshHash, ...(s.retiredHashes ?? [])])
    this.drafts = new Collection(this.store, 'drafts')
    this.draftVersions = new Collection(this.store, 'draft-versions')
    this.uploads = new Collection(this.store, 'uploads')
    this.cases = new Collection(this.store, 'cases', undefined, (c) => [ownerGroup(c.ownerId)])
    this.consents = new Collection(this.store, 'consents')
    this.idempotency = new Collection(this.store, 'idempotency')
    this.grants = new Collection(this.store, 'grants', (g) => [g.code ? `code:${g.code}` : undefined])
    this.audit = new Collection(this.store, 'audit', undefined, (a) => a.citizenIds.map(ownerGroup))
    // a standing booking holds its slot (one booking a slot) and is found by citizen and bundle without a scan
    this.bookings = new Collection(this.store, 'bookings', (b) =>
      b.status === 'booked' ? [`slot:${b.hallId}:${b.start}`, b.lapsedAt ? undefined : standingKey(b.citizenId, b.bundleId)] : [],
    )
    this.templates = new Collection(this.store, 'templates')
    this.messages = new Collection(this.store, 'messages', undefined, (m) => [ownerGroup(m.ownerId)])
    // the window's desk and its 30 s tally read a hall's open questions only
    this.questions = new Collection(this.store, 'questions', undefined, (q) => [ownerGroup(q.ownerId), q.status === 'open' ? openInHallGroup(q.hallId) : undefined])
    this.outbox = new Collection(this.store, 'outbox')
    this.payments = new Collection(this.store, 'payments')
    this.subscriptions = new Collection(this.store, 'subscriptions')
    this.blobs = new BlobStore(dataDir, this.store.disk)
  }

  /** One durable commit of every write `fn` makes (see store.ts). */
  transaction<T>(fn: () => T): T {
    return this.store.transaction(fn)
  }

  /** Loads the data folder and replays committed transactions; seeds the fixtures when never seeded. */
  load(warn: Warn, now: Date): void {
    const found = this.meta.load(warn)
    for (const c of this.collections()) c.load(warn)
    this.store.recover(warn)
    const meta = this.meta.get()
    if (found && meta.seededAt === '') {
      // a reset that was cut short: finish it
      this.wipe()
      return this.load(warn, now)
    }
    this.blobs.init(this.uploads.values().map((u) => u.fileId))
    if (!found || meta.seededAt === '') this.seed(now)
  }

  private collections() {
    return [this.users, this.sessions, this.drafts, this.draftVersions, this.uploads, this.cases, this.consents, this.idempotency, this.templates, this.grants, this.audit, this.bookings, this.messages, this.questions, this.outbox, this.payments, this.subscriptions]
  }

  private wipe(): void {
    this.store.discardPending()
    for (const entry of fs.readdirSync(this.dataDir)) if (entry !== 'meta.json') fs.rmSync(path.join(this.dataDir, entry), { recursive: true, force: true })
    fs.rmSync(path.join(this.dataDir, 'meta.json'), { force: true })
    this.meta.reset()
  }

  /** Back to the fixtures, in place (POST /admin/reset). Marked first, so a crash midway finishes it at start. */
  reset(warn: Warn, now: Date): void {
    this.meta.update({ seededAt: '' })
    this.wipe()
    this.load(warn, now)
  }

  seed(now: Date): void {
    this.transaction(() => this.seedFixtures(now))
  }

  private seedFixtures(now: Date): void {
    for (const f of USER_FIXTURES) {
      this.users.set(f.profile.userId, {
        profile: f.profile,
        wechatCodes: f.wechatCodes,
        licences: f.licences,
        account: f.account,
        passwordHash: f.password ? hashPassword(f.password) : undefined,
      })
    }
    this.meta.update({ seededAt: now.toISOString() })
  }

  /** The citizen's booking of the bundle that may still stand, by its key: whether it does is the rulebook's (standingBooking). */
  heldBookings(citizenId: string, bundleId: string): StoredBooking[] {
    const b = this.bookings.findBy(standingKey(citizenId, bundleId))
    return b ? [b] : []
  }

  userByWechatCode(code: string): UserRecord | undefined {
    return this.users.values().find((u) => u.wechatCodes.includes(code))
  }

  userByMobile(mobile: string): UserRecord | undefined {
    return this.users.values().find((u) => u.profile.role === 'citizen' && u.profile.mobile === mobile)
  }

  userByAccount(account: string): UserRecord | undefined {
    return this.users.values().find((u) => u.profile.role !== 'citizen' && u.account === account)
  }
}

/** Deletes the data folder and seeds it again (mock/reset.ts, tests). */
export async function resetDataDir(dataDir: string, now = new Date()): Promise<void> {
  fs.rmSync(dataDir, { recursive: true, force: true })
  const state = new State(dataDir)
  state.load(() => undefined, now)
  // synced into the record files, so the next start has nothing to replay
  await state.store.checkpoint()
}

// the fixtures' passwords are hashed once per process: a reset does not block the event loop again
const fixtureHashes = new Map<string, string>()

export function hashPassword(password: string): string {
  const known = fixtureHashes.get(password)
  if (known) return known
  const salt = randomBytes(16)
  const hashed = `${salt.toString('hex')}$${scryptSync(password, salt, 32).toString('hex')}`
  fixtureHashes.set(password, hashed)
  return hashed
}

/** A stored hash no password matches: unknown accounts cost the same scrypt as known ones. */
const NOBODY = `${randomBytes(16).toString('hex')}$${randomBytes(32).toString('hex')}`

/** scrypt on libuv's thread pool, never on the event loop. Always does the work, even without a hash. */
export function checkPassword(password: string, stored: string | undefined): Promise<boolean> {
  const [salt, hash] = (stored && stored.includes('$') ? stored : NOBODY).split('$')
  return new Promise((resolve, reject) => {
    scrypt(password, Buffer.from(salt, 'hex'), 32, (err, got) => {
      if (err) return reject(err)
      const want = Buffer.from(hash, 'hex')
      resolve(!!stored && got.length === want.length && timingSafeEqual(got, want))
    })
  })
}
