// Template format 2 end to end on the production H5 build: 企业开办's 股东 are a repeatable group (add, type,
// remove), a 股东's code must match the template's pattern — refused at the field by the app and, sent
// anyway, refused by the platform with the very same words — and each 股东 has a 主体资格证明 of their own.
import type { Page } from 'playwright-core'
import { axeViolations } from './support/axe'
import { withScreenshotOnFailure } from './support/browser'
import { phonePageForEachTest } from './support/phone-page'
import { Driver, isoDay, PEOPLE } from './support/journeys'

const PATTERN_MESSAGE = '请填写 18 位身份证号码或统一社会信用代码（字母大写）'

const setup = phonePageForEachTest()
let platform: typeof setup.platform
let page: Page

beforeEach(() => {
  platform = setup.platform
  page = setup.page
})

/** A value the app keeps in storage (Taro wraps it on H5). */
async function stored(key: string): Promise<unknown> {
  const raw = await page.evaluate((k) => window.localStorage.getItem(k), key)
  if (!raw) return undefined
  const outer = JSON.parse(raw) as { data?: unknown }
  return JSON.parse(typeof outer.data === 'string' ? outer.data : raw)
}

test('企业开办: 股东 as a repeatable group; a code refused by its pattern at the field and by the platform, in the same words', async () => {
  await withScreenshotOnFailure(page, 'format2-group-pattern', async () => {
    const d = new Driver(page, platform.url)
    await d.home()
    await d.press('法人办事')
    await d.open(d.button('企业开办').first(), '企业开办')
    await d.press('开始办理')
    await d.answer('您要开办哪种企业？', () => d.choose('有限责任公司'))
    await d.no('投资人里有外国或港澳台的个人、企业吗？')
    await d.no('开业后需要开发票吗？')
    await d.no('会招用员工吗？')
    await d.no('需要预约开立银行基本存款账户吗？')
    await d.heading1('填写申请信息').waitFor()
    await d.press('登录后继续')
    await d.signInBySms(PEOPLE.firm.mobile)
    await d.heading1('填写申请信息').waitFor()

    // no 股东 yet: the group says so on 继续
    await d.fill('企业名称', '长沙星辰科技有限公司')
    await d.fill('住所（主要经营场所）', '长沙市岳麓区麓山南路 1 号')
    await d.fill('注册资本（出资数额）', '50')
    await d.fill('经营范围', '软件开发')
    await d.fill('法定代表人（执行事务合伙人、投资人）姓名', '周立')
    await d.fill('法定代表人身份证号码', PEOPLE.firm.idNumber)
    await d.fill('法定代表人手机号码', PEOPLE.firm.mobile)
    await d.fill('财务负责人姓名', '李明')
    await d.press('继续')
    await page.getByRole('alert').filter({ hasText: '请至少填写 1 位股东' }).first().waitFor()

    // two 股东, then one removed: each item has its own fields
    await d.press('添加股东')
    await d.press('添加股东')
    const first = page.getByRole('group', { name: '股东 1' })
    const second = page.getByRole('group', { name: '股东 2' })
    await d.fill('姓名或名称', '王芳', second)
    await d.press('删除股东 2', second)
    await second.waitFor({ state: 'detached' })
    await d.fill('姓名或名称', '周立', first)
    const code = first.getByRole('textbox', { name: '身份证号码或统一社会信用代码' })
    await d.type(code, 'ABC123')
    await d.fill('认缴出资额', '50', first)
    await d.pickDate('出资期限', isoDay(365), first)
    await page.screenshot({ path: 'test-results/format2-group-pattern-field.png' })
    // the template's pattern, refused at the field with its own message
    await code.evaluate((el) => (el as HTMLElement).blur())
    await page.getByText(PATTERN_MESSAGE).first().waitFor()
    expect(await code.getAttribute('aria-invalid')).toBe('true')
    await d.press('继续')
    await d.heading1('填写申请信息').waitFor()
    expect(await page.getByRole('alert').first().innerText()).toContain(PATTERN_MESSAGE)
    expect(await axeViolations(page)).toEqual([])

    // the same draft sent to the platform anyway: refused with the very same words, at the same item's field
    const drafts = (await stored('yjs.drafts.v1')) as { state: { drafts: Record<string, { content: { items: Record<string, { key: string }[]> } }> } }
    const [draftId, draft] = Object.entries(drafts.state.drafts)[0]
    const key = draft.content.items.investors[0].key
    const tokens = (await stored('yjs.tokens.v1')) as { accessToken: string }
    const res = await fetch(`${platform.url}/api/v1/cases`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${tokens.accessToken}`, 'Content-Type': 'application/json', 'Idempotency-Key': `e2e-${Date.now()}-pattern` },
      body: JSON.stringify({ draftId, content: { ...draft.content, handling: 'online', delivery: { method: 'electronic' } } }),
    })
    expect(res.status).toBe(422)
    const body = (await res.json()) as { error: { fieldErrors: Record<string, string> } }
    expect(body.error.fieldErrors[`investor-code~${key}`]).toBe(PATTERN_MESSAGE)

    // corrected: on to the materials, where the 股东 has a 主体资格证明 of his own (shared: nothing to give)
    await d.type(code, PEOPLE.firm.idNumber)
    await d.press('继续')
    await d.heading1('准备材料').waitFor()
    const card = page.getByRole('heading', { level: 2, name: '股东（合伙人）的主体资格证明（股东 1（周立））' })
    await card.waitFor()
    await page.screenshot({ path: 'test-results/format2-group-material.png', fullPage: true })
  })
}, 120000)
