// The usual set-up of a browser test file: the mock platform serving dist/h5 and Chromium for the file, a fresh
// phone page for each test.
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, newPhoneContext } from './browser'
import { startPlatform, type RunningPlatform } from './platform'

export function phonePageForEachTest(): { readonly platform: RunningPlatform; readonly page: Page } {
  let platform: RunningPlatform | undefined
  let browser: Browser | undefined
  let page: Page | undefined
  beforeAll(async () => {
    platform = await startPlatform()
    browser = await launchBrowser()
  }, 60000)
  afterAll(async () => {
    await browser?.close()
    await platform?.stop()
  })
  beforeEach(async () => {
    page = await (await newPhoneContext(browser as Browser)).newPage()
  })
  afterEach(async () => {
    await page?.context().close()
  })
  return {
    get platform() {
      return platform as RunningPlatform
    },
    get page() {
      return page as Page
    },
  }
}
