// The first render's cost on H5, page by page: React fibers and DOM elements when the page first commits and
// once its data has arrived, and the main thread's long tasks under 4× CPU throttling (CDP), median of
// BENCH_FIBERS_RUNS cold loads (default 5). Pages: home (a visitor), 我的办件 and 办件详情 (刘洋 signed in by SMS,
// a case of his accepted and asked to 补正, as scripts/bench/lighthouse.ts makes them); BENCH_FIBERS_PAGES picks.
//
// Fibers are counted through React's own DevTools hook (a stub installed before the app loads; production
// react-dom calls it on every commit): per commit, the fibers in the tree and how many React worked on
// (new fiber objects since the last commit). Long tasks are timed in separate loads without the stub.
//
// Needs dist/h5 (npm run build:h5); builds nothing. BENCH_H5_DIR serves another build; BENCH_FIBERS_AGAINST=<dir>
// measures a second build interleaved with the first (A, B, A, B … in the same run, each on its own server) and
// prints both: the fair before/after comparison on a machine whose load moves.
import os from 'node:os'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext } from 'playwright-core'
import { caseUrl, ROUTES } from '../../src/stores/routes'
import { CHROMIUM } from '../../test/e2e/support/browser'
import { repoRoot, startPlatform, type RunningPlatform } from '../../test/e2e/support/platform'
import { median, printTable, type BenchSection } from './_lib'
import { fileRestaurantCase } from '../../test/e2e/support/filed-case'
import { browserSectionReady, FLAGS, h5Dir, signInBrowser } from './lighthouse'

const RUNS = Math.max(1, Math.round(Number(process.env.BENCH_FIBERS_RUNS)) || 5)
const CPU_SLOWDOWN = 4
/** No commit for this long (and no request for 500 ms): the page has settled. */
const QUIET_MS = 1500

const PAGES: [key: string, name: string, signedIn: boolean][] = [
  ['home', '首页（访客）', false],
  ['cases', '我的办件（已登录）', true],
  ['case', '办件详情（待补正）', true],
]

interface Commit {
  fibers: number
  worked: number
  dom: number
}

interface Build {
  name: string
  dir: string
  site: RunningPlatform
  urls: Record<string, string>
}

/**
 * Installed before the app's scripts: React DOM (production too) reports every commit to
 * __REACT_DEVTOOLS_GLOBAL_HOOK__. Counting fibers walks each commit's tree (fibers in it, and fibers React created or
 * reused as work-in-progress in this commit: objects not in the previous commit's tree); the timing loads only stamp
 * commits (settling) and record long tasks from the navigation on (buffered), so the walk does not slow them.
 */
function installProbe(countFibers: boolean): void {
  type Fiber = { child: Fiber | null; sibling: Fiber | null }
  const w = window as unknown as { __fiberCommits: unknown[]; __longTasks: number[]; __lastCommit: number; __REACT_DEVTOOLS_GLOBAL_HOOK__: unknown }
  const commits: { fibers: number; worked: number; dom: number }[] = []
  let previous = new WeakSet<Fiber>()
  w.__fiberCommits = commits
  w.__longTasks = []
  w.__lastCommit = 0
  w.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    isDisabled: false,
    renderers: new Map(),
    inject: () => 1,
    checkDCE: () => undefined,
    onScheduleFiberRoot: () => undefined,
    onCommitFiberUnmount: () => undefined,
    onPostCommitFiberRoot: () => undefined,
    onCommitFiberRoot(_id: number, root: { current: Fiber }) {
      if (countFibers) {
        const now = new WeakSet<Fiber>()
        let fibers = 0
        let worked = 0
        const stack: Fiber[] = [root.current]
        while (stack.length) {
          const f = stack.pop() as Fiber
          fibers++
          if (!previous.has(f)) worked++
          now.add(f)
          if (f.sibling) stack.push(f.sibling)
          if (f.child) stack.push(f.child)
        }
        previous = now
        commits.push({ fibers, worked, dom: document.getElementsByTagName('*').length })
      }
      w.__lastCommit = performance.now()
    },
  }
  if (!countFibers) {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration)
    }).observe({ type: 'longtask', buffered: true })
  }
}

/** Opens `url` in a new tab of `context`, cold (HTTP cache off, CPU slowed), and waits until it settles. */
async function load<T>(context: BrowserContext, url: string, countFibers: boolean, read: () => T): Promise<T> {
  const page = await context.newPage()
  try {
    await page.setViewportSize({ width: 375, height: 812 })
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN })
    // tsx keeps functions' names with a helper (__name) the page does not have
    await page.addInitScript({ content: `var __name = (f) => f;\n(${installProbe.toString()})(${countFibers})` })
    await page.goto(url, { waitUntil: 'networkidle', timeout: 60000 })
    // settled: no commit for QUIET_MS (data that arrives late renders late under the slowed CPU)
    await page.waitForFunction((quiet) => performance.now() - (window as unknown as { __lastCommit: number }).__lastCommit > quiet, QUIET_MS, { timeout: 60000, polling: 250 })
    return await page.evaluate(read)
  } finally {
    await page.close()
  }
}

const readCommits = () => (window as unknown as { __fiberCommits: Commit[] }).__fiberCommits
const readLongTasks = () => (window as unknown as { __longTasks: number[] }).__longTasks

/** 刘洋's case asked to 补正, and the profile signed in as him, on `site`. */
async function prepare(port: number, name: string, dir: string, site: RunningPlatform): Promise<Build> {
  const caseId = await fileRestaurantCase(site.url, { supplement: true })
  await signInBrowser(port, site.url)
  return { name, dir, site, urls: { home: `${site.url}/`, cases: `${site.url}/#${ROUTES.cases}`, case: `${site.url}/#${caseUrl(caseId)}` } }
}

const mid = (xs: number[]) => median([...xs].sort((a, b) => a - b))
const loadavg = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' / ')

const section: BenchSection = {
  title: `首屏渲染：React fiber 数与长任务（CPU 降速 ${CPU_SLOWDOWN}×，${RUNS} 次冷加载取中位数）`,
  async run() {
    const dirs = [h5Dir(), ...(process.env.BENCH_FIBERS_AGAINST ? [path.resolve(repoRoot, process.env.BENCH_FIBERS_AGAINST)] : [])]
    if (!browserSectionReady(dirs)) return
    const wanted = (process.env.BENCH_FIBERS_PAGES ?? PAGES.map(([k]) => k).join(',')).split(',').map((s) => s.trim())
    const pages = PAGES.filter(([k]) => wanted.includes(k))
    const chromeLauncher = await import('chrome-launcher')
    const sites = await Promise.all(dirs.map((dir) => startPlatform({ MOCK_STATIC_DIR: dir })))
    const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS, logLevel: 'silent' })
    let browser: Browser | undefined
    try {
      const builds: Build[] = []
      for (const [i, dir] of dirs.entries()) builds.push(await prepare(chrome.port, i === 0 ? 'A' : 'B', dir, sites[i]))
      browser = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`)
      const signedIn = browser.contexts()[0]
      const visitor = await browser.newContext()
      const contextFor = (signed: boolean) => (signed ? signedIn : visitor)

      const commits = new Map<string, Commit[]>()
      for (const b of builds) for (const [key, , signed] of pages) commits.set(`${b.name}:${key}`, await load(contextFor(signed), b.urls[key], true, readCommits))

      const before = loadavg()
      const tasks = new Map<string, number[][]>()
      for (let run = 0; run < RUNS; run++) {
        for (const [key, , signed] of pages) {
          for (const b of builds) {
            const id = `${b.name}:${key}`
            tasks.set(id, [...(tasks.get(id) ?? []), await load(contextFor(signed), b.urls[key], false, readLongTasks)])
          }
        }
      }

      const rows: string[][] = []
      for (const [key, name] of pages) {
        for (const b of builds) {
          const id = `${b.name}:${key}`
          const cs = commits.get(id) ?? []
          // the first commit after Taro's empty app root: the page's first render
          const first = cs.find((c) => c.fibers > cs[0].fibers)
          const last = cs[cs.length - 1]
          const runs = tasks.get(id) ?? []
          const total = runs.map((ts) => ts.reduce((a, d) => a + d, 0))
          const blocking = runs.map((ts) => ts.reduce((a, d) => a + Math.max(0, d - 50), 0))
          const longest = runs.map((ts) => Math.max(0, ...ts))
          rows.push([
            builds.length > 1 ? `${name} ${b.name}` : name,
            first ? `${first.fibers} / ${first.dom}` : '—',
            last ? `${last.fibers} / ${last.dom}` : '—',
            `${cs.length}`,
            `${cs.reduce((a, c) => a + c.worked, 0)}`,
            `${Math.round(mid(total))}（${Math.round(Math.min(...total))}–${Math.round(Math.max(...total))}）`,
            `${Math.round(mid(blocking))}`,
            `${Math.round(mid(longest))}`,
          ])
        }
      }
      printTable(['页面', '页面首次渲染 fiber / DOM', '数据到后 fiber / DOM', '提交次数', '累计处理 fiber', '长任务合计 ms（范围）', '阻塞 ms', '最长 ms'], rows)
      console.log(`  fiber：树中全部 fiber（含 Taro 的应用外壳）；累计处理：各次提交中 React 新建或复用为工作副本的 fiber 之和。`)
      console.log(`  长任务：导航起至静止（网络空闲且 ${QUIET_MS} ms 无提交）的全部 longtask，阻塞 = Σ(时长 − 50 ms)，${RUNS} 次中位数。`)
      if (builds.length > 1) console.log(`  A = ${path.relative(repoRoot, builds[0].dir)}，B = ${path.relative(repoRoot, builds[1].dir)}，每次加载 A、B 交替。`)
      console.log(`  负载（1/5/15 分钟）开始 ${before}，结束 ${loadavg()}。`)
    } finally {
      await browser?.close()
      await chrome.kill()
      await Promise.all(sites.map((s) => s.stop()))
    }
  },
}

export default section
