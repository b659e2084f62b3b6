// Canonical JSON: keys sorted, so two equal values give equal text (idempotency fingerprints, draft compare).
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortDeep(value)) ?? 'undefined'
}

function sortDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortDeep)
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {}
    for (const k of Object.keys(value as object).sort()) {
      const v = (value as Record<string, unknown>)[k]
      // defined, not assigned: a "__proto__" key (JSON.parse makes it an own property) stays a key
      if (v !== undefined) Object.defineProperty(out, k, { value: sortDeep(v), enumerable: true, writable: true, configurable: true })
    }
    return out
  }
  return value
}
