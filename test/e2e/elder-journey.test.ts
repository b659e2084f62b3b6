// 长辈版 is simpler, not only bigger: an elder signed in files 退休 on a 375×812 phone. Questions the platform can
// answer from his real-name record (性别, 是否到龄) are not asked; the form folds its empty optional fields behind
// one 选填项（可不填） control; dates are picked, never typed. axe clean, text ≥ 18 px, targets ≥ 60 px throughout.
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { axeViolations } from './support/axe'
import { withScreenshotOnFailure } from './support/browser'
import { Driver } from './support/journeys'
import { layout, setElder } from './support/layout'
import { contextsForEachTest } from './support/phone-page'

const shared = contextsForEachTest()
const SHOTS = process.env.SHOTS_DIR
/** 王德明, born 1958: past the statutory age; holds an e-ID card, 户口簿 and 社保卡 */
const ELDER_MOBILE = '13807310003'

async function check(page: Page, state: string, problems: string[], shot: number): Promise<void> {
  await page.waitForTimeout(200)
  if (SHOTS) {
    fs.mkdirSync(SHOTS, { recursive: true })
    await page.screenshot({ path: path.join(SHOTS, `elder-${String(shot).padStart(2, '0')}-${state}.png`) })
  }
  for (const v of await axeViolations(page)) problems.push(`${state}: axe ${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  const m = await layout(page)
  if (m.sideways) problems.push(`${state}: scrolls sideways`)
  if (m.minTarget < 60) problems.push(`${state}: a ${Math.round(m.minTarget)} px target (${m.minTargetName})`)
  if (m.minFont < 18) problems.push(`${state}: ${m.minFont} px text (${m.minFontText})`)
}

test('长辈版 退休: known answers not asked, optional fields folded, dates picked; axe clean and large throughout', async () => {
  const context = shared.track(
    await shared.browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' }),
  )
  const page = await context.newPage()
  const base = shared.platform.url
  const d = new Driver(page, base)
  const problems: string[] = []
  let shot = 0
  await withScreenshotOnFailure(page, 'elder-journey', async () => {
    await setElder(page, base, true)
    await page.getByRole('button', { name: /登录/ }).first().click()
    await d.signInBySms(ELDER_MOBILE)
    await page.getByText(/王/).first().waitFor()

    await page.goto(`${base}/#/pages/journey/guide/index?bundle=tuixiu`)
    await d.heading1('退休一件事').waitFor()
    await d.press('开始办理')
    const asked: string[] = []
    const seen = async (q: string) => {
      await d.heading1(q).waitFor()
      asked.push(q)
    }
    // the first question asked is the kind of retirement: 性别 and 是否到龄 come from his real-name record
    await seen('您是哪种情况退休？')
    await check(page, 'question', problems, ++shot)
    expect(await page.getByText(/问题 1 \/ 共/).textContent()).toMatch(/问题 1 \/ 共/)
    await d.choose('到龄正常退休')
    await d.press('继续')
    await seen('需要用人事档案认定出生时间、参加工作时间或视同缴费年限吗？')
    await d.choose('否')
    await d.press('继续')
    await seen('养老保险累计缴费年限（含视同缴费年限）一共多少年？')
    await d.fill('养老保险累计缴费年限（含视同缴费年限）一共多少年？', '38')
    await d.press('继续')
    await d.no('您的户口在湖南省外吗？')
    asked.push('户口')
    await d.answer('职工医保累计缴费年限（含视同缴费年限）多少年？', () => d.fill('职工医保累计缴费年限（含视同缴费年限）多少年？', '30'))
    asked.push('医保')
    await d.answer('下面哪种情况符合您？', () => d.choose(/独生子女父母/))
    asked.push('计生')
    await d.answer('谁来申报退休？', () => d.choose(/本人申报/))
    asked.push('申报')
    await d.yes('您缴存过住房公积金、要一起办理退休提取吗？')
    asked.push('公积金')
    expect(asked).not.toContain('您的性别')
    expect(asked).not.toContain('您已经达到法定退休年龄了吗？')

    await d.heading1('填写申请信息').waitFor()
    const fold = page.getByRole('button', { name: /^选填项（可不填）· \d+ 项$/ })
    await fold.waitFor()
    expect(await fold.getAttribute('aria-expanded')).toBe('false')
    // the optional fields are out of sight; the required ones, and the dates as pickers, are there
    expect(await fold.textContent()).toContain('2 项')
    expect(await page.getByRole('textbox', { name: /光荣证编号/ }).count()).toBe(0)
    expect(await page.getByRole('textbox', { name: /住房公积金个人账号/ }).count()).toBe(0)
    expect(await page.locator('#f-retireDate').getAttribute('type')).toBe('date')
    await check(page, 'form-folded', problems, ++shot)
    await fold.click()
    const open = page.getByRole('button', { name: '收起选填项' })
    expect(await open.getAttribute('aria-expanded')).toBe('true')
    const folded = page.getByRole('group', { name: '选填项' })
    await folded.getByRole('textbox').first().waitFor()
    expect(await folded.getByRole('textbox').count()).toBeGreaterThan(0)
    await check(page, 'form-unfolded', problems, ++shot)
    // typed into the fold, then folded again and back: kept
    await folded.getByRole('textbox', { name: /光荣证编号/ }).fill('湘 0001')
    await open.click()
    await page.getByRole('button', { name: /^选填项（可不填）/ }).click()
    expect(await page.getByRole('group', { name: '选填项' }).getByRole('textbox', { name: /光荣证编号/ }).inputValue()).toBe('湘 0001')
    // reload: the form stays (the questions answered from his record still count) and a field holding
    // something is no longer folded away
    await page.reload()
    await d.heading1('填写申请信息').waitFor()
    const kept = page.getByRole('textbox', { name: /光荣证编号/ })
    await kept.waitFor()
    expect(await kept.inputValue()).toBe('湘 0001')
    expect(await page.getByRole('button', { name: /^选填项（可不填）/ }).textContent()).toContain('1 项')
    await check(page, 'form-after-reload', problems, ++shot)
  })
  expect(problems).toEqual([])
})
