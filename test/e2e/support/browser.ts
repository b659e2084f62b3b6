// Headless Debian Chromium through playwright-core, in a 390×844 phone viewport.
import fs from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { repoRoot } from './platform'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  })
}

export function newPhoneContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  })
}

const failureDir = path.join(repoRoot, 'test-results')

/** Runs a browser step; on failure keeps a screenshot in test-results/ (git-ignored) and rethrows. */
export async function withScreenshotOnFailure<T>(page: Page, name: string, body: () => Promise<T>): Promise<T> {
  try {
    return await body()
  } catch (error) {
    fs.mkdirSync(failureDir, { recursive: true })
    const file = path.join(failureDir, `${name.replace(/[^\w\u4e00-\u9fa5-]+/g, '_')}.png`)
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined)
    throw error
  }
}
