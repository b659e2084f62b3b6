// When to warn that the sign-in is about to end (WCAG 2.2.1: warn before a time limit and let it be
// extended). The platform's session slides: each refresh gives it its full lifetime again, so the end is
// the latest refresh token's expiry. Pure: the time is passed in.

/** warn this long before the session ends */
export const SESSION_WARN_BEFORE_MS = 5 * 60_000

export type SessionExpiry =
  /** nothing to say; look again in `checkInMs` */
  | { kind: 'fine'; checkInMs: number }
  /** say it now: about `minutesLeft` minutes (at least 1) */
  | { kind: 'warn'; minutesLeft: number; checkInMs: number }
  | { kind: 'ended' }
  /** no end known (signed out, or tokens saved before the end was recorded) */
  | { kind: 'unknown' }

export function sessionExpiry(endsAtMs: number | undefined, nowMs: number, warnBeforeMs = SESSION_WARN_BEFORE_MS): SessionExpiry {
  if (endsAtMs === undefined || !Number.isFinite(endsAtMs)) return { kind: 'unknown' }
  const left = endsAtMs - nowMs
  if (left <= 0) return { kind: 'ended' }
  if (left > warnBeforeMs) return { kind: 'fine', checkInMs: left - warnBeforeMs }
  // the count shown is rounded up ("约 1 分钟" until the very end), refreshed every half minute
  return { kind: 'warn', minutesLeft: Math.max(1, Math.ceil(left / 60_000)), checkInMs: Math.min(30_000, left) }
}
