// Reload the page and check that the citizen finds everything as it was: the same step, the same heading,
// every text box's value and every choice's state. Used by the E2E at each step of a journey.
import type { Page } from 'playwright-core'

export interface PageState {
  /** the route and its ids (hash routing: everything after #) */
  route: string
  heading: string
  /** id or name = value, for every input and textarea */
  inputs: string[]
  /** accessible name = aria-checked, for every radio, checkbox and switch */
  choices: string[]
  /** the page's text (without the summary line's live values, which are the same anyway) */
  text: string
}

export function pageState(page: Page): Promise<PageState> {
  return page.evaluate(() => {
    const name = (el: Element) => (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ')
    // Taro keeps the pages below in the DOM, hidden: only what is shown counts
    const shown = (selector: string) => Array.from(document.querySelectorAll(selector)).filter((el) => (el as HTMLElement).offsetParent !== null)
    return {
      route: window.location.hash,
      heading: (shown('[role=heading][aria-level="1"]')[0]?.textContent ?? '').trim(),
      inputs: shown('input, textarea').map((el) => `${el.id || el.getAttribute('name') || '?'}=${(el as HTMLInputElement).value}`),
      choices: shown('[role=radio],[role=checkbox],[role=switch]').map((el) => `${name(el)}=${el.getAttribute('aria-checked')}`),
      text: document.body.innerText.replace(/\s+/g, ' ').trim(),
    }
  })
}

/** Reloads and waits (up to `timeoutMs`) until the page is as it was; returns both states for the caller's expect. */
export async function reloadAndCompare(page: Page, timeoutMs = 10000): Promise<{ before: PageState; after: PageState }> {
  const before = await pageState(page)
  await page.reload()
  const end = Date.now() + timeoutMs
  let after = await pageState(page).catch(() => undefined)
  while (!after || JSON.stringify(after) !== JSON.stringify(before)) {
    if (Date.now() > end) break
    await new Promise((r) => setTimeout(r, 100))
    after = await pageState(page).catch(() => undefined)
  }
  return { before, after: after ?? (await pageState(page)) }
}
