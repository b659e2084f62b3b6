// gzip by Accept-Encoding, for the API's JSON and the static files alike: what a production gateway does.
import type { IncomingMessage } from 'node:http'
import { gzipSync } from 'node:zlib'

/** Below this a body goes as it is: gzip's header and the work cost more than they save. */
export const COMPRESS_MIN_BYTES = 1024

/** Whether the caller takes this coding: named (or `*`) without `q=0`. */
export function acceptsEncoding(req: Pick<IncomingMessage, 'headers'>, coding: 'gzip' | 'br'): boolean {
  const header = req.headers['accept-encoding']
  const value = Array.isArray(header) ? header.join(',') : header ?? ''
  const names = coding === 'gzip' ? ['gzip', 'x-gzip'] : [coding]
  let star: boolean | undefined
  for (const part of value.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';')
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean)
    const ok = !q || Number(q[1]) > 0
    if (names.includes(name)) return ok
    if (name === '*') star = ok
  }
  return star ?? false
}

/** Whether the caller takes gzip. */
export const acceptsGzip = (req: Pick<IncomingMessage, 'headers'>): boolean => acceptsEncoding(req, 'gzip')

/** The body to send and its headers: gzip when the caller takes it and the body is large enough. */
export function maybeGzip(req: Pick<IncomingMessage, 'headers'>, body: Buffer, gzip: (b: Buffer) => Buffer = gzipSync): { body: Buffer; encoding?: 'gzip' } {
  if (body.length < COMPRESS_MIN_BYTES || !acceptsGzip(req)) return { body }
  return { body: gzip(body), encoding: 'gzip' }
}

/** Adds Accept-Encoding to a Vary header that may already name others (CORS adds Origin). */
export function varyOnEncoding(vary: string | undefined): string {
  if (!vary) return 'Accept-Encoding'
  return /\baccept-encoding\b/i.test(vary) ? vary : `${vary}, Accept-Encoding`
}
