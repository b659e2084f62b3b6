// Navigation on both platforms. WeChat keeps at most 10 pages: past that, the journey replaces the top page
// instead of pushing. Tab pages (首页 · 办件 · 消息 · 我的) are switched to, never pushed, and take no query
// (WeChat's rule). A URL names what its page shows (ids only, never a typed value).
import Taro from '@tarojs/taro'
import { ROUTES, tabOf } from '@/stores/routes'

/** WeChat's page stack holds 10 pages */
const MAX_PAGES = 10

type Params = Record<string, string | undefined>
interface StackPage {
  route?: string
  options?: Params
  $taroParams?: Params
}

const routeOf = (url: string) => url.split('?')[0].replace(/^\//, '')

function paramsOf(url: string): Params {
  const out: Params = {}
  for (const pair of (url.split('?')[1] ?? '').split('&').filter(Boolean)) {
    const i = pair.indexOf('=')
    out[i < 0 ? pair : pair.slice(0, i)] = i < 0 ? '' : pair.slice(i + 1)
  }
  return out
}

/** Taro's own additions to a page's query */
const ownParam = (k: string) => k === 'stamp' || k.startsWith('$')

/** the page shows what `url` names: same route, same query (Taro's stamps aside) */
function shows(page: StackPage, url: string): boolean {
  if ((page.route ?? '').replace(/^\//, '') !== routeOf(url)) return false
  const have = page.$taroParams ?? page.options ?? {}
  const want = paramsOf(url)
  const keys = new Set([...Object.keys(have), ...Object.keys(want)].filter((k) => !ownParam(k)))
  return [...keys].every((k) => (have[k] ?? '') === (want[k] ?? ''))
}

export function go(url: string): void {
  if (tabOf(url)) void Taro.switchTab({ url: url.split('?')[0] })
  else if (Taro.getCurrentPages().length >= MAX_PAGES) void Taro.redirectTo({ url })
  else void Taro.navigateTo({ url })
}

export function replace(url: string): void {
  if (tabOf(url)) void Taro.switchTab({ url: url.split('?')[0] })
  else void Taro.redirectTo({ url })
}

/** Opens `url` as the only page: nothing below it to go back to (a submitted case: its journey is over). */
export function restart(url: string): void {
  void Taro.reLaunch({ url })
}

/**
 * Back to `url`: when a page below shows exactly that, the stack is popped down to it (WeChat's back and the
 * browser's then agree with the app's); otherwise `url` opens in place of this page.
 */
export function back(url: string): void {
  const pages = Taro.getCurrentPages() as StackPage[]
  for (let i = pages.length - 2; i >= 0; i--) {
    if (shows(pages[i], url)) {
      void Taro.navigateBack({ delta: pages.length - 1 - i })
      return
    }
  }
  replace(url)
}

/** Back to the page that opened this one, or home when it was opened alone (a link, a shared card). */
export function leave(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
  else home()
}

/** This page's URL as the app opened it: the route and its query (ids only), without Taro's own stamps. */
export function currentUrl(): string {
  const router = Taro.getCurrentInstance().router
  if (!router) return ROUTES.home
  const route = `/${routeOf(router.path) || routeOf(ROUTES.home)}`
  const query = Object.entries(router.params)
    .filter(([k, v]) => !ownParam(k) && v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${v}`)
    .join('&')
  return query ? `${route}?${query}` : route
}

/**
 * H5: the address bar names another page than the one shown (a link to another guide opened over this one, the
 * browser's back to an address whose page was reused): the URL it names, to open instead.
 */
export function addressDrift(): string | undefined {
  if (process.env.TARO_ENV !== 'h5') return undefined
  const address = window.location.hash.replace(/^#\/?/, '')
  const wanted = address.split('?')[0] ? `/${address}` : ROUTES.home
  const router = Taro.getCurrentInstance().router
  if (!router) return undefined
  return shows({ route: routeOf(router.path) || routeOf(ROUTES.home), $taroParams: router.params }, wanted) ? undefined : wanted
}

/** Opens sign-in; afterwards the citizen comes back to `next` (this page unless told), even after a reload. */
export function signIn(next = currentUrl()): void {
  go(`${ROUTES.login}?next=${encodeURIComponent(next)}`)
}

/** Where sign-in sends the citizen: back to the page that asked (below on the stack), else that page anew. */
export function afterSignIn(next: string | undefined): void {
  const target = next && next.startsWith('/pages/') && !next.startsWith(ROUTES.login) ? next : undefined
  if (target) back(target)
  else leave()
}

export function home(): void {
  void Taro.switchTab({ url: ROUTES.home })
}

export function nowIso(): string {
  return new Date().toISOString()
}
