// The one error type of the platform client. Pages read `kind` to choose what to say; `message` is Chinese.
import type { ApiError, ApiErrorCode, DraftRecord } from '../contract'

export type PlatformErrorKind =
  | 'offline'
  | 'timeout'
  | 'unauthorized'
  | 'validation'
  | 'conflict'
  | 'not-found'
  | 'forbidden'
  | 'server'
  | 'bad-request'
  /** a 2xx answer whose body is not what the contract says (a proxy's page, an older platform) */
  | 'bad-reply'

export interface PlatformErrorInit {
  kind: PlatformErrorKind
  message: string
  status?: number
  code?: ApiErrorCode
  fieldErrors?: Record<string, string>
  materialErrors?: Record<string, string>
  answerErrors?: Record<string, string>
  deliveryError?: string
  handlingError?: string
  current?: DraftRecord
  conflicts?: string[]
  caseId?: string
}

export class PlatformError extends Error {
  readonly kind: PlatformErrorKind
  readonly status?: number
  readonly code?: ApiErrorCode
  readonly fieldErrors?: Record<string, string>
  readonly materialErrors?: Record<string, string>
  readonly answerErrors?: Record<string, string>
  readonly deliveryError?: string
  readonly handlingError?: string
  /** the server's draft when a save lost a version race */
  readonly current?: DraftRecord
  /** the draft items changed on both sides, when a save could not be merged */
  readonly conflicts?: string[]
  /** the case an already submitted draft created */
  readonly caseId?: string

  constructor(init: PlatformErrorInit) {
    super(init.message)
    this.name = 'PlatformError'
    this.kind = init.kind
    Object.assign(this, init)
  }
}

export function isPlatformError(e: unknown): e is PlatformError {
  return e instanceof PlatformError
}

const DEFAULT_MESSAGES: Record<PlatformErrorKind, string> = {
  offline: '网络连接不可用，请检查网络后重试',
  timeout: '网络较慢，平台暂未响应，请稍后重试',
  unauthorized: '登录已失效，请重新登录',
  validation: '填写的内容有误，请按提示修改',
  conflict: '数据已在其他地方更新，请确认后再操作',
  'not-found': '未找到相关内容',
  forbidden: '没有权限进行此操作',
  server: '平台繁忙，请稍后重试',
  'bad-request': '请求内容有误',
  'bad-reply': '平台返回的内容无法识别，请稍后重试',
}

export function defaultMessage(kind: PlatformErrorKind): string {
  return DEFAULT_MESSAGES[kind]
}

export function kindOfStatus(status: number, code?: ApiErrorCode): PlatformErrorKind {
  if (status === 401) return 'unauthorized'
  if (status === 408) return 'timeout'
  if (status === 403) return 'forbidden'
  if (status === 404) return 'not-found'
  if (status === 409) return 'conflict'
  if (status === 422) return code === 'IDEMPOTENCY_MISMATCH' ? 'bad-request' : 'validation'
  if (status >= 500 || status === 429) return 'server'
  return 'bad-request'
}

/** A 413 without the platform's message (a gateway's own page): what was sent is too large, not offline. */
export const TOO_LARGE_MESSAGE = '提交的内容太大，超过了平台允许的上限，请压缩或减少后再试'

/** the draft a conflict answer carries, if any (the client loads the schema to read it only then) */
export function conflictDraftOf(body: unknown): unknown {
  return (body as { error?: { current?: unknown } } | undefined)?.error?.current
}

/**
 * An HTTP answer that is not 2xx/304 → PlatformError. `body` is the parsed JSON or undefined; `readDraft`
 * (DraftRecordSchema's parse) reads the platform's copy of a draft a conflict carries.
 */
export function fromResponse(status: number, body: unknown, readDraft?: (json: unknown) => DraftRecord | undefined): PlatformError {
  const err = (body as { error?: Partial<ApiError> } | undefined)?.error
  const code = typeof err?.code === 'string' ? (err.code as ApiErrorCode) : undefined
  const kind = kindOfStatus(status, code)
  return new PlatformError({
    kind,
    status,
    code: code ?? (status === 413 ? 'TOO_LARGE' : undefined),
    message: typeof err?.message === 'string' && err.message ? err.message : status === 413 ? TOO_LARGE_MESSAGE : defaultMessage(kind),
    fieldErrors: err?.fieldErrors,
    materialErrors: err?.materialErrors,
    answerErrors: err?.answerErrors,
    deliveryError: err?.deliveryError,
    handlingError: err?.handlingError,
    current: err?.current === undefined ? undefined : readDraft?.(err.current),
    conflicts: Array.isArray(err?.conflicts) ? err.conflicts.filter((k): k is string => typeof k === 'string') : undefined,
    caseId: err?.caseId,
  })
}

