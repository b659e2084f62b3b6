export { createPlatformClient, type PlatformClient, type PlatformClientOptions, type RetryOptions, type SessionStore, type UploadInput } from './client'
export { PlatformError, isPlatformError, type PlatformErrorKind } from './errors'
export { newIdempotencyKey, newDraftId, newUuid } from './ids'
export { canonicalJson } from './canonical'
