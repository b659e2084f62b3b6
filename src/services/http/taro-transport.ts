// Transport over Taro.request, and Taro.uploadFile when given (taro-upload.ts) (WeChat mini-program and H5).
// WeChat calls `success` for every HTTP status, so the status is passed on and judged by the client.
// The catalogue's transport uploads nothing: on H5 the opening page's code goes without the upload API.
import Taro from '@tarojs/taro'
import { keepaliveFits, lowerCaseHeaders, TransportError, type Transport, type TransportRequest, type TransportResponse, type UploadBody } from './transport'

export type Upload = (req: TransportRequest, body: UploadBody) => Promise<TransportResponse>

export function createTaroTransport(upload?: Upload): Transport {
  return async (req: TransportRequest) => {
    if (req.body && typeof req.body !== 'string') {
      if (!upload) throw new TransportError('offline', 'this transport sends no files')
      return upload(req, req.body)
    }
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

export function asText(data: unknown): string {
  if (data === undefined || data === null) return ''
  if (typeof data === 'string') return data
  try {
    return JSON.stringify(data)
  } catch {
    return ''
  }
}

export function toTransportError(e: unknown): TransportError {
  const msg = typeof e === 'object' && e !== null ? String((e as { errMsg?: string; message?: string }).errMsg ?? (e as Error).message ?? '') : String(e)
  return new TransportError(/time ?out|超时/i.test(msg) ? 'timeout' : 'offline', msg)
}
