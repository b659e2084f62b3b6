// Serves a built H5 app at the same origin as the API (production-like E2E): SPA fallback to index.html,
// content types, brotli for text the build compressed (config/precompress.ts) or else gzip, long caching only for
// hashed file names.
import fs from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { acceptsEncoding, maybeGzip } from './compress'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
}

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|manifest\+json)|image\/svg)/

export function createStaticHandler(root: string) {
  const base = path.resolve(root)
  const gzCache = new Map<string, { mtimeMs: number; data: Buffer }>()

  function fileFor(urlPath: string): string | undefined {
    let rel: string
    try {
      rel = decodeURIComponent(urlPath)
    } catch {
      return undefined
    }
    const full = path.resolve(base, '.' + path.posix.normalize('/' + rel))
    // never outside the folder
    if (full !== base && !full.startsWith(base + path.sep)) return undefined
    try {
      const st = fs.statSync(full)
      if (st.isFile()) return full
      if (st.isDirectory() && fs.existsSync(path.join(full, 'index.html'))) return path.join(full, 'index.html')
    } catch {
      return undefined
    }
    return undefined
  }

  /** The build's brotli copy of a file (`<file>.br`; each build empties the folder first, so it is never stale). */
  function brotliCopy(file: string): Buffer | undefined {
    try {
      return fs.readFileSync(`${file}.br`)
    } catch {
      return undefined
    }
  }

  /** Handles GET/HEAD outside /api; returns false when it did not answer. */
  return function serve(req: IncomingMessage, res: ServerResponse, urlPath: string): boolean {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false
    let file = fileFor(urlPath)
    // SPA fallback: a page route (no file extension) gets the app shell
    if (!file && !path.posix.extname(urlPath)) file = fileFor('/index.html')
    if (!file) return false
    const ext = path.extname(file).toLowerCase()
    const type = TYPES[ext] ?? 'application/octet-stream'
    const st = fs.statSync(file)
    const hashed = /[.-][0-9a-f]{8,}\./i.test(path.basename(file))
    const headers: Record<string, string> = {
      'Content-Type': type,
      'Cache-Control': ext === '.html' ? 'no-cache' : hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
      'X-Content-Type-Options': 'nosniff',
    }
    const compressible = COMPRESSIBLE.test(type)
    if (compressible) headers.Vary = 'Accept-Encoding'
    const brotli = compressible && acceptsEncoding(req, 'br') ? brotliCopy(file) : undefined
    let data = brotli ?? fs.readFileSync(file)
    if (brotli) {
      headers['Content-Encoding'] = 'br'
    } else if (compressible) {
      const out = maybeGzip(req, data, (body) => {
        const cached = gzCache.get(file)
        if (cached && cached.mtimeMs === st.mtimeMs) return cached.data
        const gz = gzipSync(body)
        gzCache.set(file, { mtimeMs: st.mtimeMs, data: gz })
        return gz
      })
      data = out.body
      if (out.encoding) headers['Content-Encoding'] = out.encoding
    }
    headers['Content-Length'] = String(data.length)
    res.writeHead(200, headers)
    res.end(req.method === 'HEAD' ? undefined : data)
    return true
  }
}
