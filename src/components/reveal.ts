// Taking the citizen to an element by its id (H5; jest loads this file too). reveal.weapp.ts is the WeChat
// version: WeChat has no `document`, and Taro's stand-in elements have no scrollIntoView.

/** Moves keyboard and screen-reader focus to the first element found; false when none is there. */
export function focusById(...ids: string[]): boolean {
  if (typeof document === 'undefined') return false
  for (const id of ids) {
    const el = document.getElementById(id)
    if (el) {
      el.focus()
      return true
    }
  }
  return false
}

/** Scrolls the first element found into view. */
export function scrollToId(...ids: string[]): void {
  if (typeof document === 'undefined') return
  for (const id of ids) {
    const el = document.getElementById(id)
    if (el) {
      el.scrollIntoView?.()
      return
    }
  }
}

function visibleHeading(rootId: string): HTMLElement | undefined {
  const root = document.getElementById(rootId)
  const all = Array.from(root?.querySelectorAll<HTMLElement>('[role="heading"][aria-level="1"]') ?? [])
  return all.find((el) => el.offsetParent !== null || el.getClientRects().length > 0)
}

let waiting: MutationObserver | undefined
/** a page was shown and its heading has not had focus yet */
let pending = false

/**
 * After a navigation: focus moves to the level-1 heading inside `rootId` (the shown page's frame): read first
 * by screen readers, and the next Tab starts there. A page still loading gets it when its heading appears
 * (within 5 s), unless the citizen has put focus somewhere on the page by then.
 */
export function focusPageHeading(rootId: string, onlyIfPending = false): void {
  if (typeof document === 'undefined' || (onlyIfPending && !pending)) return
  waiting?.disconnect()
  waiting = undefined
  pending = true
  const focus = (el: HTMLElement) => {
    pending = false
    if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1')
    el.focus({ preventScroll: true })
  }
  const now = visibleHeading(rootId)
  if (now) return focus(now)
  const observer = new MutationObserver(() => {
    const el = visibleHeading(rootId)
    if (!el) return
    observer.disconnect()
    waiting = undefined
    pending = false
    // the citizen has started on the page meanwhile: focus stays where they put it
    const active = document.activeElement as HTMLElement | null
    if (active && active !== document.body && (active.offsetParent !== null || active.getClientRects().length > 0)) return
    focus(el)
  })
  observer.observe(document.body, { childList: true, subtree: true })
  waiting = observer
  setTimeout(() => {
    observer.disconnect()
    pending = false
  }, 5000)
}
