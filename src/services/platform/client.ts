// Typed client of the provincial platform: one function per route, one error type (PlatformError).
// Retries only what is safe to repeat, refreshes an expired token once, never shows UI.
import type { WindowGrantKind } from '../../domain/assist/grants'
import type { DraftContent, PartyConfirmation } from '../../domain/draft'
import type { FirmAuthority } from '../../domain/firm'
import type { LicenceKind } from '../../domain/template/types'
import {
  type DeceasedRecordRequest,
  type SharedRecordResponse,
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
  type ProofFile,
  type WindowGrantRequest,
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
  type SmsSendResponse,
  type SubmitCaseRequest,
  type SupplementSubmitRequest,
  type UploadedFile,
} from '../contract'
import { createCaller, schemas, type CallOptions, type PlatformClientOptions, type UploadInput } from './caller'
import { catalogueRoutes } from './catalogue'
import type { UploadBody } from '../http/transport'
import { canonicalJson } from './canonical'
import { PlatformError } from './errors'
import { newIdempotencyKey } from './ids'

export type { CallOptions, PlatformClientOptions, RetryOptions, SessionStore, UploadInput } from './caller'

export type PlatformClient = ReturnType<typeof createPlatformClient>

export function createPlatformClient(options: PlatformClientOptions) {
  const { call, refreshOnce } = createCaller(options)

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

    // ---------- records shared about a deceased: the ID number only in the body ----------
    openDeceasedRecord: (req: DeceasedRecordRequest) =>
      call<SharedRecordResponse>({ method: 'POST', path: '/shared-records/deceased', body: req, retry: true, auth: true, reply: (s) => s.SharedRecordResponseSchema }),
    sharedRecord: (handle: string) => call<SharedRecordResponse>({ method: 'GET', path: `/shared-records/${enc(handle)}`, retry: true, auth: true, reply: (s) => s.SharedRecordResponseSchema }),

    ...catalogueRoutes(call),

    // ---------- drafts ----------
    /** The platform's drafts, every page; a record that does not parse is left out (the device's own copy stays). */
    async listDrafts(): Promise<DraftRecord[]> {
      const drafts = await allPages<unknown, { drafts: unknown[]; nextCursor?: string }>({ method: 'GET', path: '/drafts', retry: true, auth: true, reply: (s) => s.DraftListEnvelopeSchema }, (p) => p.drafts)
      const { DraftRecordSchema, parseWith } = await schemas()
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
