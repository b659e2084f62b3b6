// The headless WeChat runtime itself (test/weapp/support): the world it gives the build is WeChat's (no web
// globals, the oldest engine's built-ins), its wx stubs behave as WeChat documents, and it fails a test on what
// WeChat would refuse or report. Each test calls wx from inside the app's realm, as the app's code would.
import vm from 'node:vm'
import { startMockPlatform, type MockPlatform } from './support/platform'
import { WeappRuntime } from './support/runtime'

let platform: MockPlatform
let app: WeappRuntime

beforeAll(async () => {
  platform = await startMockPlatform()
})
afterAll(() => platform.stop())
beforeEach(async () => {
  app = await WeappRuntime.launch({ platformUrl: platform.url })
  await app.idle()
})
afterEach(() => app.close())

/** runs `code` in the app's realm with `done(value)` in scope; resolves with the value */
async function inApp<T>(code: string): Promise<T> {
  const key = `__r${Math.random().toString(36).slice(2)}`
  app.evaluate(`globalThis.${key} = { done: false }; (function (done) { ${code} })((v) => { globalThis.${key} = { done: true, value: JSON.parse(JSON.stringify(v === undefined ? null : v)) } })`)
  const r = await app.waitFor(() => {
    const box = app.evaluate(`globalThis.${key}`) as { done: boolean; value: T }
    return box.done && box
  }, 'the app-side code to finish', 5000)
  return r.value
}

test('no web globals, and no built-in newer than iOS 14.0', () => {
  const globals = ['window', 'document', 'fetch', 'XMLHttpRequest', 'localStorage', 'TextEncoder', 'URL', 'AbortController', 'crypto', 'process', 'Buffer', 'WeakRef', 'structuredClone']
  expect(app.evaluate(`[${globals.map((g) => `typeof ${g}`).join(', ')}]`)).toEqual(globals.map(() => 'undefined'))
  expect(app.evaluate('[typeof [].at, typeof Object.hasOwn, typeof [].findLast, typeof wx, typeof getCurrentPages]')).toEqual(['undefined', 'undefined', 'undefined', 'object', 'function'])
})

test("storage: WeChat's 1 MB per key and 10 MB in all are enforced; a missing key reads as ''", async () => {
  const r = await inApp<string[]>(`
    const out = [JSON.stringify(wx.getStorageSync('missing'))]
    try { wx.setStorageSync('big', 'x'.repeat(1024 * 1024)) } catch (e) { out.push(e.message) }
    const chunk = 'y'.repeat(900 * 1024)
    try { for (let i = 0; i < 12; i++) wx.setStorageSync('k' + i, chunk) } catch (e) { out.push(e.message) }
    out.push(String(wx.getStorageInfoSync().limitSize))
    done(out)`)
  expect(r).toEqual(['""', 'setStorageSync:fail exceed storage item max length', 'setStorageSync:fail exceed storage max size 10MB', '10240'])
  expect(app.storage.keys().filter((k) => k.startsWith('k'))).toHaveLength(11)
  expect(app.failures()).toEqual([])
})

test('navigation: at most 10 pages; back beyond the first stops there; an unknown page fails', async () => {
  const r = await inApp<string[]>(`
    const out = []
    const open = (n) => n === 0 ? Promise.resolve() : new Promise((ok) => wx.navigateTo({ url: '/pages/privacy/index?n=' + n, complete: (res) => { out.push(res.errMsg); ok() } })).then(() => open(n - 1))
    open(10).then(() => wx.navigateTo({ url: '/pages/nowhere/index', fail: (e) => { out.push(e.errMsg); done(out) } }))`)
  expect(r.slice(0, 9)).toEqual(Array(9).fill('navigateTo:ok'))
  expect(r[9]).toBe('navigateTo:fail webview count limit exceed')
  expect(r[10]).toBe('navigateTo:fail page "pages/nowhere/index" is not found')
  expect(app.stack()).toHaveLength(10)
  await inApp(`wx.navigateBack({ delta: 20, success: () => done(1) })`)
  expect(app.stack().map((p) => p.route)).toEqual(['pages/index/index'])
  expect(app.failures()).toEqual([])
})

test('an API the harness does not model fails the test', () => {
  app.evaluate('typeof wx.getLocation')
  expect(app.failures()).toEqual([expect.stringContaining('unknown wx API: wx.getLocation')])
})

test('console.error and an exception in a timer fail the test', async () => {
  app.evaluate(`console.error('boom'); setTimeout(() => { throw new Error('late') }, 0)`)
  await app.waitFor(() => app.failures().length >= 2, 'two failures')
  expect(app.failures()).toEqual([expect.stringContaining('console.error: boom'), expect.stringContaining('exception in a timer: Error: late')])
})

test('an unhandled rejection in the app fails the test', async () => {
  // jest fails a test on any unhandled rejection by itself: its listeners step aside while the harness's own
  // listener (used outside jest too, e.g. by the bench) is checked
  const real = vm.runInThisContext('process') as NodeJS.Process
  const jestListeners = real.listeners('unhandledRejection')
  real.removeAllListeners('unhandledRejection')
  const own = await WeappRuntime.launch({ platformUrl: platform.url })
  try {
    own.evaluate(`Promise.reject(new Error('nobody waits'))`)
    await own.waitFor(() => own.failures().length > 0, 'the rejection to be recorded')
    expect(own.failures()).toEqual([expect.stringContaining('unhandled rejection: Error: nobody waits')])
  } finally {
    await own.close()
    for (const l of jestListeners) real.on('unhandledRejection', l as (...a: unknown[]) => void)
  }
})

test('setData: a payload that is not JSON-safe, or over 256 KB, fails the test', () => {
  app.evaluate(`const p = getCurrentPages()[0]; p.setData({ a: undefined }); p.setData({ d: new Date(0) }); p.setData({ big: 'x'.repeat(300 * 1024) })`)
  expect(app.failures()).toEqual([
    expect.stringContaining('setData payload is not JSON-safe: setData.a is undefined'),
    expect.stringContaining('setData.d is a Date, not plain data'),
    expect.stringContaining('one setData of 300.0 KB (limit 256 KB)'),
  ])
})

test('request reaches the platform through the build\'s API origin only', async () => {
  const r = await inApp<unknown[]>(`
    const out = []
    wx.request({ url: 'http://127.0.0.1:3100/api/v1/health', dataType: 'json', success: (res) => {
      out.push(res.statusCode, res.data.ok)
      wx.request({ url: 'https://example.com/x', fail: (e) => { out.push(e.errMsg); done(out) } })
    } })`)
  expect(r).toEqual([200, true, 'request:fail url not in domain list'])
  expect(app.failures()).toEqual([expect.stringContaining('not in the request domain list')])
})

test('request: the platform gzips a large JSON answer, the page gets it decoded; a small one goes plain', async () => {
  const r = await inApp<unknown[]>(`
    wx.request({ url: 'http://127.0.0.1:3100/api/v1/bundles/kaiban-canyin', success: (big) => {
      wx.request({ url: 'http://127.0.0.1:3100/api/v1/health', success: (small) => done([big.statusCode, big.data.id, small.data.ok]) })
    } })`)
  expect(r).toEqual([200, 'kaiban-canyin', true])
  const asked = (p: string) => app.log.requests.filter((q) => q.path === p)
  expect(asked('/api/v1/bundles/kaiban-canyin').map((q) => q.encoding)).toEqual(['gzip'])
  expect(asked('/api/v1/health').map((q) => q.encoding)).toEqual([undefined])
})

test('pickers return the test\'s files as temp paths, refuse what they cannot pick, and uploadFile sends only temp files', async () => {
  app.account.privacyAgreed = true
  app.willPick([{ name: '照片.jpg', bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0]) }])
  const media = await inApp<{ tempFiles: { tempFilePath: string; size: number }[] }>(`wx.chooseMedia({ count: 1, mediaType: ['image'], success: done })`)
  expect(media.tempFiles).toEqual([{ tempFilePath: expect.stringMatching(/^wxfile:\/\/tmp_\w+\.jpg$/), size: 4, fileType: 'image' }])
  app.willPick('cancel')
  expect(await inApp(`wx.chooseMessageFile({ count: 1, fail: (e) => done(e.errMsg) })`)).toBe('chooseMessageFile:fail cancel')
  const upload = await inApp<string>(`wx.uploadFile({ url: 'http://127.0.0.1:3100/api/v1/uploads', filePath: '/etc/passwd', name: 'file', fail: (e) => done(e.errMsg) })`)
  expect(upload).toMatch(/^uploadFile:fail file not found/)
  app.willPick([{ name: '说明.pdf', bytes: Buffer.from('%PDF-1.4') }])
  await inApp(`wx.chooseMedia({ count: 1, mediaType: ['image'], complete: done })`)
  expect(app.failures()).toEqual([expect.stringContaining('wx.chooseMedia (mediaType image) cannot pick 说明.pdf')])
})

test('scanCode reads what the test queued; subscription requests need a tap', async () => {
  app.willScan('HN2026112600001')
  expect(await inApp(`wx.scanCode({ success: (r) => done(r.result) })`)).toBe('HN2026112600001')
  // outside a tap WeChat refuses to ask for subscriptions
  expect(await inApp(`wx.requestSubscribeMessage({ tmplIds: ['t1'], fail: (e) => done([e.errMsg, e.errno]) })`)).toEqual(['requestSubscribeMessage:fail can only be invoked by user TAP gesture.', 20004])
  expect(app.log.subscribeRequests).toEqual([{ tmplIds: ['t1'] }])
  expect(app.failures()).toEqual([])
})

test('the phone as the test set it up: window size and WeChat font size', async () => {
  const big = await WeappRuntime.launch({ platformUrl: platform.url, device: { fontSizeSetting: 24, windowWidth: 414 } })
  try {
    expect(big.evaluate('[wx.getAppBaseInfo().fontSizeSetting, wx.getWindowInfo().windowWidth]')).toEqual([24, 414])
  } finally {
    await big.close()
  }
})

test('showModal stays open until the test answers it', async () => {
  app.evaluate(`wx.showModal({ title: '提示', content: '确定删除草稿？', success: (r) => { globalThis.answer = r.confirm } })`)
  await app.waitFor(() => app.modal(), 'the modal')
  expect(app.modal()).toEqual(expect.objectContaining({ title: '提示', content: '确定删除草稿？', confirmText: '确定', cancelText: '取消' }))
  expect(app.evaluate('globalThis.answer')).toBeUndefined()
  await app.answerModal('confirm')
  await app.waitFor(() => app.evaluate('globalThis.answer') === true, 'the app to get the answer')
  expect(app.failures()).toEqual([])
})
