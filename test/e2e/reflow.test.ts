// A 320 px wide phone (WCAG 1.4.10 reflow) and 200 % text (1.4.4), on the production H5 build: every page of a
// citizen's way — home, guide, a question, form, materials, delivery, review, confirmation, 办件, the case page,
// 消息, 我的, 帮助与客服 — with no sideways scrolling and no text cut off, at normal and doubled text size;
// targets ≥ 24 px (2.5.8), and none as wide as the screen touching both edges. Prints the page × text-size
// table to test-results/reflow.md. With SHOTS_DIR set, each state is also a screenshot.
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { withScreenshotOnFailure } from './support/browser'
import { Driver, restaurant } from './support/journeys'
import { doubleText, layout } from './support/layout'
import { contextsForEachTest } from './support/phone-page'
import { repoRoot } from './support/platform'

const shared = contextsForEachTest()
const SHOTS = process.env.SHOTS_DIR
const rows: string[] = []
const problems: string[] = []

async function check(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(300)
  for (const size of ['100 %', '200 %'] as const) {
    const restore = size === '200 %' ? await doubleText(page) : undefined
    const m = await layout(page)
    if (SHOTS) {
      fs.mkdirSync(SHOTS, { recursive: true })
      await page.screenshot({ path: path.join(SHOTS, `320-${size === '100 %' ? '100' : '200'}-${name}.png`) })
    }
    rows.push(`| ${name} | ${size} | ${m.sideways ? 'yes' : 'no'} | ${m.clipped.length} | ${m.minFont} px (${m.minFontText}) | ${Math.round(m.minTarget)} px (${m.minTargetName}) | ${m.screens} |`)
    const where = `${name} at ${size}`
    if (m.sideways) problems.push(`${where}: scrolls sideways`)
    for (const t of m.clipped) problems.push(`${where}: text cut off: ${t}`)
    if (m.minTarget < 24) problems.push(`${where}: a ${Math.round(m.minTarget)} px target (${m.minTargetName})`)
    for (const t of m.edgeToEdge) problems.push(`${where}: ${t} touches both screen edges`)
    await restore?.()
  }
}

afterAll(() => {
  const table = ['| page (320×640) | text | sideways scroll | text cut off | smallest text | smallest target | height (screens) |', '|---|---|---|---|---|---|---|', ...rows].join('\n')
  fs.mkdirSync(path.join(repoRoot, 'test-results'), { recursive: true })
  fs.writeFileSync(path.join(repoRoot, 'test-results', 'reflow.md'), table + '\n')
  console.log(table)
})

test('320 px wide, 100 % and 200 % text: every page of a journey and the shell reflows, nothing cut off, targets ≥ 24 px', async () => {
  const context = shared.track(
    await shared.browser.newContext({ viewport: { width: 320, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' }),
  )
  const page = await context.newPage()
  const base = shared.platform.url
  await withScreenshotOnFailure(page, 'reflow-320', async () => {
    const seen = new Set<string>()
    const d = new Driver(page, base, {
      onStep: async (step) => {
        if (seen.has(step)) return
        seen.add(step)
        await check(page, { question: '问题', form: '填写申请信息', materials: '准备材料', delivery: '办理方式', review: '核对申请信息' }[step])
      },
    })
    await page.goto(base + '/')
    await d.heading1('一件事一次办').waitFor()
    await page.getByRole('button', { name: /开办餐饮店/ }).first().waitFor()
    await check(page, '首页')
    await page.goto(`${base}/#/pages/journey/guide/index?bundle=kaiban-canyin`)
    await page.getByRole('button', { name: '开始办理' }).waitFor()
    await check(page, '办事指南')
    await restaurant(d)
    await d.submit()
    await check(page, '提交成功')
    const caseId = (await page.locator('.ui-case-no').innerText()).trim()
    await page.goto(`${base}/#/pages/my-cases/index`)
    await page.getByText(caseId).first().waitFor()
    await check(page, '办件')
    await page.goto(`${base}/#/pages/cases/detail/index?case=${caseId}`)
    await page.getByText(`办件编号 ${caseId}`).waitFor()
    await check(page, '办件详情')
    await page.goto(`${base}/#/pages/messages/index`)
    await d.heading1('消息').waitFor()
    await page.getByText('正在加载…').waitFor({ state: 'detached' })
    await check(page, '消息')
    await page.goto(`${base}/#/pages/me/index`)
    await d.heading1('我的').waitFor()
    await check(page, '我的')
    await page.goto(`${base}/#/pages/account/help/index?bundle=kaiban-canyin`)
    await page.getByRole('button', { name: /拨打 0731-/ }).first().waitFor()
    await check(page, '帮助与客服')
    expect(problems).toEqual([])
  })
}, 240000)
