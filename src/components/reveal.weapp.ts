// Taking the citizen to an element by its id, on WeChat (Taro picks this file for the weapp build; reveal.ts is
// the H5 one). Views have no focus to move there, and screen readers follow the page: scrolling is what helps.
import Taro from '@tarojs/taro'

/** WeChat: nothing to focus (a text input takes focus through its own `focus` prop). */
export function focusById(..._ids: string[]): boolean {
  return false
}

/** Scrolls the page to the first of these elements that exists. */
export function scrollToId(...ids: string[]): void {
  const [first, ...rest] = ids
  if (!first) return
  Taro.pageScrollTo({ selector: `#${first}`, duration: 200 }).catch(() => scrollToId(...rest))
}

/** WeChat: the screen reader starts at the top of each page by itself. */
export function focusPageHeading(_rootId: string, _onlyIfPending?: boolean): void {}
