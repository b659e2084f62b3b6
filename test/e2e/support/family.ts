// 亲情帮办 in the browser, shared by the tests where the elder grants in their app and where the window registers
// the grant with the 户口簿: a phone signs in by SMS, and the relative files 开办餐饮店 for 王*明 under the grant.
import type { Page } from 'playwright-core'
import { Driver, PDF, restaurantForm, restaurantQuestions } from './journeys'

const heading1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name })
const tap = (page: Page, name: string | RegExp) => page.getByRole('button', { name, exact: typeof name === 'string' }).first().click()

/** signs in on a phone by SMS from the page's 登录后继续 prompt */
export async function signInBySms(page: Page, mobile: string): Promise<void> {
  await tap(page, '登录后继续')
  await heading1(page, '登录').waitFor()
  await page.getByRole('textbox', { name: '手机号码' }).fill(mobile)
  await tap(page, '获取验证码')
  await page.getByText('验证码已发送，请查看短信').waitFor()
  await page.getByRole('textbox', { name: '短信验证码' }).fill('123456')
  await tap(page, '登录')
}

/**
 * On 授权与查看记录 with 亲属请我帮办 listing 王*明: the relative files 开办餐饮店 for the elder in the same guide (the
 * elder's e-ID, three uploads, the health certificate on 容缺, EMS) up to 核对申请信息; `review` runs there before submitting.
 */
export async function relativeFilesRestaurant(relative: Page, platformUrl: string, review?: () => Promise<void>): Promise<string> {
  const d = new Driver(relative, platformUrl)
  await d.press('为王*明帮办开办餐饮店')
  await d.heading1('开办餐饮店').waitFor()
  await relative.getByRole('status').filter({ hasText: '正在为 王*明 帮办“开办餐饮店”' }).first().waitFor()
  await restaurantQuestions(d)
  await restaurantForm(d, { name: '德明小馆', address: '长沙市天心区书院路 9 号', staff: '2', manager: '王德明', mobile: '13807310003' })
  await d.heading1('准备材料').waitFor()
  // (the elder's consent to the e-ID card may stand from an earlier filing: the platform keeps it)
  const idCard = relative.locator('#m-id-card')
  await idCard.getByText(/电子居民身份证/).first().waitFor()
  if (await d.button('同意使用电子居民身份证', idCard).count()) await d.consent(idCard, '居民身份证')
  for (const id of ['premises-proof', 'food-safety-rules', 'layout']) {
    const card = relative.locator(`#m-${id}`)
    const uploadChoice = card.getByRole('radio', { name: /^(上传材料|提供证明材料（上传）)/ })
    if (await uploadChoice.count()) await d.tap(uploadChoice)
    await d.upload(card, PDF)
    // 原件已核验 is the window's alone
    if (await card.getByRole('checkbox', { name: /原件已核验/ }).count()) throw new Error('a relative was offered 原件已核验')
  }
  await d.choose('稍后补交（容缺受理）', relative.locator('#m-health-cert'))
  await d.press('继续')
  await d.mailedOnline()
  await d.press('继续')
  if (review) await review()
  return (await d.submit()).caseId
}
