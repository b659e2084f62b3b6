// The platform client's one way to call a route: tokens (refreshed once when expired), retries of what is safe
// to repeat, the ETag cache, replies checked with their schemas, one error type. Endpoint modules build on it:
// client.ts (every route) and catalogue.ts (the routes the opening page needs, on H5 before the rest loads).
import type * as v from 'valibot'
import { ACTING_GRANT_HEADER, ADMIN_TOKEN_HEADER, API_PREFIX, IDEMPOTENCY_HEADER, type DraftRecord, type TokenPair } from '../contract'
import { loadReplySchemas, type ReplySchemas } from './reply-schemas'
import { isTransportError, type Transport, type UploadBody } from '../http/transport'
import { conflictDraftOf, defaultMessage, fromResponse, PlatformError } from './errors'

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
  /**
   * H5: gives the main thread back between a call's steps (the request sent; the reply read and the reply schemas'
   * chunk evaluated; the reply checked; the caller's store updated and rendered), so a tap never waits on all of
   * them at once.
   */
  yieldToMain?: () => Promise<void>
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
export function schemas(): Promise<ReplySchemas> {
  return loadReplySchemas().catch(() => {
    throw new PlatformError({ kind: 'offline', message: defaultMessage('offline') })
  })
}

function checkedReply<T>(s: ReplySchemas, schema: v.GenericSchema, json: unknown, path: string): T {
  const r = s.parseWith(schema, json)
  if (r.ok) return r.value as T
  const where = r.issues[0]?.path ? `（${path}：${r.issues[0].path}）` : `（${path}）`
  throw new PlatformError({ kind: 'bad-reply', message: `${defaultMessage('bad-reply')}${where}` })
}

/** the platform's copy of a draft a conflict carries, when it is one; else dropped (the conflict stands) */
const draftReader = (s: ReplySchemas) => (json: unknown): DraftRecord | undefined => {
  const r = s.parseWith(s.DraftRecordSchema, json)
  return r.ok ? r.value : undefined
}

export type Call = <T>(o: CallOptions) => Promise<T>

export function createCaller(options: PlatformClientOptions): { call: Call; refreshOnce: () => Promise<boolean> } {
  const base = options.baseUrl.replace(/\/+$/, '') + API_PREFIX
  const retry = { ...RETRY_DEFAULTS, ...options.retry }
  const timeoutMs = options.timeoutMs ?? 15000
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)))
  const random = options.random ?? Math.random
  const etagCache = new Map<string, { etag: string; json: unknown }>()
  const yieldToMain = options.yieldToMain ?? (() => undefined)
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
      let token: string | null | undefined = null
      try {
        // the request leaves in a task of its own, not in the render or effect that asked for it (one that may outlive
        // the page leaves at once: a page being closed runs no later task)
        if (!o.keepalive) await yieldToMain()
        token = o.auth ? await options.session.getAccessToken() : null
        r = await once(o, url, token)
      } catch (e) {
        if (!isTransportError(e)) throw e
        last = new PlatformError({ kind: e.kind, message: defaultMessage(e.kind) })
        continue
      }
      if (r.status === 401 && o.auth && !refreshed) {
        refreshed = true
        // the token sent was replaced while this call was out (a refresh finished): repeat with the current one
        // rather than refresh again (a second rotation lost to a reload would leave a retired token here)
        const current = await options.session.getAccessToken()
        if ((current && current !== token) || (await refreshOnce())) {
          // the repeat after a refresh is not a failed try
          attempt--
          again = true
          continue
        }
      }
      if (r.status >= 200 && r.status < 300) {
        if (!o.reply) return r.json as T
        const s = await schemas()
        await yieldToMain()
        const value = checkedReply<T>(s, o.reply(s), r.json, o.path)
        await yieldToMain()
        return value
      }
      last = fromResponse(r.status, r.json, conflictDraftOf(r.json) === undefined ? undefined : draftReader(await schemas()))
      if (r.status === 401 && o.auth) await options.session.clear()
      if (!retryable(r)) throw last
    }
    throw last ?? new PlatformError({ kind: 'server', message: defaultMessage('server') })
  }

  return { call, refreshOnce }
}
