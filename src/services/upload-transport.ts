// Upload progress. The platform client sends uploads through its transport; this wrapper does uploads itself
// so it can report progress (H5: XMLHttpRequest; WeChat: the UploadTask), keyed by the request's
// Idempotency-Key, and leaves every other request to the wrapped transport.
import Taro from '@tarojs/taro'
import { IDEMPOTENCY_HEADER } from './contract'
import { lowerCaseHeaders, TransportError, uploadFormData, type Transport, type TransportRequest, type UploadBody } from './http/transport'

export type ProgressListener = (percent: number) => void

export interface ProgressRegistry {
  listen(key: string, listener: ProgressListener): () => void
  emit(key: string, percent: number): void
}

export function createProgressRegistry(): ProgressRegistry {
  const listeners = new Map<string, ProgressListener>()
  return {
    listen(key, listener) {
      listeners.set(key, listener)
      return () => {
        if (listeners.get(key) === listener) listeners.delete(key)
      }
    },
    emit: (key, percent) => listeners.get(key)?.(Math.max(0, Math.min(100, Math.round(percent)))),
  }
}

function keyOf(req: TransportRequest): string | undefined {
  const entry = Object.entries(req.headers).find(([k]) => k.toLowerCase() === IDEMPOTENCY_HEADER.toLowerCase())
  return entry?.[1]
}

function withoutContentType(headers: Record<string, string>): Record<string, string> {
  const out = { ...headers }
  for (const k of Object.keys(out)) if (k.toLowerCase() === 'content-type') delete out[k]
  return out
}

function xhrUpload(req: TransportRequest, body: UploadBody, onProgress: (p: number) => void) {
  return new Promise<{ status: number; headers: Record<string, string>; body: string }>((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open(req.method, req.url)
    xhr.timeout = req.timeoutMs
    for (const [k, v] of Object.entries(withoutContentType(req.headers))) xhr.setRequestHeader(k, v)
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress((e.loaded / e.total) * 100)
    }
    xhr.onload = () => resolve({ status: xhr.status, headers: {}, body: xhr.responseText ?? '' })
    xhr.onerror = () => reject(new TransportError('offline', 'upload failed'))
    xhr.ontimeout = () => reject(new TransportError('timeout', `no answer within ${req.timeoutMs} ms`))
    const form = new FormData()
    for (const [k, v] of Object.entries(body.fields)) form.append(k, v)
    const d = body.file.data
    const blob = d instanceof Blob ? d : new Blob([d instanceof Uint8Array ? d : new Uint8Array(d ?? new ArrayBuffer(0))], { type: body.file.type })
    form.append('file', blob, body.file.name)
    xhr.send(form)
  })
}

function weappUpload(req: TransportRequest, body: UploadBody, onProgress: (p: number) => void) {
  return new Promise<{ status: number; headers: Record<string, string>; body: string }>((resolve, reject) => {
    const task = Taro.uploadFile({
      url: req.url,
      filePath: body.file.path as string,
      name: 'file',
      header: withoutContentType(req.headers),
      formData: uploadFormData(body),
      timeout: req.timeoutMs,
      success: (res) => resolve({ status: res.statusCode, headers: lowerCaseHeaders({}), body: typeof res.data === 'string' ? res.data : JSON.stringify(res.data ?? '') }),
      fail: (e) => reject(new TransportError(/time ?out|超时/i.test(String(e?.errMsg)) ? 'timeout' : 'offline', String(e?.errMsg ?? 'upload failed'))),
    } as Taro.uploadFile.Option)
    task?.progress?.((p) => onProgress(p.progress))
  })
}

export function withUploadProgress(base: Transport, registry: ProgressRegistry): Transport {
  return async (req) => {
    const body = req.body
    if (!body || typeof body === 'string') return base(req)
    const key = keyOf(req)
    const onProgress = (p: number) => key && registry.emit(key, p)
    // a build-time check: the WeChat build drops the XMLHttpRequest path altogether
    if (process.env.TARO_ENV === 'h5' && body.file.data && typeof XMLHttpRequest !== 'undefined') return xhrUpload(req, body, onProgress)
    if (body.file.path && process.env.TARO_ENV !== 'h5') return weappUpload(req, body, onProgress)
    return base(req)
  }
}
