// The app around the journey, page by page, signed out and signed in, in both modes, on the production H5 build:
// axe (WCAG 2.0/2.1/2.2 A and AA) reports nothing, nothing scrolls sideways on a 375 px phone, and 长辈版 keeps
// the MIIT 适老化 numbers (text ≥ 18 px, targets ≥ 60 px). Prints the figures (page × state × mode: smallest
// text, smallest target, page height in screens) for the note. With SHOTS_DIR set, each is also a screenshot.
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { axeViolations } from './support/axe'
import { withScreenshotOnFailure } from './support/browser'
import { Driver, PEOPLE } from './support/journeys'
import { layout, setElder } from './support/layout'
import { phonePageForEachTest } from './support/phone-page'

const browser = phonePageForEachTest()

interface PageVisit {
  name: string
  hash: string
  heading: string | RegExp
  /** only for this sign-in state */
  when?: 'signed-out' | 'signed-in'
  /** waits for what the page loads */
  ready?: (page: Page) => Promise<unknown>
  /** how the citizen gets there from the address (default: the address alone) */
  open?: (page: Page) => Promise<unknown>
}

const PAGES: PageVisit[] = [
  { name: '首页', hash: '/', heading: '一件事一次办', ready: (p) => p.getByRole('button', { name: /开办餐饮店/ }).first().waitFor() },
  { name: '办件', hash: '/#/pages/my-cases/index', heading: '我的办件' },
  { name: '消息', hash: '/#/pages/messages/index', heading: '消息' },
  { name: '我的', hash: '/#/pages/me/index', heading: '我的' },
  { name: '我的证照', hash: '/#/pages/account/licences/index', heading: '我的证照', when: 'signed-in', ready: (p) => p.getByRole('heading', { level: 2, name: '居民身份证' }).waitFor() },
  { name: '帮助与客服', hash: '/#/pages/account/help/index?bundle=kaiban-canyin', heading: '帮助与客服', ready: (p) => p.getByRole('button', { name: /拨打 0731-/ }).first().waitFor() },
  { name: '请家人帮我办', hash: '/#/pages/account/family/index', heading: '请家人帮我办' },
  { name: '我的草稿', hash: '/#/pages/journey/drafts/index', heading: '我的草稿' },
  { name: '隐私政策', hash: '/#/pages/privacy/index', heading: '隐私政策' },
  { name: '登录', hash: '/#/pages/login/index', heading: '登录', when: 'signed-out' },
  { name: '办事指南', hash: '/#/pages/journey/guide/index?bundle=kaiban-canyin', heading: '开办餐饮店', ready: (p) => p.getByRole('button', { name: /开始办理|继续办理/ }).first().waitFor() },
  {
    name: '第一个问题',
    hash: '/#/pages/journey/guide/index?bundle=kaiban-canyin',
    heading: '您已经领到这家店的营业执照了吗？',
    open: (p) => p.getByRole('button', { name: /开始办理|继续办理/ }).first().click(),
  },
]

const SHOTS = process.env.SHOTS_DIR
const rows: string[] = []
const problems: string[] = []

async function sweep(page: Page, base: string, state: 'signed-out' | 'signed-in', mode: 'normal' | 'elder'): Promise<void> {
  for (const visit of PAGES.filter((v) => !v.when || v.when === state)) {
    await page.goto(`${base}${visit.hash}`)
    if (visit.open) {
      await page.getByRole('heading', { level: 1 }).first().waitFor()
      await visit.open(page)
    }
    // the elder home has its own heading
    const heading = visit.name === '首页' && mode === 'elder' ? /一件事一次办/ : visit.heading
    await page.getByRole('heading', { level: 1, name: heading }).first().waitFor()
    if (visit.ready && !(visit.name === '首页' && mode === 'elder')) await visit.ready(page)
    if (state === 'signed-in' && ['办件', '消息'].includes(visit.name)) await page.getByText('正在加载…').waitFor({ state: 'detached' })
    if (SHOTS) {
      fs.mkdirSync(SHOTS, { recursive: true })
      await page.screenshot({ path: path.join(SHOTS, `${state}-${mode}-${visit.name}.png`) })
    }
    const violations = await axeViolations(page)
    const m = await layout(page)
    rows.push(`| ${visit.name} | ${state} | ${mode} | ${violations.length} | ${m.minFont} px (${m.minFontText}) | ${Math.round(m.minTarget)} px (${m.minTargetName}) | ${m.screens} |`)
    const where = `${visit.name} (${state}, ${mode})`
    for (const v of violations) problems.push(`${where}: axe ${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
    if (m.sideways) problems.push(`${where}: scrolls sideways`)
    // WCAG 2.2 target size (minimum) 24 px; 长辈版: MIIT 适老化 text ≥ 18 px, targets ≥ 60 px
    const minTarget = mode === 'elder' ? 60 : 24
    if (m.minTarget < minTarget) problems.push(`${where}: a ${Math.round(m.minTarget)} px target (${m.minTargetName}), under ${minTarget} px`)
    if (mode === 'elder' && m.minFont < 18) problems.push(`${where}: ${m.minFont} px text (${m.minFontText}), under 18 px`)
  }
}

afterAll(() => {
  console.log(['| page | state | mode | axe violations | smallest text | smallest target | height (screens) |', '|---|---|---|---|---|---|---|', ...rows].join('\n'))
})

test('every page of the shell, signed out then signed in, in both modes: axe clean, no sideways scrolling, 长辈版 numbers', async () => {
  const { page, platform } = browser
  await withScreenshotOnFailure(page, 'shell-a11y', async () => {
    for (const mode of ['normal', 'elder'] as const) {
      await setElder(page, platform.url, mode === 'elder')
      await sweep(page, platform.url, 'signed-out', mode)
    }
    await page.goto(`${platform.url}/#/pages/login/index`)
    await new Driver(page, platform.url).signInBySms(PEOPLE.father.mobile)
    // the sign-in returns to the page before it; until it has, a new address would be overtaken by that return
    await page.waitForURL((u) => !u.hash.includes('pages/login'), { timeout: 30000 })
    await page.getByRole('heading', { level: 1 }).first().waitFor()
    for (const mode of ['elder', 'normal'] as const) {
      await setElder(page, platform.url, mode === 'elder')
      await sweep(page, platform.url, 'signed-in', mode)
    }
    expect(problems).toEqual([])
  })
}, 240000)
