// Identity: opaque random tokens kept server-side (hashed), access tokens short-lived, refresh tokens rotated.
import { createHash, randomBytes } from 'node:crypto'
import type { LoginResponse, TokenPair } from '../../src/services/contract'
import { fail } from './http'
import type { SessionRecord, State, UserRecord } from './state'

export interface AuthOptions {
  accessTtlMs: number
  refreshTtlMs: number
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex')
const token = (prefix: string) => `${prefix}_${randomBytes(32).toString('base64url')}`

export class Auth {
  private byAccess = new Map<string, string>()
  private byRefresh = new Map<string, string>()

  constructor(
    private readonly state: State,
    private readonly options: AuthOptions,
  ) {
    this.reindex()
  }

  /** Drops sessions whose refresh token has expired (at start-up). */
  purge(nowMs: number): void {
    for (const s of this.state.sessions.values()) if (nowMs >= s.refreshExpiresAt) this.revoke(s)
  }

  reindex(): void {
    this.byAccess.clear()
    this.byRefresh.clear()
    for (const s of this.state.sessions.values()) this.index(s)
  }

  private index(s: SessionRecord): void {
    this.byAccess.set(s.accessHash, s.id)
    this.byRefresh.set(s.refreshHash, s.id)
  }

  private unindex(s: SessionRecord): void {
    this.byAccess.delete(s.accessHash)
    this.byRefresh.delete(s.refreshHash)
  }

  issue(user: UserRecord, nowMs: number): LoginResponse {
    const id = randomBytes(12).toString('hex')
    const pair = this.newPair()
    const rec: SessionRecord = { id, userId: user.profile.userId, accessHash: sha(pair.accessToken), refreshHash: sha(pair.refreshToken), accessExpiresAt: nowMs + this.options.accessTtlMs, refreshExpiresAt: nowMs + this.options.refreshTtlMs, createdAt: nowMs }
    this.state.sessions.set(id, rec)
    this.index(rec)
    return { ...pair, profile: user.profile }
  }

  private newPair(): TokenPair {
    return {
      accessToken: token('at'),
      refreshToken: token('rt'),
      expiresIn: Math.floor(this.options.accessTtlMs / 1000),
      refreshExpiresIn: Math.floor(this.options.refreshTtlMs / 1000),
    }
  }

  /** The session of a bearer token; 401 UNAUTHORIZED or TOKEN_EXPIRED otherwise. */
  authenticate(accessToken: string | undefined, nowMs: number): { session: SessionRecord; user: UserRecord } {
    if (!accessToken) fail('UNAUTHORIZED', '请先登录')
    const id = this.byAccess.get(sha(accessToken as string))
    const session = id ? this.state.sessions.get(id) : undefined
    if (!session) return fail('UNAUTHORIZED', '登录凭证无效，请重新登录')
    if (nowMs >= session.accessExpiresAt) fail('TOKEN_EXPIRED', '登录已过期，请刷新登录凭证或重新登录')
    const user = this.state.users.get(session.userId)
    if (!user) return fail('UNAUTHORIZED', '账号不存在，请重新登录')
    return { session, user }
  }

  refresh(refreshToken: string, nowMs: number): TokenPair {
    const h = sha(refreshToken)
    let id = this.byRefresh.get(h)
    // the answer to a refresh can be lost: the previous token stays usable for a minute
    if (!id) id = this.state.sessions.values().find((s) => s.prevRefreshHash === h && nowMs < (s.prevValidUntil ?? 0))?.id
    const session = id ? this.state.sessions.get(id) : undefined
    if (!session) return fail('UNAUTHORIZED', '刷新凭证无效，请重新登录')
    if (nowMs >= session.refreshExpiresAt) {
      this.revoke(session)
      return fail('UNAUTHORIZED', '登录已过期，请重新登录')
    }
    // rotation: the old refresh token stops working once used
    const pair = this.newPair()
    this.unindex(session)
    const next: SessionRecord = {
      ...session,
      accessHash: sha(pair.accessToken),
      refreshHash: sha(pair.refreshToken),
      accessExpiresAt: nowMs + this.options.accessTtlMs,
      refreshExpiresAt: nowMs + this.options.refreshTtlMs,
      prevRefreshHash: h === session.refreshHash ? h : session.prevRefreshHash,
      prevValidUntil: h === session.refreshHash ? nowMs + 60_000 : session.prevValidUntil,
    }
    this.state.sessions.set(session.id, next)
    this.index(next)
    return pair
  }

  revoke(session: SessionRecord): void {
    this.unindex(session)
    this.state.sessions.delete(session.id)
  }
}
