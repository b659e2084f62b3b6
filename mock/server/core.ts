// What every route handler sees: the state, the catalogue, the clock and the request context; and what a
// route declares about itself (who may call it, its body, its Idempotency-Key).
import type { IncomingMessage } from 'node:http'
import type { Role } from '../../src/services/contract'
import type { Auth } from './auth'
import type { Catalogue } from './catalogue'
import type { Faults } from './faults'
import type { Reply } from './http'
import type { IdempotencyStore } from './idempotency'
import type { Logger } from './logger'
import type { AuditAction, ScopeNeed } from '../../src/domain/assist'
import type { SessionRecord, State, StoredGrant, UserRecord } from './state'
import type { Guards } from './throttle'

export interface Core {
  state: State
  catalogue: Catalogue
  auth: Auth
  idempotency: IdempotencyStore
  faults: Faults
  guards: Guards
  log: Logger
  /** simulated now, ms */
  now(): number
  version: string
  /** fixture WeChat code that stands in for codes the mock does not know (WeChat DevTools' wx.login) */
  wechatFallbackCode?: string
}

export interface Ctx {
  req: IncomingMessage
  method: string
  /** full path, e.g. /api/v1/cases/HN2026112600001 */
  path: string
  params: Record<string, string>
  query: URLSearchParams
  /** parsed JSON body (json routes) */
  body: unknown
  /** raw body bytes */
  raw: Buffer
  /** the caller's address (loopback shows as 127.0.0.1 or ::1), for per-client limits */
  client: string
  /** the request comes from this machine */
  loopback: boolean
  /** the signed-in user; on a route that allows acting, under a grant: the citizen acted for */
  user?: UserRecord
  session?: SessionRecord
  /** who acts for `user` and under which grant (window staff, or a relative) */
  actor?: { user: UserRecord; grant: StoredGrant }
}

/**
 * A citizen's route that window staff (of the grant's hall) or a relative may call for the citizen, with the
 * grant named in X-Acting-Grant. The caller then acts as the citizen; what the request touches must be inside
 * the grant (`scope`, read after the body) and each answered request is one audit row (`audit`).
 */
export interface ActingSpec {
  scope?: (ctx: Ctx) => ScopeNeed
  audit: (ctx: Ctx, reply: Reply) => { action: AuditAction; what: string; record?: string }
}

/**
 * Who may call a route:
 * - 'none': anyone;
 * - 'user': anyone signed in;
 * - a role or roles ('citizen', 'staff', …): signed in with one of them (403 otherwise) — a new role's
 *   routes declare it here and nothing else changes;
 * - 'simulation': the mock's own controls (reset, faults, clock, moving cases on): the X-Admin-Token of
 *   this run, from this machine only. No sign-in gives it.
 */
export type Access = 'none' | 'user' | 'simulation' | Role | readonly Role[]

export type Handler = (ctx: Ctx) => Reply

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  /** relative to /api/v1, with :params */
  pattern: string
  auth: Access
  /** staff or a relative may call it for a citizen, under a grant */
  acting?: ActingSpec
  /** json-optional: an empty body is allowed */
  body?: 'json' | 'json-optional' | 'multipart'
  /** Idempotency-Key: required, or honoured when present */
  idempotency?: 'required' | 'optional'
  /**
   * Slow work that writes nothing (a password hash), awaited before the handler; it may set ctx.user.
   * Kept apart so the handler can stay synchronous: its writes are one transaction (store.ts).
   */
  prepare?: (ctx: Ctx) => Promise<void>
  /** Synchronous: everything it writes, with the idempotency answer, is committed together. */
  handler: Handler
  /** Renders the answer again from the id the handler's reply named (`Reply.ref`), for a replayed key. */
  replay?: (id: string, ctx: Ctx) => unknown
}

/** The signed-in user of a route that needs one. */
export function me(ctx: Ctx): UserRecord {
  if (!ctx.user) throw new Error('route without auth asked for the user')
  return ctx.user
}
