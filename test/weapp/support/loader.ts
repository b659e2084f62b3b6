// The mini-program's JavaScript world without WeChat: a bare V8 context holding only ECMAScript built-ins plus
// the globals WeChat's logic layer gives (wx, App, Page, Component, getApp, getCurrentPages, timers, console),
// and a module system like WeChat's: every file of the package is a module run on first `require`, relative
// paths, `.js` optional, one instance per file, wrapped the way WeChat wraps it so that web globals
// (`window`, `document`, `navigator`, `localStorage`, `XMLHttpRequest` …) are `undefined` inside.
import fs from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'

/** The parameters WeChat's `define()` wraps every module in; all but the first three are passed undefined. */
export const WECHAT_MODULE_PARAMETERS = [
  'require',
  'module',
  'exports',
  'window',
  'document',
  'frames',
  'self',
  'location',
  'navigator',
  'localStorage',
  'history',
  'Caches',
  'screen',
  'alert',
  'confirm',
  'prompt',
  'XMLHttpRequest',
  'WebSocket',
  'Reporter',
  'webkit',
  'WeixinJSCore',
]

/**
 * Built-ins newer than the oldest JavaScript engine supported (iOS 14.0's JavaScriptCore, see docs/decisions.md):
 * removed from the context so that calling one fails here as it would on that phone.
 */
export const NEWER_THAN_OLDEST_ENGINE = [
  'Array.prototype.at',
  'Array.prototype.findLast',
  'Array.prototype.findLastIndex',
  'Array.prototype.toSorted',
  'Array.prototype.toReversed',
  'Array.prototype.toSpliced',
  'Array.prototype.with',
  'Array.fromAsync',
  'String.prototype.at',
  'String.prototype.isWellFormed',
  'String.prototype.toWellFormed',
  'Object.hasOwn',
  'Object.groupBy',
  'Map.groupBy',
  'Promise.withResolvers',
  'Set.prototype.union',
  'Set.prototype.intersection',
  'Set.prototype.difference',
  'WeakRef',
  'FinalizationRegistry',
  'WebAssembly',
  'SharedArrayBuffer',
  'Atomics',
]

export interface AppRealm {
  context: vm.Context
  /** evaluates code in the app's realm (tests use it to call wx as the app would) */
  evaluate(code: string): unknown
  JSON: JSON
  Error: ErrorConstructor
  Promise: PromiseConstructor
}

export function createAppRealm(globals: Record<string, unknown>): AppRealm {
  const context = vm.createContext({})
  const evaluate = (code: string) => vm.runInContext(code, context)
  // Object.defineProperty with a value from this realm is fine: the globals are functions and objects the
  // app calls, never extends
  for (const [name, value] of Object.entries(globals)) Object.defineProperty(context, name, { value, writable: true, configurable: true, enumerable: false })
  evaluate(
    `for (const dotted of ${JSON.stringify(NEWER_THAN_OLDEST_ENGINE)}) {
      const parts = dotted.split('.')
      let owner = globalThis
      for (const p of parts.slice(0, -1)) owner = owner[p]
      delete owner[parts[parts.length - 1]]
    }`,
  )
  return { context, evaluate, JSON: evaluate('JSON') as JSON, Error: evaluate('Error') as ErrorConstructor, Promise: evaluate('Promise') as PromiseConstructor }
}

/** Files of the package run as modules, as WeChat's logic layer runs them. */
export class ModuleSystem {
  private readonly modules = new Map<string, { exports: unknown }>()
  /** bytes of JavaScript run so far, per file */
  readonly loaded = new Map<string, number>()

  constructor(
    private readonly distDir: string,
    private readonly realm: AppRealm,
  ) {}

  /** runs `file` (relative to the package root) once and returns its exports */
  require(file: string): unknown {
    const key = path.posix.normalize(file.endsWith('.js') ? file : `${file}.js`)
    const cached = this.modules.get(key)
    if (cached) return cached.exports
    const full = path.join(this.distDir, key)
    if (!fs.existsSync(full)) throw new Error(`module "${key}" is not defined (no such file in ${this.distDir})`)
    const source = fs.readFileSync(full, 'utf8')
    const record = { exports: {} as unknown }
    this.modules.set(key, record)
    this.loaded.set(key, Buffer.byteLength(source))
    const wrapper = new vm.Script(`(function (${WECHAT_MODULE_PARAMETERS.join(', ')}) {${source}\n})`, { filename: full }).runInContext(this.realm.context) as (
      ...args: unknown[]
    ) => void
    const localRequire = (request: string) => this.require(path.posix.join(path.posix.dirname(key), request))
    wrapper.call(undefined, localRequire, record, record.exports)
    return record.exports
  }
}
