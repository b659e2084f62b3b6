// The one seam between the platform client and the network. Implementations: Taro (WeChat + H5), fetch (Node, H5).

/** A file sent as multipart/form-data under the part name `file`. */
export interface UploadBody {
  kind: 'upload'
  /** text parts sent beside the file */
  fields: Record<string, string>
  file: {
    name: string
    /** MIME type, when known */
    type?: string
    /** bytes (fetch transport) */
    data?: Uint8Array | ArrayBuffer | Blob
    /** a local temp path from chooseMessageFile / chooseImage (Taro transport) */
    path?: string
  }
}

/**
 * The text parts of an upload made by Taro.uploadFile: WeChat names the file part after its temp file
 * (`tmp_….pdf`), so the name the citizen picked travels as the `fileName` field (the platform prefers it).
 */
export function uploadFormData(body: UploadBody): Record<string, string> {
  return { ...body.fields, fileName: body.file.name }
}

export interface TransportRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  url: string
  headers: Record<string, string>
  /** JSON text, or a file upload */
  body?: string | UploadBody
  timeoutMs: number
  /** H5: the request may outlive the page (a save sent as the page is hidden or closed) */
  keepalive?: boolean
}

/** Browsers refuse keepalive bodies over 64 KiB in flight: larger ones go as ordinary requests. */
export function keepaliveFits(req: TransportRequest): boolean {
  return !!req.keepalive && typeof req.body === 'string' && req.body.length < 60_000
}

export interface TransportResponse {
  status: number
  /** header names in lower case */
  headers: Record<string, string>
  /** response text ('' when none) */
  body: string
}

export type Transport = (req: TransportRequest) => Promise<TransportResponse>

export type TransportErrorKind = 'offline' | 'timeout'

/** No HTTP answer at all: the network is down, the connection broke, or the time ran out. */
export class TransportError extends Error {
  readonly kind: TransportErrorKind
  constructor(kind: TransportErrorKind, detail?: string) {
    super(detail ?? kind)
    this.name = 'TransportError'
    this.kind = kind
  }
}

export function isTransportError(e: unknown): e is TransportError {
  return e instanceof TransportError || (typeof e === 'object' && e !== null && (e as { name?: string }).name === 'TransportError')
}

export function lowerCaseHeaders(h: Record<string, unknown> | undefined | null): Record<string, string> {
  const out: Record<string, string> = {}
  if (!h) return out
  for (const [k, v] of Object.entries(h)) if (v !== undefined && v !== null) out[k.toLowerCase()] = String(v)
  return out
}
