// What every route handler sees: the state, the catalogue, the clock and the request context.
import type { IncomingMessage } from 'node:http'
import type { Auth } from './auth'
import type { Catalogue } from './catalogue'
import type { Faults } from './faults'
import type { Reply } from './http'
import type { IdempotencyStore } from './idempotency'
import type { Logger } from './logger'
import type { SessionRecord, State, UserRecord } from './state'

export interface Core {
  state: State
  catalogue: Catalogue
  auth: Auth
  idempotency: IdempotencyStore
  faults: Faults
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
  user?: UserRecord
  session?: SessionRecord
  /** authorised by X-Admin-Token rather than a staff token */
  adminToken: boolean
}

export type Handler = (ctx: Ctx) => Reply | Promise<Reply>

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  /** relative to /api/v1, with :params */
  pattern: string
  /**
   * none: anyone; user: any signed-in; citizen: signed-in citizen; staff: a department's staff (today any staff
   * token, later scoped to the hall) or X-Admin-Token; admin: staff token or X-Admin-Token
   */
  auth: 'none' | 'user' | 'citizen' | 'staff' | 'admin'
  /** json-optional: an empty body is allowed */
  body?: 'json' | 'json-optional' | 'multipart'
  /** Idempotency-Key: required, or honoured when present */
  idempotency?: 'required' | 'optional'
  handler: Handler
}

/** The signed-in user of a route whose auth is user or citizen. */
export function me(ctx: Ctx): UserRecord {
  if (!ctx.user) throw new Error('route without auth asked for the user')
  return ctx.user
}
