// Idempotency-Key (IETF httpapi draft): the first request is processed and its answer kept; a retry with the
// same key and the same body gets that answer again; a different body gets 422; a retry while the first is
// still running gets 409. Only 2xx answers are kept: after an error the key is free for a corrected body.
import { createHash } from 'node:crypto'
import type { Collection } from './store'
import type { IdempotencyRecord } from './state'
import { fail, type Reply } from './http'

/** Keys expire after a day, as the draft suggests. */
export const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000

export type Begin = { kind: 'new'; id: string } | { kind: 'replay'; reply: Reply }

export class IdempotencyStore {
  private inFlight = new Map<string, string>()

  constructor(private readonly records: Collection<IdempotencyRecord>) {}

  /** Forgets answers older than the TTL (at start-up). */
  purge(nowMs: number): void {
    for (const [id, rec] of this.records.entries()) if (nowMs - rec.createdAt > IDEMPOTENCY_TTL_MS) this.records.delete(id)
  }

  static checkKey(key: string | undefined, required: boolean): string | undefined {
    if (key === undefined || key === '') {
      if (required) fail('BAD_REQUEST', '缺少 Idempotency-Key 请求头：提交类请求必须带上幂等键，重试时使用同一个键')
      return undefined
    }
    // the draft's key is a quoted or plain string; accept both, keep it printable and bounded
    const k = key.trim().replace(/^"(.*)"$/, '$1')
    if (!/^[\x21-\x7e]{8,255}$/.test(k)) fail('BAD_REQUEST', 'Idempotency-Key 应为 8 至 255 个可见 ASCII 字符（建议使用 UUID）')
    return k
  }

  static fingerprint(method: string, path: string, body: unknown): string {
    return createHash('sha256').update(`${method} ${path}\n${body}`).digest('hex')
  }

  begin(userId: string, key: string, method: string, path: string, fingerprint: string, nowMs: number): Begin {
    const id = createHash('sha256').update(`${userId}\n${key}`).digest('hex')
    const done = this.records.get(id)
    if (done && nowMs - done.createdAt > IDEMPOTENCY_TTL_MS) this.records.delete(id)
    else if (done) {
      if (done.fingerprint !== fingerprint || done.method !== method || done.path !== path) {
        fail('IDEMPOTENCY_MISMATCH', '同一个 Idempotency-Key 已用于内容不同的请求，请为新的请求生成新的幂等键')
      }
      return { kind: 'replay', reply: { status: done.status, json: done.body, headers: { 'Idempotent-Replayed': 'true' } } }
    }
    const running = this.inFlight.get(id)
    if (running !== undefined) {
      if (running !== fingerprint) fail('IDEMPOTENCY_MISMATCH', '同一个 Idempotency-Key 已用于内容不同的请求，请为新的请求生成新的幂等键')
      fail('IN_FLIGHT', '相同的请求正在处理中，请稍后再试')
    }
    this.inFlight.set(id, fingerprint)
    return { kind: 'new', id }
  }

  /** Called once the handler answered (or threw): keeps a 2xx answer, frees the key otherwise. */
  finish(id: string, meta: { userId: string; key: string; method: string; path: string; fingerprint: string }, reply: Reply | undefined, nowMs: number): void {
    this.inFlight.delete(id)
    if (reply && reply.status >= 200 && reply.status < 300) {
      this.records.set(id, { ...meta, status: reply.status, body: reply.json, createdAt: nowMs })
    }
  }
}
