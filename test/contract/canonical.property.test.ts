// Canonical JSON fingerprints idempotent requests and compares drafts: equal values must give equal text
// whatever the key order, and the text must mean the same value.
import * as fc from 'fast-check'
import { canonicalJson } from '@/services/platform/canonical'

/** The same value with every object's keys inserted in the reverse order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys)
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    // defined, not assigned: `out['__proto__'] = x` would set the prototype instead of adding a key
    for (const k of Object.keys(value).reverse()) {
      Object.defineProperty(out, k, { value: reversedKeys((value as Record<string, unknown>)[k]), enumerable: true, writable: true, configurable: true })
    }
    return out
  }
  return value
}

test('key order does not change the text', () => {
  fc.assert(
    fc.property(fc.jsonValue(), (value) => {
      expect(canonicalJson(reversedKeys(value))).toBe(canonicalJson(value))
    }),
  )
})

// JSON has no -0 (JSON.stringify(-0) is "0"), so "equal" means equal to what JSON itself round-trips to.
test('the text parses back to an equal value', () => {
  fc.assert(
    fc.property(fc.jsonValue(), (value) => {
      expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)))
    }),
  )
})

test('idempotent: canonicalising the parsed text gives the same text', () => {
  fc.assert(
    fc.property(fc.jsonValue(), (value) => {
      const text = canonicalJson(value)
      expect(canonicalJson(JSON.parse(text))).toBe(text)
    }),
  )
})

// Integer-like keys ("0", "12") are not sorted as text: every JS object lists them first, in numeric order.
// The text is still the same for equal values (above); both sides of a fingerprint use this function.
const word = fc.string().filter((k) => !/^(0|[1-9]\d*)$/.test(k))

test('other keys come out sorted at every depth', () => {
  fc.assert(
    fc.property(fc.dictionary(word, fc.dictionary(word, fc.integer())), (value) => {
      const parsed = JSON.parse(canonicalJson(value)) as Record<string, Record<string, number>>
      const sorted = (keys: string[]) => [...keys].sort()
      expect(Object.keys(parsed)).toEqual(sorted(Object.keys(parsed)))
      for (const inner of Object.values(parsed)) expect(Object.keys(inner)).toEqual(sorted(Object.keys(inner)))
    }),
  )
})

test('a key whose value is undefined is the same as no key', () => {
  fc.assert(
    fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.string(), (value, extra) => {
      fc.pre(!(extra in value))
      expect(canonicalJson({ ...value, [extra]: undefined })).toBe(canonicalJson(value))
    }),
  )
})
