// Transport over the global fetch (Node ≥ 18, browsers). Used by tests and usable on H5.
import { keepaliveFits, TransportError, type Transport, type TransportRequest, type UploadBody } from './transport'

export interface FetchTransportOptions {
  fetch?: typeof fetch
}

export function createFetchTransport(options: FetchTransportOptions = {}): Transport {
  return async (req: TransportRequest) => {
    const doFetch = options.fetch ?? globalThis.fetch
    if (!doFetch) throw new TransportError('offline', 'fetch is not available')
    const controller = new AbortController()
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      controller.abort()
    }, req.timeoutMs)
    try {
      const headers = { ...req.headers }
      let body: BodyInit | undefined
      if (typeof req.body === 'string') body = req.body
      else if (req.body) {
        body = toFormData(req.body)
        // fetch sets the multipart boundary itself
        for (const k of Object.keys(headers)) if (k.toLowerCase() === 'content-type') delete headers[k]
      }
      const res = await doFetch(req.url, { method: req.method, headers, body, signal: controller.signal, ...(keepaliveFits(req) ? { keepalive: true } : {}) })
      const text = await res.text()
      const out: Record<string, string> = {}
      res.headers.forEach((v, k) => {
        out[k.toLowerCase()] = v
      })
      return { status: res.status, headers: out, body: text }
    } catch (e) {
      if (timedOut) throw new TransportError('timeout', `no answer within ${req.timeoutMs} ms`)
      throw new TransportError('offline', e instanceof Error ? e.message : String(e))
    } finally {
      clearTimeout(timer)
    }
  }
}

function toFormData(upload: UploadBody): FormData {
  const form = new FormData()
  for (const [k, v] of Object.entries(upload.fields)) form.append(k, v)
  const { data, name, type } = upload.file
  if (!data) throw new TransportError('offline', 'fetch transport needs file bytes')
  const blob = data instanceof Blob ? data : new Blob([data instanceof Uint8Array ? data : new Uint8Array(data)], { type: type ?? 'application/octet-stream' })
  form.append('file', blob, name)
  return form
}
