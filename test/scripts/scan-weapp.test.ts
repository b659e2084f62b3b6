// The WeChat build scan (scripts/scan-weapp.ts) on small pieces of shipped-looking code: what the oldest phone
// cannot parse, web globals WeChat lacks, Taro's stand-ins for them, code from strings.
import { scanSource, type Problem } from '../../scripts/scan-weapp'

const rules = (code: string, file = 'pages/x/index.js') => scanSource(code, file).map((p: Problem) => p.rule)
/** inside a webpack module function, whose parameters (require and friends) are the short names used here */
const inModule = (code: string, file?: string) => rules(`(function (e, t, n, r, o, b) { ${code} })`, file)

describe('syntax of iOS 14.0 (ES2021)', () => {
  test.each([
    ['a class field', 'class QrCode { modules = []; constructor() { this.modules.push(1) } }'],
    ['a static block', 'class A { static { A.x = 1 } }'],
    ['a private method', 'class A { #m() {} run() { this.#m() } }'],
    ['`#x in o`', 'class A { #x; static has(o) { return #x in o } }'],
    ['the regex d flag', 'const r = /a/d'],
  ])('%s fails the scan', (_, code) => {
    expect(rules(code)).toEqual(['syntax'])
  })

  test('ES2021 and older passes: optional chaining, ??, ??=, numeric separators, async, spread', () => {
    expect(rules('const o = {}; o.a ??= 1_000; const b = o?.c ?? [...[1]]; async function f() { await f() }')).toEqual([])
  })

  test('a regex lookbehind (iOS 16.4) fails', () => {
    expect(rules('const r = /(?<=node_modules)x/')).toEqual(['regex'])
  })

  test('built-ins newer than iOS 14.0 fail', () => {
    expect(rules('[1, 2].at(-1)')).toEqual(['newer-builtin'])
    expect(rules('Object.hasOwn({}, "a")')).toEqual(['newer-builtin'])
    expect(rules('new WeakRef({})')).toEqual(['newer-builtin'])
    expect(rules('typeof WeakRef !== "undefined" && new WeakRef({})')).toEqual([])
  })
})

describe('web globals', () => {
  test('an unguarded one fails, naming it', () => {
    const [p] = scanSource('function load() { return window.localStorage.getItem("k") }', 'app.js')
    expect(p).toEqual(expect.objectContaining({ rule: 'web-global', file: 'app.js', line: 1 }))
    expect(p.message).toContain('`window` is not defined on WeChat')
    expect(rules('fetch("/api")')).toEqual(['web-global'])
    expect(rules('new TextEncoder()')).toEqual(['web-global'])
  })

  test('one checked with typeof, or tried, passes', () => {
    expect(rules('if (typeof XMLHttpRequest !== "undefined") { new XMLHttpRequest() }')).toEqual([])
    expect(rules('const x = "undefined" !== typeof MessageChannel ? new MessageChannel() : null')).toEqual([])
    expect(rules('try { localStorage.getItem("k") } catch (e) {}')).toEqual([])
  })

  test("WeChat's and ECMAScript's own globals pass", () => {
    expect(rules('App({}); Page({}); wx.request({}); getApp(); getCurrentPages(); setTimeout(() => console.log(JSON.stringify(new Map())), 1); require("./a")')).toEqual([])
  })

  test("a free global of another mini-program platform fails outside Taro's runtime file", () => {
    expect(rules('tt.appDocument', 'taro.js')).toEqual([])
    expect(rules('tt.appDocument', 'common.js')).toEqual(['web-global'])
  })
})

describe("Taro's stand-ins (ProvidePlugin)", () => {
  test('a use of window, location or URL fails even behind typeof (Taro defines them on WeChat)', () => {
    expect(inModule('var w = n(4490)["window"]; function f() { return w.location.hash }')).toEqual(['taro-stand-in'])
    expect(inModule('var d = n(4490)["document"]; function f() { "undefined" !== typeof d && d.getElementById("x").scrollIntoView() }')).toEqual(['taro-stand-in'])
    expect(inModule('var u = n(4490)["URL"]; "function" === typeof u.createObjectURL && u.createObjectURL(b)')).toEqual(['taro-stand-in', 'taro-stand-in'])
  })

  test('what is left of H5-only code the build removed passes', () => {
    expect(inModule('n(4490)["window"], n(4490)["URLSearchParams"]; function c() {}')).toEqual([])
    expect(inModule('n(4490)["document"];')).toEqual([])
  })

  test('the listed library uses pass, in their own file only', () => {
    const zustand = 'var n = r(4490)["window"]; function c() { return o(() => n.localStorage) }'
    expect(inModule(zustand, 'vendors.js')).toEqual([])
    expect(inModule(zustand, 'pages/index/index.js')).toEqual(['taro-stand-in'])
    expect(inModule('var r = t(4490)["navigator"]; "undefined" !== typeof r && void 0 !== r.scheduling', 'app.js')).toEqual([])
  })
})

describe('code from strings', () => {
  test('eval and new Function fail', () => {
    expect(rules('eval("1 + 1")')).toEqual(['eval'])
    expect(rules('new Function("a", "return a")')).toEqual(['eval'])
    expect(rules('Function("return process")()')).toEqual(['eval'])
  })

  test('webpack\'s guarded new Function("return this") passes', () => {
    expect(inModule('r.g = function () { if ("object" === typeof globalThis) return globalThis; try { return this || new Function("return this")() } catch (n) { if ("object" === typeof window) return window } }()')).toEqual([])
  })
})
