// The three-way merge of a draft: what two devices changed apart is kept, only the same item changed on
// both sides is asked, uploaded files are never dropped by the merge.
import * as fc from 'fast-check'
import type { DraftContent } from '@/domain/draft'
import { commonBase, isEmptyContent, mergeDrafts, resolveDraftMerge, sameContent, sameValue } from '@/domain/draft-merge'

const base: DraftContent = {
  bundleId: 'kaiban-canyin',
  templateVersion: 1,
  region: '430104',
  applicantKind: 'person',
  answers: { licensed: false, identity: 'individual', area: 350 },
  values: { shopName: '湘味小馆', staffCount: '3' },
  materials: { layout: { mode: 'upload', fileIds: ['f-1'] }, health: { mode: 'promise', agreedAt: '2026-11-26T02:00:00.000Z' } },
}

const edit = (change: (c: DraftContent) => void): DraftContent => {
  const c = JSON.parse(JSON.stringify(base)) as DraftContent
  change(c)
  return c
}

test('different fields changed on two devices: both kept, nothing asked', () => {
  const mine = edit((c) => (c.values.staffCount = '5'))
  const theirs = edit((c) => {
    c.values.address = '长沙市天心区示例路 1 号'
    c.answers.area = 120
  })
  const r = mergeDrafts(base, mine, theirs)
  expect(r.conflicts).toEqual([])
  expect(r.content.values).toEqual({ shopName: '湘味小馆', staffCount: '5', address: '长沙市天心区示例路 1 号' })
  expect(r.content.answers.area).toBe(120)
})

test('the same field changed on both sides to different values is one conflict, with both values and the base', () => {
  const mine = edit((c) => {
    c.values.shopName = '湘味小馆（本机）'
    c.values.staffCount = '5'
  })
  const theirs = edit((c) => (c.values.shopName = '湘味小馆（另一台）'))
  const r = mergeDrafts(base, mine, theirs)
  expect(r.conflicts).toEqual([{ key: 'values.shopName', map: 'values', id: 'shopName', base: '湘味小馆', mine: '湘味小馆（本机）', theirs: '湘味小馆（另一台）' }])
  // the rest is merged already; the conflicting item waits with theirs
  expect(r.content.values).toEqual({ shopName: '湘味小馆（另一台）', staffCount: '5' })
  expect(resolveDraftMerge(r, { 'values.shopName': 'mine' }).values).toEqual({ shopName: '湘味小馆（本机）', staffCount: '5' })
  expect(resolveDraftMerge(r, {}).values.shopName).toBe('湘味小馆（另一台）')
})

test('the same change made on both sides is no conflict', () => {
  const both = edit((c) => (c.values.shopName = '同一个名字'))
  expect(mergeDrafts(base, both, edit((c) => (c.values.shopName = '同一个名字'))).conflicts).toEqual([])
})

test('a removal merges like a change: removed on one side, untouched on the other, it is gone; removed against a change, it is asked', () => {
  const mine = edit((c) => delete c.answers.area)
  expect('area' in mergeDrafts(base, mine, base).content.answers).toBe(false)
  const r = mergeDrafts(base, mine, edit((c) => (c.answers.area = 80)))
  expect(r.conflicts.map((c) => [c.key, c.mine, c.theirs])).toEqual([['answers.area', undefined, 80]])
  expect('area' in resolveDraftMerge(r, { 'answers.area': 'mine' }).answers).toBe(false)
})

test('uploads to the same material on two devices keep every file; a file removed on one side goes', () => {
  const mine = edit((c) => (c.materials.layout = { mode: 'upload', fileIds: ['f-1', 'f-mine'] }))
  const theirs = edit((c) => (c.materials.layout = { mode: 'upload', fileIds: ['f-theirs'] }))
  const r = mergeDrafts(base, mine, theirs)
  expect(r.conflicts).toEqual([])
  expect(r.content.materials.layout).toEqual({ mode: 'upload', fileIds: ['f-theirs', 'f-mine'] })
  // a material first uploaded on both devices (nothing in the base)
  const fresh = { ...base, materials: {} }
  const both = mergeDrafts(fresh, { ...fresh, materials: { licence: { mode: 'upload', fileIds: ['a'] } } }, { ...fresh, materials: { licence: { mode: 'upload', fileIds: ['b'] } } })
  expect(both.content.materials.licence).toEqual({ mode: 'upload', fileIds: ['b', 'a'] })
})

test('an upload on one side against another way of providing the material on the other is asked, both shown', () => {
  const mine = edit((c) => (c.materials.health = { mode: 'upload', fileIds: ['f-health'] }))
  const theirs = edit((c) => (c.materials.health = { mode: 'defer' }))
  const r = mergeDrafts(base, mine, theirs)
  expect(r.conflicts).toHaveLength(1)
  expect(r.conflicts[0]).toMatchObject({ key: 'materials.health', mine: { mode: 'upload', fileIds: ['f-health'] }, theirs: { mode: 'defer' } })
})

test('choices (delivery, handling) merge by their parts; top-level items are items too', () => {
  const withEms = edit((c) => (c.delivery = { method: 'ems', address: { recipient: '刘洋', mobile: '13800000000', region: '430104', detail: '示例路 1 号' } }))
  const mine = { ...withEms, delivery: { ...withEms.delivery!, method: 'pickup' as const, hallId: 'hall-1' } }
  const theirs = { ...withEms, handling: 'online' as const }
  const r = mergeDrafts(withEms, mine, theirs)
  expect(r.conflicts).toEqual([])
  expect(r.content.delivery).toEqual({ ...mine.delivery })
  expect(r.content.handling).toBe('online')
  const region = mergeDrafts(base, { ...base, region: '430105' }, { ...base, region: '430111' })
  expect(region.conflicts.map((c) => c.key)).toEqual(['region'])
})

test('a keyed map the merge has never heard of merges by key too', () => {
  type Extended = DraftContent & { groups?: Record<string, unknown> }
  const b: Extended = { ...base, groups: { child1: { name: '甲' } } }
  const mine: Extended = { ...b, groups: { child1: { name: '甲' }, child2: { name: '乙' } } }
  const theirs: Extended = { ...b, groups: { child1: { name: '甲甲' } } }
  const r = mergeDrafts(b, mine, theirs)
  expect(r.conflicts).toEqual([])
  expect((r.content as Extended).groups).toEqual({ child1: { name: '甲甲' }, child2: { name: '乙' } })
})

test('without a base, items set on one side are taken and items set differently on both are asked', () => {
  const local = { ...commonBase(base, base), answers: { licensed: false }, values: { shopName: '本机的店' } }
  const platform = { ...commonBase(base, base), answers: { licensed: false, area: 200 }, values: { shopName: '平台的店', staffCount: '4' } }
  const r = mergeDrafts(commonBase(local, platform), local, platform)
  expect(r.conflicts.map((c) => c.key)).toEqual(['values.shopName'])
  expect(r.content.answers).toEqual({ licensed: false, area: 200 })
  expect(r.content.values.staffCount).toBe('4')
  expect(mergeDrafts(undefined, local, platform).conflicts.map((c) => c.key)).toContain('values.shopName')
})

test('empty content and equality', () => {
  expect(isEmptyContent(commonBase(base, base))).toBe(true)
  expect(isEmptyContent(base)).toBe(false)
  expect(sameContent(base, JSON.parse(JSON.stringify({ ...base, values: { staffCount: '3', shopName: '湘味小馆' } })))).toBe(true)
  expect(sameValue([1, 2], [2, 1])).toBe(false)
  expect(sameValue({ a: undefined }, {})).toBe(true)
})

// ---------- properties over generated drafts ----------

const ids = fc.constantFrom('a', 'b', 'c', 'd')
const valuesArb = fc.dictionary(ids, fc.constantFrom('1', '2', '3'))
const answersArb = fc.dictionary(ids, fc.oneof(fc.boolean(), fc.integer({ min: 0, max: 3 }), fc.constantFrom('x', 'y')))
const materialArb = fc.oneof(
  fc.subarray(['f1', 'f2', 'f3', 'f4']).map((fileIds) => ({ mode: 'upload' as const, fileIds })),
  fc.constant({ mode: 'defer' as const }),
  fc.constant({ mode: 'shared' as const }),
)
const contentArb: fc.Arbitrary<DraftContent> = fc.record({ answers: answersArb, values: valuesArb, materials: fc.dictionary(ids, materialArb) }).map((x) => ({ ...base, ...x }))

const sortedFiles = (c: DraftContent): DraftContent => ({
  ...c,
  materials: Object.fromEntries(Object.entries(c.materials).map(([id, m]) => [id, m.mode === 'upload' ? { ...m, fileIds: [...m.fileIds].sort() } : m])),
})

test('merging with an unchanged side gives the other side; a side merged with itself is itself', () => {
  fc.assert(
    fc.property(contentArb, contentArb, (b, x) => {
      expect(mergeDrafts(b, x, b)).toEqual({ content: expect.anything(), conflicts: [] })
      expect(sameContent(mergeDrafts(b, x, b).content, x)).toBe(true)
      expect(sameContent(mergeDrafts(b, b, x).content, x)).toBe(true)
      expect(sameContent(mergeDrafts(b, x, x).content, x)).toBe(true)
    }),
  )
})

test('symmetric: swapping the sides asks the same items, and choosing "mine" on one is choosing "theirs" on the other', () => {
  fc.assert(
    fc.property(contentArb, contentArb, contentArb, (b, m, t) => {
      const one = mergeDrafts(b, m, t)
      const other = mergeDrafts(b, t, m)
      expect(one.conflicts.map((c) => c.key).sort()).toEqual(other.conflicts.map((c) => c.key).sort())
      const allMine = Object.fromEntries(one.conflicts.map((c) => [c.key, 'mine' as const]))
      const allTheirs = Object.fromEntries(one.conflicts.map((c) => [c.key, 'theirs' as const]))
      // the files of a material are the same set (in the order each side saw them added)
      expect(sameContent(sortedFiles(resolveDraftMerge(one, allMine)), sortedFiles(resolveDraftMerge(other, allTheirs)))).toBe(true)
    }),
  )
})

test('an item changed on one side only is never asked; a file added on either side is never dropped unless asked', () => {
  fc.assert(
    fc.property(contentArb, contentArb, contentArb, (b, m, t) => {
      const r = mergeDrafts(b, m, t)
      for (const c of r.conflicts) {
        expect(sameValue(c.base, c.mine)).toBe(false)
        expect(sameValue(c.base, c.theirs)).toBe(false)
        expect(sameValue(c.mine, c.theirs)).toBe(false)
      }
      const asked = new Set(r.conflicts.map((c) => c.id))
      for (const side of [m, t]) {
        for (const [id, choice] of Object.entries(side.materials)) {
          if (choice.mode !== 'upload' || asked.has(id)) continue
          const before = b.materials[id]
          const added = choice.fileIds.filter((f) => before?.mode !== 'upload' || !before.fileIds.includes(f))
          const kept = r.content.materials[id]
          for (const f of added) expect(kept?.mode === 'upload' && kept.fileIds.includes(f)).toBe(true)
        }
      }
    }),
  )
})
