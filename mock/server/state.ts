// Everything the mock platform remembers, and how it is seeded from the fixtures.
import { randomBytes, scryptSync } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { BundleTemplate } from '../../src/domain/template/types'
import type { PartyConfirmation } from '../../src/domain/draft'
import type { CaseRecord, DraftRecord, Profile, UploadedFile } from '../../src/services/contract'
import { USER_FIXTURES, type LicenceFixture } from '../fixtures/users'
import { BlobStore, Collection, Doc, type Warn } from './store'

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
  /** the refresh token just rotated away, accepted until prevValidUntil */
  prevRefreshHash?: string
  prevValidUntil?: number
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
}

export interface StoredUpload extends UploadedFile {
  ownerId: string
  sha256: string
}

export interface StoredCase extends Omit<CaseRecord, 'deadline'> {
  ownerId: string
  /** every 补正 asked, oldest first; `supplement` is the latest */
  supplementHistory: NonNullable<CaseRecord['supplement']>[]
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
  body: unknown
  createdAt: number
}

export interface Meta {
  schema: 1
  seededAt: string
  /** simulated time minus real time */
  clockOffsetMs: number
  /** case numbers per Beijing day: 'YYYYMMDD' → last sequence */
  caseSeq: Record<string, number>
}

export class State {
  readonly meta: Doc<Meta>
  readonly users: Collection<UserRecord>
  readonly sessions: Collection<SessionRecord>
  readonly drafts: Collection<StoredDraft>
  readonly uploads: Collection<StoredUpload>
  readonly cases: Collection<StoredCase>
  readonly consents: Collection<ConsentRecord>
  readonly idempotency: Collection<IdempotencyRecord>
  /** every template version ever published, so a draft made on v1 can still be read and submitted */
  readonly templates: Collection<BundleTemplate>
  readonly blobs: BlobStore

  constructor(readonly dataDir: string) {
    fs.mkdirSync(dataDir, { recursive: true })
    this.meta = new Doc<Meta>(dataDir, 'meta', () => ({ schema: 1, seededAt: '', clockOffsetMs: 0, caseSeq: {} }))
    this.users = new Collection(dataDir, 'users')
    this.sessions = new Collection(dataDir, 'sessions')
    this.drafts = new Collection(dataDir, 'drafts')
    this.uploads = new Collection(dataDir, 'uploads')
    this.cases = new Collection(dataDir, 'cases')
    this.consents = new Collection(dataDir, 'consents')
    this.idempotency = new Collection(dataDir, 'idempotency')
    this.templates = new Collection(dataDir, 'templates')
    this.blobs = new BlobStore(dataDir)
  }

  /** Loads the data folder; seeds the fixtures when it has never been seeded. */
  load(warn: Warn, now: Date): void {
    const seeded = this.meta.load(warn) && this.meta.get().seededAt !== ''
    for (const c of [this.users, this.sessions, this.drafts, this.uploads, this.cases, this.consents, this.idempotency, this.templates]) c.load(warn)
    this.blobs.init()
    if (!seeded) this.seed(now)
  }

  /** Back to the fixtures, in place (POST /admin/reset). */
  reset(warn: Warn, now: Date): void {
    for (const entry of fs.readdirSync(this.dataDir)) fs.rmSync(path.join(this.dataDir, entry), { recursive: true, force: true })
    this.meta.reset()
    this.load(warn, now)
  }

  seed(now: Date): void {
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

  userByWechatCode(code: string): UserRecord | undefined {
    return this.users.values().find((u) => u.wechatCodes.includes(code))
  }

  userByMobile(mobile: string): UserRecord | undefined {
    return this.users.values().find((u) => u.profile.role === 'citizen' && u.profile.mobile === mobile)
  }

  userByAccount(account: string): UserRecord | undefined {
    return this.users.values().find((u) => u.profile.role === 'staff' && u.account === account)
  }
}

/** Deletes the data folder and seeds it again (mock/reset.ts, tests). */
export function resetDataDir(dataDir: string, now = new Date()): void {
  fs.rmSync(dataDir, { recursive: true, force: true })
  const state = new State(dataDir)
  state.load(() => undefined, now)
}

export function hashPassword(password: string): string {
  const salt = randomBytes(16)
  return `${salt.toString('hex')}$${scryptSync(password, salt, 32).toString('hex')}`
}

export function checkPassword(password: string, stored: string | undefined): boolean {
  if (!stored) return false
  const [salt, hash] = stored.split('$')
  if (!salt || !hash) return false
  const got = scryptSync(password, Buffer.from(salt, 'hex'), 32).toString('hex')
  return got.length === hash.length && timingSafeEqualHex(got, hash)
}

function timingSafeEqualHex(a: string, b: string): boolean {
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i)
  return diff === 0
}
