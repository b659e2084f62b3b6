// Identity: opaque random tokens kept server-side (hashed), access tokens short-lived, refresh tokens rotated.
// One login is one token family (one session record): refreshing rotates it; the token just rotated away
// gets, for 60 s, the very pair it was exchanged for (its answer may have been lost); any older token of
// the family presented again is reuse — a copy is in other hands — and ends the family.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'
import type { LoginResponse, TokenPair } from '../../src/services/contract'
import { fail, HttpError } from './http'
import type { Logger } from './logger'
import type { SessionRecord, State, UserRecord } from './state'

export interface AuthOptions {
  accessTtlMs: number
  refreshTtlMs: number
}

/** How long a rotated refresh token still gets its answer again. */
export const REFRESH_GRACE_MS = 60_000
/** Older refresh tokens remembered per family, to recognise reuse. */
const RETIRED_KEPT = 50

const sha = (s: string) => createHash('sha256').update(s).digest('hex')
const token = (prefix: string) => `${prefix}_${randomBytes(32).toString('base64url')}`

// The pair given for a refresh token is kept sealed with a key only that token yields (not its stored
// hash), so a copy of the data folder does not hold live tokens.
function sealKey(refreshToken: string): Buffer {
  return createHash('sha256').update(`refresh-grace\n${refreshToken}`).digest()
}

function seal(pair: TokenPair, refreshToken: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', sealKey(refreshToken), iv)
  const data = Buffer.concat([cipher.update(JSON.stringify(pair), 'utf8'), cipher.final()])
  return Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64url')
}

function unseal(sealed: string, refreshToken: string): TokenPair | undefined {
  try {
    const buf = Buffer.from(sealed, 'base64url')
    const decipher = createDecipheriv('aes-256-gcm', sealKey(refreshToken), buf.subarray(0, 12))
    decipher.setAuthTag(buf.subarray(12, 28))
    return JSON.parse(Buffer.concat([decipher.update(buf.subarray(28)), decipher.final()]).toString('utf8')) as TokenPair
  } catch {
    return undefined
  }
}

export class Auth {
  constructor(
    private readonly state: State,
    private readonly options: AuthOptions,
    private readonly log: Logger,
  ) {}

  /** Drops sessions whose refresh token has expired (at start-up). */
  purge(nowMs: number): void {
    this.state.transaction(() => {
      for (const s of this.state.sessions.values()) if (nowMs >= s.refreshExpiresAt) this.revoke(s)
    })
  }

  issue(user: UserRecord, nowMs: number): LoginResponse {
    const id = randomBytes(12).toString('hex')
    const pair = this.newPair()
    const rec: SessionRecord = { id, userId: user.profile.userId, accessHash: sha(pair.accessToken), refreshHash: sha(pair.refreshToken), accessExpiresAt: nowMs + this.options.accessTtlMs, refreshExpiresAt: nowMs + this.options.refreshTtlMs, createdAt: nowMs }
    this.state.sessions.set(id, rec)
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
    const h = sha(accessToken as string)
    const session = this.state.sessions.findBy(h)
    if (!session || session.accessHash !== h) return fail('UNAUTHORIZED', '登录凭证无效，请重新登录')
    if (nowMs >= session.accessExpiresAt) fail('TOKEN_EXPIRED', '登录已过期，请刷新登录凭证或重新登录')
    const user = this.state.users.get(session.userId)
    if (!user) return fail('UNAUTHORIZED', '账号不存在，请重新登录')
    return { session, user }
  }

  /**
   * The next pair, or the error to answer. Errors come back rather than being thrown: a refusal that
   * signs a family out must still be committed (a thrown error undoes the transaction).
   */
  refresh(refreshToken: string, nowMs: number): TokenPair | HttpError {
    const h = sha(refreshToken)
    const session = this.state.sessions.findBy(h)
    if (!session || h === session.accessHash) return new HttpError('UNAUTHORIZED', '刷新凭证无效，请重新登录')
    if (nowMs >= session.refreshExpiresAt) {
      this.revoke(session)
      return new HttpError('UNAUTHORIZED', '登录已过期，请重新登录')
    }
    if (h === session.refreshHash) return this.rotate(session, refreshToken, nowMs)
    if (h === session.prevRefreshHash && nowMs < (session.prevValidUntil ?? 0) && session.prevAnswer) {
      // the answer to that refresh was lost: the same pair again, never a second one
      const pair = unseal(session.prevAnswer, refreshToken)
      if (pair) return pair
    }
    // an older token of this family came back: someone else has a copy
    this.revoke(session)
    this.log.warn(`刷新凭证被重复使用：已注销用户 ${session.userId} 的这次登录（全部凭证）`)
    return new HttpError('UNAUTHORIZED', '登录凭证已被重复使用，为保障账号安全已退出登录，请重新登录')
  }

  private rotate(session: SessionRecord, refreshToken: string, nowMs: number): TokenPair {
    const pair = this.newPair()
    const retired = [...(session.retiredHashes ?? []), ...(session.prevRefreshHash ? [session.prevRefreshHash] : [])].slice(-RETIRED_KEPT)
    this.state.sessions.set(session.id, {
      ...session,
      accessHash: sha(pair.accessToken),
      refreshHash: sha(pair.refreshToken),
      accessExpiresAt: nowMs + this.options.accessTtlMs,
      refreshExpiresAt: nowMs + this.options.refreshTtlMs,
      prevRefreshHash: sha(refreshToken),
      prevValidUntil: nowMs + REFRESH_GRACE_MS,
      prevAnswer: seal(pair, refreshToken),
      retiredHashes: retired,
    })
    return pair
  }

  /** Ends the family: the access token, the refresh token and every older one stop working. */
  revoke(session: SessionRecord): void {
    this.state.sessions.delete(session.id)
  }
}
