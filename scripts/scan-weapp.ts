// The syntax and globals scan of the WeChat build: every JavaScript file of dist/weapp must parse at the syntax
// level of the oldest engine we support (iOS 14.0's JavaScriptCore: ES2021, no regex lookbehind), use no web
// global WeChat lacks unless it checks for it first, use Taro's stand-ins for web globals (window, location,
// URL …) only where listed below, and run no eval / new Function but webpack's guarded `new Function("return
// this")`. Minimums and reasons: docs/decisions.md ("WeChat: the oldest phone we support").
import fs from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'
import { parse, type Node as AcornNode } from 'acorn'
import { fullAncestor } from 'acorn-walk'
import { analyze } from 'eslint-scope'
import type * as ESTree from 'estree'

/** ES2021: logical assignment and numeric separators are in iOS 14.0; class fields, static blocks, private
 *  methods, `#x in o`, top-level await and the regex `d` flag (ES2022) are not. */
export const ECMA_VERSION = 2021

/** ECMAScript built-ins iOS 14.0's JavaScriptCore lacks (the runtime harness removes them too). */
const NEWER_BUILTINS = new Set(['WeakRef', 'FinalizationRegistry'])
const NEWER_STATICS: Record<string, string[]> = { Object: ['hasOwn', 'groupBy'], Map: ['groupBy'], Array: ['fromAsync'], Promise: ['withResolvers'] }
/** methods newer than iOS 14.0, called on anything (Array.prototype.at, findLast …: iOS 15.4+) */
const NEWER_METHODS = new Set(['at', 'findLast', 'findLastIndex', 'toSorted', 'toReversed', 'toSpliced', 'isWellFormed', 'toWellFormed'])

/** What WeChat's logic layer defines besides ECMAScript: its API, the app and page constructors, timers, console,
 *  and the module wrapper's parameters (require, module, exports). */
const WECHAT_GLOBALS = new Set([
  'wx',
  'App',
  'Page',
  'Component',
  'Behavior',
  'getApp',
  'getCurrentPages',
  'requirePlugin',
  'requireMiniProgram',
  'setTimeout',
  'clearTimeout',
  'setInterval',
  'clearInterval',
  'console',
  'WXWebAssembly',
  'require',
  'module',
  'exports',
])

/**
 * Globals Taro's webpack config (ProvidePlugin) replaces with its own stand-ins from @tarojs/runtime. They exist
 * on WeChat, so `typeof document !== 'undefined'` is true there and guards nothing: only a build-time
 * `process.env.TARO_ENV === 'h5'` check keeps web code out. The stand-ins are partial (a window without
 * localStorage, elements without scrollIntoView, a URL without blob: URLs): any use in shipped code is an error
 * unless listed in ALLOWED_STAND_IN_USES.
 */
export const STAND_INS = new Set(['window', 'document', 'navigator', 'location', 'history', 'URL', 'URLSearchParams', 'requestAnimationFrame', 'cancelAnimationFrame', 'TaroElement', 'SVGElement', 'MutationObserver'])

/** Uses of Taro's stand-ins known to be harmless, as `file: name.property`, with the reason. */
export const ALLOWED_STAND_IN_USES: Record<string, string> = {
  // vendors.js holds node_modules code only
  'vendors.js: window.localStorage': "zustand persist's default storage, made lazily and never used: every store passes its own (src/stores/persist.ts)",
  'app.js: navigator.scheduling': "React's scheduler looks for navigator.scheduling.isInputPending (Chrome only); Taro's navigator has none, so it is skipped",
}

/** Free globals of other platforms in Taro's own runtime, on paths WeChat never takes, as `file: name`. */
export const ALLOWED_FREE_GLOBALS: Record<string, string> = {
  'taro.js: tt': "Taro's Douyin branch (tt.appDocument); the WeChat runtime test runs the build without reaching it",
}

export interface Problem {
  file: string
  line: number
  column: number
  rule: 'syntax' | 'eval' | 'web-global' | 'taro-stand-in' | 'newer-builtin' | 'regex'
  message: string
  /** the code around it */
  excerpt: string
}

type Node = ESTree.Node & { start: number; end: number; loc?: ESTree.SourceLocation | null }

function ecmascriptGlobals(): Set<string> {
  const names = vm.runInNewContext('Object.getOwnPropertyNames(globalThis)') as string[]
  return new Set(names.filter((n) => !NEWER_BUILTINS.has(n) && !['WebAssembly', 'SharedArrayBuffer', 'Atomics', 'console'].includes(n)))
}
const ES_GLOBALS = ecmascriptGlobals()

function lineOf(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset)
  const line = before.split('\n').length
  return { line, column: offset - before.lastIndexOf('\n') }
}

function excerpt(source: string, node: { start: number; end: number }): string {
  return source.slice(Math.max(0, node.start - 60), Math.min(source.length, node.end + 60)).replace(/\s+/g, ' ')
}

/** `typeof X` for the name, anywhere inside `node` */
function hasTypeofOf(node: ESTree.Node | null | undefined, name: string): boolean {
  let found = false
  const visit = (n: unknown): void => {
    if (found || !n || typeof n !== 'object') return
    const o = n as ESTree.Node
    if (o.type === 'UnaryExpression' && o.operator === 'typeof' && o.argument.type === 'Identifier' && o.argument.name === name) {
      found = true
      return
    }
    for (const [k, v] of Object.entries(o)) if (k !== 'parent' && v && typeof v === 'object') Array.isArray(v) ? v.forEach(visit) : visit(v)
  }
  visit(node)
  return found
}

/**
 * A reference is guarded when the code looks before it leaps: it is the operand of `typeof`, or sits in the
 * branch of a condition that tests `typeof name` (`typeof X !== 'undefined' && X.y`, `if (typeof X …) {…}`,
 * `typeof X === 'object' ? X : …`), or inside a try block (the failure is caught).
 */
function guarded(ref: Node, name: string, parents: Map<Node, Node>): boolean {
  let child: Node = ref
  for (let p = parents.get(ref); p; child = p, p = parents.get(p)) {
    if (p.type === 'UnaryExpression' && p.operator === 'typeof' && child === ref) return true
    if (p.type === 'LogicalExpression' && child === p.right && hasTypeofOf(p.left, name)) return true
    if ((p.type === 'ConditionalExpression' || p.type === 'IfStatement') && child !== p.test && hasTypeofOf(p.test, name)) return true
    if (p.type === 'TryStatement' && child === p.block) return true
  }
  return false
}

/** Taro's ProvidePlugin output: `n(4490)["window"]` (a webpack require of @tarojs/runtime, then the export) */
function standIn(node: Node): string | undefined {
  if (node.type !== 'MemberExpression' || !node.computed || node.property.type !== 'Literal' || typeof node.property.value !== 'string') return undefined
  const o = node.object
  if (o.type !== 'CallExpression' || o.arguments.length !== 1 || o.arguments[0].type !== 'Literal' || typeof o.arguments[0].value !== 'number') return undefined
  const name = node.property.value
  return STAND_INS.has(name) ? name : undefined
}

export function scanSource(source: string, file: string): Problem[] {
  const problems: Problem[] = []
  const add = (rule: Problem['rule'], node: { start: number; end: number }, message: string) => problems.push({ file, ...lineOf(source, node.start), rule, message, excerpt: excerpt(source, node) })
  let ast: ESTree.Program
  try {
    ast = parse(source, { ecmaVersion: ECMA_VERSION, sourceType: 'script', ranges: true }) as unknown as ESTree.Program
  } catch (e) {
    const pos = (e as { pos?: number }).pos ?? 0
    add('syntax', { start: pos, end: pos + 1 }, `not ES${ECMA_VERSION} (iOS 14.0 cannot parse it): ${(e as Error).message}`)
    return problems
  }

  const parents = new Map<Node, Node>()
  fullAncestor(ast as unknown as AcornNode, (n, _state, ancestors) => {
    const list = ancestors as unknown as Node[]
    if (list.length > 1) parents.set(n as unknown as Node, list[list.length - 2])
  })

  const scopes = analyze(ast as never, { ecmaVersion: ECMA_VERSION as never, sourceType: 'script' })
  const global = scopes.globalScope
  if (!global) return problems
  for (const ref of global.through) {
    const id = ref.identifier as unknown as Node & ESTree.Identifier
    const name = id.name
    // declared at the top of the file (a script's top-level names are left unresolved by the scope analysis)
    if (global.set.has(name) || WECHAT_GLOBALS.has(name) || (ES_GLOBALS.has(name) && name !== 'eval')) continue
    if (name === 'eval') {
      add('eval', id, 'eval: WeChat refuses to run code made from strings')
      continue
    }
    if (guarded(id, name, parents) || ALLOWED_FREE_GLOBALS[`${file}: ${name}`]) continue
    if (NEWER_BUILTINS.has(name)) add('newer-builtin', id, `${name} is newer than iOS 14.0's JavaScriptCore`)
    else add('web-global', id, `\`${name}\` is not defined on WeChat (no web globals there); check \`typeof ${name}\` first or keep the code H5-only (process.env.TARO_ENV === 'h5')`)
  }

  fullAncestor(ast as unknown as AcornNode, (raw) => {
    const node = raw as unknown as Node
    // eval and new Function, but webpack's `new Function("return this")` (inside its try, for the global object)
    if ((node.type === 'NewExpression' || node.type === 'CallExpression') && node.callee.type === 'Identifier' && node.callee.name === 'Function') {
      const only = node.arguments.length === 1 && node.arguments[0].type === 'Literal' && node.arguments[0].value === 'return this'
      if (!only) add('eval', node, 'new Function: WeChat refuses to run code made from strings')
    }
    if (node.type === 'Literal' && 'regex' in node && node.regex && /\(\?<[=!]/.test(node.regex.pattern)) add('regex', node, 'regular expression lookbehind (?<= / (?<! needs iOS 16.4')
    if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier') {
      const statics = node.object.type === 'Identifier' ? NEWER_STATICS[node.object.name] : undefined
      if (statics?.includes(node.property.name)) add('newer-builtin', node, `${(node.object as ESTree.Identifier).name}.${node.property.name} is newer than iOS 14.0`)
      const parent = parents.get(node)
      if (NEWER_METHODS.has(node.property.name) && parent?.type === 'CallExpression' && parent.callee === node) add('newer-builtin', node, `.${node.property.name}() is newer than iOS 14.0 (Array/String.prototype.${node.property.name} came in iOS 15.4+)`)
    }
    const name = standIn(node)
    if (name) {
      for (const use of standInUses(node, scopes, parents)) {
        // `typeof x` only looks (and on WeChat always finds Taro's object): the uses are what count
        const around = parents.get(use.node)
        if (around?.type === 'UnaryExpression' && around.operator === 'typeof') continue
        const key = use.property ? `${name}.${use.property}` : name
        if (!ALLOWED_STAND_IN_USES[`${file}: ${key}`]) add('taro-stand-in', use.node, `\`${key}\` uses Taro's stand-in for the web's ${name} on WeChat; keep this code H5-only (process.env.TARO_ENV === 'h5')`)
      }
    }
  })
  return problems
}

/**
 * The places a stand-in is used: `var w = n(4490)["window"]` then `w.localStorage` (the property, when one is
 * read), or the expression itself used in place. A lone `n(4490)["window"];` is what remains of H5-only code
 * the build removed: not a use.
 */
function standInUses(node: Node, scopes: ReturnType<typeof analyze>, parents: Map<Node, Node>): { node: Node; property?: string }[] {
  const parent = parents.get(node)
  if (!parent || parent.type === 'ExpressionStatement' || parent.type === 'SequenceExpression') return []
  const propertyOf = (n: Node) => {
    const p = parents.get(n)
    return p?.type === 'MemberExpression' && p.object === n && !p.computed && p.property.type === 'Identifier' ? p.property.name : undefined
  }
  if (parent.type === 'VariableDeclarator' && parent.init === node && parent.id.type === 'Identifier') {
    const variable = scopes.getDeclaredVariables(parent as never).find((v) => v.name === (parent.id as ESTree.Identifier).name)
    return (variable?.references ?? []).filter((r) => !r.init).map((r) => ({ node: r.identifier as unknown as Node, property: propertyOf(r.identifier as unknown as Node) }))
  }
  return [{ node, property: propertyOf(node) }]
}

function jsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name)
    return e.isDirectory() ? jsFiles(full) : e.name.endsWith('.js') ? [full] : []
  })
}

export function scanBuild(dir: string): { files: number; bytes: number; problems: Problem[] } {
  const files = jsFiles(dir)
  let bytes = 0
  const problems: Problem[] = []
  for (const file of files) {
    const source = fs.readFileSync(file, 'utf8')
    bytes += Buffer.byteLength(source)
    problems.push(...scanSource(source, path.relative(dir, file)))
  }
  return { files: files.length, bytes, problems }
}

if (require.main === module) {
  const dir = path.resolve(__dirname, '..', process.argv[2] ?? 'dist/weapp')
  if (!fs.existsSync(path.join(dir, 'app.js'))) {
    console.error(`${path.relative(process.cwd(), dir)}/app.js is missing: run \`npm run build:weapp\` first.`)
    process.exit(1)
  }
  const { files, bytes, problems } = scanBuild(dir)
  console.log(`WeChat scan: ${files} JavaScript files, ${(bytes / 1024).toFixed(1)} KiB, parsed as ES${ECMA_VERSION} (iOS 14.0 JavaScriptCore).`)
  for (const p of problems) console.error(`✗ ${p.file}:${p.line}:${p.column} [${p.rule}] ${p.message}\n    …${p.excerpt}…`)
  if (problems.length) {
    console.error(`${problems.length} problem(s): the WeChat build would fail on the oldest supported phones or use a web global WeChat lacks.`)
    process.exit(1)
  }
  console.log('No syntax newer than ES2021, no unguarded web global, no eval.')
}
