// 长辈版 journeys: 王德明 on a 375×812 phone, signed in, and the bar every state of his journey must pass (the MIIT
// 适老化 numbers of BRIEF §8): axe clean, no sideways scroll, targets ≥ 60 px, text ≥ 18 px.
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { axeViolations } from './axe'
import { Driver } from './journeys'
import { layout, setElder } from './layout'
import type { contextsForEachTest } from './phone-page'

/** 王德明, born 1958: past the statutory age; holds an e-ID card, 户口簿 and 社保卡 */
export const ELDER_MOBILE = '13807310003'
const SHOTS = process.env.SHOTS_DIR

/** A 375×812 phone of the file's browser, its page and a driver on it. */
export async function elderPhone(shared: ReturnType<typeof contextsForEachTest>): Promise<{ page: Page; d: Driver; base: string }> {
  const context = shared.track(
    await shared.browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' }),
  )
  const page = await context.newPage()
  return { page, d: new Driver(page, shared.platform.url), base: shared.platform.url }
}

/** 长辈版 on, then 王德明 signs in by SMS from the home page. */
export async function signInAsElder(page: Page, d: Driver, base: string): Promise<void> {
  await setElder(page, base, true)
  await page.getByRole('button', { name: /登录/ }).first().click()
  await d.signInBySms(ELDER_MOBILE)
  await page.getByText(/王/).first().waitFor()
}

/**
 * Checks each state against the bar (and `extra`, which names a problem or nothing); what fails is collected in
 * `problems` for one assertion at the end. With SHOTS_DIR set, a picture per state, named `<prefix>-NN-<state>.png`.
 */
export function elderStates(page: Page, prefix: string, extra?: (page: Page) => string | undefined) {
  const problems: string[] = []
  let shot = 0
  return {
    problems,
    async check(state: string): Promise<void> {
      await page.waitForTimeout(200)
      shot++
      if (SHOTS) {
        fs.mkdirSync(SHOTS, { recursive: true })
        await page.screenshot({ path: path.join(SHOTS, `${prefix}-${String(shot).padStart(2, '0')}-${state}.png`), fullPage: true })
      }
      for (const v of await axeViolations(page)) problems.push(`${state}: axe ${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
      const m = await layout(page)
      if (m.sideways) problems.push(`${state}: scrolls sideways`)
      if (m.minTarget < 60) problems.push(`${state}: a ${Math.round(m.minTarget)} px target (${m.minTargetName})`)
      if (m.minFont < 18) problems.push(`${state}: ${m.minFont} px text (${m.minFontText})`)
      const more = extra?.(page)
      if (more) problems.push(`${state}: ${more}`)
    },
  }
}
