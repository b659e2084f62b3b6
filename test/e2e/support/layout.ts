// What a page shown in the browser measures for reflow and text size (WCAG 1.4.4, 1.4.10, 2.5.8): sideways
// scrolling, text cut off, its smallest text and target, targets touching both screen edges, its height.
import type { Page } from 'playwright-core'

export interface Layout {
  /** the document or the shown page is wider than the screen */
  sideways: boolean
  /** texts cut off by a box that hides what overflows it */
  clipped: string[]
  minFont: number
  minFontText: string
  minTarget: number
  minTargetName: string
  /** targets as wide as the screen, touching both its edges */
  edgeToEdge: string[]
  /** page height in screens */
  screens: number
}

export function layout(page: Page): Promise<Layout> {
  // one function body: it runs in the page
  return page.evaluate(() => {
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect()
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden' && !el.closest('.ui-visually-hidden,[aria-hidden="true"]')
    }
    const current = Array.from(document.querySelectorAll('.taro_page')).find((p) => getComputedStyle(p).display !== 'none')
    // the page shown and what is outside it on H5 (the tab bar); hidden pages of the stack are not shown()
    const root = document.body
    let minFont = Infinity
    let minFontText = ''
    const clipped: string[] = []
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    while (walker.nextNode()) {
      const text = walker.currentNode.textContent?.trim()
      const el = walker.currentNode.parentElement
      if (!text || !el || !shown(el)) continue
      const size = parseFloat(getComputedStyle(el).fontSize)
      if (size < minFont) [minFont, minFontText] = [size, text.slice(0, 16)]
      // the nearest box that hides overflow, text larger than it
      // up to the page's own scroller (the app's containers round it hide overflow by design)
      for (let box: HTMLElement | null = el; box && box !== root && !(current && box.contains(current)); box = box.parentElement) {
        const cs = getComputedStyle(box)
        const hides = (v: string) => v === 'hidden' || v === 'clip'
        if ((hides(cs.overflowX) && box.scrollWidth > box.clientWidth + 1) || (hides(cs.overflowY) && box.scrollHeight > box.clientHeight + 1) || cs.textOverflow === 'ellipsis' && box.scrollWidth > box.clientWidth + 1) {
          clipped.push(text.slice(0, 16))
          break
        }
      }
    }
    let minTarget = Infinity
    let minTargetName = ''
    const edgeToEdge: string[] = []
    const width = document.documentElement.clientWidth
    for (const el of Array.from(root.querySelectorAll('button, a[href], input:not([type=radio]):not([type=checkbox]), [role=button], [role=link], [role=switch], [role=radio], [role=checkbox], [role=combobox]'))) {
      if (!shown(el)) continue
      const r = el.getBoundingClientRect()
      const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 16)
      const size = Math.min(r.width, r.height)
      if (size < minTarget) [minTarget, minTargetName] = [size, name]
      if (r.left <= 0.5 && r.right >= width - 0.5) edgeToEdge.push(name)
    }
    const height = Math.max(current?.scrollHeight ?? 0, document.documentElement.scrollHeight)
    const sideways = document.documentElement.scrollWidth > document.documentElement.clientWidth || (current ? current.scrollWidth > current.clientWidth : false)
    return { sideways, clipped, minFont, minFontText, minTarget, minTargetName, edgeToEdge, screens: Math.round((height / window.innerHeight) * 10) / 10 }
  })
}

/**
 * 200 % text: every font-size token of the design (the `--font-*` custom properties every stylesheet uses) set to
 * twice its value, nothing else. Taro's H5 sizes everything in rem from a root size its script sets in px from the
 * screen width, so the browser's own text-size setting does not reach the page; doubling the font tokens is the
 * app's text size doubled. Returns a function that puts them back.
 */
export async function doubleText(page: Page): Promise<() => Promise<void>> {
  await page.evaluate(() => {
    const holders = [document.body, ...Array.from(document.querySelectorAll<HTMLElement>('.elder'))]
    for (const el of holders) {
      const cs = getComputedStyle(el)
      const names: string[] = []
      for (let i = 0; i < cs.length; i++) if (cs[i].startsWith('--font-')) names.push(cs[i])
      for (const name of names) el.style.setProperty(name, `calc(2 * ${cs.getPropertyValue(name).trim()})`)
      el.dataset.doubledText = names.join(',')
    }
  })
  // let the layout settle
  await page.waitForTimeout(100)
  return () =>
    page.evaluate(() => {
      for (const el of Array.from(document.querySelectorAll<HTMLElement>('[data-doubled-text]'))) {
        for (const name of (el.dataset.doubledText ?? '').split(',')) if (name) el.style.removeProperty(name)
        delete el.dataset.doubledText
      }
    })
}

/** 长辈版 on or off, by its switch on 我的 (kept on the device) */
export async function setElder(page: Page, base: string, on: boolean): Promise<void> {
  await page.goto(`${base}/#/pages/me/index`)
  const toggle = page.getByRole('switch', { name: /^长辈版/ })
  if ((await toggle.getAttribute('aria-checked')) !== String(on)) await toggle.click()
  await page.waitForFunction((want) => document.querySelector('[role=switch]')?.getAttribute('aria-checked') === String(want), on)
}
