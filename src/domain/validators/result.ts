// Shared result shape and text helpers for all validators (app and mock server).
// Messages never echo the input: several fields are sensitive (PIPL).

/** Passed, possibly with a non-blocking warning the UI shows beside the field. */
export type Valid<T, Extra = object> = { ok: true; value: T; warning?: string } & Extra

/** Failed: `code` is stable for programs, `message` is shown to the user. */
export interface Invalid {
  ok: false
  code: string
  message: string
}

export type Result<T, Extra = object> = Valid<T, Extra> | Invalid

export function invalid(code: string, message: string): Invalid {
  return { ok: false, code, message }
}

/** Full-width ASCII variants (Ａ-Ｚ, ０-９, ＠ …) that Chinese IMEs produce. */
const FULL_WIDTH = /[\uFF01-\uFF5E]/
/** ASCII, ideographic (U+3000) and no-break spaces, tabs. */
const SPACE = /[\s\u3000\u00A0]/

export function hasFullWidth(s: string): boolean {
  return FULL_WIDTH.test(s)
}

export function hasSpace(s: string): boolean {
  return SPACE.test(s)
}

/** Number of user-perceived characters for CJK text: code points, so a rare character (扩展B 区) counts once. */
export function charCount(s: string): number {
  return Array.from(s).length
}

/** Raw form values arrive as string, number or nothing; anything else is treated as text. */
export function asText(raw: unknown): string {
  if (raw === undefined || raw === null) return ''
  if (typeof raw === 'string') return raw
  if (typeof raw === 'number') return Number.isFinite(raw) ? String(raw) : ''
  return String(raw)
}
