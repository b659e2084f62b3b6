// axe (WCAG 2.0/2.1/2.2 A and AA) on the states of a citizen's journey and the pages around it, in the normal
// mode and in 长辈版, on the production H5 build: questions with an error shown, a dead end, a form with its
// errors, an upload in progress and one that failed, review, confirmation, 办件, the case page and its 撤回 dialog,
// 消息, 我的, 我的草稿. Zero violations anywhere; in 长辈版 no text under 18 px and no target under 60 px (MIIT
// 适老化). Writes the page × mode table (violations, smallest text, smallest target, height in screens) to
// test-results/a11y-matrix.md. With SHOTS_DIR set, each state is also a screenshot.
import fs from 'node:fs'
import path from 'node:path'
import type { Page, Route } from 'playwright-core'
import { axeViolations } from './support/axe'
import { withScreenshotOnFailure } from './support/browser'
import { Driver, PDF, PEOPLE, restaurantForm, until } from './support/journeys'
import { layout, setElder } from './support/layout'
import { phonePageForEachTest } from './support/phone-page'
import { repoRoot } from './support/platform'

const browser = phonePageForEachTest()
const SHOTS = process.env.SHOTS_DIR
type Mode = 'normal' | 'elder'
const rows = new Map<string, Record<Mode, string>>()
const shots: Record<Mode, number> = { normal: 0, elder: 0 }

async function record(page: Page, mode: Mode, state: string, problems: string[]): Promise<void> {
  await page.waitForTimeout(200)
  if (SHOTS) {
    fs.mkdirSync(SHOTS, { recursive: true })
    await page.screenshot({ path: path.join(SHOTS, `matrix-${mode}-${String(++shots[mode]).padStart(2, '0')}-${state.replace(/[^\w\u4e00-\u9fa5]+/g, '_')}.png`) })
  }
  const violations = await axeViolations(page)
  const m = await layout(page)
  const row = rows.get(state) ?? ({} as Record<Mode, string>)
  row[mode] = `${violations.length} | ${m.minFont} px | ${Math.round(m.minTarget)} px | ${m.screens}`
  rows.set(state, row)
  const where = `${state} (${mode})`
  for (const v of violations) problems.push(`${where}: axe ${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  if (m.sideways) problems.push(`${where}: scrolls sideways`)
  if (m.minTarget < (mode === 'elder' ? 60 : 24)) problems.push(`${where}: a ${Math.round(m.minTarget)} px target (${m.minTargetName})`)
  if (mode === 'elder' && m.minFont < 18) problems.push(`${where}: ${m.minFont} px text (${m.minFontText})`)
}

afterAll(() => {
  const table = [
    '| page / state | normal: axe | smallest text | smallest target | height (screens) | 长辈版: axe | smallest text | smallest target | height (screens) |',
    '|---|---|---|---|---|---|---|---|---|',
    ...Array.from(rows, ([state, r]) => `| ${state} | ${r.normal ?? '– | – | – | –'} | ${r.elder ?? '– | – | – | –'} |`),
  ].join('\n')
  fs.mkdirSync(path.join(repoRoot, 'test-results'), { recursive: true })
  fs.writeFileSync(path.join(repoRoot, 'test-results', 'a11y-matrix.md'), table + '\n')
  console.log(table)
})

for (const mode of ['normal', 'elder'] as const) {
  test(`journey states and the pages around them, ${mode === 'elder' ? '长辈版' : 'normal mode'}: axe clean, sizes kept`, async () => {
    const { page, platform } = browser
    const base = platform.url
    const problems: string[] = []
    const at = (state: string) => record(page, mode, state, problems)
    const d = new Driver(page, base)
    await withScreenshotOnFailure(page, `a11y-matrix-${mode}`, async () => {
      await setElder(page, base, mode === 'elder')
      // 开办餐饮店 from the guide: questions, one with its error shown
      await page.goto(`${base}/#/pages/journey/guide/index?bundle=kaiban-canyin`)
      await d.heading1('开办餐饮店').waitFor()
      await page.getByRole('button', { name: '开始办理' }).waitFor()
      await at('办事指南')
      await d.press('开始办理')
      await d.heading1('您已经领到这家店的营业执照了吗？').waitFor()
      // before any answer names a matter, no "需办理 0 个事项"
      expect(await page.locator('body').innerText()).not.toMatch(/需办理 0 个事项/)
      await at('问题')
      await d.no('您已经领到这家店的营业执照了吗？')
      await d.answer('您打算以什么身份开店？', () => d.choose('个体工商户'))
      await d.heading1('店面的使用面积有多大？').waitFor()
      await d.press('继续')
      await page.getByText('请回答此问题后继续').waitFor()
      await at('问题：未回答的错误')
      // letters in a number question: said as such, not "请回答此问题"
      await d.fill('店面的使用面积有多大？', '四十')
      await d.press('继续')
      await page.getByText(/请输入数字|请只填写数字/).first().waitFor()
      await at('问题：不是数字的错误')
      await d.fill('店面的使用面积有多大？', '40')
      await d.press('继续')
      await d.answer('开这家店总共打算投入多少钱？', () => d.fill('开这家店总共打算投入多少钱？', '20'))
      await d.answer(/店里会卖下面这些吗/, () => d.check('以上都没有'))
      await d.no('店里卖不卖香烟？')
      await d.no(/招牌/)
      await d.heading1('填写申请信息').waitFor()
      await at('填写申请信息：未登录')
      await d.press('登录后继续')
      await d.heading1('登录').waitFor()
      await at('登录')
      await d.signInBySms(PEOPLE.father.mobile)
      await d.heading1('填写申请信息').waitFor()
      await page.getByRole('textbox', { name: '店名（营业执照上的名称）' }).waitFor()
      await at('填写申请信息')
      await d.press('继续')
      await page.getByText('请修改以下内容').first().waitFor()
      await at('填写申请信息：错误')
      await restaurantForm(d, { name: '湘味小馆', address: '长沙市岳麓区麓山南路 100 号', staff: '4', manager: '王芳', mobile: '13807310009' })

      // materials: an upload held in progress, then failing, then retried
      await d.heading1('准备材料').waitFor()
      await at('准备材料')
      // (the e-ID consent is the platform's: kept from the other mode's run of this file)
      await d.consentAll()
      await page.locator('#m-id-card').getByText('✓ 已关联电子居民身份证，无需上传').waitFor()
      await d.promise(page.locator('#m-premises-proof'))
      await d.promise(page.locator('#m-food-safety-rules'))
      const held: Route[] = []
      let failing = false
      const uploads = (url: URL) => url.pathname.startsWith('/api/v1/uploads')
      await page.route(uploads, (route) => (failing ? route.abort('failed') : void held.push(route)))
      const card = page.locator('#m-layout')
      const chooser = page.waitForEvent('filechooser')
      await card.getByRole('button', { name: /选择文件/ }).click()
      await (await chooser).setFiles(PDF)
      await card.getByText(/上传中/).waitFor()
      await until(async () => held.length > 0, 'the upload request')
      await at('准备材料：上传中')
      failing = true
      for (const r of held.splice(0)) await r.abort('failed')
      await card.getByRole('button', { name: /重试上传/ }).waitFor({ timeout: 30000 })
      await at('准备材料：上传失败')
      await page.unroute(uploads)
      await card.getByRole('button', { name: /重试上传/ }).click()
      await card.getByText('平台已接收，格式检查通过').waitFor()
      await d.choose('稍后补交（容缺受理）', page.locator('#m-health-cert'))
      await d.press('继续')

      await d.heading1('办理方式与结果领取').waitFor()
      await at('办理方式与结果领取')
      await d.mailedOnline()
      await d.press('继续')
      await d.heading1('核对申请信息').waitFor()
      await at('核对申请信息')
      const { caseId } = await d.submit()
      await at('提交成功')

      await page.goto(`${base}/#/pages/my-cases/index`)
      await page.getByText(caseId).first().waitFor()
      await at('办件')
      await page.goto(`${base}/#/pages/cases/detail/index?case=${caseId}`)
      await page.getByText(`办件编号 ${caseId}`).waitFor()
      await at('办件详情')
      await d.press('撤回申请')
      await page.getByRole('alertdialog', { name: '确认撤回申请' }).waitFor()
      await at('办件详情：撤回确认')
      await d.press('不撤回')
      await page.goto(`${base}/#/pages/messages/index`)
      await d.heading1('消息').waitFor()
      await page.getByText('正在加载…').waitFor({ state: 'detached' })
      await at('消息')
      await page.goto(`${base}/#/pages/me/index`)
      await d.heading1('我的').waitFor()
      await at('我的')

      // a dead end: 新生儿出生, the baby not born in a hospital in the province
      await page.goto(`${base}/#/pages/journey/guide/index?bundle=xinshenger`)
      // (继续办理 in the second mode: drafts follow the person across devices)
      await d.tap(page.getByRole('button', { name: /^(开始办理|继续办理)$/ }).first())
      await d.heading1('宝宝是在湖南省内的医院出生的吗？').waitFor()
      await d.choose('否')
      await page.getByRole('heading', { name: '需要到窗口办理' }).waitFor()
      await at('问题：无法在线办理')
      await page.goto(`${base}/#/pages/journey/drafts/index`)
      await d.heading1('我的草稿').waitFor()
      await page.locator(':text("新生儿出生一件事"):visible').first().waitFor()
      await at('我的草稿')
      expect(problems).toEqual([])
    })
  }, 300000)
}
