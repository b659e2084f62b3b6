// Navigation that never loses the place, on the production H5 build: the tab bar, the browser's Back through
// the questions, a reload that stays put, pages of a submitted draft that lead to its case, addresses that show
// what they name, sign-in that comes back where the citizen was going (after a reload too), focus on the
// heading after each navigation.
import type { Page } from 'playwright-core'
import { withScreenshotOnFailure } from './support/browser'
import { Driver, PEOPLE, restaurant, until } from './support/journeys'
import { phonePageForEachTest } from './support/phone-page'
import { reloadAndCompare } from './support/reload'

const browser = phonePageForEachTest()

const heading1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name, exact: typeof name === 'string' })
const focusedHeading = (page: Page) => page.evaluate(() => (document.activeElement?.getAttribute('role') === 'heading' ? document.activeElement.textContent?.trim() : undefined))

async function startRestaurant(page: Page, baseUrl: string): Promise<Driver> {
  const d = new Driver(page, baseUrl)
  await page.goto(`${baseUrl}/#/pages/journey/guide/index?bundle=kaiban-canyin`)
  await d.press('开始办理')
  return d
}

test('the tab bar: 首页 · 办件 · 消息 · 我的, the current one marked, by tap and by keyboard', async () => {
  const { page, platform } = browser
  await withScreenshotOnFailure(page, 'nav-tabs', async () => {
    await page.goto(platform.url + '/')
    await heading1(page, '一件事一次办').waitFor()
    const bar = page.getByRole('navigation', { name: '主菜单' })
    expect(await bar.getByRole('link').allTextContents()).toEqual(['首页', '办件', '消息', '我的'])
    expect(await bar.getByRole('link', { name: '首页' }).getAttribute('aria-current')).toBe('page')
    await bar.getByRole('link', { name: '我的' }).click()
    await heading1(page, '我的').waitFor()
    expect(page.url()).toMatch(/#\/pages\/me\/index$/)
    expect(await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '我的' }).getAttribute('aria-current')).toBe('page')
    expect(await focusedHeading(page)).toBe('我的')
    // by keyboard: Tab to 办件, Enter
    const cases = page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '办件' })
    await cases.focus()
    await page.keyboard.press('Enter')
    await heading1(page, '我的办件').waitFor()
    // a reload of a tab stays on that tab
    await page.reload()
    await heading1(page, '我的办件').waitFor()
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '消息' }).click()
    await heading1(page, '消息').waitFor()
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '首页' }).click()
    await heading1(page, '一件事一次办').waitFor()
  })
})

test('Back steps through the questions, Forward comes back, and a reload on a question stays there', async () => {
  const { page, platform } = browser
  await withScreenshotOnFailure(page, 'nav-questions', async () => {
    const d = await startRestaurant(page, platform.url)
    await d.no('您已经领到这家店的营业执照了吗？')
    await d.answer('您打算以什么身份开店？', () => d.choose('个体工商户'))
    await heading1(page, '店面的使用面积有多大？').waitFor()
    expect(page.url()).toMatch(/[?&]q=area\b/)
    expect(await focusedHeading(page)).toBe('店面的使用面积有多大？')
    await page.goBack()
    await heading1(page, '您打算以什么身份开店？').waitFor()
    expect(await page.getByRole('radio', { name: '个体工商户' }).getAttribute('aria-checked')).toBe('true')
    await page.goBack()
    await heading1(page, '您已经领到这家店的营业执照了吗？').waitFor()
    await page.goForward()
    await heading1(page, '您打算以什么身份开店？').waitFor()
    // reload: the same question, with its answer
    const { before, after } = await reloadAndCompare(page)
    expect(after).toEqual(before)
    expect(after.heading).toBe('您打算以什么身份开店？')
    // the in-page back agrees with the browser's
    await d.press('‹ 返回')
    await heading1(page, '您已经领到这家店的营业执照了吗？').waitFor()
  })
})

test('an address names what it shows: another guide opened over a guide shows that guide; a question address without q gets one', async () => {
  const { page, platform } = browser
  await withScreenshotOnFailure(page, 'nav-address', async () => {
    await page.goto(`${platform.url}/#/pages/journey/guide/index?bundle=kaiban-canyin`)
    await heading1(page, '开办餐饮店').waitFor()
    await page.goto(`${platform.url}/#/pages/journey/guide/index?bundle=xinshenger`)
    await heading1(page, '新生儿出生一件事').waitFor()
    expect(page.url()).toMatch(/bundle=xinshenger$/)
    await page.goBack()
    await heading1(page, '开办餐饮店').waitFor()
    expect(page.url()).toMatch(/bundle=kaiban-canyin$/)
    await page.goForward()
    await heading1(page, '新生儿出生一件事').waitFor()
    // a question page opened without its question: the address gets it
    await page.getByRole('button', { name: /开始办理/ }).click()
    await heading1(page, '宝宝是在湖南省内的医院出生的吗？').waitFor()
    expect(page.url()).toMatch(/[?&]q=[\w-]+/)
  })
})

test('sign-in comes back to the page that asked, even after the sign-in page was reloaded', async () => {
  const { page, platform } = browser
  await withScreenshotOnFailure(page, 'nav-signin', async () => {
    const d = await startRestaurant(page, platform.url)
    await d.no('您已经领到这家店的营业执照了吗？')
    await d.answer('您打算以什么身份开店？', () => d.choose('个体工商户'))
    await d.answer('店面的使用面积有多大？', () => d.fill('店面的使用面积有多大？', '40'))
    await d.answer('开这家店总共打算投入多少钱？', () => d.fill('开这家店总共打算投入多少钱？', '20'))
    await d.answer(/店里会卖下面这些吗/, () => d.check('以上都没有'))
    await d.no('店里卖不卖香烟？')
    await d.no(/招牌/)
    await heading1(page, '填写申请信息').waitFor()
    const form = page.url()
    await d.press('登录后继续')
    await heading1(page, '登录').waitFor()
    const params = (u: string) => Object.fromEntries(new URLSearchParams(u.split('?').slice(1).join('?')))
    const next = decodeURIComponent(new URL(page.url()).hash.split('next=')[1])
    expect(next.split('?')[0]).toBe('/pages/journey/form/index')
    expect(params(next)).toEqual(params(new URL(form).hash))
    // the ID number never goes into an address
    expect(page.url()).not.toContain(PEOPLE.father.idNumber)
    await page.reload()
    await d.signInBySms(PEOPLE.father.mobile)
    await heading1(page, '填写申请信息').waitFor()
    expect(new URL(page.url()).hash.split('?')[0]).toBe('#/pages/journey/form/index')
    expect(params(new URL(page.url()).hash)).toEqual(params(new URL(form).hash))
    await page.getByRole('textbox', { name: '店名（营业执照上的名称）' }).waitFor()
  })
})

test('a submitted draft\'s pages lead to its case: Back from the confirmation, and an old address of a step', async () => {
  const { page, platform } = browser
  await withScreenshotOnFailure(page, 'nav-submitted', async () => {
    const d = new Driver(page, platform.url)
    const steps: string[] = []
    await restaurant(new Driver(page, platform.url, { onStep: async () => void steps.push(page.url()) }))
    const { caseId } = await d.submit()
    const caseAddress = page.url()
    expect(caseAddress).toContain(`case=${caseId}`)
    // the browser's Back: whatever step of the submitted draft it reaches shows the case (办件详情), never an
    // editable step
    await page.goBack()
    await heading1(page, '开办餐饮店').waitFor()
    await page.getByText(`办件编号 ${caseId}`).waitFor()
    expect(page.url()).toContain(`/pages/cases/detail/index?case=${caseId}`)
    expect(await page.getByRole('button', { name: '提交申请' }).count()).toBe(0)
    // an address of the delivery step, opened again later
    const delivery = steps.find((u) => u.includes('/delivery/'))
    expect(delivery).toBeDefined()
    await page.goto(delivery as string)
    await page.getByText(`办件编号 ${caseId}`).waitFor()
    expect(page.url()).toContain(`/pages/cases/detail/index?case=${caseId}`)
    expect(await page.getByRole('button', { name: '提交申请' }).count()).toBe(0)
  })
}, 120000)

test('我的: sign in from there, the masked profile, then sign out', async () => {
  const { page, platform } = browser
  await withScreenshotOnFailure(page, 'nav-me', async () => {
    const d = new Driver(page, platform.url)
    await page.goto(`${platform.url}/#/pages/me/index`)
    await heading1(page, '我的').waitFor()
    await d.press('登录')
    await d.signInBySms(PEOPLE.father.mobile)
    await heading1(page, '我的').waitFor()
    await page.getByText('刘*').first().waitFor()
    await page.getByText('430104********1238').waitFor()
    expect(await page.locator('body').innerText()).not.toContain(PEOPLE.father.idNumber)
    await d.press(/^我的证照/)
    await heading1(page, '我的证照').waitFor()
    await page.getByRole('heading', { level: 2, name: '居民身份证' }).waitFor()
    await page.goBack()
    await heading1(page, '我的').waitFor()
    // 授权管理 and 谁查看了我的信息 open 授权与查看记录 (issue 13's page), signed in already
    await d.press(/^谁查看了我的信息/)
    await heading1(page, '授权与查看记录').waitFor()
    // …at its access list: the heading has focus and is on screen (the two grant forms are above it)
    const access = page.getByRole('heading', { name: '谁查看了我的信息' })
    await until(() => access.evaluate((el) => el === document.activeElement), 'focus on 谁查看了我的信息')
    const box = await access.boundingBox()
    expect(box && box.y >= 0 && box.y < 812).toBe(true)
    await page.goBack()
    await heading1(page, '我的').waitFor()
    await d.press(/^授权管理/)
    await heading1(page, '授权与查看记录').waitFor()
    // the page's own 返回 goes back to where it was opened from (我的), as the browser's Back does
    await d.press('‹ 返回')
    await heading1(page, '我的').waitFor()
    await d.press('退出登录')
    await page.getByText('您已退出登录').waitFor()
    await d.button('登录').waitFor()
    // signed out for good: a reload does not bring the account back
    await page.reload()
    await heading1(page, '我的').waitFor()
    await d.button('登录').waitFor()
    expect(await page.getByText('刘*').count()).toBe(0)
  })
})

test('帮助与客服 and the 长辈版 home: 拨打 12345 hands the phone its dialler (a tel: address) and the page stays', async () => {
  const { page, platform } = browser
  await withScreenshotOnFailure(page, 'nav-call', async () => {
    // a tel: address leaves the page for the phone's dialler: the browser asks for it, and nothing loads
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Page.enable')
    const asked: string[] = []
    cdp.on('Page.frameRequestedNavigation', (e) => asked.push(e.url))
    await page.goto(`${platform.url}/#/pages/account/help/index`)
    await page.getByRole('button', { name: /12345/ }).first().click()
    await until(async () => asked.length > 0, 'the dialler asked for')
    expect(asked).toEqual(['tel:12345'])
    expect(page.url()).toContain('/pages/account/help/index')

    await page.goto(`${platform.url}/`)
    await page.getByRole('switch', { name: /长辈版/ }).click()
    await page.getByRole('button', { name: /12345/ }).first().click()
    await until(async () => asked.length > 1, 'the dialler asked for again')
    expect(asked).toEqual(['tel:12345', 'tel:12345'])
    expect(page.url()).toContain(platform.url)
  })
})
