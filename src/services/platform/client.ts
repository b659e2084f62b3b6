// Typed client of the provincial platform: one function per route, one error type (PlatformError).
// Retries only what is safe to repeat, refreshes an expired token once, never shows UI.
import type * as v from 'valibot'
import type { WindowGrantKind } from '../../domain/assist/grants'
import type { DraftContent, PartyConfirmation } from '../../domain/draft'
import type { FirmAuthority } from '../../domain/firm'
import type { LicenceKind, LicenceKindInfo } from '../../domain/template/types'
import {
  ACTING_GRANT_HEADER,
  ADMIN_TOKEN_HEADER,
  API_PREFIX,
  type AdminAuditEntry,
  type AuditEntry,
  type AuditListResponse,
  type CreateGrantRequest,
  type GrantListResponse,
  type GrantView,
  type HallListResponse,
  type HallView,
  type OpenRequest,
  type OpenResponse,
  type QueueResponse,
  type SmsGrantRequest,
  type SmsGrantResponse,
  type SubjectResponse,
  IDEMPOTENCY_HEADER,
  type ProofFile,
  type WindowGrantRequest,
  type BundleListResponse,
  type BundleQuery,
  type BundleSummary,
  type CaseListResponse,
  type CaseMessage,
  type DeptDecisionRequest,
  type DeptFollowUpRequest,
  type DeptMatterRequest,
  type DeptRatingListResponse,
  type DeptRatingView,
  type DeptRejectRequest,
  type DeptSupplementRequest,
  type MessageListResponse,
  type OutboxEntry,
  type OutboxResponse,
  type PaymentOrder,
  type PaymentRequest,
  type SubscriptionRequest,
  type CaseRecord,
  type CategoryListResponse,
  type ClockAdvanceRequest,
  type ClockResponse,
  type DraftRecord,
  type Evaluation,
  type EvaluationRequest,
  type FaultConfig,
  type HealthResponse,
  type Invitation,
  type InvitationView,
  type LicenceConsentRequest,
  type LicenceConsentResponse,
  type LicenceListResponse,
  type MyFirmsResponse,
  type LicenceSummary,
  type LoginResponse,
  type BookingListResponse,
  type BookingView,
  type CreateBookingRequest,
  type OpenBookingResponse,
  type SlotListResponse,
  type OkResponse,
  type Profile,
  type PutDraftRequest,
  type Region,
  type RegionListResponse,
  type SmsSendResponse,
  type SubmitCaseRequest,
  type SupplementSubmitRequest,
  type TokenPair,
  type UploadedFile,
} from '../contract'
import { parseWith } from '../../domain/draft-schema'
import { loadReplySchemas, type ReplySchemas } from './reply-schemas'
import { isTransportError, type Transport, type UploadBody } from '../http/transport'
import { canonicalJson } from './canonical'
import { conflictDraftOf, defaultMessage, fromResponse, PlatformError } from './errors'
import { newIdempotencyKey } from './ids'

type MaybePromise<T> = T | Promise<T>

export interface SessionStore {
  getAccessToken(): MaybePromise<string | null | undefined>
  getRefreshToken(): MaybePromise<string | null | undefined>
  setTokens(tokens: TokenPair): MaybePromise<void>
  clear(): MaybePromise<void>
}

export interface RetryOptions {
  /** tries in all, the first included (default 4) */
  attempts?: number
  baseDelayMs?: number
  maxDelayMs?: number
}

export interface PlatformClientOptions {
  /** origin of the platform, e.g. http://127.0.0.1:3100 (the /api/v1 prefix is added) */
  baseUrl: string
  transport: Transport
  session: SessionStore
  retry?: RetryOptions
  /** per try (default 15 s; WeChat allows up to 60 s) */
  timeoutMs?: number
  sleep?: (ms: number) => Promise<void>
  /** 0 ≤ x < 1, for backoff jitter */
  random?: () => number
  /** tests and tools: sent as X-Admin-Token to the simulation controls (/admin/*) */
  adminToken?: string
  /**
   * Window staff or a relative acting for a citizen: the grant to name on signed-in calls (X-Acting-Grant).
   * The platform then answers the citizen's routes as that citizen, within the grant, and records each call.
   */
  actingGrant?: () => string | undefined
}

export interface UploadInput {
  bundleId: string
  materialId: string
  file: UploadBody['file']
  idempotencyKey?: string
}

export interface CallOptions {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  path: string
  query?: Record<string, string | number | undefined>
  body?: unknown
  upload?: UploadBody
  idempotencyKey?: string
  /** repeating the call cannot do harm twice */
  retry: boolean
  auth: boolean
  admin?: boolean
  /** GET with ETag revalidation */
  cache?: boolean
  /** H5: may outlive the page */
  keepalive?: boolean
  /** the reply's schema (picked from the lazily loaded set): a body that does not fit is one PlatformError 'bad-reply', never a cast */
  reply?: (schemas: ReplySchemas) => v.GenericSchema
}

interface RawResult {
  status: number
  json: unknown
}

const RETRY_DEFAULTS: Required<RetryOptions> = { attempts: 4, baseDelayMs: 300, maxDelayMs: 5000 }

/** the reply schemas; a chunk that cannot be fetched (H5) is a network failure like any other */
function schemas(): Promise<ReplySchemas> {
  return loadReplySchemas().catch(() => {
    throw new PlatformError({ kind: 'offline', message: defaultMessage('offline') })
  })
}

function checkedReply<T>(schema: v.GenericSchema, json: unknown, path: string): T {
  const r = parseWith(schema, json)
  if (r.ok) return r.value as T
  const where = r.issues[0]?.path ? `（${path}：${r.issues[0].path}）` : `（${path}）`
  throw new PlatformError({ kind: 'bad-reply', message: `${defaultMessage('bad-reply')}${where}` })
}

export type PlatformClient = ReturnType<typeof createPlatformClient>

export function createPlatformClient(options: PlatformClientOptions) {
  const base = options.baseUrl.replace(/\/+$/, '') + API_PREFIX
  const retry = { ...RETRY_DEFAULTS, ...options.retry }
  const timeoutMs = options.timeoutMs ?? 15000
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)))
  const random = options.random ?? Math.random
  const etagCache = new Map<string, { etag: string; json: unknown }>()
  let refreshing: Promise<boolean> | null = null

  function urlOf(path: string, query?: CallOptions['query']): string {
    const qs = query
      ? Object.entries(query)
          .filter(([, v]) => v !== undefined && v !== '')
          .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
          .join('&')
      : ''
    return base + path + (qs ? `?${qs}` : '')
  }

  async function once(o: CallOptions, url: string, token: string | null | undefined): Promise<RawResult> {
    const headers: Record<string, string> = { Accept: 'application/json' }
    if (token) headers.Authorization = `Bearer ${token}`
    if (o.admin && options.adminToken) headers[ADMIN_TOKEN_HEADER] = options.adminToken
    const grant = o.auth && !o.admin ? options.actingGrant?.() : undefined
    if (grant) headers[ACTING_GRANT_HEADER] = grant
    if (o.idempotencyKey) headers[IDEMPOTENCY_HEADER] = o.idempotencyKey
    let body: string | UploadBody | undefined
    if (o.upload) body = o.upload
    else if (o.body !== undefined) {
      body = JSON.stringify(o.body)
      headers['Content-Type'] = 'application/json; charset=utf-8'
    }
    const cached = o.cache ? etagCache.get(url) : undefined
    if (cached) headers['If-None-Match'] = cached.etag
    const res = await options.transport({ method: o.method, url, headers, body, timeoutMs, ...(o.keepalive ? { keepalive: true } : {}) })
    if (res.status === 304 && cached) return { status: 200, json: cached.json }
    let json: unknown
    if (res.body) {
      try {
        json = JSON.parse(res.body)
      } catch {
        // a proxy's HTML error page: judged by status alone
        json = undefined
      }
    }
    if (o.cache && res.status === 200 && res.headers.etag) etagCache.set(url, { etag: res.headers.etag, json })
    return { status: res.status, json }
  }

  function retryable(r: RawResult): boolean {
    if (r.status >= 500 || r.status === 429 || r.status === 408) return true
    const code = (r.json as { error?: { code?: string } } | undefined)?.error?.code
    return r.status === 409 && code === 'IN_FLIGHT'
  }

  function backoff(attempt: number): number {
    // full jitter: spreads retries of many clients after one outage
    const cap = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** attempt)
    return Math.floor(random() * cap)
  }

  /** One refresh at a time: parallel 401s share it. */
  async function refreshOnce(): Promise<boolean> {
    if (!refreshing) refreshing = doRefresh().finally(() => (refreshing = null))
    return refreshing
  }

  async function doRefresh(): Promise<boolean> {
    const refreshToken = await options.session.getRefreshToken()
    if (!refreshToken) return false
    for (let attempt = 0; attempt < retry.attempts; attempt++) {
      try {
        const r = await once({ method: 'POST', path: '/auth/refresh', body: { refreshToken }, retry: true, auth: false }, urlOf('/auth/refresh'), null)
        if (r.status === 200) {
          await options.session.setTokens(r.json as TokenPair)
          return true
        }
        if (!retryable(r)) return false
      } catch (e) {
        if (!isTransportError(e)) throw e
      }
      if (attempt + 1 < retry.attempts) await sleep(backoff(attempt))
    }
    return false
  }

  async function call<T>(o: CallOptions): Promise<T> {
    const url = urlOf(o.path, o.query)
    const attempts = o.retry ? Math.max(1, retry.attempts) : 1
    let refreshed = false
    let last: PlatformError | undefined
    let again = false
    for (let attempt = 0; attempt < attempts; attempt++) {
      if (attempt > 0 && !again) await sleep(backoff(attempt - 1))
      again = false
      let r: RawResult
      try {
        const token = o.auth ? await options.session.getAccessToken() : null
        r = await once(o, url, token)
      } catch (e) {
        if (!isTransportError(e)) throw e
        last = new PlatformError({ kind: e.kind, message: defaultMessage(e.kind) })
        continue
      }
      if (r.status === 401 && o.auth && !refreshed) {
        refreshed = true
        if (await refreshOnce()) {
          // the repeat after a refresh is not a failed try
          attempt--
          again = true
          continue
        }
      }
      if (r.status >= 200 && r.status < 300) return o.reply ? checkedReply<T>(o.reply(await schemas()), r.json, o.path) : (r.json as T)
      last = fromResponse(r.status, r.json, conflictDraftOf(r.json) === undefined ? undefined : (await schemas()).DraftRecordSchema)
      if (r.status === 401 && o.auth) await options.session.clear()
      if (!retryable(r)) throw last
    }
    throw last ?? new PlatformError({ kind: 'server', message: defaultMessage('server') })
  }

  async function login(path: string, body: unknown): Promise<LoginResponse> {
    const res = await call<LoginResponse>({ method: 'POST', path, body, retry: false, auth: false })
    await options.session.setTokens(res)
    return res
  }

  const enc = encodeURIComponent

  /** Every page of a list (the platform pages them; a citizen's own lists are short). */
  async function allPages<T, R extends { nextCursor?: string }>(o: CallOptions, items: (page: R) => T[]): Promise<T[]> {
    const out: T[] = []
    let cursor: string | undefined
    do {
      const page: R = await call<R>({ ...o, query: { ...o.query, limit: 100, cursor } })
      out.push(...items(page))
      cursor = page.nextCursor
    } while (cursor)
    return out
  }

  return {
    /** for endpoint modules that load with their own pages (./consult.ts): the same retries, tokens and errors */
    call,
    health: () => call<HealthResponse>({ method: 'GET', path: '/health', retry: true, auth: false }),

    // ---------- identity ----------
    loginWechat: (code: string) => login('/auth/wechat', { code }),
    /** code from WeChat's phone-number button (手机号快速验证) */
    loginWechatPhone: (code: string) => login('/auth/wechat/phone', { code }),
    sendSmsCode: (mobile: string) => call<SmsSendResponse>({ method: 'POST', path: '/auth/sms/send', body: { mobile }, retry: false, auth: false }),
    loginSms: (mobile: string, code: string) => login('/auth/sms/verify', { mobile, code }),
    loginStaff: (account: string, password: string) => login('/auth/staff', { account, password }),
    /** true when new tokens were stored */
    refresh: () => refreshOnce(),
    async logout(): Promise<void> {
      try {
        await call<OkResponse>({ method: 'POST', path: '/auth/logout', retry: false, auth: true })
      } catch (e) {
        // signing out locally must work offline too
        if (!(e instanceof PlatformError)) throw e
      } finally {
        await options.session.clear()
      }
    },
    me: () => call<Profile>({ method: 'GET', path: '/me', retry: true, auth: true }),

    // ---------- e-licences ----------
    async myFirms(): Promise<FirmAuthority[]> {
      return (await call<MyFirmsResponse>({ method: 'GET', path: '/me/firms', retry: true, auth: true })).firms
    },
    async listLicences(): Promise<LicenceSummary[]> {
      return (await call<LicenceListResponse>({ method: 'GET', path: '/licences', retry: true, auth: true })).licences
    },
    consentLicence: (kind: LicenceKind, req: LicenceConsentRequest = {}) =>
      call<LicenceConsentResponse>({ method: 'POST', path: `/licences/${enc(kind)}/consent`, body: req, idempotencyKey: newIdempotencyKey(), retry: true, auth: true }),

    // ---------- catalogue ----------
    async listBundles(query: BundleQuery = {}): Promise<BundleSummary[]> {
      return (await call<BundleListResponse>({ method: 'GET', path: '/bundles', query: { ...query }, retry: true, auth: false, cache: true })).bundles
    },
    /** The template as sent: the journey parses it (domain/template/schema.ts) before any use. */
    getBundle: (id: string, version?: number) =>
      call<unknown>({ method: 'GET', path: version === undefined ? `/bundles/${enc(id)}` : `/bundles/${enc(id)}/versions/${version}`, retry: true, auth: false, cache: true }),
    /** The e-licence kinds the platform can supply, with their names (catalogue data). */
    async listLicenceKinds(): Promise<LicenceKindInfo[]> {
      return (await call<{ kinds: LicenceKindInfo[] }>({ method: 'GET', path: '/licence-kinds', retry: true, auth: false, cache: true, reply: (s) => s.LicenceKindListSchema })).kinds
    },
    listCategories: () => call<CategoryListResponse>({ method: 'GET', path: '/categories', retry: true, auth: false, cache: true }),
    async listRegions(): Promise<Region[]> {
      return (await call<RegionListResponse>({ method: 'GET', path: '/regions', retry: true, auth: false, cache: true })).regions
    },

    // ---------- drafts ----------
    /** The platform's drafts, every page; a record that does not parse is left out (the device's own copy stays). */
    async listDrafts(): Promise<DraftRecord[]> {
      const drafts = await allPages<unknown, { drafts: unknown[]; nextCursor?: string }>({ method: 'GET', path: '/drafts', retry: true, auth: true, reply: (s) => s.DraftListEnvelopeSchema }, (p) => p.drafts)
      const { DraftRecordSchema } = await schemas()
      return drafts.flatMap((d) => {
        const r = parseWith(DraftRecordSchema, d)
        return r.ok ? [r.value] : []
      })
    },
    getDraft: (id: string) => call<DraftRecord>({ method: 'GET', path: `/drafts/${enc(id)}`, retry: true, auth: true, reply: (s) => s.DraftRecordSchema }),
    /**
     * baseVersion 0 creates. On an older version the platform merges by item with what other devices wrote
     * (the answer carries the merged content); items changed on both sides throw kind 'conflict' with
     * `current` and `conflicts`, as does another open draft of the same bundle (`current` with another id).
     */
    async putDraft(id: string, content: DraftContent, baseVersion: number, meta: Omit<PutDraftRequest, 'content' | 'baseVersion'> = {}): Promise<DraftRecord> {
      try {
        // safe to repeat: the same content on the same base merges to what the first try stored
        const body: PutDraftRequest = { content, baseVersion, ...meta }
        return await call<DraftRecord>({ method: 'PUT', path: `/drafts/${enc(id)}`, body, retry: true, auth: true, keepalive: true, reply: (s) => s.DraftRecordSchema })
      } catch (e) {
        // an earlier try landed but its answer was lost: the server already holds exactly this content
        if (e instanceof PlatformError && e.kind === 'conflict' && e.current && e.current.id === id && e.current.version === baseVersion + 1 && canonicalJson(e.current.content) === canonicalJson(content)) return e.current
        throw e
      }
    },
    deleteDraft: (id: string) => call<OkResponse>({ method: 'DELETE', path: `/drafts/${enc(id)}`, retry: true, auth: true }),

    // ---------- several parties ----------
    /** A code for a co-applicant (buyer, shareholder) to confirm this draft in their own account. */
    inviteParty: (draftId: string, party: string) =>
      call<Invitation>({ method: 'POST', path: `/drafts/${enc(draftId)}/invitations`, body: { party }, retry: false, auth: true, reply: (s) => s.InvitationSchema }),
    /** What the co-applicant is asked to confirm. */
    getInvitation: (code: string) => call<InvitationView>({ method: 'GET', path: `/invitations/${enc(code.trim().toUpperCase())}`, retry: true, auth: true, reply: (s) => s.InvitationViewSchema }),
    /** Confirms exactly the content shown (its hash); a changed application is a conflict. */
    confirmInvitation: (code: string, contentHash: string) =>
      call<PartyConfirmation>({
        method: 'POST',
        path: `/invitations/${enc(code.trim().toUpperCase())}/confirm`,
        body: { contentHash },
        idempotencyKey: newIdempotencyKey(),
        retry: true,
        auth: true,
        reply: (s) => s.PartyConfirmationSchema,
      }),

    // ---------- uploads ----------
    uploadFile: (input: UploadInput) =>
      call<UploadedFile>({
        method: 'POST',
        path: '/uploads',
        upload: { kind: 'upload', fields: { bundleId: input.bundleId, materialId: input.materialId }, file: input.file },
        idempotencyKey: input.idempotencyKey ?? newIdempotencyKey(),
        retry: true,
        auth: true,
      }),
    getUpload: (fileId: string) => call<UploadedFile>({ method: 'GET', path: `/uploads/${enc(fileId)}`, retry: true, auth: true }),
    /** for an <Image> or a download; needs the Authorization header */
    uploadContentUrl: (fileId: string) => urlOf(`/uploads/${enc(fileId)}/content`),

    // ---------- cases ----------
    /** Keep `idempotencyKey` with the submission attempt until the platform confirms: a retry returns the same case. */
    submitCase: (req: SubmitCaseRequest, idempotencyKey: string) =>
      call<CaseRecord>({ method: 'POST', path: '/cases', body: req satisfies SubmitCaseRequest, idempotencyKey, retry: true, auth: true, reply: (s) => s.CaseRecordSchema }),
    listCases: (): Promise<CaseRecord[]> => allPages({ method: 'GET', path: '/cases', retry: true, auth: true, reply: (s) => s.CaseListResponseSchema }, (p: CaseListResponse) => p.cases),
    getCase: (id: string) => call<CaseRecord>({ method: 'GET', path: `/cases/${enc(id)}`, retry: true, auth: true, reply: (s) => s.CaseRecordSchema }),
    submitSupplement: (caseId: string, req: SupplementSubmitRequest, idempotencyKey: string) =>
      call<CaseRecord>({ method: 'POST', path: `/cases/${enc(caseId)}/supplement`, body: req, idempotencyKey, retry: true, auth: true, reply: (s) => s.CaseRecordSchema }),
    evaluateCase: (caseId: string, req: EvaluationRequest, idempotencyKey: string = newIdempotencyKey()) =>
      call<Evaluation>({ method: 'POST', path: `/cases/${enc(caseId)}/evaluation`, body: req, idempotencyKey, retry: true, auth: true }),
    /** Idempotent: withdrawing a withdrawn case answers the same case. */
    withdrawCase: (caseId: string, idempotencyKey: string = newIdempotencyKey()) =>
      call<CaseRecord>({ method: 'POST', path: `/cases/${enc(caseId)}/withdraw`, body: {}, idempotencyKey, retry: true, auth: true }),

    // ---------- payment ----------
    /** One order per matter: asking again answers the same order. */
    createPayment: (caseId: string, req: PaymentRequest, idempotencyKey: string = newIdempotencyKey()) =>
      call<PaymentOrder>({ method: 'POST', path: `/cases/${enc(caseId)}/payments`, body: req, idempotencyKey, retry: true, auth: true }),
    /** The payment platform's notification (simulated by the mock after WeChat's requestPayment); idempotent. */
    completePayment: (orderId: string) => call<PaymentOrder>({ method: 'POST', path: `/payments/${enc(orderId)}/complete`, retry: true, auth: false }),
    /** The cashier page for H5 (same origin as the API). */
    cashierUrl: (order: PaymentOrder) => options.baseUrl.replace(/\/+$/, '') + order.cashierUrl,

    // ---------- notifications ----------
    /** Every page; `unread` counts all of the citizen's unread messages. */
    async listMessages(): Promise<{ messages: CaseMessage[]; unread: number }> {
      let unread = 0
      const messages = await allPages({ method: 'GET', path: '/messages', retry: true, auth: true }, (p: MessageListResponse) => {
        unread = p.unread
        return p.messages
      })
      return { messages, unread }
    },
    markMessagesRead: (ids?: string[]) => call<OkResponse>({ method: 'POST', path: '/messages/read', body: ids ? { ids } : {}, retry: true, auth: true }),
    subscribe: (req: SubscriptionRequest) => call<{ credits: Record<string, number> }>({ method: 'POST', path: '/subscriptions', body: req, retry: true, auth: true }),

    // ---------- department actions (signed-in staff; the staff console calls these) ----------
    // Each action takes an Idempotency-Key: a retry after a lost answer gets the first answer, never a second action.
    dept: {
      getCase: (caseId: string) => call<CaseRecord>({ method: 'GET', path: `/dept/cases/${enc(caseId)}`, retry: true, auth: true }),
      accept: (caseId: string, req: DeptMatterRequest, idempotencyKey: string = newIdempotencyKey()) =>
        call<CaseRecord>({ method: 'POST', path: `/dept/cases/${enc(caseId)}/accept`, body: req, idempotencyKey, retry: true, auth: true }),
      reject: (caseId: string, req: DeptRejectRequest, idempotencyKey: string = newIdempotencyKey()) =>
        call<CaseRecord>({ method: 'POST', path: `/dept/cases/${enc(caseId)}/reject`, body: req, idempotencyKey, retry: true, auth: true }),
      requestSupplement: (caseId: string, req: DeptSupplementRequest, idempotencyKey: string = newIdempotencyKey()) =>
        call<CaseRecord>({ method: 'POST', path: `/dept/cases/${enc(caseId)}/supplement`, body: req, idempotencyKey, retry: true, auth: true }),
      decide: (caseId: string, req: DeptDecisionRequest, idempotencyKey: string = newIdempotencyKey()) =>
        call<CaseRecord>({ method: 'POST', path: `/dept/cases/${enc(caseId)}/decide`, body: req, idempotencyKey, retry: true, auth: true }),
      deliver: (caseId: string, req: DeptMatterRequest, idempotencyKey: string = newIdempotencyKey()) =>
        call<CaseRecord>({ method: 'POST', path: `/dept/cases/${enc(caseId)}/deliver`, body: req, idempotencyKey, retry: true, auth: true }),
      listRatings: (): Promise<DeptRatingView[]> => allPages({ method: 'GET', path: '/dept/ratings', retry: true, auth: true }, (p: DeptRatingListResponse) => p.ratings),
      followUp: (ratingId: string, req: DeptFollowUpRequest, idempotencyKey: string = newIdempotencyKey()) =>
        call<DeptRatingView>({ method: 'POST', path: `/dept/ratings/${enc(ratingId)}/follow-up`, body: req, idempotencyKey, retry: true, auth: true }),
    },

    // ---------- 授权 and 谁查看了我的信息 (the citizen) ----------
    async listHalls(region?: string): Promise<HallView[]> {
      return (await call<HallListResponse>({ method: 'GET', path: '/halls', query: { region }, retry: true, auth: false })).halls
    },
    createGrant: (req: CreateGrantRequest, idempotencyKey: string = newIdempotencyKey()) =>
      call<GrantView>({ method: 'POST', path: '/grants', body: req, idempotencyKey, retry: true, auth: true }),
    async listGrants(): Promise<GrantView[]> {
      return (await call<GrantListResponse>({ method: 'GET', path: '/grants', retry: true, auth: true })).grants
    },
    /** grants relatives gave this user (亲情帮办) */
    async listReceivedGrants(): Promise<GrantView[]> {
      return (await call<GrantListResponse>({ method: 'GET', path: '/grants/received', retry: true, auth: true })).grants
    },
    /** revoking twice is harmless: safe to retry */
    revokeGrant: (id: string) => call<GrantView>({ method: 'POST', path: `/grants/${enc(id)}/revoke`, retry: true, auth: true }),
    listAudit: (): Promise<AuditEntry[]> => allPages({ method: 'GET', path: '/audit', retry: true, auth: true }, (p: AuditListResponse) => p.entries),

    // ---------- acting for a citizen (staff or a relative, with actingGrant set) ----------
    actingSubject: () => call<SubjectResponse>({ method: 'GET', path: '/acting/subject', retry: true, auth: true }),

    // ---------- the window ----------
    /** asks the platform to text the citizen a code; the answer is the same whether the number is registered */
    requestSmsGrant: (req: SmsGrantRequest) => call<SmsGrantResponse>({ method: 'POST', path: '/staff/grants/sms', body: req, retry: false, auth: true }),
    /** redeems a one-time code: not retried (a lost answer: open it from the hall's grants) */
    openGrant: (req: OpenRequest) => call<OpenResponse>({ method: 'POST', path: '/staff/open', body: req, retry: false, auth: true }),
    async hallGrants(): Promise<GrantView[]> {
      return (await call<GrantListResponse>({ method: 'GET', path: '/staff/grants', retry: true, auth: true })).grants
    },
    staffQueue: () => call<QueueResponse>({ method: 'GET', path: '/staff/queue', retry: true, auth: true }),
    /** the scanned 户口簿 page or 授权委托书, before the grant that names it */
    uploadProof: (kind: WindowGrantKind, file: UploadBody['file'], idempotencyKey: string = newIdempotencyKey()) =>
      call<ProofFile>({ method: 'POST', path: '/staff/proofs', upload: { kind: 'upload', fields: { kind }, file }, idempotencyKey, retry: true, auth: true }),
    /** a grant registered at the window on paper (亲情帮办 with the 户口簿, or a proxy's 授权委托书) */
    registerWindowGrant: (req: WindowGrantRequest, idempotencyKey: string = newIdempotencyKey()) =>
      call<GrantView>({ method: 'POST', path: '/staff/grants', body: req, idempotencyKey, retry: true, auth: true }),

    // ---------- 线上预填、线下办理 ----------
    hallSlots: (hallId: string, date?: string) => call<SlotListResponse>({ method: 'GET', path: `/halls/${enc(hallId)}/slots`, query: { date }, retry: true, auth: false }),
    createBooking: (req: CreateBookingRequest, idempotencyKey: string = newIdempotencyKey()) =>
      call<BookingView>({ method: 'POST', path: '/bookings', body: req, idempotencyKey, retry: true, auth: true }),
    async listBookings(): Promise<BookingView[]> {
      return (await call<BookingListResponse>({ method: 'GET', path: '/bookings', retry: true, auth: true })).bookings
    },
    /** cancelling twice is harmless: safe to retry */
    cancelBooking: (id: string) => call<BookingView>({ method: 'POST', path: `/bookings/${enc(id)}/cancel`, retry: true, auth: true }),
    /** staff: the booking a citizen shows; the prefilled application in it is parsed, never cast */
    openBooking: (number: string) => call<OpenBookingResponse>({ method: 'POST', path: '/staff/bookings/open', body: { number }, retry: true, auth: true, reply: (s) => s.OpenBookingContentSchema }),

    // ---------- simulation controls (tests and tools on the platform's machine): adminToken ----------
    admin: {
      listAudit: (): Promise<AdminAuditEntry[]> => allPages({ method: 'GET', path: '/admin/audit', retry: true, auth: true, admin: true }, (p: { entries: AdminAuditEntry[]; nextCursor?: string }) => p.entries),
      listCases: (query: { status?: string; bundleId?: string } = {}): Promise<CaseRecord[]> =>
        allPages({ method: 'GET', path: '/admin/cases', query, retry: true, auth: true, admin: true }, (p: CaseListResponse) => p.cases),
      /** the departments sit on the case: nothing moves by itself (红黄牌 in tests) */
      stallCase: (caseId: string, stalled: boolean) => call<CaseRecord>({ method: 'POST', path: `/admin/cases/${enc(caseId)}/stall`, body: { stalled }, retry: false, auth: true, admin: true }),
      /** what the platform would have sent by SMS or WeChat subscription (development only) */
      outbox: (caseId?: string): Promise<OutboxEntry[]> => allPages({ method: 'GET', path: '/dev/outbox', query: { caseId }, retry: true, auth: true, admin: true }, (p: OutboxResponse) => p.outbox),
      advanceClock: (req: ClockAdvanceRequest) => call<ClockResponse>({ method: 'POST', path: '/admin/clock/advance', body: req, retry: false, auth: true, admin: true }),
      getClock: () => call<ClockResponse>({ method: 'GET', path: '/admin/clock', retry: true, auth: true, admin: true }),
      setFaults: (config: FaultConfig) => call<FaultConfig>({ method: 'POST', path: '/admin/faults', body: config, retry: false, auth: true, admin: true }),
      clearFaults: () => call<FaultConfig>({ method: 'DELETE', path: '/admin/faults', retry: true, auth: true, admin: true }),
    },
  }
}
