// Client-made ids: Idempotency-Key values and draft ids (drafts may be created offline).

let counter = 0

/** A random UUID v4. crypto.randomUUID where present (H5, Node); WeChat has no global crypto, so fall back. */
export function newUuid(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string; getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto
  if (c?.randomUUID) return c.randomUUID()
  const bytes = new Uint8Array(16)
  if (c?.getRandomValues) c.getRandomValues(bytes)
  else {
    // mix time and a counter in so two keys made in the same millisecond still differ
    counter = (counter + 1) & 0xffff
    const t = Date.now()
    for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256) ^ ((t / 2 ** (i % 6 * 8)) & 0xff) ^ (i < 2 ? (counter >> (i * 8)) & 0xff : 0)
  }
  bytes[6] = (bytes[6] & 0x0f) | 0x40
  bytes[8] = (bytes[8] & 0x3f) | 0x80
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** One per user action (a tap on 提交申请); reuse it for every retry of that action. */
export function newIdempotencyKey(): string {
  return newUuid()
}

export function newDraftId(): string {
  return newUuid()
}
