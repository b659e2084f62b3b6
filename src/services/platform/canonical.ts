// Canonical JSON: keys sorted, so two equal values give equal text (idempotency fingerprints, draft compare).
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortDeep(value)) ?? 'undefined'
}

function sortDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortDeep)
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    // no prototype: a key named __proto__ (hostile or generated input) stays an ordinary key
    const out = Object.create(null) as Record<string, unknown>
    for (const k of Object.keys(value as object).sort()) {
      const v = (value as Record<string, unknown>)[k]
      if (v !== undefined) out[k] = sortDeep(v)
    }
    return out
  }
  return value
}
