// Drafts against the real mock: create, update, optimistic concurrency (409 with the server's copy), owners.
import type { DraftContent } from '@/domain/draft'
import { createFetchTransport } from '@/services/http/fetch-transport'
import { newDraftId, PlatformError } from '@/services/platform'
import fs from 'node:fs'
import path from 'node:path'
import { CATALOGUE, raw, start, type Running, type TestClient } from './support/harness'

// the version the catalogue publishes now (a draft names a version that exists)
const published = (JSON.parse(fs.readFileSync(path.join(CATALOGUE, 'bundles', 'kaiban-canyin.json'), 'utf8')) as { version: number }).version

let r: Running
let c: TestClient
const content = (note: string): DraftContent => ({
  bundleId: 'kaiban-canyin',
  templateVersion: published,
  region: '430104',
  applicantKind: 'person',
  answers: {},
  values: { note },
  materials: {},
})

beforeAll(async () => {
  r = await start()
  c = r.client()
  await c.loginWechat('dev-citizen-1')
})
afterAll(() => r.stop())

test('create with baseVersion 0, then update with the version last seen', async () => {
  const id = newDraftId()
  const v1 = await c.putDraft(id, content('a'), 0)
  expect(v1).toMatchObject({ id, version: 1, status: 'open', content: content('a') })
  const v2 = await c.putDraft(id, content('b'), 1)
  expect(v2.version).toBe(2)
  expect(v2.createdAt).toBe(v1.createdAt)
  expect((await c.getDraft(id)).content.values.note).toBe('b')
  expect((await c.listDrafts()).map((d) => d.id)).toContain(id)
})

test('a stale write gets 409 with the server copy so the citizen can choose', async () => {
  const id = newDraftId()
  await c.putDraft(id, content('phone'), 0)
  // another device (same account) saves first
  const other = r.client()
  await other.loginWechat('dev-citizen-1')
  await other.putDraft(id, content('window'), 1)
  const err = (await c.putDraft(id, content('phone-2'), 1).catch((e) => e)) as PlatformError
  expect(err).toBeInstanceOf(PlatformError)
  expect(err.kind).toBe('conflict')
  expect(err.status).toBe(409)
  expect(err.current).toMatchObject({ id, version: 2, content: { values: { note: 'window' } } })
  // the citizen keeps theirs: write on top of the version they now know
  expect((await c.putDraft(id, content('phone-2'), err.current!.version)).version).toBe(3)
})

test('creating twice (baseVersion 0 on an existing draft) is a conflict, not an overwrite', async () => {
  const id = newDraftId()
  await c.putDraft(id, content('x'), 0)
  await expect(c.putDraft(id, content('y'), 0)).rejects.toMatchObject({ kind: 'conflict' })
  expect((await c.getDraft(id)).content.values.note).toBe('x')
})

test('a save whose answer was lost is recognised on retry (same content now on the server)', async () => {
  const id = newDraftId()
  await c.putDraft(id, content('1'), 0)
  const statuses: (number | string)[] = []
  const base = createFetchTransport()
  const flaky = r.client({
    transport: async (req) => {
      try {
        const res = await base(req)
        statuses.push(res.status)
        return res
      } catch (e) {
        statuses.push((e as { kind: string }).kind)
        // the first try was processed and its answer dropped; let the retry through
        r.platform.setFaults({ faults: [] })
        throw e
      }
    },
  })
  flaky.tokens.current = c.tokens.current
  r.platform.setFaults({ faults: [{ route: 'PUT /drafts/*', dropRate: 1 }] })
  const saved = await flaky.putDraft(id, content('2'), 1)
  expect(statuses).toEqual(['offline', 409])
  expect(saved).toMatchObject({ version: 2, content: content('2') })
})

test('delete, then the draft is gone (404); updating a deleted draft is 404', async () => {
  const id = newDraftId()
  await c.putDraft(id, content('x'), 0)
  await c.deleteDraft(id)
  await expect(c.getDraft(id)).rejects.toMatchObject({ kind: 'not-found', message: '草稿不存在或已删除' })
  await expect(c.putDraft(id, content('y'), 1)).rejects.toMatchObject({ kind: 'not-found' })
  await expect(c.deleteDraft(id)).rejects.toMatchObject({ kind: 'not-found' })
})

test("another citizen cannot see, change or delete someone's draft: 404, and the draft is untouched", async () => {
  const id = newDraftId()
  await c.putDraft(id, content('mine'), 0)
  const intruder = r.client()
  await intruder.loginWechat('dev-citizen-2')
  await expect(intruder.getDraft(id)).rejects.toMatchObject({ kind: 'not-found' })
  await expect(intruder.deleteDraft(id)).rejects.toMatchObject({ kind: 'not-found' })
  expect((await intruder.listDrafts()).map((d) => d.id)).not.toContain(id)
  // a write with the same id creates the intruder's own draft; it never touches the owner's
  await intruder.putDraft(id, content('theirs'), 0)
  expect((await c.getDraft(id)).content.values.note).toBe('mine')
})

test('staff tokens cannot use citizen drafts (403)', async () => {
  const s = r.client()
  await s.loginStaff('staff01', 'Window@2026')
  await expect(s.listDrafts()).rejects.toMatchObject({ kind: 'forbidden', status: 403 })
})

test('wrong shapes are 400 with the path of each problem; unknown bundles 422', async () => {
  const token = c.tokens.current!.accessToken
  const h = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }
  const bad = await raw(r.url, 'PUT', `/drafts/${newDraftId()}`, { headers: h, body: JSON.stringify({ content: { ...content('x'), templateVersion: 'one', answers: [] }, baseVersion: -1 }) })
  expect(bad.status).toBe(400)
  expect(Object.keys(bad.json.error.fieldErrors).sort()).toEqual(['baseVersion', 'content.answers', 'content.templateVersion'])
  const badId = await raw(r.url, 'PUT', '/drafts/../../etc', { headers: h, body: JSON.stringify({ content: content('x'), baseVersion: 0 }) })
  expect([400, 404]).toContain(badId.status)
  const unknown = await raw(r.url, 'PUT', `/drafts/${newDraftId()}`, { headers: h, body: JSON.stringify({ content: { ...content('x'), bundleId: 'nope' }, baseVersion: 0 }) })
  expect(unknown.status).toBe(422)
})
