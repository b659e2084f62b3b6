// A bundle's guide republished while a citizen is filing, on the production H5 build: the mock serves a copy
// of the catalogue (MOCK_CATALOGUE_DIR) into which the test publishes the next two versions of 开办餐饮店 —
// the repository's catalogue is never touched. Resuming from 我的草稿 shows what the next version changes and
// carries the draft forward (a new question to answer, a dropped value); submitting shows what the one after
// changes and, once confirmed, submits on it.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { axeViolations } from './support/axe'
import { launchBrowser, newPhoneContext, withScreenshotOnFailure } from './support/browser'
import { Driver, restaurant } from './support/journeys'
import { ADMIN_TOKEN, repoRoot, startPlatform, type RunningPlatform } from './support/platform'

const ADMIN = { 'X-Admin-Token': ADMIN_TOKEN }
const BUNDLE = 'kaiban-canyin'

let catalogueDir: string
let platform: RunningPlatform
let browser: Browser
let context: BrowserContext
let page: Page

type Json = Record<string, unknown> & { fields: { id: string }[]; questions: unknown[]; matters: { fields: string[] }[] }

const v1 = (): Json => JSON.parse(fs.readFileSync(path.join(repoRoot, 'mock', 'catalogue', 'bundles', `${BUNDLE}.json`), 'utf8')) as Json

/** the version the repository's catalogue publishes now; the test publishes the next two */
const BASE = (v1().version as number)

function withoutField(t: Json, id: string): Json {
  t.fields = t.fields.filter((f) => f.id !== id)
  for (const m of t.matters) m.fields = m.fields.filter((f) => f !== id)
  return t
}

/** Version 2: the 食品安全管理人员手机号码 is no longer asked; a new question about delivery platforms. */
function v2(): Json {
  const t = withoutField(v1(), 'food-safety-manager-mobile')
  t.version = BASE + 1
  t.questions.push({ id: 'takeaway', kind: 'yesno', text: '会不会在外卖平台上接单？', help: '在外卖平台经营的，须在平台公示食品经营许可证。' })
  return t
}

/** Version 3: as 2, and the 从业人员人数 is no longer asked. */
function v3(): Json {
  const t = withoutField(v2(), 'employee-count')
  t.version = BASE + 2
  return t
}

/** Publishes a version the way an officer does: a new file in the catalogue folder, no restart. */
function publish(t: Json) {
  fs.writeFileSync(path.join(catalogueDir, 'bundles', `${BUNDLE}-v${String(t.version)}.json`), JSON.stringify(t, null, 2))
}

beforeAll(async () => {
  catalogueDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yjs-catalogue-'))
  fs.cpSync(path.join(repoRoot, 'mock', 'catalogue'), catalogueDir, { recursive: true })
  platform = await startPlatform({ MOCK_CATALOGUE_DIR: catalogueDir })
  browser = await launchBrowser()
  context = await newPhoneContext(browser)
  page = await context.newPage()
}, 60000)
afterAll(async () => {
  await browser?.close()
  await platform?.stop()
  fs.rmSync(catalogueDir, { recursive: true, force: true })
})

const text = async () => (await page.locator('body').innerText()).replace(/\s+/g, ' ')

test('开办餐饮店 republished twice while filing: changes shown on resuming and on submitting, confirmed, carried forward, one case on the newest version', async () => {
  await withScreenshotOnFailure(page, 'upgrade-canyin', async () => {
    const d = new Driver(page, platform.url)
    await restaurant(d)
    expect(await text()).toContain('食品安全管理人员手机号码 138****0009')

    // the next version is published; the citizen comes back through 我的草稿
    publish(v2())
    await page.goto(`${platform.url}/#/pages/journey/drafts/index`)
    await d.press('继续办理开办餐饮店')
    const changes = page.getByRole('region', { name: '办事指南已更新' })
    await changes.waitFor()
    const shown = (await changes.innerText()).replace(/\s+/g, ' ')
    expect(shown).toContain(`“开办餐饮店”的办事指南已由第 ${BASE} 版更新为第 ${BASE + 1} 版`)
    expect(shown).toContain('食品安全管理人员手机号码 表单已不再需要该项')
    expect(shown).toContain('新版还需要您补充：会不会在外卖平台上接单？')
    expect(await axeViolations(page)).toEqual([])
    await d.press('确认变化，继续办理')

    // carried forward: the new question first, then every step with what was given before
    await d.answer('会不会在外卖平台上接单？', () => d.choose('否'))
    await d.heading1('填写申请信息').waitFor()
    await expect(page.getByRole('textbox', { name: '店名（营业执照上的名称）' }).inputValue()).resolves.toBe('湘味小馆')
    await expect(page.getByRole('textbox', { name: '食品安全管理人员手机号码' }).count()).resolves.toBe(0)
    await d.press('继续')
    await d.heading1('准备材料').waitFor()
    await d.press('继续')
    await d.heading1('办理方式与结果领取').waitFor()
    await d.press('继续')
    await d.heading1('核对申请信息').waitFor()
    const review = await text()
    expect(review).toContain('会不会在外卖平台上接单？ 否')
    expect(review).toContain('布局图.pdf')
    expect(review).not.toContain('食品安全管理人员手机号码')

    // the one after is published before the citizen submits: shown, confirmed, then submitted on it
    publish(v3())
    await d.tap(page.locator('#submit-button:visible'))
    await changes.waitFor()
    const atSubmit = (await changes.innerText()).replace(/\s+/g, ' ')
    expect(atSubmit).toContain(`已由第 ${BASE + 1} 版更新为第 ${BASE + 2} 版`)
    expect(atSubmit).toContain('从业人员人数 表单已不再需要该项')
    expect(atSubmit).not.toContain('新版还需要您补充')
    expect(await axeViolations(page)).toEqual([])
    const r0 = await fetch(`${platform.url}/api/v1/admin/cases?bundleId=${BUNDLE}`, { headers: ADMIN })
    expect(((await r0.json()) as { cases: unknown[] }).cases).toEqual([])
    await d.press('确认变化并提交申请')
    const done = await d.confirmation()

    const r = await fetch(`${platform.url}/api/v1/admin/cases?bundleId=${BUNDLE}`, { headers: ADMIN })
    const cases = (await r.json()) as { cases: { id: string; templateVersion: number; content: { answers: Record<string, unknown>; values: Record<string, string> } }[] }
    expect(cases.cases.map((c) => [c.id, c.templateVersion])).toEqual([[done.caseId, BASE + 2]])
    const content = cases.cases[0].content
    expect(content.answers.takeaway).toBe(false)
    expect(content.values['business-name']).toBe('湘味小馆')
    expect(content.values['employee-count']).toBeUndefined()
    expect(content.values['food-safety-manager-mobile']).toBeUndefined()
  })
}, 150000)
