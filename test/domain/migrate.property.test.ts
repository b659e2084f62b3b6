// Migrating twice is migrating once: a format-1 template upgraded again, a draft read again through its
// schema, a draft carried onto a template version it is already on — none changes anything the second time.
import * as fc from 'fast-check'
import { parseDraftContent } from '@/domain/draft-schema'
import { migrateDraft } from '@/domain/migrate'
import { parseTemplate } from '@/domain/template/schema'
import { upgradeTemplateJson } from '@/domain/template/upgrade'
import type { DraftContent } from '@/domain/draft'
import restaurantJson from '../fixtures/templates/restaurant.json'
import { restaurant } from '../fixtures/templates'

type Json = Record<string, any>
const base = restaurantJson as unknown as Json

/** Format-1 variants of the fixture: window-verified flags and fees on and off. */
const formatOne = fc
  .record({
    verified: fc.array(fc.boolean(), { minLength: base.materials.length, maxLength: base.materials.length }),
    feeOn: fc.boolean(),
    fee: fc.integer({ min: 0, max: 500 }),
  })
  .map(({ verified, feeOn, fee }) => {
    const t: Json = JSON.parse(JSON.stringify(base))
    t.materials.forEach((m: Json, i: number) => {
      if (verified[i]) m.windowVerified = true
      else delete m.windowVerified
    })
    t.matters[0].fees = feeOn ? [{ item: '工本费', amountYuan: fee }] : []
    return t
  })

test('a format-1 template upgrades to a valid format-2 one, and upgrading again changes nothing', () => {
  fc.assert(
    fc.property(formatOne, (t) => {
      const once = upgradeTemplateJson(t)
      expect(upgradeTemplateJson(once)).toEqual(once)
      const parsed = parseTemplate(once)
      expect(parsed.ok).toBe(true)
      if (!parsed.ok) return
      // every fact format 1 could not source is a sample
      for (const m of parsed.template.matters) {
        expect(m.provenance).toEqual({ baseCode: { sample: true }, contacts: { sample: true } })
        for (const f of m.fees) expect(f.provenance).toEqual({ sample: true })
      }
      parsed.template.materials.forEach((m, i) => expect(!!m.shared).toBe(t.materials[i].windowVerified === true))
      // parsing the format-1 JSON directly gives the same template
      expect(parseTemplate(t)).toEqual(parsed)
    }),
    { numRuns: 200 },
  )
})

const t = restaurant()
const modes = ['licence', 'in-bundle', 'window', 'shared', 'original', 'upload', 'promise', 'defer'] as const
const choice = fc.constantFrom(...modes).map((mode) => (mode === 'upload' ? { mode, fileIds: ['f-1'] } : mode === 'promise' ? { mode, agreedAt: '2025-09-29T09:00:00+08:00' } : { mode }))
const ids = [...t.questions.map((q) => q.id), ...t.fields.map((f) => f.id), ...t.materials.map((m) => m.id), 'gone-1', 'gone-2']
const draftJson = fc.record({
  answers: fc.dictionary(fc.constantFrom(...ids), fc.oneof(fc.boolean(), fc.integer({ min: -5, max: 200000 }), fc.constantFrom('shop', 'home', 'cold', 'x'), fc.subarray(['cold', 'drinks', 'seafood', 'x']))),
  values: fc.dictionary(fc.constantFrom(...ids), fc.string({ maxLength: 20 })),
  materials: fc.dictionary(fc.constantFrom(...ids), choice),
})

test('a draft read through its schema reads the same again (format 1’s “window” becomes “shared” once)', () => {
  fc.assert(
    fc.property(draftJson, (d) => {
      const json = { bundleId: t.id, templateVersion: 1, region: '430104', applicantKind: 'person', ...d }
      const once = parseDraftContent(json)
      expect(once.ok).toBe(true)
      if (!once.ok) return
      expect(Object.values(once.value.materials).some((m) => (m.mode as string) === 'window')).toBe(false)
      expect(parseDraftContent(once.value)).toEqual(once)
    }),
    { numRuns: 300 },
  )
})

test('carrying a draft onto a template twice drops nothing the second time and changes nothing', () => {
  fc.assert(
    fc.property(draftJson, (d) => {
      const parsed = parseDraftContent({ bundleId: t.id, templateVersion: 1, region: '430104', applicantKind: 'person', ...d })
      if (!parsed.ok) return
      const first = migrateDraft(parsed.value as DraftContent, t)
      const second = migrateDraft(first.draft, t)
      expect(second.dropped).toEqual([])
      expect(second.draft).toEqual(first.draft)
    }),
    { numRuns: 300 },
  )
})
