// The floor: every page of the citizen's journey against an empty Taro shell (bench/empty-shell: the same Taro,
// React, config and Babel setup, one page with a heading and a paragraph), measured side by side in one run.
//
// H5: Lighthouse 12.2.3 mobile (as scripts/bench/lighthouse.ts: same flags, the build served by the mock
// platform on loopback, one Chromium profile), performance only. Each round opens the shell, then pages, the
// shell again after every BENCH_FLOOR_SHELL_EVERY pages (default 3; 1 = strict pairs), and so on; absolute
// figures move with the machine's load, the shell's move with them. Printed per page: first-load JS (gzip -9 of
// every script the page fetched) and its ratio to the shell's, and the medians (with min–max) of TBT, LCP and
// the score over BENCH_FLOOR_ROUNDS rounds (default 3), the gap to the shell's score, and the goal (≤ 1.15×
// the shell's JS, within 3 points). The machine's load average is printed before and after.
// WeChat: the main package's bytes, and the home page's first setData (bytes, onLoad → first render) against
// the shell's, in the headless WeChat runtime (test/weapp/support), median of BENCH_WEAPP_RUNS (default 5).
//
// Builds the shell itself (dist/empty-shell/<h5|weapp>, again whenever its inputs change: the fixture,
// config/, babel.config.js, package-lock.json); the app's builds are taken as they are (npm run build:h5,
// build:weapp; BENCH_H5_DIR serves another H5 build; BENCH_FLOOR_SCRIPTS=1 lists each page's scripts with their gzip
// bytes). BENCH_FLOOR_PAGES picks pages:
// home,guide,question,form,materials,review,done,cases,case (none: the WeChat part only). The pages that need
// state get it the way a citizen makes it, in the same profile before the runs: 刘洋 signs in by SMS; 开办餐饮店 is walked from its
// guide to 核对申请信息 (question, form and materials pages are that draft's); two cases of his are filed through
// the platform client, one fresh (提交成功), one accepted and asked to 补正 (办件详情).
import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { chromium } from 'playwright-core'
import type * as LH from 'lighthouse'
import { caseUrl, doneUrl, ROUTES } from '../../src/stores/routes'
import { weappPackages } from '../check-size'
import { CHROMIUM } from '../../test/e2e/support/browser'
import { Driver, restaurantForm, restaurantQuestions, restaurantToReview } from '../../test/e2e/support/journeys'
import { repoRoot, startPlatform } from '../../test/e2e/support/platform'
import { startMockPlatform } from '../../test/weapp/support/platform'
import { DIST_DIR, WeappRuntime } from '../../test/weapp/support/runtime'
import { PAGE_VISITS, visit } from '../../test/weapp/support/visits'
import { formatMs, goal, median, printTable, type BenchSection } from './_lib'
import { fileRestaurantCase } from '../../test/e2e/support/filed-case'
import { BUNDLE, FLAGS, h5Dir, signInBrowser } from './lighthouse'

const ROUNDS = Math.max(1, Math.round(Number(process.env.BENCH_FLOOR_ROUNDS)) || 3)
const SHELL_EVERY = Math.max(1, Math.round(Number(process.env.BENCH_FLOOR_SHELL_EVERY)) || 3)
const WEAPP_RUNS = Math.max(1, Math.round(Number(process.env.BENCH_WEAPP_RUNS)) || 5)
const RATIO_GOAL = 1.15
const GAP_GOAL = 3

const SHELL_SOURCE = 'bench/empty-shell/src'
/** What the shell's build depends on besides the packages' code (package-lock.json stands for that). */
const SHELL_INPUTS = ['bench/empty-shell', 'config', 'babel.config.js', 'package-lock.json']

type Platform = 'h5' | 'weapp'
export const shellDir = (platform: Platform) => path.join(repoRoot, 'dist', 'empty-shell', platform)

function filesUnder(p: string): string[] {
  const st = fs.statSync(p)
  if (!st.isDirectory()) return [p]
  return fs
    .readdirSync(p)
    .sort()
    .flatMap((name) => filesUnder(path.join(p, name)))
}

function inputsHash(platform: Platform): string {
  const hash = crypto.createHash('sha256').update(platform)
  for (const file of SHELL_INPUTS.flatMap((p) => filesUnder(path.join(repoRoot, p)))) {
    // readFileSync follows the fixture's link to the app's index.html: a change there rebuilds too
    hash.update(path.relative(repoRoot, file)).update(fs.readFileSync(file))
  }
  return hash.digest('hex')
}

/** Builds the shell for `platform` with the app's own config unless the build there is of the same inputs. */
export function ensureShell(platform: Platform): string {
  const out = shellDir(platform)
  const stamp = path.join(out, '.inputs')
  const want = inputsHash(platform)
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === want) return out
  console.log(`  构建空壳（${platform}）：${path.relative(repoRoot, out)} …`)
  const t0 = performance.now()
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'node_modules', '@tarojs', 'cli', 'bin', 'taro'), 'build', '--type', platform], {
    cwd: repoRoot,
    env: { ...process.env, NODE_ENV: 'production', TARO_SOURCE_ROOT: SHELL_SOURCE, TARO_OUTPUT_ROOT: path.relative(repoRoot, out) },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  if (r.status !== 0) throw new Error(`空壳（${platform}）构建失败：\n${`${r.stdout}\n${r.stderr}`.slice(-4000)}`)
  fs.writeFileSync(stamp, want)
  console.log(`  （构建用时 ${((performance.now() - t0) / 1000).toFixed(0)} s）`)
  return out
}

// ---------- H5: Lighthouse ----------

interface Sample {
  score: number
  tbt: number
  lcp: number
  fcp: number
  /** gzip -9 bytes of every script the page fetched */
  js: number
  /** those scripts, by file: what BENCH_FLOOR_SCRIPTS=1 prints */
  scripts: [file: string, bytes: number][]
}

interface Target {
  key: string
  name: string
  /** the folder the page's origin serves (for the scripts' bytes) */
  dir: string
  url: string
}

const gzipCache = new Map<string, number>()
function gzipBytes(file: string): number {
  let n = gzipCache.get(file)
  if (n === undefined) {
    n = zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length
    gzipCache.set(file, n)
  }
  return n
}

function scriptsOf(lhr: LH.Result, dir: string): [string, number][] {
  const items = ((lhr.audits['network-requests']?.details as { items?: { url: string; resourceType?: string }[] } | undefined)?.items ?? []).filter((i) => i.resourceType === 'Script')
  return items.flatMap((item): [string, number][] => {
    const pathname = new URL(item.url).pathname
    const file = path.join(dir, pathname)
    return fs.existsSync(file) ? [[pathname, gzipBytes(file)]] : []
  })
}

type Lighthouse = (typeof import('lighthouse'))['default']

async function measure(lighthouse: Lighthouse, port: number, t: Target): Promise<Sample | undefined> {
  const result = await lighthouse(t.url, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] })
  const lhr = result?.lhr
  if (!lhr || lhr.runtimeError) {
    console.log(`  ${t.name}：${lhr?.runtimeError ? `${lhr.runtimeError.code} ${lhr.runtimeError.message}` : '没有结果'}`)
    return undefined
  }
  const metric = (id: string) => lhr.audits[id]?.numericValue ?? NaN
  const scripts = scriptsOf(lhr, t.dir)
  return {
    score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    tbt: metric('total-blocking-time'),
    lcp: metric('largest-contentful-paint'),
    fcp: metric('first-contentful-paint'),
    js: scripts.reduce((n, [, bytes]) => n + bytes, 0),
    scripts,
  }
}

/** The journey's state in the browser profile, made as a citizen makes it; returns each page's URL. */
async function journeyUrls(port: number, origin: string, wanted: Set<string>): Promise<Record<string, string>> {
  const urls: Record<string, string> = {
    home: `${origin}/`,
    guide: `${origin}/#${ROUTES.guide}?bundle=${BUNDLE}`,
    cases: `${origin}/#${ROUTES.cases}`,
  }
  const needs = (...keys: string[]) => keys.some((k) => wanted.has(k))
  if (!needs('question', 'form', 'materials', 'review', 'done', 'cases', 'case')) return urls
  await signInBrowser(port, origin)
  if (needs('question', 'form', 'materials', 'review')) {
    const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`)
    try {
      const page = await browser.contexts()[0].newPage()
      const d = new Driver(page, origin)
      await page.goto(urls.guide)
      await d.heading1('开办餐饮店').waitFor()
      await restaurantQuestions(d)
      await restaurantForm(d, { name: '湘味小馆', address: '长沙市岳麓区麓山南路 100 号', staff: '4', manager: '王芳', mobile: '13807310009' })
      await restaurantToReview(d)
      const query = new URL(page.url().replace('/#/', '/')).search
      urls.review = page.url()
      urls.question = `${origin}/#${ROUTES.questions}${query}&q=area`
      urls.form = `${origin}/#${ROUTES.form}${query}`
      urls.materials = `${origin}/#${ROUTES.materials}${query}`
      await page.close()
    } finally {
      await browser.close()
    }
  }
  // after the walk: filing agrees to the e-licences, which the walk's materials page asks for
  if (needs('done')) urls.done = `${origin}/#${doneUrl(await fileRestaurantCase(origin, { supplement: false }))}`
  if (needs('case')) urls.case = `${origin}/#${caseUrl(await fileRestaurantCase(origin, { supplement: true }))}`
  return urls
}

const PAGES: [key: string, name: string][] = [
  ['home', '首页'],
  ['guide', `办事指南（${BUNDLE}）`],
  ['question', '情形问题'],
  ['form', '填写申请信息'],
  ['materials', '准备材料'],
  ['review', '核对申请信息'],
  ['done', '提交成功'],
  ['cases', '我的办件（已登录）'],
  ['case', '办件详情（待补正）'],
]

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b)
const mid = (xs: number[]) => median(sorted(xs))
const range = (xs: number[], f: (n: number) => string) => `${f(mid(xs))}（${f(Math.min(...xs))}–${f(Math.max(...xs))}）`
const ms = (n: number) => `${Math.round(n)}`
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`
const loadavg = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' / ')

async function h5(): Promise<void> {
  const appDir = h5Dir()
  if (!fs.existsSync(path.join(appDir, 'index.html'))) {
    console.log(`  跳过 H5：没有 ${path.relative(repoRoot, appDir)}/index.html。先运行 npm run build:h5（应用的构建不由本节做）。`)
    return
  }
  if (!fs.existsSync(CHROMIUM)) {
    console.log(`  跳过 H5：没有 ${CHROMIUM}（bash scripts/ensure-browser.sh 会安装）。`)
    return
  }
  const wanted = new Set((process.env.BENCH_FLOOR_PAGES ?? PAGES.map(([k]) => k).join(',')).split(',').map((s) => s.trim()))
  if (!PAGES.some(([k]) => wanted.has(k))) return
  const shell = ensureShell('h5')
  const { default: lighthouse } = await import('lighthouse')
  const chromeLauncher = await import('chrome-launcher')
  const app = await startPlatform({ MOCK_STATIC_DIR: appDir })
  const shellSite = await startPlatform({ MOCK_STATIC_DIR: shell })
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS, logLevel: 'silent' })
  try {
    const urls = await journeyUrls(chrome.port, app.url, wanted)
    const pages: Target[] = PAGES.filter(([k]) => wanted.has(k)).map(([key, name]) => ({ key, name, dir: appDir, url: urls[key] }))
    const shellTarget: Target = { key: 'shell', name: '空壳', dir: shell, url: `${shellSite.url}/` }
    const samples = new Map<string, Sample[]>([shellTarget, ...pages].map((t) => [t.key, []]))
    const before = loadavg()
    console.log(`  负载（1/5/15 分钟）开始时：${before}；${ROUNDS} 轮，每 ${SHELL_EVERY} 页插一次空壳`)
    const t0 = performance.now()
    for (let round = 0; round < ROUNDS; round++) {
      const order = pages.flatMap((p, i) => (i % SHELL_EVERY === 0 ? [shellTarget, p] : [p]))
      for (const t of order) {
        const s = await measure(lighthouse, chrome.port, t)
        if (s) samples.get(t.key)?.push(s)
      }
      console.log(`  第 ${round + 1}/${ROUNDS} 轮完成（${((performance.now() - t0) / 1000).toFixed(0)} s，负载 ${os.loadavg()[0].toFixed(2)}）`)
    }
    const base = samples.get('shell') ?? []
    if (!base.length) throw new Error('空壳没有有效的 Lighthouse 结果')
    const baseJs = mid(base.map((s) => s.js))
    const baseScore = mid(base.map((s) => s.score))
    const row = (name: string, xs: Sample[], isShell: boolean): string[] => {
      if (!xs.length) return [name, '—', '—', '—', '—', '—', '—', '—', '没有有效结果']
      const js = mid(xs.map((s) => s.js))
      const score = mid(xs.map((s) => s.score))
      const ratio = js / baseJs
      const gap = baseScore - score
      return [
        name,
        kb(js),
        `×${ratio.toFixed(2)}`,
        range(xs.map((s) => s.tbt), ms),
        range(xs.map((s) => s.lcp), ms),
        range(xs.map((s) => s.fcp), ms),
        range(xs.map((s) => s.score), String),
        isShell ? '' : String(gap),
        isShell ? '' : goal(ratio <= RATIO_GOAL && gap <= GAP_GOAL),
      ]
    }
    printTable(
      ['页面', '首屏 JS（gzip）', '×空壳', 'TBT ms（范围）', 'LCP ms（范围）', 'FCP ms（范围）', '性能（范围）', '差距', `≤ ${RATIO_GOAL}× 且差距 ≤ ${GAP_GOAL}`],
      [row('空壳', base, true), ...pages.map((p) => row(p.name, samples.get(p.key) ?? [], false))],
    )
    if (process.env.BENCH_FLOOR_SCRIPTS === '1') {
      for (const t of [shellTarget, ...pages]) {
        const first = samples.get(t.key)?.[0]
        if (!first) continue
        console.log(`  ${t.name} 的脚本（gzip，首轮）：`)
        for (const [file, bytes] of [...first.scripts].sort((a, b) => b[1] - a[1])) console.log(`    ${kb(bytes).padStart(9)}  ${file}`)
      }
    }
    console.log(`  中位数（最小–最大）；空壳 ${base.length} 次，其余每页 ${ROUNDS} 次。负载开始 ${before}，结束 ${loadavg()}。`)
  } finally {
    await chrome.kill()
    await Promise.all([app.stop(), shellSite.stop()])
  }
}

// ---------- WeChat: main package and the first setData ----------

async function weapp(): Promise<void> {
  if (!fs.existsSync(path.join(DIST_DIR, 'app.json'))) {
    console.log('\n  跳过微信小程序：没有 dist/weapp。先运行 npm run build:weapp（应用的构建不由本节做）。')
    return
  }
  const shell = ensureShell('weapp')
  const platform = await startMockPlatform()
  const first = { app: [] as { bytes: number; at: number }[], shell: [] as { bytes: number; at: number }[] }
  try {
    const [route, heading, given] = PAGE_VISITS[0]
    for (let i = 0; i < WEAPP_RUNS; i++) {
      const s = await WeappRuntime.launch({ platformUrl: platform.url, distDir: shell, account: { privacyAgreed: true } })
      await s.idle(150)
      first.shell.push(s.page.setData[0])
      await s.close()
      s.assertHealthy()
      // the home page needs none of the journeys' state
      const a = await visit(platform.url, route, heading, given({} as never))
      first.app.push(a.page.setData[0])
      await a.close()
      a.assertHealthy()
    }
  } finally {
    await platform.stop()
  }
  const main = (dir: string) => weappPackages(dir).find((p) => p.name === 'main')?.bytes ?? NaN
  const [appMain, shellMain] = [main(DIST_DIR), main(shell)]
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`
  const m = (xs: number[]) => mid(xs)
  console.log(`\n  微信小程序（无界面微信运行时，首页冷启动 ${WEAPP_RUNS} 次取中位数，与空壳交替）：`)
  printTable(
    ['', '主包', '首次 setData', 'onLoad→首次渲染'],
    [
      ['空壳', kib(shellMain), kib(m(first.shell.map((s) => s.bytes))), formatMs(m(first.shell.map((s) => s.at)))],
      ['首页', kib(appMain), kib(m(first.app.map((s) => s.bytes))), formatMs(m(first.app.map((s) => s.at)))],
      ['倍数', `×${(appMain / shellMain).toFixed(2)}`, `×${(m(first.app.map((s) => s.bytes)) / m(first.shell.map((s) => s.bytes))).toFixed(2)}`, ''],
    ],
  )
}

const section: BenchSection = {
  title: `底线：每一页对比空壳（同一 Taro 版本与配置的一页应用），同一次运行中交替测量（${ROUNDS} 轮）`,
  async run() {
    await h5()
    await weapp()
  },
}

export default section
