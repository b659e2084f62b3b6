// Navigation on both platforms. WeChat keeps at most 10 pages: deep journeys replace instead of pushing.
import Taro from '@tarojs/taro'

const MAX_DEPTH = 9

export function go(url: string): void {
  if (Taro.getCurrentPages().length >= MAX_DEPTH) void Taro.redirectTo({ url })
  else void Taro.navigateTo({ url })
}

export function replace(url: string): void {
  void Taro.redirectTo({ url })
}

/** Back to `url`: pops the stack when that page is right below, else opens it in place of this one. */
export function back(url: string): void {
  const pages = Taro.getCurrentPages()
  const below = pages.length > 1 ? pages[pages.length - 2] : undefined
  const route = url.split('?')[0].replace(/^\//, '')
  if (below && (below.route ?? '').replace(/^\//, '') === route) void Taro.navigateBack()
  else if (route === 'pages/index/index') void Taro.reLaunch({ url })
  else void Taro.redirectTo({ url })
}

/** Back to the page that opened this one, or home when it was opened alone (a link, a shared card). */
export function leave(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
  else home()
}

export function home(): void {
  void Taro.reLaunch({ url: '/pages/index/index' })
}

export function nowIso(): string {
  return new Date().toISOString()
}
