// Draft sync in the browser E2E: the platform as the citizen's API sees it, and the way to 开办餐饮店's form.
import type { Browser, Page } from 'playwright-core'
import type { DraftRecord } from '@/services/contract'
import { makeClient, type TestClient } from '../../contract/support/harness'
import { launchBrowser, newPhoneContext } from './browser'
import { Driver, PEOPLE, restaurantQuestions, SMS_CODE, until } from './journeys'
import { startPlatform, type RunningPlatform } from './platform'

/**
 * The set-up of a draft sync test file: Chromium for the file; for each test a fresh mock platform (so each
 * begins without drafts), 刘洋's API client on it, and phones (browser contexts) on demand, closed after it.
 */
export function devicesForEachTest(): { readonly platform: RunningPlatform; readonly citizen: TestClient; phone(): Promise<Page> } {
  let browser: Browser | undefined
  let platform: RunningPlatform | undefined
  let citizen: TestClient | undefined
  const pages: Page[] = []
  beforeAll(async () => {
    browser = await launchBrowser()
  }, 60000)
  afterAll(async () => {
    await browser?.close()
  })
  beforeEach(async () => {
    platform = await startPlatform()
    citizen = await citizenApi(platform.url)
  }, 60000)
  afterEach(async () => {
    for (const p of pages.splice(0)) await p.context().close()
    await platform?.stop()
  })
  return {
    get platform() {
      return platform as RunningPlatform
    },
    get citizen() {
      return citizen as TestClient
    },
    async phone() {
      const page = await (await newPhoneContext(browser as Browser)).newPage()
      pages.push(page)
      return page
    },
  }
}

/** 刘洋's drafts through the platform's API (to check what it holds), signed in by SMS */
export async function citizenApi(url: string): Promise<TestClient> {
  const c = makeClient(url)
  await c.sendSmsCode(PEOPLE.father.mobile)
  await c.loginSms(PEOPLE.father.mobile, SMS_CODE)
  return c
}

export async function openDrafts(c: TestClient): Promise<DraftRecord[]> {
  return (await c.listDrafts()).filter((r) => r.status === 'open')
}

/** waits until one of the platform's open drafts satisfies `ok`, and returns it */
export async function platformHolds(c: TestClient, ok: (r: DraftRecord) => boolean, what: string, timeoutMs = 10000): Promise<DraftRecord> {
  let found: DraftRecord | undefined
  await until(
    async () => {
      found = (await openDrafts(c)).find(ok)
      return !!found
    },
    `the platform to hold ${what}`,
    timeoutMs,
  )
  return found as DraftRecord
}

export const BUSINESS_NAME = '店名（营业执照上的名称）'
/** the seven answers restaurantQuestions gives */
export const ANSWERS = { 'has-licence': false, 'entity-type': 'individual', area: 40, investment: 20, menu: [], cigarettes: false, sign: false }

/** 开办餐饮店 from its guide through the seven questions to the form */
export async function toTheForm(d: Driver, area = '40'): Promise<void> {
  await d.page.goto(`${d.baseUrl}/#/pages/journey/guide/index?bundle=kaiban-canyin&kind=person`)
  await d.heading1('开办餐饮店').waitFor()
  await restaurantQuestions(d, area)
}

export async function signInOnTheForm(d: Driver): Promise<void> {
  await d.press('登录后继续')
  await d.signInBySms(PEOPLE.father.mobile)
  await d.heading1('填写申请信息').waitFor()
}
