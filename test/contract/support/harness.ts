// Test harness: the real mock platform on 127.0.0.1:0 with a temp data folder, the real client over fetch,
// and a helper that fills a draft for any template through the engine (so tests follow catalogue edits).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { DraftContent, GuidanceContext, MaterialChoice } from '@/domain/draft'
import { guide } from '@/domain/engine'
import { shiftDate } from '@/domain/validators'
import type { BundleTemplate, Field, Question } from '@/domain/template/types'
import type { CaseRecord, Profile, TokenPair } from '@/services/contract'
import { createFetchTransport } from '@/services/http/fetch-transport'
import { createPlatformClient, newDraftId, newIdempotencyKey, type PlatformClient, type PlatformClientOptions } from '@/services/platform'
import { templateOrMessage } from '@/domain/template/schema'
import { createPlatform, type Platform, type PlatformOptions } from '../../../mock/server'
import type { Logger } from '../../../mock/server/logger'
import { sampleHeic, sampleJpeg, samplePdf, samplePng } from '../../support/sample-files'

export const REPO = path.resolve(__dirname, '..', '..', '..')
export const CATALOGUE = path.join(REPO, 'mock', 'catalogue')
export const ADMIN_TOKEN = 'test-admin-token'
/** Thursday 2026-11-26 10:00 Beijing: a working day */
export const START = Date.parse('2026-11-26T02:00:00Z')

export interface Running {
  platform: Platform
  url: string
  dataDir: string
  logs: string[]
  /** pinned clock: advance with tick(ms) */
  tick(ms: number): void
  client(opts?: Partial<PlatformClientOptions>): TestClient
  stop(): Promise<void>
  restart(): Promise<void>
}

export interface TestClient extends Omit<PlatformClient, 'getBundle'> {
  tokens: { current: TokenPair | null }
  /** parsed as the app parses it (a template that does not parse fails the test) */
  getBundle(id: string, version?: number): Promise<BundleTemplate>
}

export function tmpDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix))
}

export async function start(opts: Partial<PlatformOptions> & { dataDir?: string } = {}): Promise<Running> {
  const dataDir = opts.dataDir ?? tmpDir('yjs-mock-')
  const logs: string[] = []
  const logger: Logger = { info: (l) => logs.push(l), warn: (l) => logs.push(`WARN ${l}`), error: (l) => logs.push(`ERROR ${l}`) }
  let t = START
  const make = () => createPlatform({ catalogueDir: CATALOGUE, clock: () => t, logger, adminToken: ADMIN_TOKEN, ...opts, dataDir })
  let platform = make()
  const { url, port } = await platform.listen(0, '127.0.0.1')
  return {
    get platform() {
      return platform
    },
    url,
    dataDir,
    logs,
    tick: (ms) => {
      t += ms
    },
    client: (o = {}) => makeClient(url, o),
    stop: () => platform.close(),
    async restart() {
      await platform.close()
      platform = make()
      // same port: clients made before the restart keep working
      await platform.listen(port, '127.0.0.1')
    },
  }
}

export function makeClient(url: string, o: Partial<PlatformClientOptions> = {}): TestClient {
  const tokens: { current: TokenPair | null } = { current: null }
  const client = createPlatformClient({
    baseUrl: url,
    transport: createFetchTransport(),
    session: {
      getAccessToken: () => tokens.current?.accessToken,
      getRefreshToken: () => tokens.current?.refreshToken,
      setTokens: (t) => {
        tokens.current = t
      },
      clear: () => {
        tokens.current = null
      },
    },
    adminToken: ADMIN_TOKEN,
    retry: { attempts: 3, baseDelayMs: 5, maxDelayMs: 20 },
    timeoutMs: 5000,
    ...o,
  })
  const getBundle = async (id: string, version?: number): Promise<BundleTemplate> => {
    const r = templateOrMessage(await client.getBundle(id, version))
    if (!r.ok) throw new Error(r.message)
    return r.template
  }
  return { ...client, getBundle, tokens }
}

/** Raw HTTP for bad-input tests the typed client cannot produce. */
export async function raw(url: string, method: string, p: string, init: { headers?: Record<string, string>; body?: string | Buffer | FormData } = {}) {
  const res = await fetch(url + '/api/v1' + p, { method, headers: init.headers, body: init.body as BodyInit | undefined })
  const text = await res.text()
  let json: any
  try {
    json = text ? JSON.parse(text) : undefined
  } catch {
    json = undefined
  }
  return { status: res.status, json, headers: res.headers, text }
}

// ---------- filling a draft through the engine ----------

const SAMPLE_ID = '430102199003071234'

function sampleValue(f: Field, profile: Profile): string {
  switch (f.type) {
    case 'name':
      return '张三'
    case 'idNumber':
      return profile.idNumber ?? SAMPLE_ID
    case 'uscc':
      return '91430100MA4L12345A'
    case 'mobile':
      return '13807310001'
    case 'date':
      return '2026-11-20'
    case 'number': {
      const lo = f.min ?? 1
      const hi = f.max ?? lo + 100
      return String(Math.min(hi, Math.max(lo, 10)))
    }
    case 'select':
      return f.options?.[0]?.value ?? ''
    case 'address':
      return '湖南省长沙市芙蓉区五一大道 1 号'
    case 'bankAccount':
      return '6222021234567890128'
    case 'email':
      return 'test@example.com'
    case 'textarea':
      return '测试说明'
    default:
      return f.maxLength && f.maxLength < 4 ? '测' : '测试内容'
  }
}

const PATTERN_SAMPLES = ['91430100MA4L12345A', '430102199003071234', 'LSVAM4187C2184847', '湘A12345']

/** Values to try for a field, the plain sample first: a pattern's samples, dates either side of today. */
function candidates(f: Field, profile: Profile, today: string): string[] {
  if (f.pattern) return PATTERN_SAMPLES
  if (f.type === 'date') return [today, ...[1, 7, 20, -7, -30, -400, -4000].map((days) => shiftDate(today, { days }))]
  return [sampleValue(f, profile)]
}

/** Every field on the form (and in each group item) filled with the first candidate the engine accepts. */
function fillValues(t: BundleTemplate, draft: DraftContent, ctx: GuidanceContext, profile: Profile): void {
  const today = ctx.now.slice(0, 10)
  const set = (id: string, value: string) => {
    const [fieldId, key] = id.split('~')
    const item = key ? Object.values(draft.items ?? {}).flat().find((x) => x.key === key) : undefined
    if (item) item.values[fieldId] = value
    else draft.values[fieldId] = value
  }
  // all first candidates at once, then the next candidate for each field still refused, round by round
  const tried = new Map<string, number>()
  for (let round = 0; round < 9; round++) {
    const pending = guide(t, draft, ctx).fields.all.filter((f) => (round === 0 ? f.required || f.field.type !== 'select' : !f.valid && tried.has(f.id)))
    if (!pending.length) return
    for (const f of pending) {
      const options = candidates(f.field, profile, today)
      const i = tried.get(f.id) ?? -1
      if (i + 1 >= options.length) continue
      tried.set(f.id, i + 1)
      set(f.id, options[i + 1])
    }
  }
}

function defaultAnswer(q: Question, region: string): DraftContent['answers'][string] {
  switch (q.kind) {
    case 'yesno':
      return false
    case 'single':
      return q.options?.[0]?.value ?? ''
    case 'multiple':
      return []
    case 'number': {
      const lo = q.min ?? 0
      return q.max !== undefined ? Math.min(q.max, Math.max(lo, 50)) : Math.max(lo, 50)
    }
    case 'region':
      return region
  }
}

function choices(q: Question, region: string): DraftContent['answers'][string][] {
  switch (q.kind) {
    case 'yesno':
      return [false, true]
    case 'single':
      return (q.options ?? []).map((o) => o.value)
    case 'multiple':
      return [[], ...(q.options ?? []).map((o) => [o.value])]
    case 'number': {
      const lo = q.min ?? 0
      const values = [50, 500, lo, q.max ?? 5000].map((v) => Math.min(q.max ?? Infinity, Math.max(lo, v)))
      return [...new Set(values)]
    }
    default:
      return [defaultAnswer(q, region)]
  }
}

/** Answers every question, backtracking away from answers that end in a stop (not eligible …). */
function answerAll(t: BundleTemplate, draft: DraftContent, ctx: GuidanceContext, fixed: DraftContent['answers']): DraftContent['answers'] {
  let budget = 2000
  const walk = (answers: DraftContent['answers']): DraftContent['answers'] | undefined => {
    if (--budget < 0) return undefined
    const g = guide(t, { ...draft, answers }, ctx)
    if (g.stop) return undefined
    const q = g.questions.next
    if (!q) return g.matters.length ? answers : undefined
    const options = q.id in fixed ? [fixed[q.id]] : choices(q, ctx.region)
    for (const a of options) {
      const found = walk({ ...answers, [q.id]: a })
      if (found) return found
    }
    return undefined
  }
  const found = walk({ ...fixed })
  if (!found) throw new Error(`no answer path without a stop for ${t.id}`)
  return found
}

export interface FillOptions {
  profile: Profile
  licences: string[]
  answers?: DraftContent['answers']
  /** called for a material that can only be uploaded (or when preferUpload) */
  upload?: (materialId: string, accept: string[]) => Promise<string>
  /** order of preference for material modes */
  prefer?: MaterialChoice['mode'][]
  now?: string
  region?: string
}

/** A complete, valid draft for this template and person (throws when the engine still finds errors). */
export async function fillDraft(t: BundleTemplate, o: FillOptions): Promise<DraftContent> {
  // a bundle offered only elsewhere (民宿: 株洲) is filled for its own region
  const offered = (r: string) => t.regions.some((x) => r.startsWith(x.replace(/(00)+$/, '')))
  const region = o.region ?? (offered(o.profile.region) ? o.profile.region : t.regions[0].padEnd(6, '0'))
  const ctx: GuidanceContext = { region, applicantKind: o.profile.kind, licences: o.licences as GuidanceContext['licences'], now: o.now ?? new Date(START).toISOString() }
  const draft: DraftContent = {
    bundleId: t.id,
    templateVersion: t.version,
    region,
    applicantKind: o.profile.kind,
    answers: { ...o.answers },
    values: {},
    materials: {},
    ...(t.handling.length ? { handling: t.handling[0] } : {}),
  }
  draft.answers = answerAll(t, draft, ctx, o.answers ?? {})
  // repeatable groups: as many items as they need at least, one when none is needed
  const groups = guide(t, draft, ctx).fields.groups
  if (groups.length) draft.items = Object.fromEntries(groups.map((x) => [x.id, Array.from({ length: Math.max(1, x.group.minItems) }, (_, i) => ({ key: `${x.id}-${i + 1}`, values: {} }))]))
  fillValues(t, draft, ctx, o.profile)
  const g = guide(t, draft, ctx)
  const prefer = o.prefer ?? ['in-bundle', 'licence', 'shared', 'promise', 'defer', 'upload', 'original']
  for (const m of g.materials) {
    const mode = prefer.find((p) => m.modes.includes(p))
    if (!mode) continue
    if (mode === 'upload') {
      if (!o.upload) throw new Error(`material ${m.id} needs an upload`)
      draft.materials[m.id] = { mode, fileIds: [await o.upload(m.id, m.material.upload?.accept ?? [])] }
    } else if (mode === 'promise') draft.materials[m.id] = { mode, agreedAt: ctx.now }
    else draft.materials[m.id] = { mode } as MaterialChoice
  }
  if (t.delivery.length) {
    const method = t.delivery.includes('pickup') ? 'pickup' : t.delivery[0]
    // a pickup names the city's service hall (mock/catalogue/regions.json has one per city)
    const hallId = `hall-${region.slice(0, 4)}00`
    draft.delivery =
      method === 'ems' ? { method, address: { recipient: '张三', mobile: '13807310001', region, detail: '五一大道 1 号' } } : method === 'pickup' ? { method, hallId } : { method }
  }
  return draft
}

export const PDF = samplePdf()
export const PNG = samplePng()
export const JPG = sampleJpeg()
export const HEIC = sampleHeic()
export const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64, 4)])

export function fileOf(type: string): { data: Buffer; name: string; mime: string } {
  switch (type) {
    case 'png':
      return { data: PNG, name: '照片.png', mime: 'image/png' }
    case 'jpg':
      return { data: JPG, name: '照片.jpg', mime: 'image/jpeg' }
    case 'heic':
      return { data: HEIC, name: '照片.heic', mime: 'image/heic' }
    default:
      return { data: PDF, name: '材料.pdf', mime: 'application/pdf' }
  }
}

/** Upload a small valid file for a material through the client. */
export function uploader(c: PlatformClient, bundleId: string) {
  return async (materialId: string, accept: string[]) => {
    const f = fileOf(accept[0] ?? 'pdf')
    const r = await c.uploadFile({ bundleId, materialId, file: { name: f.name, type: f.mime, data: f.data } })
    return r.fileId
  }
}

/**
 * Sign in by WeChat code and return the profile and held licence kinds. The citizen agrees to use every
 * e-licence they hold (a material met by an e-licence needs that consent, as in the app).
 */
export async function signIn(c: Pick<PlatformClient, 'loginWechat' | 'listLicences' | 'consentLicence'>, code: string, opts: { consent?: boolean } = {}): Promise<{ profile: Profile; licences: string[] }> {
  const r = await c.loginWechat(code)
  const licences = r.profile.role === 'citizen' ? (await c.listLicences()).map((l) => l.kind) : []
  if (opts.consent !== false) for (const kind of licences) await c.consentLicence(kind as Parameters<PlatformClient['consentLicence']>[0])
  return { profile: r.profile, licences }
}

/** A new client of `r`, signed in by WeChat code (its e-licences agreed to), with its profile and licence kinds. */
export async function signedIn(r: Running, code: string): Promise<{ c: TestClient; profile: Profile; licences: string[] }> {
  const c = r.client()
  return { c, ...(await signIn(c, code)) }
}

/** A bundle template as the catalogue publishes it (the file, not the platform's answer). */
export function catalogueTemplate(id: string): BundleTemplate {
  return JSON.parse(fs.readFileSync(path.join(CATALOGUE, 'bundles', `${id}.json`), 'utf8')) as BundleTemplate
}

/** The people of the acting tests: 王德明 (the elder), 刘洋 (his relative) and a clerk of his hall (天心区) and of another (芙蓉区). */
export interface ActingCast {
  elder: TestClient
  relative: TestClient
  staffHere: TestClient
  staffThere: TestClient
}

export async function actingCast(r: Running): Promise<ActingCast> {
  const cast = { elder: r.client(), relative: r.client(), staffHere: r.client(), staffThere: r.client() }
  await signIn(cast.elder, 'dev-elder')
  await signIn(cast.relative, 'dev-citizen-1')
  await cast.staffHere.loginStaff('staff02', 'Window@2026')
  await cast.staffThere.loginStaff('staff01', 'Window@2026')
  return cast
}

/**
 * Submits a filled draft; a bundle with parties that must confirm (二手房's buyer) is first put on the
 * platform and confirmed by `confirmer` in their own account, as the app's flow does.
 */
export async function submitConfirmed(c: TestClient, t: BundleTemplate, content: DraftContent, confirmer: () => Promise<TestClient>): Promise<CaseRecord> {
  const draftId = newDraftId()
  const confirming = (t.parties ?? []).filter((p) => p.confirms)
  if (confirming.length) {
    await c.putDraft(draftId, content, 0)
    const other = await confirmer()
    for (const p of confirming) {
      const { code } = await c.inviteParty(draftId, p.id)
      const view = await other.getInvitation(code)
      await other.confirmInvitation(code, view.contentHash)
    }
  }
  return c.submitCase({ draftId, content }, newIdempotencyKey())
}
