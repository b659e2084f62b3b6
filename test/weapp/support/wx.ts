// The `wx` object of the headless WeChat runtime: every API the app may call, each in one place, with WeChat's
// documented behaviour (developers.weixin.qq.com/miniprogram/dev/api). An API that is not here fails the test
// (see runtime.ts): new API use must be modelled before it is trusted.
//
// Conventions of WeChat kept here: asynchronous APIs call success/fail/complete with `errMsg: "<api>:ok"` or
// `"<api>:fail <reason>"` and return a Promise when given none of the three (base library ≥ 2.10.2; request and
// uploadFile return their task instead); results are made in the app's realm.
import http from 'node:http'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'

export const KiB = 1024
export const MiB = 1024 * KiB

/** WeChat's storage limits: 1 MB per key, 10 MB per mini-program and user. */
export const STORAGE_ITEM_LIMIT = 1 * MiB
export const STORAGE_TOTAL_LIMIT = 10 * MiB

/** A file the person picks in WeChat's picker (album, camera, or a chat's files). */
export interface TestFile {
  name: string
  bytes: Buffer
}

/**
 * Personal-information APIs behind WeChat's privacy authorisation (隐私保护指引, base library ≥ 2.32.3): calling
 * one before the person agreed raises `onNeedPrivacyAuthorization`. The getPhoneNumber button is one too.
 */
export const PRIVACY_APIS = new Set([
  'chooseImage',
  'chooseMedia',
  'chooseVideo',
  'chooseMessageFile',
  'getLocation',
  'getFuzzyLocation',
  'chooseLocation',
  'chooseAddress',
  'getClipboardData',
  'getPhoneNumber',
])

/** What the stubs need from the runtime. */
export interface WxHost {
  /** the platform the build's API base is served by in this test */
  platformUrl: string
  /** the origin the build calls (its API_BASE); any other origin is outside the request domain list */
  apiOrigin: string
  storage: WxStorage
  device: Device
  account: WechatAccount
  log: WxLog
  /** records a failure of the test (an API misused, something the harness cannot answer) */
  fail(message: string): void
  /** runs app code called back by WeChat; an exception there is the app's (WeChat reports it to onError) */
  callback(fn: () => void): void
  /** a value made in the app's realm (plain data only) */
  toApp<T>(value: T): T
  /** an Error of the app's realm */
  appError(message: string): Error
  /** the app realm's Promise constructor */
  AppPromise: PromiseConstructor
  navigation: Navigation
  /** true while WeChat delivers a tap (APIs that need a user gesture check it) */
  inTap(): boolean
  /** the top page's route */
  currentRoute(): string | undefined
  /** whether the top page has an element with this id (selectors `#id` only) */
  hasElement(id: string): boolean
  /** the number of tabs in app.json's tabBar (0 without one) */
  tabCount(): number
  isTabPage(route: string): boolean
}

export interface Navigation {
  navigateTo(url: string): Promise<void>
  redirectTo(url: string): Promise<void>
  navigateBack(delta: number): Promise<void>
  reLaunch(url: string): Promise<void>
  switchTab(url: string): Promise<void>
}

/** The phone: screen, WeChat version and settings. */
export interface Device {
  platform: 'ios' | 'android' | 'devtools'
  system: string
  /** WeChat's font size setting in px: 17 is 标准; larger settings go up to about 28 (关怀模式 ≈ 23.8) */
  fontSizeSetting: number
  SDKVersion: string
  windowWidth: number
  windowHeight: number
  pixelRatio: number
  statusBarHeight: number
}

export const DEFAULT_DEVICE: Device = {
  platform: 'ios',
  system: 'iOS 14.0',
  fontSizeSetting: 17,
  SDKVersion: '3.5.8',
  windowWidth: 375,
  windowHeight: 812,
  pixelRatio: 3,
  statusBarHeight: 44,
}

/** The person's WeChat: what login and the phone-number button give, whether they agreed to the privacy guide. */
export interface WechatAccount {
  /** what wx.login's code stands for at the mock (a fixture code of mock/fixtures/users.ts) */
  loginCode: string
  /** what the phone-number button's code stands for at the mock; undefined = the person refuses */
  phoneCode?: string
  /** the person agreed to this mini-program's privacy guide (remembered by WeChat across launches) */
  privacyAgreed: boolean
}

export interface RecordedRequest {
  api: 'request' | 'uploadFile'
  method: string
  /** the URL as the app gave it */
  url: string
  /** path and query at the platform */
  path: string
  status?: number
  error?: string
  header: Record<string, string>
  /** request body as text (uploads: the form fields) */
  body?: string
  /** the answer's Content-Encoding on the wire (WeChat asks for gzip and hands the page the decoded body) */
  encoding?: string
}

export interface RecordedModal {
  title: string
  content: string
  showCancel: boolean
  confirmText: string
  cancelText: string
  /** set once the test answered */
  answer?: 'confirm' | 'cancel'
}

/** What WeChat shows and does that a test reads back. */
export class WxLog {
  requests: RecordedRequest[] = []
  toasts: { title: string; icon: string }[] = []
  loading: { title: string; shown: boolean }[] = []
  modals: RecordedModal[] = []
  clipboard: string[] = []
  /** wx.pageScrollTo calls: to a selector or an offset */
  scrolls: { selector?: string; scrollTop?: number }[] = []
  /** APIs called, in order (name only) */
  calls: string[] = []
  privacyPrompts: { referrer: string; answer?: 'agree' | 'disagree' }[] = []
  privacyContractOpened = 0
  subscribeRequests: { tmplIds: string[] }[] = []
  scans: { onlyFromCamera: boolean }[] = []
  /** wx.makePhoneCall: the numbers WeChat offered to call */
  phoneCalls: string[] = []
  /** subpackages WeChat downloaded ahead (preloadRule) */
  preloaded: string[] = []
}

/** wx storage: values kept as JSON, limits enforced as WeChat documents them (UTF-8 bytes of key + JSON). */
export class WxStorage {
  private readonly items = new Map<string, string>()

  constructor(initial: Record<string, unknown> = {}) {
    for (const [k, v] of Object.entries(initial)) this.set(k, v)
  }

  static sizeOf(key: string, json: string): number {
    return Buffer.byteLength(key) + Buffer.byteLength(json)
  }

  get currentBytes(): number {
    let n = 0
    for (const [k, v] of this.items) n += WxStorage.sizeOf(k, v)
    return n
  }

  /** throws WeChat's messages when a limit would be passed */
  set(key: string, value: unknown): void {
    if (typeof key !== 'string' || key === '') throw new Error('setStorageSync:fail parameter error: key should be a non-empty string')
    const json = JSON.stringify(value === undefined ? '' : value)
    const size = WxStorage.sizeOf(key, json)
    if (size > STORAGE_ITEM_LIMIT) throw new Error('setStorageSync:fail exceed storage item max length')
    const others = this.currentBytes - (this.items.has(key) ? WxStorage.sizeOf(key, this.items.get(key) as string) : 0)
    if (others + size > STORAGE_TOTAL_LIMIT) throw new Error('setStorageSync:fail exceed storage max size 10MB')
    this.items.set(key, json)
  }

  /** the stored value, or '' when there is none (WeChat's answer for a missing key) */
  get(key: string): unknown {
    const json = this.items.get(key)
    return json === undefined ? '' : JSON.parse(json)
  }

  remove(key: string): void {
    this.items.delete(key)
  }

  clear(): void {
    this.items.clear()
  }

  keys(): string[] {
    return [...this.items.keys()]
  }

  /** plain values, to start another runtime with the same storage */
  snapshot(): Record<string, unknown> {
    return Object.fromEntries([...this.items].map(([k, v]) => [k, JSON.parse(v)]))
  }
}

class WxFail extends Error {
  constructor(
    reason: string,
    readonly errno?: number,
  ) {
    super(reason)
  }
}

type Options = Record<string, unknown> & {
  success?: (res: unknown) => void
  fail?: (res: unknown) => void
  complete?: (res: unknown) => void
}

/** What the wx object and the runtime share: the test's queued picks, privacy listeners, open modals, the bar. */
export class WxState {
  /** next picks for chooseMedia / chooseMessageFile ('cancel' = the person closes the picker) */
  files: (TestFile[] | 'cancel')[] = []
  /** next results of scanCode */
  scans: (string | 'cancel')[] = []
  /** where elements are on screen, by id, for createSelectorQuery (the harness has no layout) */
  rects: Record<string, { left: number; top: number; width: number; height: number }> = {}
  /** temp path → file, as WeChat keeps picked files until the app ends */
  readonly temp = new Map<string, TestFile>()
  /** wx.onNeedPrivacyAuthorization listeners */
  readonly privacyListeners: ((resolve: (o: { event: string; buttonId?: string }) => void, info: { referrer: string }) => void)[] = []
  /** wx.onAppShow / wx.onAppHide listeners (the mini-program back in the foreground, or sent to the background) */
  readonly appShowListeners: ((o: object) => void)[] = []
  readonly appHideListeners: ((o: object) => void)[] = []
  /** ids of agreePrivacyAuthorization buttons tapped since the last prompt */
  readonly agreeTapped = new Set<string>()
  /** modals waiting for the test's answer */
  readonly openModals: { modal: RecordedModal; resolve: (a: 'confirm' | 'cancel') => void }[] = []
  /** route → title set by wx.setNavigationBarTitle */
  readonly titles = new Map<string, string>()
  /** routes whose home button was hidden (wx.hideHomeButton) */
  readonly homeHidden = new Set<string>()
  /** tab index → badge text (wx.setTabBarBadge) */
  readonly tabBadges = new Map<number, string>()
  private n = 0

  tempPath(file: TestFile): string {
    const p = `wxfile://tmp_${(++this.n).toString(36).padStart(6, '0')}${path.extname(file.name).toLowerCase()}`
    this.temp.set(p, file)
    return p
  }
}

/** Builds the wx object over the runtime (`host`) and the state it shares with it. */
export function createWx(host: WxHost, state: WxState): { wx: Record<string, unknown>; privacyGate: (api: string) => Promise<void> } {
  const { log } = host

  /** an asynchronous API: callbacks (or a Promise) with WeChat's errMsg */
  function asyncApi(api: string, opts: Options | undefined, run: () => Promise<object> | object): unknown {
    const o = opts ?? {}
    const settled = (async () => run())().then(
      (res) => ({ ok: true as const, res: { errMsg: `${api}:ok`, ...res } }),
      (e: unknown) => {
        if (!(e instanceof WxFail)) throw e
        return { ok: false as const, res: { errMsg: `${api}:fail ${e.message}`, ...(e.errno !== undefined ? { errno: e.errno } : {}) } }
      },
    )
    const deliver = settled.then(
      ({ ok, res }) =>
        new Promise<{ ok: boolean; res: object }>((resolve) =>
          host.callback(() => {
            try {
              if (ok) o.success?.(host.toApp(res))
              else o.fail?.(host.toApp(res))
              o.complete?.(host.toApp(res))
            } finally {
              resolve({ ok, res })
            }
          }),
        ),
      (e: unknown) => {
        host.fail(`wx.${api} stub crashed: ${(e as Error).stack ?? e}`)
        return { ok: false, res: { errMsg: `${api}:fail harness error` } }
      },
    )
    if (o.success || o.fail || o.complete) return undefined
    return new host.AppPromise((resolve, reject) => {
      void deliver.then(({ ok, res }) => (ok ? resolve(host.toApp(res)) : reject(host.toApp(res))))
    })
  }

  /** a privacy API: runs only once the person agreed, through the app's onNeedPrivacyAuthorization listener */
  async function privacyGate(api: string): Promise<void> {
    if (host.account.privacyAgreed) return
    const listener = state.privacyListeners[state.privacyListeners.length - 1]
    if (!listener) {
      host.fail(`wx.${api} needs the person's privacy agreement, and the app registered no wx.onNeedPrivacyAuthorization listener: WeChat would show its own popup`)
      throw new WxFail('privacy permission is not authorized', 104)
    }
    const prompt: { referrer: string; answer?: 'agree' | 'disagree' } = { referrer: api }
    log.privacyPrompts.push(prompt)
    state.agreeTapped.clear()
    const answer = await new Promise<{ event: string; buttonId?: string }>((resolve) => {
      host.callback(() =>
        listener(
          (o) => {
            if (o && o.event !== 'exposureAuthorization') resolve({ event: o.event, buttonId: o.buttonId })
          },
          host.toApp({ referrer: api }),
        ),
      )
    })
    if (answer.event === 'agree') {
      // the base library checks that the person really tapped the agree button
      if (!answer.buttonId || !state.agreeTapped.has(answer.buttonId)) {
        host.fail(`resolve({event:'agree', buttonId:'${answer.buttonId}'}) without a tap on an agreePrivacyAuthorization button of that id`)
        throw new WxFail('privacy permission is not authorized', 104)
      }
      prompt.answer = 'agree'
      host.account.privacyAgreed = true
      return
    }
    prompt.answer = 'disagree'
    throw new WxFail('privacy permission is not authorized', 104)
  }

  function platformUrl(api: string, url: unknown): URL {
    if (typeof url !== 'string') throw new WxFail('parameter error: url should be a string')
    let parsed: URL
    try {
      parsed = new URL(url)
    } catch {
      throw new WxFail(`invalid url "${url}"`)
    }
    if (parsed.origin !== host.apiOrigin) {
      host.fail(`wx.${api} to ${parsed.origin}, which is not the build's API origin ${host.apiOrigin} (not in the request domain list)`)
      throw new WxFail('url not in domain list')
    }
    return new URL(parsed.pathname + parsed.search, host.platformUrl)
  }

  /** one HTTP exchange with the platform; resolves with status, headers and body bytes (decoded, as WeChat does) */
  function exchange(target: URL, method: string, headers: Record<string, string>, body: Buffer | undefined, timeoutMs: number, signal: { abort?: () => void }) {
    return new Promise<{ status: number; headers: Record<string, string>; body: Buffer; encoding?: string }>((resolve, reject) => {
      const asked = Object.keys(headers).some((k) => k.toLowerCase() === 'accept-encoding')
      const sent = { ...(asked ? {} : { 'Accept-Encoding': 'gzip' }), ...headers, ...(body ? { 'Content-Length': String(body.length) } : {}) }
      const req = http.request(target, { method, headers: sent }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          clearTimeout(timer)
          const h: Record<string, string> = {}
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) h[k] = Array.isArray(v) ? v.join(', ') : v
          const encoding = res.headers['content-encoding']
          let data = Buffer.concat(chunks)
          if (encoding === 'gzip') {
            try {
              data = gunzipSync(data)
            } catch (e) {
              reject(new WxFail(`bad gzip body: ${(e as Error).message}`))
              return
            }
          }
          resolve({ status: res.statusCode ?? 0, headers: h, body: data, encoding })
        })
        res.on('error', (e) => reject(new WxFail(e.message)))
      })
      const timer = setTimeout(() => {
        req.destroy()
        reject(new WxFail('timeout'))
      }, timeoutMs)
      signal.abort = () => {
        clearTimeout(timer)
        req.destroy()
        reject(new WxFail('abort'))
      }
      req.on('error', (e) => {
        clearTimeout(timer)
        reject(new WxFail(e.message))
      })
      req.end(body)
    })
  }

  const stringHeaders = (h: unknown): Record<string, string> =>
    Object.fromEntries(Object.entries((h as Record<string, unknown>) ?? {}).map(([k, v]) => [k, String(v)]))

  const navigation = (api: keyof Navigation, o: Options | undefined, arg: string | number) =>
    asyncApi(api, o, async () => {
      try {
        await (host.navigation[api] as (a: string | number) => Promise<void>)(arg)
      } catch (e) {
        throw new WxFail((e as Error).message)
      }
      return {}
    })

  const windowInfo = () => {
    const d = host.device
    return {
      pixelRatio: d.pixelRatio,
      screenWidth: d.windowWidth,
      screenHeight: d.windowHeight,
      windowWidth: d.windowWidth,
      windowHeight: d.windowHeight - d.statusBarHeight - 44,
      statusBarHeight: d.statusBarHeight,
      screenTop: d.statusBarHeight + 44,
      safeArea: { left: 0, right: d.windowWidth, top: d.statusBarHeight, bottom: d.windowHeight - 34, width: d.windowWidth, height: d.windowHeight - d.statusBarHeight - 34 },
    }
  }

  const wx = {
    /** read by Taro at start; USER_DATA_PATH is WeChat's folder for the mini-program's own files */
    env: { USER_DATA_PATH: 'wxfile://usr' },

    // ---------- storage (1 MB a key, 10 MB in all) ----------
    getStorageSync: (key: string) => host.toApp(host.storage.get(key)),
    setStorageSync(key: string, value: unknown) {
      log.calls.push('setStorageSync')
      try {
        host.storage.set(key, value)
      } catch (e) {
        throw host.appError((e as Error).message)
      }
    },
    removeStorageSync: (key: string) => host.storage.remove(key),
    clearStorageSync: () => host.storage.clear(),
    getStorageInfoSync: () =>
      host.toApp({ keys: host.storage.keys(), currentSize: Math.ceil(host.storage.currentBytes / KiB), limitSize: STORAGE_TOTAL_LIMIT / KiB }),

    // ---------- network (the mock platform on loopback) ----------
    request(o: Options) {
      log.calls.push('request')
      const method = String(o.method ?? 'GET').toUpperCase()
      const headers = stringHeaders(o.header)
      const record: RecordedRequest = { api: 'request', method, url: String(o.url), path: '', header: headers }
      log.requests.push(record)
      const signal: { abort?: () => void } = {}
      asyncApi('request', o, async () => {
        const target = platformUrl('request', o.url)
        let body: Buffer | undefined
        if (o.data !== undefined && o.data !== null) {
          if (method === 'GET') {
            for (const [k, v] of Object.entries(o.data as Record<string, unknown>)) target.searchParams.set(k, String(v))
          } else {
            body = Buffer.from(typeof o.data === 'string' ? o.data : JSON.stringify(o.data))
            if (!Object.keys(headers).some((k) => k.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json'
          }
        }
        record.path = target.pathname + target.search
        record.body = body?.toString('utf8')
        try {
          const res = await exchange(target, method, headers, body, Number(o.timeout ?? 60000), signal)
          record.status = res.status
          record.encoding = res.encoding
          const text = res.body.toString('utf8')
          let data: unknown = text
          if (o.responseType === 'arraybuffer') data = undefined
          else if ((o.dataType ?? 'json') === 'json') {
            try {
              data = JSON.parse(text)
            } catch {
              data = text
            }
          }
          return { statusCode: res.status, header: res.headers, data, cookies: [] }
        } catch (e) {
          record.error = (e as Error).message
          throw e
        }
      })
      return { abort: () => signal.abort?.(), onHeadersReceived() {}, offHeadersReceived() {} }
    },

    uploadFile(o: Options) {
      log.calls.push('uploadFile')
      const headers = stringHeaders(o.header)
      const record: RecordedRequest = { api: 'uploadFile', method: 'POST', url: String(o.url), path: '', header: headers }
      log.requests.push(record)
      const signal: { abort?: () => void } = {}
      const progress: ((p: { progress: number; totalBytesSent: number; totalBytesExpectedToSend: number }) => void)[] = []
      asyncApi('uploadFile', o, async () => {
        const target = platformUrl('uploadFile', o.url)
        record.path = target.pathname + target.search
        const file = state.temp.get(String(o.filePath))
        if (!file) throw new WxFail(`file not found: ${String(o.filePath)} is not a temp file WeChat gave the app`)
        const fields = stringHeaders(o.formData)
        record.body = JSON.stringify(fields)
        // WeChat names the part after the temp file (wxfile://tmp_….pdf), not the name the person saw
        const boundary = `----wxharness${Date.now().toString(16)}`
        const parts: Buffer[] = []
        for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`))
        parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${String(o.name ?? 'file')}"; filename="${path.posix.basename(String(o.filePath))}"\r\nContent-Type: application/octet-stream\r\n\r\n`))
        parts.push(file.bytes, Buffer.from(`\r\n--${boundary}--\r\n`))
        const body = Buffer.concat(parts)
        const res = await exchange(target, 'POST', { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` }, body, Number(o.timeout ?? 60000), signal)
        record.status = res.status
        for (const cb of progress) host.callback(() => cb(host.toApp({ progress: 100, totalBytesSent: body.length, totalBytesExpectedToSend: body.length })))
        return { statusCode: res.status, data: res.body.toString('utf8') }
      })
      return {
        abort: () => signal.abort?.(),
        onProgressUpdate: (cb: (typeof progress)[number]) => progress.push(cb),
        offProgressUpdate: () => progress.splice(0),
        onHeadersReceived() {},
        offHeadersReceived() {},
      }
    },

    // ---------- identity ----------
    login: (o?: Options) => {
      log.calls.push('login')
      return asyncApi('login', o, () => ({ code: host.account.loginCode }))
    },

    // ---------- app life (base library ≥ 2.1.2) ----------
    onAppShow(listener: (o: object) => void) {
      state.appShowListeners.push(listener)
    },
    onAppHide(listener: (o: object) => void) {
      state.appHideListeners.push(listener)
    },
    offAppShow(listener: (o: object) => void) {
      const i = state.appShowListeners.indexOf(listener)
      if (i >= 0) state.appShowListeners.splice(i, 1)
    },
    offAppHide(listener: (o: object) => void) {
      const i = state.appHideListeners.indexOf(listener)
      if (i >= 0) state.appHideListeners.splice(i, 1)
    },

    // ---------- privacy (base library ≥ 2.32.3) ----------
    onNeedPrivacyAuthorization(listener: WxState['privacyListeners'][number]) {
      state.privacyListeners.push(listener)
    },
    getPrivacySetting: (o?: Options) =>
      asyncApi('getPrivacySetting', o, () => ({ needAuthorization: !host.account.privacyAgreed, privacyContractName: '《湖南一件事一次办小程序隐私保护指引》' })),
    requirePrivacyAuthorize: (o?: Options) =>
      asyncApi('requirePrivacyAuthorize', o, async () => {
        await privacyGate('requirePrivacyAuthorize')
        return {}
      }),
    openPrivacyContract: (o?: Options) =>
      asyncApi('openPrivacyContract', o, () => {
        log.privacyContractOpened++
        return {}
      }),

    // ---------- picking files ----------
    chooseMedia: (o: Options) =>
      asyncApi('chooseMedia', o, async () => {
        log.calls.push('chooseMedia')
        await privacyGate('chooseMedia')
        const pick = state.files.shift()
        if (!pick) {
          host.fail('wx.chooseMedia opened the picker, but the test queued no pick (runtime.willPick)')
          throw new WxFail('cancel')
        }
        if (pick === 'cancel') throw new WxFail('cancel')
        const types = (o.mediaType as string[] | undefined) ?? ['image', 'video']
        for (const f of pick) {
          const image = /\.(jpe?g|png|heic|heif|gif|webp)$/i.test(f.name)
          if (!(image ? types.includes('image') : types.includes('video') && /\.(mp4|mov)$/i.test(f.name))) host.fail(`wx.chooseMedia (mediaType ${types.join(',')}) cannot pick ${f.name}`)
        }
        if (pick.length > Number(o.count ?? 9)) host.fail(`wx.chooseMedia allows ${String(o.count ?? 9)} files; the test picked ${pick.length}`)
        return { type: 'image', tempFiles: pick.map((f) => ({ tempFilePath: state.tempPath(f), size: f.bytes.length, fileType: 'image' })) }
      }),
    chooseMessageFile: (o: Options) =>
      asyncApi('chooseMessageFile', o, async () => {
        log.calls.push('chooseMessageFile')
        await privacyGate('chooseMessageFile')
        const pick = state.files.shift()
        if (!pick) {
          host.fail('wx.chooseMessageFile opened the picker, but the test queued no pick (runtime.willPick)')
          throw new WxFail('cancel')
        }
        if (pick === 'cancel') throw new WxFail('cancel')
        const extensions = (o.extension as string[] | undefined)?.map((e) => e.toLowerCase().replace(/^\./, ''))
        for (const f of pick) {
          const ext = path.extname(f.name).slice(1).toLowerCase()
          if (extensions && !extensions.includes(ext)) host.fail(`wx.chooseMessageFile (extension ${extensions.join(',')}) cannot pick ${f.name}`)
        }
        if (pick.length > Number(o.count ?? 1)) host.fail(`wx.chooseMessageFile allows ${String(o.count ?? 1)} files; the test picked ${pick.length}`)
        return { tempFiles: pick.map((f) => ({ path: state.tempPath(f), size: f.bytes.length, name: f.name, type: 'file', time: Math.floor(Date.now() / 1000) })) }
      }),

    // ---------- what WeChat shows (recorded) ----------
    showToast: (o: Options) =>
      asyncApi('showToast', o, () => {
        log.toasts.push({ title: String(o.title ?? ''), icon: String(o.icon ?? 'success') })
        return {}
      }),
    hideToast: (o?: Options) => asyncApi('hideToast', o, () => ({})),
    showLoading: (o: Options) =>
      asyncApi('showLoading', o, () => {
        log.loading.push({ title: String(o.title ?? ''), shown: true })
        return {}
      }),
    hideLoading: (o?: Options) =>
      asyncApi('hideLoading', o, () => {
        const last = log.loading[log.loading.length - 1]
        if (last) last.shown = false
        return {}
      }),
    showModal: (o: Options) =>
      asyncApi('showModal', o, async () => {
        const modal: RecordedModal = {
          title: String(o.title ?? ''),
          content: String(o.content ?? ''),
          showCancel: o.showCancel !== false,
          confirmText: String(o.confirmText ?? '确定'),
          cancelText: String(o.cancelText ?? '取消'),
        }
        log.modals.push(modal)
        // open until the test answers it (runtime.answerModal)
        const answer = await new Promise<'confirm' | 'cancel'>((resolve) => state.openModals.push({ modal, resolve }))
        modal.answer = answer
        return { confirm: answer === 'confirm', cancel: answer === 'cancel' }
      }),
    setClipboardData: (o: Options) =>
      asyncApi('setClipboardData', o, () => {
        log.clipboard.push(String(o.data))
        log.toasts.push({ title: '内容已复制', icon: 'success' })
        return {}
      }),
    pageScrollTo: (o: Options) =>
      asyncApi('pageScrollTo', o, () => {
        if (o.selector !== undefined) {
          const selector = String(o.selector)
          // the harness answers id selectors only; WeChat fails when nothing matches
          if (!/^#[\w-]+$/.test(selector)) host.fail(`wx.pageScrollTo selector "${selector}" is not modelled (use #id)`)
          if (!host.hasElement(selector.slice(1))) throw new WxFail(`${selector} not found`)
          log.scrolls.push({ selector })
        } else log.scrolls.push({ scrollTop: Number(o.scrollTop ?? 0) })
        return {}
      }),
    setNavigationBarTitle: (o: Options) =>
      asyncApi('setNavigationBarTitle', o, () => {
        state.titles.set(host.currentRoute() ?? '', String(o.title))
        return {}
      }),
    hideHomeButton: (o?: Options) =>
      asyncApi('hideHomeButton', o, () => {
        state.homeHidden.add(host.currentRoute() ?? '')
        return {}
      }),
    showShareMenu: (o?: Options) => asyncApi('showShareMenu', o, () => ({})),
    makePhoneCall: (o: Options) =>
      asyncApi('makePhoneCall', o, () => {
        const n = String(o.phoneNumber ?? '')
        if (!/^[\d-]{3,20}$/.test(n)) throw new WxFail('parameter error: parameter.phoneNumber should be a phone number')
        // WeChat asks the person first; the harness's person always calls
        log.phoneCalls.push(n)
        return {}
      }),
    // the tab bar's badge: WeChat refuses it on a page that is not a tab page, and for an index out of range
    setTabBarBadge: (o: Options) =>
      asyncApi('setTabBarBadge', o, () => {
        const i = Number(o.index)
        if (!host.isTabPage(host.currentRoute() ?? '')) throw new WxFail('not TabBar page')
        if (!(i >= 0 && i < host.tabCount())) throw new WxFail('tabbar item not found')
        state.tabBadges.set(i, String(o.text ?? ''))
        return {}
      }),
    removeTabBarBadge: (o: Options) =>
      asyncApi('removeTabBarBadge', o, () => {
        const i = Number(o.index)
        if (!host.isTabPage(host.currentRoute() ?? '')) throw new WxFail('not TabBar page')
        if (!(i >= 0 && i < host.tabCount())) throw new WxFail('tabbar item not found')
        state.tabBadges.delete(i)
        return {}
      }),

    // ---------- navigation (stack of at most 10 pages) ----------
    navigateTo: (o: Options) => navigation('navigateTo', o, String(o.url)),
    redirectTo: (o: Options) => navigation('redirectTo', o, String(o.url)),
    navigateBack: (o?: Options) => navigation('navigateBack', o, Number(o?.delta ?? 1)),
    reLaunch: (o: Options) => navigation('reLaunch', o, String(o.url)),
    switchTab: (o: Options) => navigation('switchTab', o, String(o.url)),

    // ---------- the phone ----------
    getWindowInfo: () => host.toApp(windowInfo()),
    getAppBaseInfo: () =>
      host.toApp({
        SDKVersion: host.device.SDKVersion,
        enableDebug: false,
        host: { appId: 'wx-harness' },
        language: 'zh_CN',
        version: '8.0.50',
        theme: 'light',
        fontSizeSetting: host.device.fontSizeSetting,
      }),
    getDeviceInfo: () => host.toApp({ platform: host.device.platform, system: host.device.system, brand: 'harness', model: 'harness', pixelRatio: host.device.pixelRatio }),

    // ---------- messages and scanning ----------
    requestSubscribeMessage: (o: Options) =>
      asyncApi('requestSubscribeMessage', o, () => {
        const ids = (o.tmplIds as string[] | undefined) ?? []
        log.subscribeRequests.push({ tmplIds: ids })
        // WeChat only shows the dialog from a tap; elsewhere it fails
        if (!host.inTap()) throw new WxFail('can only be invoked by user TAP gesture.', 20004)
        if (!ids.length || ids.length > 3) throw new WxFail('Templates count out of max bounds', 20003)
        return Object.fromEntries(ids.map((id) => [id, 'accept']))
      }),
    // The harness has no layout: an element found by #id measures as a box the width of the window, 200 px
    // high, at the top-left (its `rectOf` says otherwise); anything else is reported as not modelled.
    createSelectorQuery: () => {
      const asked: { selector: string; cb?: (r: unknown) => void }[] = []
      const query = {
        in: () => query,
        select(selector: string) {
          if (!/^#[\w-]+$/.test(selector)) host.fail(`wx.createSelectorQuery().select("${selector}") is not modelled (use #id)`)
          return {
            boundingClientRect(cb?: (r: unknown) => void) {
              asked.push({ selector, cb })
              return query
            },
          }
        },
        exec(cb?: (results: unknown[]) => void) {
          const results = asked.map(({ selector }) => {
            const id = selector.slice(1)
            if (!host.hasElement(id)) return null
            const r = state.rects[id] ?? { left: 0, top: 0, width: host.device.windowWidth, height: 200 }
            return { id, dataset: {}, ...r, right: r.left + r.width, bottom: r.top + r.height }
          })
          host.callback(() => {
            asked.forEach((a, i) => a.cb?.(host.toApp(results[i])))
            cb?.(host.toApp(results) as unknown[])
          })
          return query
        },
      }
      return query
    },
    scanCode: (o: Options) =>
      asyncApi('scanCode', o, () => {
        log.scans.push({ onlyFromCamera: !!o.onlyFromCamera })
        const next = state.scans.shift()
        if (next === undefined) {
          host.fail('wx.scanCode opened the scanner, but the test queued no code (runtime.willScan)')
          throw new WxFail('cancel')
        }
        if (next === 'cancel') throw new WxFail('cancel')
        return { result: next, scanType: 'QR_CODE', charSet: 'utf-8', path: '', rawData: Buffer.from(next).toString('base64') }
      }),
  }
  return { wx, privacyGate }
}
