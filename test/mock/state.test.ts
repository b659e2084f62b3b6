// State survives a restart (also one in the middle of a request); writes are atomic; reset brings the fixtures back.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { validateIdNumber, validateUscc } from '@/domain/validators'
import { newDraftId, newIdempotencyKey } from '@/services/platform'
import { USER_FIXTURES } from '../../mock/fixtures/users'
import { createPlatform } from '../../mock/server'
import { CATALOGUE, fillDraft, raw, REPO, signIn, start, tmpDir, uploader, type Running } from '../contract/support/harness'

describe('restart', () => {
  let r: Running
  beforeAll(async () => {
    r = await start()
  })
  afterAll(() => r.stop())

  test('drafts, cases, uploads, sessions, idempotency records, case numbers and the clock survive a restart', async () => {
    const c = r.client()
    const who = await signIn(c, 'dev-no-licence')
    const t = await c.getBundle('kaiban-canyin')
    const content = await fillDraft(t, { ...who, upload: uploader(c, t.id), prefer: ['upload'] })
    const open = newDraftId()
    await c.putDraft(open, content, 0)
    const key = newIdempotencyKey()
    const draftId = newDraftId()
    const first = await c.submitCase({ draftId, content }, key)
    const fileId = (Object.values(first.content.materials).find((m) => m.mode === 'upload') as { fileIds: string[] }).fileIds[0]
    await c.admin.advanceClock({ hours: 1 })
    // each matter moved by its own first step (受理 of 1 h for the 即办件)
    const before = await c.getCase(first.id)
    expect(before.matters.some((m) => m.status !== 'submitted')).toBe(true)

    await r.restart()

    // same tokens still sign in; everything is where it was
    expect((await c.me()).name).toBe('赵敏')
    expect(await c.getDraft(open)).toMatchObject({ version: 1, status: 'open' })
    expect(await c.getDraft(draftId)).toMatchObject({ status: 'submitted', caseId: first.id })
    const after = await c.getCase(first.id)
    expect(after).toEqual(before)
    expect((await c.getUpload(fileId)).fileId).toBe(fileId)
    expect((await c.admin.getClock()).offsetMs).toBe(3600_000)
    // the retry of the pre-restart request gets the stored answer, not a second case
    expect((await c.submitCase({ draftId, content }, key)).id).toBe(first.id)
    // numbering continues
    const next = await c.submitCase({ draftId: newDraftId(), content }, newIdempotencyKey())
    expect(Number(next.id.slice(-5))).toBe(Number(first.id.slice(-5)) + 1)
  })

  test('a restart in the middle of a submission: the retry with the same key makes exactly one case', async () => {
    const c = r.client({ retry: { attempts: 1 } })
    const who = await signIn(c, 'dev-citizen-2')
    const t = await c.getBundle('bianlidian')
    const content = await fillDraft(t, who)
    const before = r.platform.core.state.cases.size
    r.platform.setFaults({ faults: [{ route: 'POST /cases', latencyMs: 5000 }] })
    const key = newIdempotencyKey()
    const draftId = newDraftId()
    const pending = c.submitCase({ draftId, content }, key).catch((e) => e)
    await new Promise((res) => setTimeout(res, 150))
    await r.restart() // the process goes away while the request waits
    expect(await pending).toMatchObject({ kind: 'offline' })
    const cs = await c.submitCase({ draftId, content }, key)
    expect((await c.submitCase({ draftId, content }, key)).id).toBe(cs.id)
    expect(r.platform.core.state.cases.size).toBe(before + 1)
  })
})

describe('the data folder', () => {
  test('records are written atomically: no temp files remain; a stray temp file and a damaged record are skipped with a warning', async () => {
    const r = await start()
    const c = r.client()
    const who = await signIn(c, 'dev-citizen-1')
    const t = await c.getBundle('bianlidian')
    const cs = await c.submitCase({ draftId: newDraftId(), content: await fillDraft(t, who) }, newIdempotencyKey())
    await r.stop()
    const all = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? all(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    expect(all(r.dataDir).filter((f) => f.endsWith('.tmp'))).toEqual([])
    fs.writeFileSync(path.join(r.dataDir, 'cases', `${cs.id}.json.123.1.tmp`), '{"id":"half')
    fs.writeFileSync(path.join(r.dataDir, 'drafts', 'broken.json'), '{"id": "x", "value": ')
    const logs: string[] = []
    const p = createPlatform({ dataDir: r.dataDir, catalogueDir: CATALOGUE, logger: { info: () => undefined, warn: (l) => logs.push(l), error: (l) => logs.push(l) } })
    expect(p.core.state.cases.get(cs.id)?.id).toBe(cs.id)
    expect(logs.some((l) => l.includes('drafts/broken.json'))).toBe(true)
    expect(fs.existsSync(path.join(r.dataDir, 'cases', `${cs.id}.json.123.1.tmp`))).toBe(false)
    await p.close()
  })

  test('an empty folder is seeded with the fixtures', async () => {
    const dataDir = tmpDir('yjs-seed-')
    const p = createPlatform({ dataDir, catalogueDir: CATALOGUE, logger: { info: () => undefined, warn: () => undefined, error: () => undefined } })
    expect(p.core.state.users.size).toBe(USER_FIXTURES.length)
    expect(fs.existsSync(path.join(dataDir, 'meta.json'))).toBe(true)
    await p.close()
  })

  test('`npx tsx mock/reset.ts` and POST /admin/reset bring the fixtures back', async () => {
    const r = await start()
    const c = r.client()
    const who = await signIn(c, 'dev-citizen-1')
    const t = await c.getBundle('bianlidian')
    await c.submitCase({ draftId: newDraftId(), content: await fillDraft(t, who) }, newIdempotencyKey())
    expect(r.platform.core.state.cases.size).toBe(1)
    const reset = await raw(r.url, 'POST', '/admin/reset', { headers: { 'X-Admin-Token': 'test-admin-token' } })
    expect(reset.status).toBe(200)
    expect(r.platform.core.state.cases.size).toBe(0)
    expect(r.platform.core.state.users.size).toBe(USER_FIXTURES.length)
    // sessions went with the reset
    await expect(c.listCases()).rejects.toMatchObject({ kind: 'unauthorized' })
    expect((await c.listBundles()).length).toBeGreaterThan(0)
    await signIn(c, 'dev-citizen-1')
    await c.submitCase({ draftId: newDraftId(), content: await fillDraft(t, who) }, newIdempotencyKey())
    await r.stop()

    execFileSync(process.execPath, [path.join(REPO, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'mock/reset.ts'], { cwd: REPO, env: { ...process.env, MOCK_DATA_DIR: r.dataDir }, stdio: 'pipe' })
    const p = createPlatform({ dataDir: r.dataDir, catalogueDir: CATALOGUE, logger: { info: () => undefined, warn: () => undefined, error: () => undefined } })
    expect(p.core.state.cases.size).toBe(0)
    expect(p.core.state.users.size).toBe(USER_FIXTURES.length)
    await p.close()
  }, 30_000)
})

describe('fixtures', () => {
  test('every ID number and 统一社会信用代码 passes its check; the people the issue asks for are there', () => {
    for (const u of USER_FIXTURES) {
      expect(validateIdNumber(u.profile.idNumber, { today: '2026-11-26' })).toMatchObject({ ok: true, birthDate: u.profile.birthDate, sex: u.profile.sex === '男' ? 'male' : 'female' })
      if (u.profile.uscc) expect(validateUscc(u.profile.uscc, { origin: 'typed' }).ok).toBe(true)
    }
    const by = (id: string) => USER_FIXTURES.find((u) => u.profile.idNumber === id || u.profile.uscc === id)
    expect(by('430103195801012114')?.profile.birthDate).toBe('1958-01-01')
    expect(by('91430100MA4L12345A')?.profile.kind).toBe('firm')
    expect(USER_FIXTURES.some((u) => u.profile.role === 'citizen' && !u.licences.some((l) => l.kind === 'idCard'))).toBe(true)
    expect(USER_FIXTURES.filter((u) => u.profile.role === 'staff').length).toBeGreaterThanOrEqual(2)
    const couple = USER_FIXTURES.filter((u) => u.licences.some((l) => l.kind === 'marriage'))
    expect(couple.length).toBe(2)
    const kinds = new Set(USER_FIXTURES.flatMap((u) => u.licences.map((l) => l.kind)))
    for (const k of ['idCard', 'household', 'marriage', 'businessLicence', 'property', 'birthCertificate', 'socialSecurityCard', 'drivingLicence']) expect(kinds).toContain(k)
  })
})
