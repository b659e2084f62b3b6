// The usual set-up of a browser test file: the mock platform serving dist/h5 and Chromium for the file, a fresh
// phone page for each test.
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchBrowser, newPhoneContext } from './browser'
import { startPlatform, type RunningPlatform } from './platform'

export function phonePageForEachTest(): { readonly platform: RunningPlatform; readonly page: Page } {
  const shared = contextsForEachTest()
  let page: Page | undefined
  beforeEach(async () => {
    page = await shared.track(await newPhoneContext(shared.browser)).newPage()
  })
  return {
    get platform() {
      return shared.platform
    },
    get page() {
      return page as Page
    },
  }
}

/** The mock platform and Chromium for the file, and browser contexts (several users) closed after each test. */
export function contextsForEachTest(): { readonly platform: RunningPlatform; readonly browser: Browser; track(ctx: BrowserContext): BrowserContext } {
  let platform: RunningPlatform | undefined
  let browser: Browser | undefined
  let contexts: BrowserContext[] = []
  beforeAll(async () => {
    platform = await startPlatform()
    browser = await launchBrowser()
  }, 60000)
  afterAll(async () => {
    await browser?.close()
    await platform?.stop()
  })
  afterEach(async () => {
    for (const c of contexts) await c.close()
    contexts = []
  })
  return {
    get platform() {
      return platform as RunningPlatform
    },
    get browser() {
      return browser as Browser
    },
    track(ctx) {
      contexts.push(ctx)
      return ctx
    },
  }
}
