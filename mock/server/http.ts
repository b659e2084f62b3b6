// Small HTTP helpers over node:http: errors as values, body reading with limits, JSON answers.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { STATUS_OF_CODE, type ApiError, type ApiErrorBody, type ApiErrorCode } from '../../src/services/contract'

export class HttpError extends Error {
  readonly status: number
  readonly body: ApiErrorBody
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
}

export const json = (status: number, value: unknown, headers?: Record<string, string>): Reply => ({ status, json: value, headers })

export function errorReply(e: HttpError): Reply {
  return { status: e.status, json: e.body }
}

export const LIMITS = {
  /** JSON bodies */
  jsonBytes: 1024 * 1024,
  /** multipart uploads (file + fields) */
  uploadBytes: 20 * 1024 * 1024 + 64 * 1024,
}

/**
 * Reads the whole body up to `limit` bytes. Over the limit: 413 — the rest is drained (not
 * destroyed) so the client still receives the answer instead of a reset connection.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'])
    const tooLarge = () => new HttpError('TOO_LARGE', `请求内容超过 ${formatBytes(limit)} 的上限`)
    if (Number.isFinite(declared) && declared > limit) {
      req.resume()
      reject(tooLarge())
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    let over = false
    req.on('data', (chunk: Buffer) => {
      if (over) return
      size += chunk.length
      if (size > limit) {
        over = true
        chunks.length = 0
        reject(tooLarge())
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => {
      if (!over) resolve(Buffer.concat(chunks))
    })
    req.on('error', (err) => {
      if (!over) reject(err)
    })
    req.on('aborted', () => {
      if (!over) reject(new Error('request aborted'))
    })
  })
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / 1024 / 1024) * 10) / 10} MB`
  if (n >= 1024) return `${Math.round(n / 1024)} KB`
  return `${n} 字节`
}

export function parseJsonBody(buf: Buffer, contentType: string | undefined): unknown {
  if (buf.length === 0) return undefined
  if (contentType && !/^application\/(json|[\w.+-]+\+json)\b/i.test(contentType.trim()) && !/^text\/plain\b/i.test(contentType.trim())) {
    throw new HttpError('UNSUPPORTED_MEDIA_TYPE', '请求内容应为 JSON（Content-Type: application/json）')
  }
  try {
    return JSON.parse(buf.toString('utf8'))
  } catch {
    throw new HttpError('BAD_REQUEST', '请求内容不是有效的 JSON')
  }
}

export function writeReply(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { 'Cache-Control': 'no-store', ...reply.headers }
  let payload: Buffer | undefined
  if (reply.raw) payload = reply.raw
  else if (reply.json !== undefined && reply.status !== 304) {
    payload = Buffer.from(JSON.stringify(reply.json), 'utf8')
    headers['Content-Type'] = 'application/json; charset=utf-8'
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
