// Acting for a firm, on the production H5 build at 375×812: a person authorised as the firm's 经办人 switches in
// 我的, the choice survives a reload, and a firm bundle (员工录用) then has the firm as applicant — its name and
// 统一社会信用代码 prefilled — with the person as 经办人. axe on 我的 with the switch. With SHOTS_DIR set, screenshots.
import path from 'node:path'
import type { Page } from 'playwright-core'
import { axeViolations } from './support/axe'
import { withScreenshotOnFailure } from './support/browser'
import { Driver } from './support/journeys'
import { phonePageForEachTest } from './support/phone-page'

const browser = phonePageForEachTest()
const SHOTS = process.env.SHOTS_DIR
const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false })
}
/** 赵敏 (mock/fixtures/users.ts): authorised 经办人 of 长沙湘味餐饮管理有限公司 */
const ZHAO_MIN = '13807310004'
const FIRM = '长沙湘味餐饮管理有限公司'
const USCC = '91430100MA4L12345A'

test('a 经办人 acts for the firm: chosen in 我的, kept on reload, the firm is the applicant of 员工录用 with the person as 经办人', async () => {
  const { page, platform } = browser
  await withScreenshotOnFailure(page, 'firm-acting', async () => {
    const d = new Driver(page, platform.url)
    await page.goto(`${platform.url}/#/pages/me/index`)
    await d.heading1('我的').waitFor()
    await d.press('登录')
    await d.signInBySms(ZHAO_MIN)
    await d.heading1('我的').waitFor()
    const identity = page.getByRole('radiogroup', { name: /办事身份/ })
    await identity.waitFor()
    expect(await identity.getByRole('radio', { name: /本人/ }).isChecked()).toBe(true)
    await identity.getByText(`您是经办人 · 统一社会信用代码 ${USCC}`).waitFor()
    expect(await axeViolations(page)).toEqual([])
    await shot(page, '01-me-self')

    await d.choose(new RegExp(FIRM), identity)
    const current = page.locator('.ui-me__who .ui-row').filter({ hasText: '办事身份' })
    await current.getByText(FIRM).waitFor()
    await identity.scrollIntoViewIfNeeded()
    await shot(page, '02-me-firm')
    // a reload keeps the choice (kept on the device for this person)
    await page.reload()
    await d.heading1('我的').waitFor()
    await page.locator('.ui-me__who .ui-row').filter({ hasText: '办事身份' }).getByText(FIRM).waitFor()
    expect(await page.getByRole('radiogroup', { name: /办事身份/ }).getByRole('radio', { name: new RegExp(FIRM) }).isChecked()).toBe(true)
    expect(await axeViolations(page)).toEqual([])

    await page.goto(`${platform.url}/#/pages/journey/guide/index?bundle=yuangong-luyong`)
    await d.heading1(/员工录用/).waitFor()
    await page.getByText(`以${FIRM}名义办理（您是经办人），可在“我的”中切换`).waitFor()
    await shot(page, '03-guide-as-firm')
    await d.press('开始办理')
    await d.answer('新员工是哪里的居民？', () => d.choose('内地（大陆）居民'))
    await d.answer('新员工今年多少周岁？', () => d.type(page.getByRole('textbox').first(), '30'))
    await d.no('这名员工已经办理退休或在领取养老金了吗？')
    await d.answer('新员工以前参加过职工社保吗？', () => d.choose('第一次参加社保（从没交过）'))
    await d.no('员工的人事档案要转到本地人才服务机构保管吗？')
    await d.heading1('填写申请信息').waitFor()
    // the firm's name and code from the platform's register; the person as 经办人
    const locked = (label: string) => page.getByRole('group', { name: label, exact: true })
    expect(await locked('单位名称').locator('.ui-locked__value').textContent()).toBe(FIRM)
    expect(await locked('统一社会信用代码').locator('.ui-locked__value').textContent()).toBe(USCC)
    expect(await locked('经办人姓名').locator('.ui-locked__value').textContent()).toBe('赵敏')
    // …and each says where it came from: the firm's from the enterprise register, the person's from 实名信息
    expect(await locked('单位名称').textContent()).toContain('来自企业登记信息')
    expect(await locked('统一社会信用代码').textContent()).toContain('来自企业登记信息')
    expect(await locked('经办人姓名').textContent()).toContain('来自实名信息')
    await shot(page, '04-form-firm-prefilled')
    expect(await axeViolations(page)).toEqual([])
  })
})
