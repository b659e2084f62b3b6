// Fault injection: per route, seeded, through the admin route or MOCK_FAULTS; errors before processing,
// timeouts and drops after it.
import { newDraftId } from '@/services/platform'
import { Faults } from '../../mock/server/faults'
import { raw, start, type Running, type TestClient } from '../contract/support/harness'

let r: Running
let c: TestClient
const admin = { 'X-Admin-Token': 'test-admin-token', 'Content-Type': 'application/json' }

beforeAll(async () => {
  r = await start()
  c = r.client({ retry: { attempts: 1 }, timeoutMs: 300 })
  await c.loginWechat('dev-citizen-1')
})
afterAll(() => r.stop())
afterEach(async () => {
  r.platform.setFaults({ faults: [] })
  // one open draft per bundle: each test begins without any
  for (const d of await c.listDrafts()) if (d.status === 'open') await c.deleteDraft(d.id)
})

const draft = { bundleId: 'bianlidian', templateVersion: 1, region: '430104', applicantKind: 'person' as const, answers: {}, values: {}, materials: {} }

test('errorRate 1: 503 in Chinese and nothing processed', async () => {
  await c.admin.setFaults({ faults: [{ route: 'PUT /drafts/*', errorRate: 1 }] })
  const id = newDraftId()
  const err = await c.putDraft(id, draft, 0).catch((e) => e)
  expect(err).toMatchObject({ kind: 'server', status: 503, code: 'UNAVAILABLE' })
  expect(err.message).toMatch(/平台繁忙/)
  await c.admin.clearFaults()
  await expect(c.getDraft(id)).rejects.toMatchObject({ kind: 'not-found' })
})

test('dropRate 1: processed, then the connection is cut (the client sees offline)', async () => {
  await c.admin.setFaults({ faults: [{ route: 'PUT /drafts/*', dropRate: 1 }] })
  const id = newDraftId()
  await expect(c.putDraft(id, draft, 0)).rejects.toMatchObject({ kind: 'offline' })
  await c.admin.clearFaults()
  expect((await c.getDraft(id)).version).toBe(1)
})

test('timeoutRate 1: processed, then no answer until the client gives up', async () => {
  await c.admin.setFaults({ faults: [{ route: 'PUT /drafts/*', timeoutRate: 1 }] })
  const id = newDraftId()
  const t0 = Date.now()
  await expect(c.putDraft(id, draft, 0)).rejects.toMatchObject({ kind: 'timeout' })
  expect(Date.now() - t0).toBeGreaterThanOrEqual(290)
  await c.admin.clearFaults()
  expect((await c.getDraft(id)).version).toBe(1)
})

test('latency delays the answer', async () => {
  await c.admin.setFaults({ faults: [{ route: 'GET /regions', latencyMs: 120 }] })
  const t0 = Date.now()
  await c.listRegions()
  expect(Date.now() - t0).toBeGreaterThanOrEqual(110)
})

test('rules match by method and path pattern; health and admin routes are never faulted', async () => {
  await c.admin.setFaults({ faults: [{ route: 'GET /bundles/*', errorRate: 1 }, { route: '*', errorRate: 1 }] })
  expect((await raw(r.url, 'GET', '/bundles/kaiban-canyin')).status).toBe(503)
  expect((await raw(r.url, 'GET', '/regions')).status).toBe(503)
  expect((await raw(r.url, 'GET', '/health')).status).toBe(200)
  expect((await raw(r.url, 'GET', '/admin/faults', { headers: admin })).status).toBe(200)
  await c.admin.setFaults({ faults: [{ route: 'POST /bundles', errorRate: 1 }] })
  expect((await raw(r.url, 'GET', '/bundles')).status).toBe(200)
})

test('the same seed gives the same faults', () => {
  const run = () => {
    const f = new Faults({ seed: 7, faults: [{ route: 'POST /cases', errorRate: 0.2, timeoutRate: 0.1, dropRate: 0.1 }] })
    return Array.from({ length: 200 }, () => {
      const d = f.decide('POST', '/api/v1/cases')
      return d.error ? 'e' : d.timeout ? 't' : d.drop ? 'd' : '.'
    }).join('')
  }
  const a = run()
  expect(run()).toBe(a)
  // the rates hold roughly
  const count = (ch: string) => a.split('').filter((x) => x === ch).length
  expect(count('e')).toBeGreaterThan(20)
  expect(count('e')).toBeLessThan(60)
  expect(count('t') + count('d')).toBeGreaterThan(20)
  expect(new Faults({ seed: 8, faults: [{ route: '*', errorRate: 0.5 }] }).decide('GET', '/api/v1/x')).toBeDefined()
})

test('a bad fault configuration is a 400 naming each problem; GET shows and DELETE clears the rules', async () => {
  const bad = await raw(r.url, 'POST', '/admin/faults', { headers: admin, body: JSON.stringify({ faults: [{ route: '', errorRate: 2 }, { route: 'POST /cases', latencyMs: -1 }], seed: 1.5 }) })
  expect(bad.status).toBe(400)
  expect(Object.keys(bad.json.error.fieldErrors).sort()).toEqual(['faults[0].errorRate', 'faults[0].route', 'faults[1].latencyMs', 'seed'])
  await c.admin.setFaults({ faults: [{ route: 'GET /regions', latencyMs: 1 }], seed: 3 })
  expect((await raw(r.url, 'GET', '/admin/faults', { headers: admin })).json).toEqual({ faults: [{ route: 'GET /regions', latencyMs: 1 }], seed: 3 })
  expect((await c.admin.clearFaults()).faults).toEqual([])
})
