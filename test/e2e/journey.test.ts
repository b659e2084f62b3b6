// The citizen's guided journey on the production H5 build with the mock platform, in a 390×844 phone.
import type { Locator, Page } from 'playwright-core'
import { samplePdf } from '../support/sample-files'
import { axeViolations } from './support/axe'
import { withScreenshotOnFailure } from './support/browser'
import { phonePageForEachTest } from './support/phone-page'

const MOBILE = '13807310001' // 刘洋 in mock/fixtures/users.ts: holds an e-ID card
const ID_NUMBER = '430104199605121238'

const setup = phonePageForEachTest()
let platform: typeof setup.platform
let page: Page
let urls: string[]
let consoleText: string[]

beforeEach(() => {
  platform = setup.platform
  page = setup.page
  urls = []
  consoleText = []
  page.on('framenavigated', (f) => urls.push(f.url()))
  page.on('request', (r) => urls.push(r.url()))
  page.on('console', (m) => consoleText.push(m.text()))
})

const summary = () => page.getByRole('status').filter({ hasText: '需办理' })
const heading1 = (name: string | RegExp) => page.getByRole('heading', { level: 1, name })
const tap = (name: string | RegExp, scope: Page | Locator = page) => scope.getByRole('button', { name, exact: typeof name === 'string' }).click()
const choose = (name: string, scope: Page | Locator = page) => scope.getByRole('radio', { name, exact: true }).click()

async function answer(question: string | RegExp, act: () => Promise<void>) {
  await heading1(question).waitFor()
  await act()
  await tap('继续')
}

async function typeNumber(question: string, value: string) {
  const box = page.getByRole('textbox', { name: question })
  await box.fill(value)
}

async function signInBySms() {
  await heading1('登录').waitFor()
  expect(await axeViolations(page)).toEqual([])
  await page.getByRole('textbox', { name: '手机号码' }).fill(MOBILE)
  await tap('获取验证码')
  await page.getByText('验证码已发送，请查看短信').waitFor()
  await page.getByRole('textbox', { name: '短信验证码' }).fill('123456')
  await tap('登录')
}

test('开办餐饮店 from search to the review step: answers change what applies, sign-in mid-way, upload checks, 告知承诺', async () => {
  await withScreenshotOnFailure(page, 'journey-canyin', async () => {
    await page.goto(platform.url + '/')
    await page.getByRole('combobox', { name: '搜索一件事' }).fill('餐饮')
    await tap('搜索')
    await page.getByRole('heading', { name: '“餐饮”的搜索结果' }).waitFor()
    await page.getByRole('button', { name: '开办餐饮店', exact: true }).first().click()

    // 一次告知
    await heading1('开办餐饮店').waitFor()
    await expect(page.getByRole('heading', { level: 3, name: /消防安全检查/ }).isVisible()).resolves.toBe(true)
    await tap('开始办理')

    await answer('您已经领到这家店的营业执照了吗？', () => choose('否'))
    await answer('您打算以什么身份开店？', () => choose('个体工商户'))
    await answer('店面的使用面积有多大？', () => typeNumber('店面的使用面积有多大？', '350'))
    await answer('开这家店总共打算投入多少钱？', () => typeNumber('开这家店总共打算投入多少钱？', '50'))
    await answer(/店里会卖下面这些吗/, () => page.getByRole('checkbox', { name: '以上都没有' }).click())
    await answer('店里卖不卖香烟？', () => choose('是'))
    await heading1(/招牌/).waitFor()
    await choose('否')
    // fire check (350 ㎡, 50 万元) and tobacco apply
    await expect(summary().textContent()).resolves.toContain('需办理 4 个事项')

    // change answers: the summary follows at once
    await tap('‹ 返回')
    await heading1('店里卖不卖香烟？').waitFor()
    await choose('否')
    await expect(summary().textContent()).resolves.toContain('需办理 3 个事项')
    for (let i = 0; i < 3; i++) await tap('‹ 返回')
    await heading1('店面的使用面积有多大？').waitFor()
    await expect(page.getByRole('textbox', { name: '店面的使用面积有多大？' }).inputValue()).resolves.toBe('350')
    await typeNumber('店面的使用面积有多大？', '40')
    await expect(summary().textContent()).resolves.toContain('需办理 2 个事项')
    for (let i = 0; i < 5; i++) await tap('继续')

    // sign-in is asked for where prefill first needs it, and comes back to the same step
    await heading1('填写申请信息').waitFor()
    await tap('登录后继续')
    await signInBySms()
    await heading1('填写申请信息').waitFor()
    expect(page.url()).toContain('/pages/journey/form/index')
    expect(await axeViolations(page)).toEqual([])
    const id = page.getByRole('group', { name: '身份证号码' })
    await expect(id.textContent()).resolves.toContain('430104********1238')
    await expect(id.textContent()).resolves.toContain('来自实名信息')

    await page.getByRole('textbox', { name: '店名（营业执照上的名称）' }).fill('湘味小馆')
    await page.getByRole('textbox', { name: '经营场所地址' }).fill('长沙市岳麓区麓山南路 100 号')
    await choose('租赁')
    await page.getByRole('textbox', { name: '从业人员人数' }).fill('4')
    await page.getByRole('textbox', { name: '食品安全管理人员姓名' }).fill('王芳')
    const managerMobile = page.getByRole('textbox', { name: '食品安全管理人员手机号码' })
    await managerMobile.fill('1380731')
    await managerMobile.blur()
    await expect(managerMobile.getAttribute('aria-invalid')).resolves.toBe('true')
    await managerMobile.fill('13807310009')
    await tap('继续')

    // materials
    await heading1('准备材料').waitFor()
    expect(await axeViolations(page)).toEqual([])
    const idCard = page.locator('#m-id-card')
    await tap('同意使用电子居民身份证', idCard)
    await idCard.getByText('✓ 已关联电子居民身份证，无需上传').waitFor()
    await expect(page.locator('#m-business-licence').textContent()).resolves.toContain('无需提供')

    const premises = page.locator('#m-premises-proof')
    await choose('告知承诺：以承诺代替证明', premises)
    await expect(premises.textContent()).resolves.toContain('本人承诺：申报的经营场所由本人（本单位）合法使用')
    await premises.getByRole('checkbox', { name: '我已阅读上述内容，自愿作出承诺' }).click()

    // wrong type: refused when picked, never sent
    const layout = page.locator('#m-layout')
    let chooser = page.waitForEvent('filechooser')
    await layout.getByRole('button', { name: /选择文件/ }).click()
    await (await chooser).setFiles({ name: '布局图.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from('PK\u0003\u0004 not a pdf') })
    await layout.getByText('“布局图.docx”的格式不符合要求，只能上传 PDF、JPG、PNG 格式的文件').waitFor()
    expect(urls.filter((u) => u.includes('/api/v1/uploads'))).toEqual([])
    chooser = page.waitForEvent('filechooser')
    await layout.getByRole('button', { name: /选择文件/ }).click()
    await (await chooser).setFiles({ name: '布局图.pdf', mimeType: 'application/pdf', buffer: samplePdf() })
    await layout.getByText('平台已接收，格式检查通过').waitFor()

    const rules = page.locator('#m-food-safety-rules')
    await choose('告知承诺：以承诺代替证明', rules)
    await rules.getByRole('checkbox', { name: '我已阅读上述内容，自愿作出承诺' }).click()
    const health = page.locator('#m-health-cert')
    await choose('稍后补交（容缺受理）', health)
    await expect(health.textContent()).resolves.toContain('须在开业前补交')
    // a reload here keeps the step, the choices and the uploaded file
    await page.reload()
    await heading1('准备材料').waitFor()
    await layout.getByText('布局图.pdf').waitFor()
    await expect(page.locator('#m-premises-proof').getByRole('checkbox', { name: '我已阅读上述内容，自愿作出承诺' }).getAttribute('aria-checked')).resolves.toBe('true')
    await tap('继续')

    // delivery
    await heading1('办理方式与结果领取').waitFor()
    await choose('全程网办')
    await choose('窗口自取')
    await page.getByRole('radio', { name: /长沙市政务服务中心/ }).waitFor()
    await expect(page.getByRole('radio', { name: /长沙市政务服务中心/ }).getAttribute('aria-checked')).resolves.toBe('true')
    await choose('免费邮寄（EMS）')
    await expect(page.getByRole('textbox', { name: '收件人', exact: true }).inputValue()).resolves.toBe('刘洋')
    expect(await axeViolations(page)).toEqual([])
    await choose('长沙市', page.getByRole('radiogroup', { name: '收件地区' }))
    await tap('继续')

    // review: every answer kept
    await heading1('核对申请信息').waitFor()
    expect(await axeViolations(page)).toEqual([])
    const text = (await page.locator('body').innerText()).replace(/\s+/g, ' ')
    expect(text).toContain('店面的使用面积有多大？ 40㎡')
    expect(text).toContain('开这家店总共打算投入多少钱？ 50万元')
    expect(text).toContain('店里卖不卖香烟？ 否')
    expect(text).toContain('湘味小馆')
    expect(text).toContain('经营场所使用证明 告知承诺')
    expect(text).toContain('布局图.pdf')
    expect(text).toContain('从业人员健康证明 稍后补交')
    expect(text).toContain('430104********1238')
    expect(text).not.toContain(ID_NUMBER)

    // the ID number is never in a URL or a log line
    expect(urls.filter((u) => u.includes(ID_NUMBER))).toEqual([])
    expect(consoleText.filter((t) => t.includes(ID_NUMBER))).toEqual([])
  })
}, 120000)

test('an invalid 身份证 typed in the form is refused at the field, with the value kept', async () => {
  await withScreenshotOnFailure(page, 'journey-id-number', async () => {
    await page.goto(`${platform.url}/#/pages/journey/guide/index?bundle=ershoufang`)
    await tap('开始办理')
    await answer('要卖的是住宅吗？', () => choose('是'))
    await answer(/婚姻状况/, () => choose('未婚、离异或丧偶'))
    await answer(/取得这套房子有几年了/, () => page.getByRole('textbox', { name: /取得这套房子有几年了/ }).fill('3'))
    await answer(/第一套住房/, () => choose('是'))
    await answer(/没还清的贷款/, () => choose('否'))
    await answer(/要贷款/, () => choose('否'))
    await answer(/一并过到自己名下/, () => page.getByRole('checkbox', { name: '以上都没有' }).click())
    await tap('登录后继续')
    await signInBySms()
    await heading1('填写申请信息').waitFor()
    const buyerId = page.getByRole('textbox', { name: '买方身份证号码' })
    await buyerId.fill('430102199003071235')
    await buyerId.blur()
    await expect(buyerId.getAttribute('aria-invalid')).resolves.toBe('true')
    const describedBy = (await buyerId.getAttribute('aria-describedby')) ?? ''
    const message = await page.locator(`#${describedBy.split(' ').find((x) => x.endsWith('-error'))}`).innerText()
    expect(message).toContain('买方身份证号码校验位不正确，请核对后重新输入')
    await expect(buyerId.inputValue()).resolves.toBe('430102199003071235')
    await tap('继续')
    await page.getByRole('alert').filter({ hasText: '请修改以下内容' }).waitFor()
  })
}, 90000)

test('guide and question pages have no axe violations; a reload keeps the place and the answers', async () => {
  await withScreenshotOnFailure(page, 'journey-axe', async () => {
    await page.goto(`${platform.url}/#/pages/journey/guide/index?bundle=kaiban-canyin`)
    await heading1('开办餐饮店').waitFor()
    expect(await axeViolations(page)).toEqual([])
    await tap('开始办理')
    await answer('您已经领到这家店的营业执照了吗？', () => choose('否'))
    await heading1('您打算以什么身份开店？').waitFor()
    expect(await axeViolations(page)).toEqual([])
    await choose('有限责任公司')
    await page.reload()
    await heading1('您打算以什么身份开店？').waitFor()
    await expect(page.getByRole('radio', { name: '有限责任公司' }).getAttribute('aria-checked')).resolves.toBe('true')
  })
}, 90000)
