// ID numbers never appear in URLs or in the server log (PIPL; BRIEF §9), even when a request carries them.
import { createFetchTransport } from '@/services/http/fetch-transport'
import { newDraftId, newIdempotencyKey } from '@/services/platform'
import { USER_FIXTURES } from '../../mock/fixtures/users'
import { createPlatform } from '../../mock/server'
import { CATALOGUE, fillDraft, raw, signIn, start, tmpDir, uploader, type Running } from '../contract/support/harness'

const ID_RUN = /\d{17}[\dXx]/
const ALL_IDS = USER_FIXTURES.map((u) => u.profile.idNumber)
const ALL_MOBILES = USER_FIXTURES.map((u) => u.profile.mobile)

let r: Running
beforeAll(async () => {
  r = await start()
})
afterAll(() => r.stop())

test('a full journey sends no ID number in any URL and leaves none in the log', async () => {
  const urls: string[] = []
  const base = createFetchTransport()
  const c = r.client({
    transport: (req) => {
      urls.push(req.url)
      return base(req)
    },
  })
  const who = await signIn(c, 'dev-elder')
  await c.me()
  await c.consentLicence('idCard')
  await c.sendSmsCode('13807310003')
  const t = await c.getBundle('tuixiu')
  const content = await fillDraft(t, { ...who, upload: uploader(c, t.id) })
  const draftId = newDraftId()
  await c.putDraft(draftId, content, 0)
  const cs = await c.submitCase({ draftId, content }, newIdempotencyKey())
  await c.getCase(cs.id)
  // a citizen typing an ID number into search: the server logs paths, never query strings
  await c.listBundles({ q: '430103195801012114' })
  // and a bad request that echoes nothing back
  await c.submitCase({ draftId: newDraftId(), content: { ...content, values: { ...content.values, x: '430103195801012114' } } }, newIdempotencyKey()).catch(() => undefined)
  expect(urls.length).toBeGreaterThan(8)
  for (const u of urls.filter((x) => !x.includes('q='))) expect(u).not.toMatch(ID_RUN)
  const log = r.logs.join('\n')
  expect(log.length).toBeGreaterThan(0)
  for (const id of ALL_IDS) expect(log).not.toContain(id)
  for (const m of ALL_MOBILES) expect(log).not.toContain(m)
  expect(log).toContain('GET /api/v1/bundles 200')
})

test('the logger is injectable and every line goes through redactSensitive, whatever the route logs', async () => {
  const lines: string[] = []
  const p = createPlatform({ dataDir: tmpDir('yjs-log-'), catalogueDir: CATALOGUE, logger: { info: (l) => lines.push(l), warn: (l) => lines.push(l), error: (l) => lines.push(l) } })
  p.core.log.info('身份证 430102199003071234 手机 13807310001 银行卡 6222021234567890128')
  p.core.log.error('11010519491231002X failed')
  expect(lines).toEqual(['身份证 430102********1234 手机 138****0001 银行卡 6222 **** **** 0128', '110105********002X failed'])
  await p.close()
})

test('error messages never echo the submitted ID number', async () => {
  const c = r.client()
  await signIn(c, 'dev-no-licence')
  const res = await raw(r.url, 'POST', '/auth/sms/send', { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ mobile: '430102199003071234' }) })
  expect(res.status).toBe(400)
  expect(res.text).not.toMatch(ID_RUN)
})
