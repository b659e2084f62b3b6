// Transport over Taro.request / Taro.uploadFile (WeChat mini-program and H5).
// WeChat calls `success` for every HTTP status, so the status is passed on and judged by the client.
import Taro from '@tarojs/taro'
import { keepaliveFits, lowerCaseHeaders, TransportError, uploadFormData, type Transport, type TransportRequest, type UploadBody } from './transport'

export function createTaroTransport(): Transport {
  return async (req: TransportRequest) => {
    if (req.body && typeof req.body !== 'string') return upload(req, req.body)
    try {
      const res = await Taro.request<string>({
        url: req.url,
        method: req.method,
        header: req.headers,
        data: req.body,
        timeout: req.timeoutMs,
        // 'text' keeps the raw body on both platforms; the client parses JSON itself
        dataType: 'text',
        responseType: 'text',
        // H5's Taro.request passes unknown options on to fetch
        ...(process.env.TARO_ENV === 'h5' && keepaliveFits(req) ? { keepalive: true } : {}),
      })
      return { status: res.statusCode, headers: lowerCaseHeaders(res.header), body: asText(res.data) }
    } catch (e) {
      throw toTransportError(e)
    }
  }
}

async function upload(req: TransportRequest, body: UploadBody) {
  let filePath = body.file.path
  let revoke: (() => void) | undefined
  if (process.env.TARO_ENV === 'h5' && !filePath && body.file.data && typeof URL !== 'undefined' && typeof URL.createObjectURL === 'function') {
    // H5: Taro.uploadFile reads a blob: URL (a build-time check: WeChat has no Blob, and Taro's URL stand-in no blob: URLs)
    const d = body.file.data
    const blob = d instanceof Blob ? d : new Blob([d instanceof Uint8Array ? d : new Uint8Array(d)], { type: body.file.type })
    filePath = URL.createObjectURL(blob)
    revoke = () => URL.revokeObjectURL(filePath as string)
  }
  if (!filePath) throw new TransportError('offline', 'no file to upload')
  try {
    const headers = { ...req.headers }
    for (const k of Object.keys(headers)) if (k.toLowerCase() === 'content-type') delete headers[k]
    const res = await Taro.uploadFile({
      url: req.url,
      filePath,
      name: 'file',
      fileName: body.file.name,
      header: headers,
      formData: uploadFormData(body),
      timeout: req.timeoutMs,
    } as Taro.uploadFile.Option)
    return { status: res.statusCode, headers: {}, body: asText(res.data) }
  } catch (e) {
    throw toTransportError(e)
  } finally {
    revoke?.()
  }
}

function asText(data: unknown): string {
  if (data === undefined || data === null) return ''
  if (typeof data === 'string') return data
  try {
    return JSON.stringify(data)
  } catch {
    return ''
  }
}

function toTransportError(e: unknown): TransportError {
  const msg = typeof e === 'object' && e !== null ? String((e as { errMsg?: string; message?: string }).errMsg ?? (e as Error).message ?? '') : String(e)
  return new TransportError(/time ?out|超时/i.test(msg) ? 'timeout' : 'offline', msg)
}
