// Catalogue against the real mock: search, filters, ETag/304, versions, and publishing by dropping a file.
import fs from 'node:fs'
import path from 'node:path'
import { parseTemplate } from '@/domain/template/schema'
import type { BundleTemplate } from '@/domain/template/types'
import { CATALOGUE, catalogueTemplate, raw, start, tmpDir, type Running } from './support/harness'

describe('the project catalogue', () => {
  let r: Running
  beforeAll(async () => {
    r = await start()
  })
  afterAll(() => r.stop())

  test('lists every valid bundle file of the folder, with summaries', async () => {
    const files = fs.readdirSync(path.join(CATALOGUE, 'bundles')).filter((f) => f.endsWith('.json'))
    const valid = files.map((f) => parseTemplate(JSON.parse(fs.readFileSync(path.join(CATALOGUE, 'bundles', f), 'utf8')))).filter((p) => p.ok)
    const list = await r.client().listBundles()
    expect(valid.length).toBeGreaterThan(0)
    expect(list.length).toBe(valid.length)
    for (const b of list) {
      expect(b).toEqual(
        expect.objectContaining({ id: expect.any(String), version: expect.any(Number), name: expect.any(String), matterCount: expect.any(Number), promisedLimitDays: expect.any(Number), visits: expect.any(Number) }),
      )
      expect(b.matterCount).toBeGreaterThan(0)
    }
  })

  test('filters by applicant kind, keyword, category and region', async () => {
    const c = r.client()
    const all = await c.listBundles()
    const firms = await c.listBundles({ applicantKind: 'firm' })
    expect(firms.length).toBeGreaterThan(0)
    expect(firms.every((b) => b.applicantKinds.includes('firm'))).toBe(true)
    const canyin = all.find((b) => b.id === 'kaiban-canyin')!
    expect((await c.listBundles({ q: '餐饮' })).map((b) => b.id)).toContain('kaiban-canyin')
    expect((await c.listBundles({ q: canyin.keywords[0] })).map((b) => b.id)).toContain('kaiban-canyin')
    expect(await c.listBundles({ q: '完全不存在的关键词' })).toEqual([])
    const cat = await c.listBundles({ category: canyin.category })
    expect(cat.every((b) => b.category === canyin.category)).toBe(true)
    // a region outside every template's regions (北京) gets nothing; Hunan gets everything
    expect(await c.listBundles({ region: '110101' })).toEqual([])
    expect((await c.listBundles({ region: '430000' })).length).toBe(all.length)
  })

  test('bad query parameters are a 400 naming the parameter', async () => {
    const res = await raw(r.url, 'GET', '/bundles?applicantKind=alien&region=abc')
    expect(res.status).toBe(400)
    expect(res.json.error.fieldErrors).toEqual({ applicantKind: expect.any(String), region: expect.any(String) })
  })

  test('a template is served with an ETag; If-None-Match answers 304 without a body', async () => {
    const first = await raw(r.url, 'GET', '/bundles/kaiban-canyin')
    expect(first.status).toBe(200)
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^"kaiban-canyin-v\d+-[0-9a-f]{16}"$/)
    const second = await raw(r.url, 'GET', '/bundles/kaiban-canyin', { headers: { 'If-None-Match': etag } })
    expect(second.status).toBe(304)
    expect(second.text).toBe('')
    const other = await raw(r.url, 'GET', '/bundles/kaiban-canyin', { headers: { 'If-None-Match': '"something-else"' } })
    expect(other.status).toBe(200)
    const v = (first.json as BundleTemplate).version
    const byVersion = await raw(r.url, 'GET', `/bundles/kaiban-canyin/versions/${v}`, { headers: { 'If-None-Match': etag } })
    expect(byVersion.status).toBe(304)
  })

  test('the client revalidates with its cached ETag and returns the cached template on 304', async () => {
    const seen: { status: number; inm?: string }[] = []
    const { createFetchTransport } = await import('@/services/http/fetch-transport')
    const base = createFetchTransport()
    const c = r.client({
      transport: async (req) => {
        const res = await base(req)
        seen.push({ status: res.status, inm: req.headers['If-None-Match'] })
        return res
      },
    })
    const a = await c.getBundle('xinshenger')
    const b = await c.getBundle('xinshenger')
    expect(b).toEqual(a)
    expect(seen.map((s) => s.status)).toEqual([200, 304])
    expect(seen[1].inm).toMatch(/^"xinshenger-v/)
  })

  test('unknown bundle, unknown version and a bad version number', async () => {
    const c = r.client()
    await expect(c.getBundle('no-such-bundle')).rejects.toMatchObject({ kind: 'not-found', message: '该一件事不存在或已下线' })
    await expect(c.getBundle('kaiban-canyin', 999)).rejects.toMatchObject({ kind: 'not-found' })
    expect((await raw(r.url, 'GET', '/bundles/kaiban-canyin/versions/abc')).status).toBe(400)
  })

  test('categories come from categories.json: every life event of the catalogue has an icon of the app, and the 长辈版 tiles find bundles', async () => {
    const c = r.client()
    const { categories, elderTiles } = await c.listCategories()
    const { ICONS } = await import('@/components/icons')
    for (const x of [...categories, ...elderTiles]) expect(Object.keys(ICONS)).toContain(x.icon)
    const all = await c.listBundles({})
    expect(categories.map((x) => x.name).sort()).toEqual([...new Set(all.map((b) => b.category))].sort())
    expect(elderTiles.map((t) => t.label)).toEqual(['退休', '身后事', '社保/医保', '高龄津贴'])
    for (const t of elderTiles.filter((x) => x.label !== '高龄津贴')) expect((await c.listBundles({ ...t.query, applicantKind: 'person' })).length).toBeGreaterThan(0)
  })

  test('regions come from regions.json (an empty list when the file is absent)', async () => {
    const regions = await r.client().listRegions()
    expect(Array.isArray(regions)).toBe(true)
    if (fs.existsSync(path.join(CATALOGUE, 'regions.json'))) {
      expect(regions.length).toBeGreaterThan(0)
      // extra keys of the file (service halls for pickup) are passed on
      const file = JSON.parse(fs.readFileSync(path.join(CATALOGUE, 'regions.json'), 'utf8'))
      expect(regions).toEqual(Array.isArray(file) ? file : file.regions)
    }
  })
})

describe('a catalogue folder of its own', () => {
  let r: Running
  let dir: string
  const source = catalogueTemplate('kaiban-canyin')
  const write = (name: string, value: unknown) => fs.writeFileSync(path.join(dir, 'bundles', name), typeof value === 'string' ? value : JSON.stringify(value))

  beforeAll(async () => {
    dir = tmpDir('yjs-cat-')
    fs.mkdirSync(path.join(dir, 'bundles'))
    write('a.json', source)
    r = await start({ catalogueDir: dir })
  })
  afterAll(() => r.stop())

  test('dropping a new valid file publishes it without a restart', async () => {
    const c = r.client()
    expect((await c.listBundles()).map((b) => b.id)).toEqual([source.id])
    write('b.json', { ...source, id: 'kaiban-canyin-copy', name: '开办餐饮店（副本）' })
    expect((await c.listBundles()).map((b) => b.id).sort()).toEqual([source.id, 'kaiban-canyin-copy'].sort())
    expect((await c.getBundle('kaiban-canyin-copy')).name).toBe('开办餐饮店（副本）')
  })

  test('an invalid file is logged with the problem and not published', async () => {
    write('broken.json', { ...source, id: 'broken-bundle', matters: 'nope' })
    write('notjson.json', '{ this is not json')
    const ids = (await r.client().listBundles()).map((b) => b.id)
    expect(ids).not.toContain('broken-bundle')
    expect(r.logs.some((l) => l.startsWith('WARN') && l.includes('broken.json') && l.includes('未发布'))).toBe(true)
    expect(r.logs.some((l) => l.includes('notjson.json') && l.includes('不是有效的 JSON'))).toBe(true)
  })

  test('a new version replaces the latest; the old version stays readable for old drafts, also after a restart', async () => {
    const c = r.client()
    const v1 = await c.getBundle(source.id)
    write('a.json', { ...source, version: source.version + 1, name: '开办餐饮店（新版）' })
    const latest = await c.getBundle(source.id)
    expect(latest.version).toBe(source.version + 1)
    expect((await c.listBundles()).find((b) => b.id === source.id)!.version).toBe(source.version + 1)
    expect(await c.getBundle(source.id, source.version)).toEqual(v1)
    await r.restart()
    expect((await c.getBundle(source.id, source.version)).name).toBe(v1.name)
  })

  test('removing a file unpublishes the bundle', async () => {
    fs.rmSync(path.join(dir, 'bundles', 'b.json'))
    await expect(r.client().getBundle('kaiban-canyin-copy')).rejects.toMatchObject({ kind: 'not-found' })
  })
})
