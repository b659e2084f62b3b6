// The headless WeChat runtime: runs the WeChat build (dist/weapp) in a bare V8 context with the `wx` of wx.ts,
// keeps WeChat's page stack and lifecycles, applies `setData` to each page's view, delivers taps and typing
// through Taro's `eh` handler as WeChat's view layer would, and records everything a test checks. It fails the
// test (failures(), assertHealthy()) on an exception, console.error, an unhandled rejection, an unknown wx
// API, a setData payload that is not JSON-safe or over 256 KB, or an API misuse WeChat would refuse.
import fs from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'
import { createAppRealm, ModuleSystem, type AppRealm } from './loader'
import { readTemplates, type Templates } from './templates'
import { applySetData, hiddenClassesOf, matches, PageView, type TextMatcher, type WxElement } from './view'
import { createWx, DEFAULT_DEVICE, WxLog, WxState, WxStorage, type Device, type Navigation, type TestFile, type WechatAccount, type WxHost } from './wx'

export const DIST_DIR = path.resolve(__dirname, '..', '..', '..', 'dist', 'weapp')
/** where the WeChat build sends requests unless TARO_APP_API_BASE said otherwise (config/index.ts) */
export const BUILD_API_ORIGIN = 'http://127.0.0.1:3100'
/** WeChat keeps at most 10 pages on the stack */
export const MAX_PAGES = 10
/** the harness's limit for one setData payload (WeChat's hard limit is 1 MB; it warns far below) */
export const SET_DATA_LIMIT = 256 * 1024
/** scenes: 1001 the mini-program list, 1007 a card shared in a chat, 1154 朋友圈 single-page mode */
export const SCENES = { list: 1001, chatCard: 1007, timeline: 1154 } as const

export interface LaunchOptions {
  /** the mock platform's base URL (http://127.0.0.1:<port>); the build's API origin is forwarded to it */
  platformUrl: string
  /** the page to open first (default: the first page of app.json) */
  path?: string
  query?: Record<string, string>
  scene?: number
  /** storage contents at launch (e.g. another runtime's storage()) */
  storage?: Record<string, unknown>
  device?: Partial<Device>
  account?: Partial<WechatAccount>
  distDir?: string
  /** the origin the build calls (default http://127.0.0.1:3100) */
  apiOrigin?: string
}

interface AppJson {
  pages: string[]
  subPackages?: { root: string; pages: string[] }[]
  tabBar?: { list: { pagePath: string }[] }
  preloadRule?: Record<string, { network?: string; packages: string[] }>
  window?: { navigationBarTitleText?: string }
}

/** One setData the view applied. */
export interface SetDataRecord {
  bytes: number
  /** ms since the page's onLoad */
  at: number
}

/** A page on (or once on) the stack. */
export interface PageRecord {
  route: string
  query: Record<string, string>
  view: PageView
  setData: SetDataRecord[]
  /** performance.now() at onLoad */
  loadedAt: number
  unloaded: boolean
}

interface PageInstance {
  route: string
  options: Record<string, string>
  data: Record<string, unknown>
  setData(payload: Record<string, unknown>, cb?: () => void): void
  [hook: string]: unknown
}

/** The globals of WeChat's logic layer that a build may read; anything else is a ReferenceError, as on a phone. */
const TIMER_NAMES = ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] as const

/** wx properties read before anything sets them: webpack's chunk list, and Taro's look at WeChat's cloud API */
const ABSENT_READS = new Set(['webpackJsonp', 'cloud'])

/** WeChat's bubbling events (everything else is delivered to its target only) */
const BUBBLING = new Set(['tap', 'longpress', 'longtap', 'touchstart', 'touchmove', 'touchend', 'touchcancel', 'transitionend', 'animationstart', 'animationiteration', 'animationend'])

function parseUrl(url: string): { route: string; query: Record<string, string> } {
  const [p, search = ''] = url.split('?')
  const query: Record<string, string> = {}
  for (const pair of search.split('&').filter(Boolean)) {
    const i = pair.indexOf('=')
    // WeChat hands query values to onLoad as they are in the URL (not decoded)
    if (i < 0) query[pair] = ''
    else query[pair.slice(0, i)] = pair.slice(i + 1)
  }
  return { route: p.replace(/^\//, ''), query }
}

function jsonProblem(value: unknown, at: string): string | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : `${at} is ${value}`
  if (value === undefined) return `${at} is undefined`
  if (typeof value !== 'object') return `${at} is a ${typeof value}`
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = jsonProblem(value[i], `${at}[${i}]`)
      if (p) return p
    }
    return undefined
  }
  const proto = Object.getPrototypeOf(value)
  if (proto !== null && Object.getPrototypeOf(proto) !== null) return `${at} is a ${(value as object).constructor?.name ?? 'class instance'}, not plain data`
  for (const [k, v] of Object.entries(value as object)) {
    const p = jsonProblem(v, `${at}.${k}`)
    if (p) return p
  }
  return undefined
}

export class WeappRuntime {
  readonly log = new WxLog()
  readonly state = new WxState()
  readonly storage: WxStorage
  readonly device: Device
  readonly account: WechatAccount
  readonly launchOptions: { path: string; query: Record<string, string>; scene: number }
  /** every page opened, in order (the stack is the ones not unloaded, see stack()) */
  readonly history: PageRecord[] = []

  private readonly problems: string[] = []
  private readonly consoleLines: { level: string; text: string }[] = []
  private readonly distDir: string
  private readonly appJson: AppJson
  private readonly templates: Templates
  private readonly hiddenClasses: Set<string>
  private readonly realm: AppRealm
  private readonly modules: ModuleSystem
  private readonly wx: Record<string, unknown>
  private readonly privacyGate: (api: string) => Promise<void>
  private readonly pageConfigs = new Map<string, Record<string, unknown>>()
  private readonly pages: { instance: PageInstance; record: PageRecord }[] = []
  /** tab pages WeChat keeps alive (hidden) after the citizen switched away from them */
  private readonly keptTabs = new Map<string, { instance: PageInstance; record: PageRecord }>()
  private readonly timers = new Set<NodeJS.Timeout>()
  private readonly downloadedPackages = new Set<string>()
  private app: Record<string, unknown> | undefined
  private loadingRoute: string | undefined
  private tapDepth = 0
  private closed = false
  private readonly onRejection = (reason: unknown) => this.fail(`unhandled rejection: ${(reason as Error)?.stack ?? String(reason)}`)
  private readonly realProcess = vm.runInThisContext('process') as NodeJS.Process

  private constructor(private readonly options: LaunchOptions) {
    this.distDir = options.distDir ?? DIST_DIR
    if (!fs.existsSync(path.join(this.distDir, 'app.json'))) throw new Error(`${this.distDir}/app.json is missing: run \`npm run build:weapp\` first.`)
    this.appJson = JSON.parse(fs.readFileSync(path.join(this.distDir, 'app.json'), 'utf8')) as AppJson
    this.templates = readTemplates(this.distDir)
    // an app without styles has no app.wxss (WeChat needs none)
    const wxss = path.join(this.distDir, 'app.wxss')
    this.hiddenClasses = hiddenClassesOf(fs.existsSync(wxss) ? fs.readFileSync(wxss, 'utf8') : '')
    this.storage = new WxStorage(options.storage)
    this.device = { ...DEFAULT_DEVICE, ...options.device }
    this.account = { loginCode: 'dev-citizen-1', privacyAgreed: false, ...options.account }
    const first = this.appJson.pages[0]
    this.launchOptions = { path: (options.path ?? first).replace(/^\//, ''), query: options.query ?? {}, scene: options.scene ?? SCENES.list }

    const host: WxHost = {
      platformUrl: options.platformUrl,
      apiOrigin: options.apiOrigin ?? BUILD_API_ORIGIN,
      storage: this.storage,
      device: this.device,
      account: this.account,
      log: this.log,
      fail: (m) => this.fail(m),
      callback: (fn) => this.callApp('a WeChat callback', fn),
      toApp: (v) => (v === undefined ? v : (this.realm.JSON.parse(JSON.stringify(v)) as typeof v)),
      appError: (m) => new this.realm.Error(m),
      get AppPromise() {
        return realmPromise()
      },
      navigation: this.navigation(),
      inTap: () => this.tapDepth > 0,
      currentRoute: () => this.top()?.record.route,
      hasElement: (id) => !!this.top()?.record.view.byId(id),
      tabCount: () => this.appJson.tabBar?.list.length ?? 0,
      isTabPage: (route) => this.isTab(route),
    }
    const realmPromise = () => this.realm.Promise
    const made = createWx(host, this.state)
    this.privacyGate = made.privacyGate
    this.wx = {
      ...made.wx,
      getLaunchOptionsSync: () => host.toApp({ ...this.launchOptions, referrerInfo: {} }),
      getEnterOptionsSync: () => host.toApp({ ...this.launchOptions, referrerInfo: {} }),
    }
    const wxProxy = new Proxy(this.wx, {
      get: (target, key) => {
        if (typeof key === 'string' && !(key in target) && !ABSENT_READS.has(key)) this.fail(`unknown wx API: wx.${key} (add a stub with WeChat's documented behaviour to test/weapp/support/wx.ts)`)
        return target[key as string]
      },
    })
    const record = (level: string) => (...args: unknown[]) => {
      const text = args.map((a) => (a instanceof Error || (typeof a === 'object' && a !== null && 'stack' in a) ? (a as Error).stack : typeof a === 'string' ? a : safeJson(a))).join(' ')
      this.consoleLines.push({ level, text })
      if (level === 'error') this.fail(`console.error: ${text}`)
      // Taro's answer to an API the wx object does not have
      if (level === 'warn' && /暂不支持/.test(text)) this.fail(`unknown wx API (Taro: ${text})`)
    }
    const timers = Object.fromEntries(
      TIMER_NAMES.map((name) => {
        if (name.startsWith('clear'))
          return [
            name,
            (t: NodeJS.Timeout) => {
              this.timers.delete(t)
              clearTimeout(t)
            },
          ]
        const repeat = name === 'setInterval'
        return [
          name,
          (fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => {
            const t: NodeJS.Timeout = (repeat ? setInterval : setTimeout)(() => {
              if (!repeat) this.timers.delete(t)
              this.callApp('a timer', () => fn(...args))
            }, ms)
            this.timers.add(t)
            return t
          },
        ]
      }),
    )
    this.realm = createAppRealm({
      wx: wxProxy,
      console: { log: record('log'), info: record('info'), debug: record('debug'), warn: record('warn'), error: record('error') },
      ...timers,
      App: (config: Record<string, unknown>) => {
        this.app = config
      },
      Page: (config: Record<string, unknown>) => {
        if (!this.loadingRoute) this.fail('Page() called outside a page file')
        else this.pageConfigs.set(this.loadingRoute, config)
      },
      Component: () => undefined,
      Behavior: (b: unknown) => b,
      getApp: () => this.app,
      getCurrentPages: () => this.pages.map((p) => p.instance),
    })
    this.modules = new ModuleSystem(this.distDir, this.realm)
  }

  /** Starts the mini-program as WeChat does (App onLaunch/onShow, then the first page) and returns once it is open. */
  static async launch(options: LaunchOptions): Promise<WeappRuntime> {
    const rt = new WeappRuntime(options)
    rt.realProcess.on('unhandledRejection', rt.onRejection)
    rt.callApp('app.js', () => rt.modules.require('app.js'))
    if (!rt.app) throw new Error(`app.js did not call App():\n${rt.problems.join('\n')}`)
    const launch = { path: rt.launchOptions.path, query: rt.launchOptions.query, scene: rt.launchOptions.scene, referrerInfo: {} }
    rt.callApp('App.onLaunch', () => (rt.app?.onLaunch as ((o: unknown) => void) | undefined)?.call(rt.app, rt.realm.JSON.parse(JSON.stringify(launch))))
    rt.callApp('App.onShow', () => (rt.app?.onShow as ((o: unknown) => void) | undefined)?.call(rt.app, rt.realm.JSON.parse(JSON.stringify(launch))))
    const query = Object.entries(rt.launchOptions.query)
      .map(([k, v]) => `${k}=${v}`)
      .join('&')
    await rt.open(`${rt.launchOptions.path}${query ? `?${query}` : ''}`, 'launch')
    return rt
  }

  /** The same phone started again: same storage, same WeChat account (privacy agreement kept), same platform. */
  async relaunch(options: Partial<LaunchOptions> = {}): Promise<WeappRuntime> {
    await this.close()
    return WeappRuntime.launch({
      ...this.options,
      path: undefined,
      query: undefined,
      scene: undefined,
      storage: this.storage.snapshot(),
      account: { ...this.account },
      device: { ...this.device },
      ...options,
    })
  }

  /**
   * The person leaves WeChat (home button, another app): the page's onHide, then App.onHide and the
   * wx.onAppHide listeners, as WeChat calls them. Timers keep running (WeChat suspends them after ~5 s).
   */
  background(): void {
    const top = this.top()
    if (top) this.lifecycle(top.instance, 'onHide')
    const o = { ...this.launchOptions, referrerInfo: {} }
    this.callApp('App.onHide', () => (this.app?.onHide as (() => void) | undefined)?.call(this.app))
    for (const l of [...this.state.appHideListeners]) this.callApp('a wx.onAppHide listener', () => l(this.realm.JSON.parse(JSON.stringify(o))))
  }

  /** Back to the mini-program: App.onShow and the wx.onAppShow listeners, then the page's onShow. */
  foreground(): void {
    const o = { ...this.launchOptions, referrerInfo: {} }
    this.callApp('App.onShow', () => (this.app?.onShow as ((o: unknown) => void) | undefined)?.call(this.app, this.realm.JSON.parse(JSON.stringify(o))))
    for (const l of [...this.state.appShowListeners]) this.callApp('a wx.onAppShow listener', () => l(this.realm.JSON.parse(JSON.stringify(o))))
    const top = this.top()
    if (top) this.lifecycle(top.instance, 'onShow')
  }

  /** Ends the run: pages unloaded, the app's timers stopped. Failures stay readable. */
  async close(): Promise<void> {
    if (this.closed) return
    while (this.pages.length) this.unload(this.pages.pop() as { instance: PageInstance; record: PageRecord })
    for (const kept of this.keptTabs.values()) this.unload(kept)
    this.keptTabs.clear()
    for (const t of this.timers) clearTimeout(t)
    this.timers.clear()
    for (const m of this.state.openModals.splice(0)) m.resolve('cancel')
    await new Promise((r) => setTimeout(r, 0))
    this.closed = true
    this.realProcess.off('unhandledRejection', this.onRejection)
  }

  // ---------- health ----------

  fail(message: string): void {
    this.problems.push(message)
  }

  failures(): string[] {
    return [...this.problems]
  }

  console(): { level: string; text: string }[] {
    return [...this.consoleLines]
  }

  /** throws with every failure recorded so far */
  assertHealthy(): void {
    if (this.problems.length) throw new Error(`the WeChat runtime recorded ${this.problems.length} failure(s):\n- ${this.problems.join('\n- ')}`)
  }

  /** runs app code; an exception is a failure (WeChat would report it to App.onError) */
  private callApp(what: string, fn: () => void): void {
    try {
      fn()
    } catch (e) {
      this.fail(`exception in ${what}: ${(e as Error)?.stack ?? String(e)}`)
    }
  }

  // ---------- pages ----------

  /** every page of app.json (main package first) */
  allPages(): string[] {
    return [...this.appJson.pages, ...(this.appJson.subPackages ?? []).flatMap((s) => s.pages.map((p) => path.posix.join(s.root, p)))]
  }

  packageOf(route: string): string | undefined {
    return this.appJson.subPackages?.find((s) => route.startsWith(`${s.root.replace(/\/$/, '')}/`))?.root
  }

  /** the stack, bottom first */
  stack(): { route: string; query: Record<string, string> }[] {
    return this.pages.map((p) => ({ route: p.record.route, query: { ...p.record.query } }))
  }

  private top(): { instance: PageInstance; record: PageRecord } | undefined {
    return this.pages[this.pages.length - 1]
  }

  /** the page on top of the stack */
  get page(): PageRecord {
    const top = this.top()
    if (!top) throw new Error('no page is open')
    return top.record
  }

  /** subpackages WeChat downloaded ahead of time (preloadRule) */
  preloaded(): string[] {
    return [...this.log.preloaded]
  }

  /** subpackages fetched only when a page of theirs opened (not preloaded) */
  downloadedOnDemand(): string[] {
    return [...this.downloadedPackages]
  }

  private navigation(): Navigation {
    return {
      navigateTo: (url) => this.open(url, 'navigateTo'),
      redirectTo: (url) => this.open(url, 'redirectTo'),
      reLaunch: (url) => this.open(url, 'reLaunch'),
      switchTab: (url) => this.open(url, 'switchTab'),
      navigateBack: (delta) => this.back(delta),
    }
  }

  private isTab(route: string): boolean {
    return !!this.appJson.tabBar?.list.some((t) => t.pagePath.replace(/^\//, '') === route)
  }

  private singlePageMode(): boolean {
    return this.launchOptions.scene === SCENES.timeline
  }

  private async open(url: string, how: 'launch' | 'navigateTo' | 'redirectTo' | 'reLaunch' | 'switchTab'): Promise<void> {
    const { route, query } = parseUrl(url)
    if (!this.allPages().includes(route)) throw new Error(`page "${route}" is not found`)
    if (how !== 'launch' && this.singlePageMode()) throw new Error('not supported in single page mode (opened from 朋友圈)')
    if (how === 'navigateTo' && this.pages.length >= MAX_PAGES) throw new Error('webview count limit exceed')
    if ((how === 'navigateTo' || how === 'redirectTo') && this.isTab(route)) throw new Error(`can not ${how} a tabbar page`)
    if (how === 'switchTab' && !this.isTab(route)) throw new Error(`can not switch to no-tabBar page`)
    // WeChat opens the new page after the call returns
    await new Promise((r) => setTimeout(r, 0))
    if (this.closed) return
    const below = this.top()
    if (how === 'navigateTo' && below) this.lifecycle(below.instance, 'onHide')
    if (how === 'redirectTo' && below) this.unload(this.pages.pop() as { instance: PageInstance; record: PageRecord })
    if (how === 'reLaunch') {
      while (this.pages.length) this.unload(this.pages.pop() as { instance: PageInstance; record: PageRecord })
      for (const kept of this.keptTabs.values()) this.unload(kept)
      this.keptTabs.clear()
    }
    if (how === 'switchTab') {
      // every other page closes; a tab page stays alive, hidden, and shows again as it was
      while (this.pages.length) {
        const p = this.pages.pop() as { instance: PageInstance; record: PageRecord }
        if (this.isTab(p.record.route) && p.record.route !== route) {
          this.lifecycle(p.instance, 'onHide')
          this.keptTabs.set(p.record.route, p)
        } else if (p.record.route === route) this.keptTabs.set(route, p)
        else this.unload(p)
      }
      const kept = this.keptTabs.get(route)
      if (kept) {
        this.keptTabs.delete(route)
        this.pages.push(kept)
        this.lifecycle(kept.instance, 'onShow')
        return
      }
    }
    this.create(route, query)
  }

  /** WeChat's tab bar as the citizen sees it: shown on tab pages only */
  tabBar(): { visible: boolean; items: { text: string; route: string; selected: boolean; badge?: string }[] } {
    const list = (this.appJson.tabBar as { list: { pagePath: string; text?: string }[] } | undefined)?.list ?? []
    const route = this.top()?.record.route
    return {
      visible: !!route && this.isTab(route),
      items: list.map((t, i) => ({ text: t.text ?? '', route: t.pagePath.replace(/^\//, ''), selected: t.pagePath.replace(/^\//, '') === route, badge: this.state.tabBadges.get(i) })),
    }
  }

  /** taps a tab of the tab bar (only there on a tab page): the page hears onTabItemTap, WeChat switches */
  async tapTab(text: string): Promise<void> {
    const bar = this.tabBar()
    if (!bar.visible) throw new Error(`no tab bar on ${this.page.route}`)
    const index = bar.items.findIndex((t) => t.text === text)
    if (index < 0) throw new Error(`no tab "${text}" (tabs: ${bar.items.map((t) => t.text).join(', ')})`)
    const item = bar.items[index]
    const top = this.top()
    if (top) this.lifecycle(top.instance, 'onTabItemTap', this.realm.JSON.parse(JSON.stringify({ index, pagePath: item.route, text })))
    if (item.selected) return
    await this.open(`/${item.route}`, 'switchTab')
  }

  private async back(delta: number): Promise<void> {
    if (this.pages.length <= 1) throw new Error('cannot navigate back at first page.')
    await new Promise((r) => setTimeout(r, 0))
    if (this.closed) return
    const keep = Math.max(1, this.pages.length - Math.max(1, delta))
    while (this.pages.length > keep) this.unload(this.pages.pop() as { instance: PageInstance; record: PageRecord })
    const top = this.top()
    if (top) this.lifecycle(top.instance, 'onShow')
  }

  private unload(p: { instance: PageInstance; record: PageRecord }): void {
    this.lifecycle(p.instance, 'onUnload')
    p.record.unloaded = true
  }

  private lifecycle(instance: PageInstance, hook: string, arg?: unknown): void {
    const fn = instance[hook]
    if (typeof fn === 'function') this.callApp(`${instance.route} ${hook}`, () => (fn as (a?: unknown) => void).call(instance, arg))
  }

  private loadPage(route: string): Record<string, unknown> | undefined {
    const known = this.pageConfigs.get(route)
    if (known) return known
    const pkg = this.packageOf(route)
    if (pkg && !this.log.preloaded.includes(pkg)) this.downloadedPackages.add(pkg)
    this.loadingRoute = route
    this.callApp(`${route}.js`, () => this.modules.require(`${route}.js`))
    this.loadingRoute = undefined
    const config = this.pageConfigs.get(route)
    if (!config) this.fail(`${route}.js did not call Page()`)
    return config
  }

  private create(route: string, query: Record<string, string>): void {
    const config = this.loadPage(route)
    if (!config) return
    const record: PageRecord = {
      route,
      query,
      view: new PageView({}, this.templates, this.hiddenClasses),
      setData: [],
      loadedAt: performance.now(),
      unloaded: false,
    }
    const instance: PageInstance = {
      ...config,
      route,
      options: { ...query },
      data: record.view.data,
      setData: (payload, cb) => this.setData(record, payload, cb),
    }
    applySetData(instance.data, JSON.parse(JSON.stringify(config.data ?? {})) as Record<string, unknown>)
    this.pages.push({ instance, record })
    this.history.push(record)
    this.lifecycle(instance, 'onLoad', this.realm.JSON.parse(JSON.stringify(query)))
    this.lifecycle(instance, 'onShow')
    this.preload(route)
    const t = setTimeout(() => {
      this.timers.delete(t)
      if (!record.unloaded) this.lifecycle(instance, 'onReady')
    }, 0)
    this.timers.add(t)
  }

  private preload(route: string): void {
    for (const pkg of this.appJson.preloadRule?.[route]?.packages ?? []) {
      const root = this.appJson.subPackages?.find((s) => s.root === pkg || s.root.replace(/\/$/, '') === pkg.replace(/\/$/, ''))?.root
      if (!root) this.fail(`preloadRule of ${route} names ${pkg}, which is not a subpackage`)
      else if (!this.log.preloaded.includes(root) && !this.downloadedPackages.has(root)) this.log.preloaded.push(root)
    }
  }

  private setData(record: PageRecord, payload: Record<string, unknown>, cb?: () => void): void {
    const problem = jsonProblem(payload, 'setData')
    if (problem) this.fail(`${record.route}: setData payload is not JSON-safe: ${problem}`)
    const json = JSON.stringify(payload)
    const bytes = Buffer.byteLength(json)
    if (bytes > SET_DATA_LIMIT) this.fail(`${record.route}: one setData of ${(bytes / 1024).toFixed(1)} KB (limit ${SET_DATA_LIMIT / 1024} KB)`)
    record.setData.push({ bytes, at: performance.now() - record.loadedAt })
    // the view layer gets a serialised copy, as WeChat sends it across
    applySetData(record.view.data, JSON.parse(json) as Record<string, unknown>)
    if (cb) {
      const t = setTimeout(() => {
        this.timers.delete(t)
        this.callApp(`${record.route} setData callback`, cb)
      }, 0)
      this.timers.add(t)
    }
  }

  // ---------- the native bar ----------

  /** what WeChat's navigation bar shows for the top page: title, a back arrow, a home button */
  navigationBar(): { title: string; back: boolean; home: boolean } {
    const top = this.page
    const json = path.join(this.distDir, `${top.route}.json`)
    const pageTitle = fs.existsSync(json) ? (JSON.parse(fs.readFileSync(json, 'utf8')) as { navigationBarTitleText?: string }).navigationBarTitleText : undefined
    const title = this.state.titles.get(top.route) ?? pageTitle ?? this.appJson.window?.navigationBarTitleText ?? ''
    const alone = this.pages.length === 1
    const home = alone && top.route !== this.appJson.pages[0] && !this.isTab(top.route) && !this.state.homeHidden.has(top.route) && !this.singlePageMode()
    return { title, back: this.pages.length > 1, home }
  }

  /** the bar's back arrow (or Android's back key) */
  async tapBack(): Promise<void> {
    if (!this.navigationBar().back) throw new Error(`no back arrow on ${this.page.route}`)
    await this.back(1)
  }

  /** the bar's home button, shown when a page other than home is alone on the stack */
  async tapHome(): Promise<void> {
    if (!this.navigationBar().home) throw new Error(`no home button on ${this.page.route}`)
    await this.open(this.appJson.tabBar?.list[0]?.pagePath ?? this.appJson.pages[0], 'reLaunch')
  }

  // ---------- reading the page ----------

  /** the top page's visible text, one block per line */
  text(): string {
    return this.page.view.visibleText()
  }

  /** the level-1 heading's name on the top page */
  heading(): string | undefined {
    return this.page.view.allByRole('heading').find((h) => (h.node.ariaLevel ?? 1) === 1 || h.node.ariaLevel === '1')?.name
  }

  /** elements with this visible text (innermost), inside `within` when given */
  allByText(m: TextMatcher, within?: WxElement): WxElement[] {
    return this.page.view.allByText(m, this.fresh(within))
  }

  /** elements with this role and accessible name, inside `within` when given */
  allByRole(role: string, name?: TextMatcher, within?: WxElement): WxElement[] {
    return this.page.view.allByRole(role, name, this.fresh(within))
  }

  /** the element whose id (the `id` prop) is `id`, if it is on the page now */
  queryById(id: string): WxElement | undefined {
    const n = this.page.view.byId(id)
    return n && this.page.view.element(n)
  }

  /** the element whose id is `id`, once it is on the page */
  async getById(id: string, timeoutMs?: number): Promise<WxElement> {
    return this.waitFor(() => this.queryById(id), `#${id}`, timeoutMs)
  }

  /** the current node of an element found earlier (setData replaces nodes) */
  private fresh(el?: WxElement): import('./view').ViewNode | undefined {
    if (!el) return undefined
    const trail = this.page.view.path(el.sid)
    if (!trail) throw new Error(`the element ${el.tag} "${el.name}" is no longer on ${this.page.route}`)
    return trail[trail.length - 1]
  }

  /** waits until `ok` holds (polling every 20 ms); throws with the page's text after `timeoutMs` */
  async waitFor<T>(ok: () => T | undefined | false, what: string, timeoutMs = 8000): Promise<T> {
    const end = Date.now() + timeoutMs
    for (;;) {
      if (this.pages.length) {
        const v = ok()
        if (v) return v
      }
      if (Date.now() > end) {
        const where = this.pages.length ? `${this.page.route}:\n${this.text()}` : 'no page'
        throw new Error(`timed out waiting for ${what}. Page ${where}${this.problems.length ? `\nFailures:\n- ${this.problems.join('\n- ')}` : ''}`)
      }
      await new Promise((r) => setTimeout(r, 20))
    }
  }

  /** waits for exactly one element with this role and name */
  async getByRole(role: string, name?: TextMatcher, within?: WxElement, timeoutMs?: number): Promise<WxElement> {
    return this.waitFor(() => this.one(this.allByRole(role, name, within), `${role} "${String(name ?? '')}"`), `${role} "${String(name ?? '')}"`, timeoutMs)
  }

  /**
   * waits until the top page has rendered and the app is quiet: no request on its way and no setData for
   * `quietMs` (debounced work such as the draft sync may still be pending)
   */
  async idle(quietMs = 100, timeoutMs = 8000): Promise<void> {
    await this.waitFor(() => {
      const page = this.page
      const last = page.setData[page.setData.length - 1]
      const busy = this.log.requests.some((r) => r.status === undefined && r.error === undefined)
      return last !== undefined && !busy && performance.now() - (page.loadedAt + last.at) >= quietMs
    }, 'the app to be idle', timeoutMs)
  }

  /** waits until at least one element has this role and name; returns them all */
  async getAllByRole(role: string, name?: TextMatcher, within?: WxElement, timeoutMs?: number): Promise<WxElement[]> {
    return this.waitFor(() => {
      const all = this.allByRole(role, name, within)
      return all.length > 0 && all
    }, `${role} "${String(name ?? '')}"`, timeoutMs)
  }

  /** waits for exactly one element with this visible text */
  async getByText(m: TextMatcher, within?: WxElement, timeoutMs?: number): Promise<WxElement> {
    return this.waitFor(() => this.one(this.allByText(m, within), `text "${String(m)}"`), `text "${String(m)}"`, timeoutMs)
  }

  async waitForText(m: TextMatcher, timeoutMs?: number): Promise<void> {
    await this.waitFor(() => (typeof m === 'string' ? this.text().includes(m) : m.test(this.text())), `text "${String(m)}"`, timeoutMs)
  }

  /** waits until the top page is `route` with a level-1 heading (matching `heading` when given) */
  async waitForPage(route: string, heading?: TextMatcher, timeoutMs?: number): Promise<void> {
    await this.waitFor(() => {
      if (this.page.route !== route) return false
      const h = this.heading()
      return h !== undefined && (heading === undefined || matches(h, heading))
    }, `page ${route}${heading ? ` with heading "${String(heading)}"` : ''}`, timeoutMs)
  }

  private one(found: WxElement[], what: string): WxElement | undefined {
    if (found.length > 1) throw new Error(`${found.length} elements match ${what} on ${this.page.route}: ${found.map((e) => `${e.tag}[${e.role ?? ''}] "${e.name}"`).join('; ')}`)
    return found[0]
  }

  // ---------- acting ----------

  /**
   * A tap on an element (or the one button with this name): WeChat delivers `tap` to the element and each
   * ancestor bound to it; a button's open-type then does its part (phone number, privacy agreement, share).
   */
  async tap(target: WxElement | TextMatcher): Promise<void> {
    if (target === undefined || target === null) throw new Error('tap: no element given')
    const el = typeof target === 'object' && 'sid' in target ? target : await this.getByRole('button', target)
    const trail = this.trail(el)
    this.tapDepth++
    try {
      this.dispatch('tap', trail, { x: 0, y: 0 })
    } finally {
      this.tapDepth--
    }
    const button = [...trail].reverse().find((n) => this.page.view.tagOf(n) === 'button')
    const openType = button ? this.page.view.attribute(button, 'open-type') : undefined
    // WeChat carries on with the open-type by itself (it may wait for the privacy prompt): the tap is done
    if (button && openType) void this.openType(String(openType), trail.slice(0, trail.indexOf(button) + 1)).catch((e) => this.fail(`open-type ${String(openType)}: ${(e as Error).stack ?? e}`))
    await new Promise((r) => setTimeout(r, 0))
  }

  private async openType(openType: string, trail: import('./view').ViewNode[]): Promise<void> {
    const button = trail[trail.length - 1]
    const id = String(button.uid ?? button.sid)
    switch (openType) {
      case 'getPhoneNumber': {
        try {
          await this.privacyGate('getPhoneNumber')
        } catch {
          this.dispatch('getphonenumber', trail, { errMsg: 'getPhoneNumber:fail privacy permission is not authorized', errno: 104 })
          return
        }
        const code = this.account.phoneCode
        this.dispatch('getphonenumber', trail, code ? { errMsg: 'getPhoneNumber:ok', code } : { errMsg: 'getPhoneNumber:fail user deny' })
        return
      }
      case 'agreePrivacyAuthorization':
        // the tap is the agreement: WeChat records it and tells the button
        this.state.agreeTapped.add(id)
        this.account.privacyAgreed = true
        this.dispatch('agreeprivacyauthorization', trail, { errMsg: 'agreePrivacyAuthorization:ok' })
        return
      case 'share':
        this.share('chat', { from: 'button', target: { id } })
        return
      default:
        this.fail(`a button with open-type="${openType}" is not modelled by the harness`)
    }
  }

  /** types into an input as a person does: focus, one input event per character (replacing what was there), blur */
  async type(target: WxElement | TextMatcher, text: string): Promise<void> {
    const el = typeof target === 'object' && 'sid' in target ? target : await this.getByRole('textbox', target)
    if (el.tag !== 'input' && el.tag !== 'textarea') throw new Error(`cannot type into a ${el.tag}`)
    const trail = this.trail(el)
    this.dispatch('tap', trail, { x: 0, y: 0 })
    this.dispatch('focus', trail, { value: String(this.page.view.attribute(el.node, 'value') ?? ''), height: 0 })
    let value = ''
    this.dispatch('input', trail, { value, cursor: 0, keyCode: 8 })
    for (const ch of [...text]) {
      value += ch
      this.dispatch('input', trail, { value, cursor: value.length, keyCode: ch.charCodeAt(0) })
      await new Promise((r) => setTimeout(r, 0))
    }
    this.dispatch('blur', trail, { value, cursor: value.length })
    await new Promise((r) => setTimeout(r, 0))
  }

  /**
   * A date chosen in WeChat's date picker: the field (the picker's trigger, a button named by its label) is
   * tapped and the picker reports `change` with 'YYYY-MM-DD', as WeChat does on 确定.
   */
  async pickDate(label: TextMatcher, date: string, within?: WxElement): Promise<void> {
    const el = await this.getByRole('button', label, within)
    const trail = this.trail(el)
    const at = trail.map((n) => this.page.view.tagOf(n)).lastIndexOf('picker')
    if (at < 0) throw new Error(`pickDate: "${el.name}" is not inside a picker`)
    const picker = trail[at]
    if (this.page.view.attribute(picker, 'mode') !== 'date') throw new Error(`pickDate: the picker of "${el.name}" is not mode="date"`)
    const start = this.page.view.attribute(picker, 'start')
    const end = this.page.view.attribute(picker, 'end')
    // WeChat's picker cannot scroll past its bounds
    if ((typeof start === 'string' && start && date < start) || (typeof end === 'string' && end && date > end)) throw new Error(`pickDate: ${date} is outside the picker's ${String(start)} – ${String(end)}`)
    this.dispatch('tap', trail, { x: 0, y: 0 })
    this.dispatch('change', trail.slice(0, at + 1), { value: date })
    await new Promise((r) => setTimeout(r, 0))
  }

  /** the element's chain from the page root, looked up again now (it must still be on the page) */
  private trail(el: WxElement): import('./view').ViewNode[] {
    const trail = this.page.view.path(el.sid)
    if (!trail) throw new Error(`the element ${el.tag} "${el.name}" is no longer on ${this.page.route}`)
    return trail
  }

  /**
   * A finger drawn across the element with this id (a signature pad): touchstart at the first point, touchmove
   * through the rest, touchend; points are relative to the element, placed on screen at `rectOf` (else 0, 0).
   */
  async draw(id: string, points: [number, number][]): Promise<void> {
    const trail = this.trail(await this.getById(id))
    const box = this.state.rects[id] ?? { left: 0, top: 0 }
    const touch = ([x, y]: [number, number]) => ({ identifier: 0, clientX: box.left + x, clientY: box.top + y, pageX: box.left + x, pageY: box.top + y, x: box.left + x, y: box.top + y })
    points.forEach((p, i) => {
      const t = [touch(p)]
      this.dispatch(i === 0 ? 'touchstart' : 'touchmove', trail, {}, t)
    })
    this.dispatch('touchend', trail, {}, [], [touch(points[points.length - 1])])
    await this.idle()
  }

  /** places an element on the screen for createSelectorQuery (the harness has no layout) */
  rectOf(id: string, rect: { left: number; top: number; width: number; height: number }): void {
    this.state.rects[id] = rect
  }

  /** delivers one event as WeChat's view layer does: to the target, then (bubbling events) each bound ancestor */
  private dispatch(type: string, trail: import('./view').ViewNode[], detail: Record<string, unknown>, touches: object[] = [], changedTouches: object[] = touches): void {
    const top = this.top()
    if (!top) return
    const target = trail[trail.length - 1]
    const targetInfo = { id: String(target.uid ?? target.sid), dataset: { sid: target.sid } }
    const chain = BUBBLING.has(type) ? [...trail].reverse() : [target]
    for (const node of chain) {
      const t = top.record.view.template(node)
      if (!t) continue
      const caught = t.caught.has(type)
      if (t.bound.has(type) || caught) {
        const event = { type, timeStamp: Math.round(performance.now()), target: targetInfo, currentTarget: { id: String(node.uid ?? node.sid), dataset: { sid: node.sid } }, detail, mark: {}, touches, changedTouches }
        this.lifecycle(top.instance, 'eh', this.realm.JSON.parse(JSON.stringify(event)))
      }
      if (caught) break
    }
  }

  // ---------- what the test answers for the person ----------

  /** the next picker (chooseMedia / chooseMessageFile) returns these files, or is closed */
  willPick(files: TestFile[] | 'cancel'): void {
    this.state.files.push(files)
  }

  /** the next scanCode reads this text, or is closed */
  willScan(result: string | 'cancel'): void {
    this.state.scans.push(result)
  }

  /** the open modal, if any */
  modal(): import('./wx').RecordedModal | undefined {
    return this.state.openModals[0]?.modal
  }

  /** answers the open modal */
  async answerModal(answer: 'confirm' | 'cancel'): Promise<void> {
    const open = await this.waitFor(() => this.state.openModals[0], 'a modal to answer')
    this.state.openModals.shift()
    open.resolve(answer)
    await new Promise((r) => setTimeout(r, 0))
  }

  /**
   * The share menu of the top page: 转发 (chat) calls onShareAppMessage, 分享到朋友圈 (timeline) onShareTimeline.
   * Returns what WeChat would put on the card, or undefined when the page offers no such share.
   */
  share(kind: 'chat' | 'timeline', event: Record<string, unknown> = { from: 'menu' }): { title?: string; path?: string; query?: string } | undefined {
    const top = this.top()
    if (!top) throw new Error('no page is open')
    const hook = kind === 'chat' ? 'onShareAppMessage' : 'onShareTimeline'
    // WeChat offers 朋友圈 only to pages that can also be sent to a chat
    if (typeof top.instance[hook] !== 'function' || (kind === 'timeline' && typeof top.instance.onShareAppMessage !== 'function')) return undefined
    let result: unknown
    this.callApp(`${top.record.route} ${hook}`, () => {
      result = (top.instance[hook] as (e: unknown) => unknown).call(top.instance, this.realm.JSON.parse(JSON.stringify(event)))
    })
    const r = (result ?? {}) as { title?: string; path?: string; query?: string }
    return kind === 'chat' ? { title: r.title, path: r.path ?? `/${top.record.route}` } : { title: r.title, query: r.query ?? '' }
  }

  /** evaluates code in the app's realm (harness self-tests call wx as the app would) */
  evaluate(code: string): unknown {
    return this.realm.evaluate(code)
  }
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v)
  } catch {
    return String(v)
  }
}
