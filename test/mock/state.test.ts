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

describe('idempotency records', () => {
  test('expire after 24 h while the platform runs; the stored answer names the case instead of a second copy of it', async () => {
    const r = await start()
    try {
      const c = r.client()
      const who = await signIn(c, 'dev-citizen-1')
      const content = await fillDraft(await c.getBundle('bianlidian'), who)
      const key = newIdempotencyKey()
      const draftId = newDraftId()
      const files = () => fs.readdirSync(path.join(r.dataDir, 'idempotency'))
      // the e-licence consents made at sign-in have keyed answers of their own
      const before = new Set(files())
      const cs = await c.submitCase({ draftId, content }, key)
      const added = files().filter((f) => !before.has(f))
      expect(added).toHaveLength(1)
      const stored = JSON.parse(fs.readFileSync(path.join(r.dataDir, 'idempotency', added[0]), 'utf8')).value
      expect(stored).toMatchObject({ status: 201, ref: cs.id })
      expect(stored.body).toBeUndefined()
      expect(JSON.stringify(stored).length).toBeLessThan(600)
      // the replay renders the case again
      expect((await c.submitCase({ draftId, content }, key)).id).toBe(cs.id)

      r.tick(24 * 3600_000 + 60_000)
      // any request with a key sweeps: no restart needed
      await c.consentLicence('idCard')
      expect(r.platform.core.state.idempotency.values().some((x) => x.ref === cs.id)).toBe(false)
      expect(files().every((f) => !fs.readFileSync(path.join(r.dataDir, 'idempotency', f), 'utf8').includes(cs.id))).toBe(true)
      // the key is free again, and the draft still makes one case only
      await expect(c.submitCase({ draftId, content }, key)).rejects.toMatchObject({ kind: 'conflict', caseId: cs.id })
    } finally {
      await r.stop()
    }
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

  test('at start: a committed journal file is replayed, bytes no upload names are removed, a reset cut short is finished', async () => {
    const r = await start()
    const c = r.client()
    await signIn(c, 'dev-no-licence')
    const id = newDraftId()
    const t = await c.getBundle('bianlidian')
    const draft = await c.putDraft(id, { bundleId: t.id, templateVersion: t.version, region: '430102', applicantKind: 'person', answers: {}, values: {}, materials: {} }, 0)
    await r.stop()
    const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined }
    // a transaction committed (its journal file in place) whose records were never copied out
    const key = fs.readdirSync(path.join(r.dataDir, 'drafts'))[0]
    const rec = JSON.parse(fs.readFileSync(path.join(r.dataDir, 'drafts', key), 'utf8'))
    fs.writeFileSync(path.join(r.dataDir, 'journal', '000000000007.json'), JSON.stringify({ seq: 7, ops: [{ t: 'drafts', id: rec.id, v: { ...rec.value, version: 2 } }] }))
    fs.writeFileSync(path.join(r.dataDir, 'journal', '000000000008.json.123.tmp'), '{"seq":8,"ops":[{"t":"drafts"')
    fs.writeFileSync(path.join(r.dataDir, 'files', 'f-orphan.bin'), 'bytes of an upload whose record never committed')
    const p = createPlatform({ dataDir: r.dataDir, catalogueDir: CATALOGUE, logger: quiet })
    expect(p.core.state.drafts.get(rec.id)?.version).toBe(draft.version + 1)
    expect(JSON.parse(fs.readFileSync(path.join(r.dataDir, 'drafts', key), 'utf8')).value.version).toBe(2)
    expect(fs.readdirSync(path.join(r.dataDir, 'journal'))).toEqual([])
    expect(fs.existsSync(path.join(r.dataDir, 'files', 'f-orphan.bin'))).toBe(false)
    await p.close()
    // a reset marked but cut short before the data went
    const meta = JSON.parse(fs.readFileSync(path.join(r.dataDir, 'meta.json'), 'utf8'))
    fs.writeFileSync(path.join(r.dataDir, 'meta.json'), JSON.stringify({ ...meta, seededAt: '' }))
    const after = createPlatform({ dataDir: r.dataDir, catalogueDir: CATALOGUE, logger: quiet })
    expect(after.core.state.drafts.size).toBe(0)
    expect(after.core.state.users.size).toBe(USER_FIXTURES.length)
    await after.close()
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
    // the seed is synced into its record files: nothing left to replay at the next start
    expect(fs.readdirSync(path.join(r.dataDir, 'journal'))).toEqual([])
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
