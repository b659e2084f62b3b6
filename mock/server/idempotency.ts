// Idempotency-Key (IETF httpapi draft): the first request is processed and its answer kept; a retry with the
// same key and the same body gets that answer again; a different body gets 422; a retry while the first is
// still running gets 409. Only 2xx answers are kept: after an error the key is free for a corrected body.
// The record is written in the same transaction as what the request changed (store.ts), so after a crash
// there is either both or neither. It names the record the answer showed (a case, an upload) instead of
// holding a second copy of it; the replay renders that record again.
import { createHash } from 'node:crypto'
import type { Collection } from './store'
import type { IdempotencyRecord } from './state'
import { fail, type Reply } from './http'

/** Keys expire after a day, as the draft suggests. */
export const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000
/** Expired records are swept at most this often (simulated time), while the platform runs. */
const SWEEP_EVERY_MS = 10 * 60_000

export interface Attempt {
  id: string
  userId: string
  key: string
  method: string
  path: string
  fingerprint: string
}

export type Begin = { kind: 'new'; attempt: Attempt } | { kind: 'replay'; record: IdempotencyRecord }

export class IdempotencyStore {
  private inFlight = new Map<string, string>()
  private lastSweep = -Infinity

  constructor(private readonly records: Collection<IdempotencyRecord>) {}

  /** Forgets answers older than the TTL; runs in the caller's transaction. */
  purge(nowMs: number): void {
    this.lastSweep = nowMs
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

  /** Runs in a transaction: it may sweep expired records. */
  begin(userId: string, key: string, method: string, path: string, fingerprint: string, nowMs: number): Begin {
    if (nowMs - this.lastSweep >= SWEEP_EVERY_MS) this.purge(nowMs)
    const id = createHash('sha256').update(`${userId}\n${key}`).digest('hex')
    const done = this.records.get(id)
    if (done && nowMs - done.createdAt > IDEMPOTENCY_TTL_MS) this.records.delete(id)
    else if (done) {
      if (done.fingerprint !== fingerprint || done.method !== method || done.path !== path) {
        fail('IDEMPOTENCY_MISMATCH', '同一个 Idempotency-Key 已用于内容不同的请求，请为新的请求生成新的幂等键')
      }
      return { kind: 'replay', record: done }
    }
    const running = this.inFlight.get(id)
    if (running !== undefined) {
      if (running !== fingerprint) fail('IDEMPOTENCY_MISMATCH', '同一个 Idempotency-Key 已用于内容不同的请求，请为新的请求生成新的幂等键')
      fail('IN_FLIGHT', '相同的请求正在处理中，请稍后再试')
    }
    this.inFlight.set(id, fingerprint)
    return { kind: 'new', attempt: { id, userId, key, method, path, fingerprint } }
  }

  /** In the handler's transaction: keeps a 2xx answer (by reference when it names a record). */
  keep(a: Attempt, reply: Reply, nowMs: number): void {
    if (reply.status < 200 || reply.status >= 300) return
    const { id, ...meta } = a
    this.records.set(id, { ...meta, status: reply.status, ...(reply.ref !== undefined ? { ref: reply.ref } : { body: reply.json }), createdAt: nowMs })
  }

  /** Once the attempt is over, kept or not. */
  release(a: Attempt): void {
    this.inFlight.delete(a.id)
  }
}
