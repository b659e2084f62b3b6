// Small HTTP helpers over node:http: errors as values, body reading with limits, JSON answers.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { gzipSync } from 'node:zlib'
import { maybeGzip, varyOnEncoding } from './compress'
import { STATUS_OF_CODE, type ApiError, type ApiErrorBody, type ApiErrorCode } from '../../src/services/contract'

export class HttpError extends Error {
  readonly status: number
  readonly body: ApiErrorBody
  /** the request body was not read to its end: the connection cannot carry another request */
  close = false
  constructor(code: ApiErrorCode, message: string, extra: Omit<ApiError, 'code' | 'message'> = {}) {
    super(message)
    this.status = STATUS_OF_CODE[code]
    this.body = { error: { code, message, ...extra } }
  }
}

export const fail = (code: ApiErrorCode, message: string, extra?: Omit<ApiError, 'code' | 'message'>): never => {
  throw new HttpError(code, message, extra)
}

/** What a handler returns; the server writes it (or the fault layer drops it). */
export interface Reply {
  status: number
  headers?: Record<string, string>
  /** JSON value, raw bytes, or nothing */
  json?: unknown
  raw?: Buffer
  /** the id of the record the answer shows: an idempotent replay renders it again from there (Route.replay) */
  ref?: string
}

export const json = (status: number, value: unknown, headers?: Record<string, string>): Reply => ({ status, json: value, headers })

export function errorReply(e: HttpError): Reply {
  return { status: e.status, json: e.body }
}

export const LIMITS = {
  /** JSON bodies */
  jsonBytes: 1024 * 1024,
  /** nesting of JSON arrays and objects */
  jsonDepth: 32,
  /** multipart uploads (file + fields) */
  uploadBytes: 20 * 1024 * 1024 + 64 * 1024,
  /** an over-limit body is read and thrown away up to this much more, so the client can read the 413 */
  discardBytes: 64 * 1024 * 1024,
  /** the request line and headers must arrive within this */
  headersTimeoutMs: 10_000,
  /** a body that stops arriving for this long is answered 408 */
  bodyIdleMs: 15_000,
  /** the whole request, headers and body (a 20 MB upload on a slow phone link) */
  requestTimeoutMs: 300_000,
}

export type Limits = typeof LIMITS

/**
 * Reads the whole body up to `limit` bytes. Over the limit: 413, but only once the body has been read to
 * its end (thrown away, up to `discardBytes` more): a browser reads no answer before it has sent its
 * request, so closing early would show it a dropped connection (EPIPE) instead of the 413.
 */
export function readBody(req: IncomingMessage, limit: number, limits: Pick<Limits, 'discardBytes' | 'bodyIdleMs'>): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'])
    const tooLarge = (close: boolean) => {
      const e = new HttpError('TOO_LARGE', `请求内容超过 ${formatBytes(limit)} 的上限`)
      e.close = close
      return e
    }
    const chunks: Buffer[] = []
    let size = 0
    let over = Number.isFinite(declared) && declared > limit
    let settled = false
    const settle = (fn: () => void) => {
      if (settled) return
      settled = true
      clearTimeout(idle)
      fn()
    }
    let idle: NodeJS.Timeout
    const arm = () => {
      clearTimeout(idle)
      idle = setTimeout(() => {
        const e = new HttpError('REQUEST_TIMEOUT', `请求内容在 ${Math.round(limits.bodyIdleMs / 1000)} 秒内没有继续传来，请检查网络后重试`)
        e.close = true
        settle(() => reject(e))
      }, limits.bodyIdleMs)
    }
    arm()
    req.on('data', (chunk: Buffer) => {
      if (settled) return
      arm()
      size += chunk.length
      if (size > limit) {
        over = true
        chunks.length = 0
      }
      if (over && size > limit + limits.discardBytes) {
        // far too much to wait for: answer now and close
        settle(() => reject(tooLarge(true)))
        return
      }
      if (!over) chunks.push(chunk)
    })
    req.on('end', () => settle(() => (over ? reject(tooLarge(false)) : resolve(Buffer.concat(chunks)))))
    req.on('error', (err) => settle(() => reject(err)))
    req.on('aborted', () => settle(() => reject(new Error('request aborted'))))
  })
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / 1024 / 1024) * 10) / 10} MB`
  if (n >= 1024) return `${Math.round(n / 1024)} KB`
  return `${n} 字节`
}

export function parseJsonBody(buf: Buffer, contentType: string | undefined, maxDepth = LIMITS.jsonDepth): unknown {
  if (buf.length === 0) return undefined
  if (contentType && !/^application\/(json|[\w.+-]+\+json)\b/i.test(contentType.trim()) && !/^text\/plain\b/i.test(contentType.trim())) {
    throw new HttpError('UNSUPPORTED_MEDIA_TYPE', '请求内容应为 JSON（Content-Type: application/json）')
  }
  if (nestedDeeperThan(buf, maxDepth)) throw new HttpError('BAD_REQUEST', `请求内容（JSON）嵌套超过 ${maxDepth} 层`)
  try {
    return JSON.parse(buf.toString('utf8'))
  } catch {
    throw new HttpError('BAD_REQUEST', '请求内容不是有效的 JSON')
  }
}

/** One pass over the bytes, before parsing: deep nesting never reaches the recursive code after it. */
function nestedDeeperThan(buf: Buffer, max: number): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i]
    if (inString) {
      if (b === 0x5c) i++ // backslash: skip the escaped byte
      else if (b === 0x22) inString = false
    } else if (b === 0x22) inString = true
    else if (b === 0x5b || b === 0x7b) {
      if (++depth > max) return true
    } else if (b === 0x5d || b === 0x7d) depth--
  }
  return false
}

/** The gzip of the last text of each answer object: a template or list served again costs no compression. */
const gzipped = new WeakMap<object, { text: string; gz: Buffer }>()
function gzipOnce(value: unknown, text: string, body: Buffer): Buffer {
  if (typeof value !== 'object' || value === null) return gzipSync(body)
  const hit = gzipped.get(value)
  // compared by text, so an object changed since is compressed again
  if (hit && hit.text === text) return hit.gz
  const gz = gzipSync(body)
  gzipped.set(value, { text, gz })
  return gz
}

/** Writes a reply; JSON goes gzipped when `req` takes gzip and the body is worth it (mock/server/compress.ts). */
export function writeReply(res: ServerResponse, reply: Reply, req?: Pick<IncomingMessage, 'headers'>): void {
  const headers: Record<string, string> = { 'Cache-Control': 'no-store', ...reply.headers }
  let payload: Buffer | undefined
  if (reply.raw) payload = reply.raw
  else if (reply.json !== undefined && reply.status !== 304) {
    headers['Content-Type'] = 'application/json; charset=utf-8'
    headers.Vary = varyOnEncoding(headers.Vary)
    const text = JSON.stringify(reply.json)
    const out = maybeGzip(req ?? { headers: {} }, Buffer.from(text, 'utf8'), (body) => gzipOnce(reply.json, text, body))
    payload = out.body
    if (out.encoding) headers['Content-Encoding'] = out.encoding
  }
  if (payload) headers['Content-Length'] = String(payload.length)
  res.writeHead(reply.status, headers)
  res.end(payload)
}

export function bearerToken(req: IncomingMessage): string | undefined {
  const h = req.headers.authorization
  if (!h) return undefined
  const m = /^Bearer\s+(\S+)$/i.exec(h.trim())
  return m ? m[1] : undefined
}

export function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()]
  return Array.isArray(v) ? v[0] : v
}
