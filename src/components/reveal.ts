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
      el.scrollIntoView()
      return
    }
  }
}
