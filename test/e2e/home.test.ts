import type { Browser, Page } from 'playwright-core'
import { axeViolations } from './support/axe'
import { launchBrowser, newPhoneContext, withScreenshotOnFailure } from './support/browser'
import { startPlatform, type RunningPlatform } from './support/platform'

let platform: RunningPlatform
let browser: Browser
let page: Page

beforeAll(async () => {
  platform = await startPlatform()
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await platform?.stop()
})
beforeEach(async () => {
  page = await (await newPhoneContext(browser)).newPage()
})
afterEach(async () => {
  await page.context().close()
})

test('the home page is in Chinese, zoomable, titled, and shows the app', async () => {
  await withScreenshotOnFailure(page, 'home-basics', async () => {
    await page.goto(platform.url + '/')
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN')
    expect(await page.title()).toContain('一件事一次办')
    const viewport = await page.getAttribute('meta[name="viewport"]', 'content')
    expect(viewport).not.toMatch(/user-scalable\s*=\s*(no|0)/)
    expect(viewport).not.toMatch(/maximum-scale\s*=\s*1(\.0)?\b/)
    await page.locator(':text("一件事一次办"):visible').first().waitFor()
  })
})

test('the home page has no axe violations at WCAG 2.2 AA', async () => {
  await withScreenshotOnFailure(page, 'home-axe', async () => {
    await page.goto(platform.url + '/')
    await page.locator(':text("一件事一次办"):visible').first().waitFor()
    expect(await axeViolations(page)).toEqual([])
  })
})
