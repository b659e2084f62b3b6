// Lighthouse 12.2.3, mobile preset (simulated slow 4G, 4× CPU, Moto G Power screen), median of 5 runs, for
// the home page, a guide page, a question page, 核对申请信息, 提交成功, 我的办件 and a case page of the production H5 build
// served by the mock platform at the same origin on loopback. Debian's Chromium, headless, no network beyond loopback.
// Goal ≥ 95.
//
// The question page needs a draft: it is made the way a citizen makes one (guide page → 开始办理) in the
// same Chromium profile before the runs. 我的办件 and the case page need a signed-in citizen with a case: the
// browser signs in by SMS as 刘洋, and a 开办餐饮店 case of his (accepted, then a 补正 asked) is filed
// through the platform client. 核对申请信息 and 提交成功 are reached as a citizen reaches them: the browser walks
// 开办餐饮店 (search, questions, SMS sign-in, form, materials, delivery) to the review page, which is measured, then
// submits; the confirmation's address is measured next. Lighthouse's storage reset empties the HTTP cache and service
// workers but keeps localStorage (its default clearStorageTypes), so every run still loads cold.
//
// Needs dist/h5 (npm run build:h5); builds nothing. BENCH_H5_DIR serves another build folder,
// LIGHTHOUSE_RUNS changes the number of runs, LIGHTHOUSE_PAGES picks pages (home,guide,question,review,done,cases,case),
// LIGHTHOUSE_THROTTLING=devtools measures with applied throttling instead of Lighthouse's simulation.
// The last report of each page is kept in test-results/lighthouse/ (git-ignored) for a closer look, and with
// LIGHTHOUSE_TRACE=1 every run's trace (<page>-<run>.trace.json). LIGHTHOUSE_EACH=1 prints each run's figures (one slow
// run moves a median of 5: which metric it was).
import fs from 'node:fs'
import path from 'node:path'
import { chromium, type Page } from 'playwright-core'
import type * as LH from 'lighthouse'
import { caseUrl, ROUTES } from '../../src/stores/routes'
import { CHROMIUM } from '../../test/e2e/support/browser'
import { fileRestaurantCase } from '../../test/e2e/support/filed-case'
import { Driver, restaurant } from '../../test/e2e/support/journeys'
import { repoRoot, startPlatform } from '../../test/e2e/support/platform'
import { goal, median, printTable, type BenchSection } from './_lib'

const GOAL = 95
const RUNS = Math.max(1, Math.round(Number(process.env.LIGHTHOUSE_RUNS)) || 5)
export const BUNDLE = 'kaiban-canyin'
export const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const

interface Run {
  performance: number
  accessibility: number
  bestPractices: number
  fcp: number
  lcp: number
  tbt: number
  cls: number
  si: number
}

export function h5Dir(): string {
  return path.resolve(repoRoot, process.env.BENCH_H5_DIR ?? path.join('dist', 'h5'))
}

/** Whether a browser section can run: each H5 build exists and so does Chromium; says why not when it cannot. */
export function browserSectionReady(dirs: string[]): boolean {
  for (const dir of dirs) {
    if (!fs.existsSync(path.join(dir, 'index.html'))) {
      console.log(`  跳过：没有 ${path.relative(repoRoot, dir) || dir}/index.html。先运行 npm run build:h5（本节不构建）。`)
      return false
    }
  }
  if (!fs.existsSync(CHROMIUM)) {
    console.log(`  跳过：没有 ${CHROMIUM}（bash scripts/ensure-browser.sh 会安装）。`)
    return false
  }
  return true
}

const score = (lhr: LH.Result, id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100)
const metric = (lhr: LH.Result, id: string) => lhr.audits[id]?.numericValue ?? NaN

function summarise(lhr: LH.Result): Run {
  return {
    performance: score(lhr, 'performance'),
    accessibility: score(lhr, 'accessibility'),
    bestPractices: score(lhr, 'best-practices'),
    fcp: metric(lhr, 'first-contentful-paint'),
    lcp: metric(lhr, 'largest-contentful-paint'),
    tbt: metric(lhr, 'total-blocking-time'),
    cls: metric(lhr, 'cumulative-layout-shift'),
    si: metric(lhr, 'speed-index'),
  }
}

/**
 * Runs `walk` in a new tab of the Lighthouse browser's own profile (what it leaves there, drafts and sign-in, the
 * measured runs see) and returns the tab's address at the end.
 */
async function inProfile(port: number, walk: (page: Page) => Promise<void>): Promise<string> {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`)
  try {
    const page = await browser.contexts()[0].newPage()
    await page.setViewportSize({ width: 375, height: 812 })
    await walk(page)
    const url = page.url()
    await page.close()
    return url
  } finally {
    // connected over CDP: this drops the connection and leaves the browser (and its profile) running
    await browser.close()
  }
}

/** Makes a draft through the app itself (guide → 开始办理) and returns the question page's URL. */
export function questionUrl(port: number, origin: string): Promise<string> {
  return inProfile(port, async (page) => {
    await page.goto(`${origin}/#/pages/journey/guide/index?bundle=${BUNDLE}`)
    await page.getByRole('button', { name: '开始办理', exact: true }).click()
    await page.waitForURL(/pages\/journey\/question\/index\?/, { timeout: 30000 })
    await page.getByRole('heading', { level: 1 }).first().waitFor()
  })
}

/** Walks 开办餐饮店 to 核对申请信息 (signing in by SMS on the way) from a clean start; returns its address. */
function reviewUrl(port: number, origin: string): Promise<string> {
  return inProfile(port, async (page) => {
    // the question page's draft (already measured) would offer 继续办理 in place of the search result's guide
    await page.goto(`${origin}/`)
    await page.evaluate(() => window.localStorage.clear())
    await restaurant(new Driver(page, origin))
  })
}

/** Submits the draft on the review page at `review` (提交申请) and returns the confirmation's address. */
function confirmationUrl(port: number, review: string): Promise<string> {
  return inProfile(port, async (page) => {
    await page.goto(review)
    const d = new Driver(page, new URL(review).origin)
    await d.heading1('核对申请信息').waitFor({ timeout: 30000 })
    await d.submit()
  })
}

/** Signs the browser (its profile, which every later run shares) in by SMS as 刘洋. */
export async function signInBrowser(port: number, origin: string): Promise<void> {
  await inProfile(port, async (page) => {
    await page.goto(`${origin}/#/pages/login/index`)
    await page.getByRole('textbox', { name: '手机号码' }).fill('13807310001')
    await page.getByRole('button', { name: '获取验证码', exact: true }).click()
    await page.getByRole('textbox', { name: '短信验证码' }).fill('123456')
    await page.getByRole('button', { name: '登录', exact: true }).click()
    await page.waitForURL((u) => !u.hash.includes('pages/login'), { timeout: 30000 })
  })
}

/** Signs the browser in as 刘洋 and files a case of his that a department accepted and asked to 补正. */
async function casePages(port: number, origin: string): Promise<{ list: string; detail: string }> {
  const caseId = await fileRestaurantCase(origin, { supplement: true })
  await signInBrowser(port, origin)
  return { list: `${origin}/#${ROUTES.cases}`, detail: `${origin}/#${caseUrl(caseId)}` }
}

const fmtMs = (ms: number) => (Number.isFinite(ms) ? `${Math.round(ms)} ms` : '—')

const section: BenchSection = {
  title: `Lighthouse 移动端（lighthouse 12.2.3，${RUNS} 次取中位数，目标 ≥ ${GOAL}）`,
  async run() {
    const dir = h5Dir()
    if (!browserSectionReady([dir])) return
    const { default: lighthouse } = await import('lighthouse')
    const chromeLauncher = await import('chrome-launcher')
    const reports = path.join(repoRoot, 'test-results', 'lighthouse')
    fs.mkdirSync(reports, { recursive: true })
    const wanted = (process.env.LIGHTHOUSE_PAGES ?? 'home,guide,question,review,done,cases,case').split(',').map((s) => s.trim())

    const platform = await startPlatform({ MOCK_STATIC_DIR: dir })
    const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS, logLevel: 'silent' })
    try {
      let cases: Promise<{ list: string; detail: string }> | undefined
      const casesOnce = () => (cases ??= casePages(chrome.port, platform.url))
      let review: Promise<string> | undefined
      const reviewOnce = () => (review ??= reviewUrl(chrome.port, platform.url))
      const pages: { key: string; name: string; url: () => Promise<string> }[] = [
        { key: 'home', name: '首页', url: async () => `${platform.url}/` },
        { key: 'guide', name: `办事指南（${BUNDLE}）`, url: async () => `${platform.url}/#/pages/journey/guide/index?bundle=${BUNDLE}` },
        { key: 'question', name: '情形问题（第 1 题）', url: () => questionUrl(chrome.port, platform.url) },
        { key: 'review', name: '核对申请信息', url: reviewOnce },
        { key: 'done', name: '提交成功', url: async () => confirmationUrl(chrome.port, await reviewOnce()) },
        { key: 'cases', name: '我的办件（已登录）', url: async () => (await casesOnce()).list },
        { key: 'case', name: '办件详情（待补正）', url: async () => (await casesOnce()).detail },
      ]
      const rows: string[][] = []
      for (const p of pages.filter((x) => wanted.includes(x.key))) {
        let url: string
        try {
          url = await p.url()
        } catch (e) {
          // one page that cannot be reached costs its row, not the others'
          rows.push([p.name, '—', '—', '—', '—', '—', '—', '—', `无法到达：${(e as Error).message.split('\n')[0]}`])
          continue
        }
        const runs: Run[] = []
        let last: LH.Result | undefined
        for (let i = 0; i < RUNS; i++) {
          const result = await lighthouse(url, {
            port: chrome.port,
            output: 'json',
            logLevel: 'error',
            onlyCategories: [...CATEGORIES],
            // applied throttling (the page really runs at 4× CPU on a slowed network) instead of the simulation
            ...(process.env.LIGHTHOUSE_THROTTLING === 'devtools' ? { throttlingMethod: 'devtools' as const } : {}),
          })
          if (!result) throw new Error(`Lighthouse 没有结果：${url}`)
          const lhr = result.lhr
          if (lhr.runtimeError) {
            console.log(`  ${p.name} 第 ${i + 1} 次：${lhr.runtimeError.code} ${lhr.runtimeError.message}`)
            continue
          }
          // the trace Lighthouse recorded (DevTools' Performance panel opens it): which task its model counted, and why
          if (process.env.LIGHTHOUSE_TRACE) fs.writeFileSync(path.join(reports, `${p.key}-${i + 1}.trace.json`), JSON.stringify(result.artifacts.Trace))
          const run = summarise(lhr)
          runs.push(run)
          if (process.env.LIGHTHOUSE_EACH) console.log(`  ${p.name} 第 ${i + 1} 次：性能 ${run.performance}，FCP ${fmtMs(run.fcp)}，LCP ${fmtMs(run.lcp)}，TBT ${fmtMs(run.tbt)}，CLS ${run.cls.toFixed(3)}`)
          last = lhr
        }
        if (last) fs.writeFileSync(path.join(reports, `${p.key}.json`), JSON.stringify(last))
        if (!runs.length) {
          rows.push([p.name, '—', '—', '—', '—', '—', '—', '—', '没有有效结果'])
          continue
        }
        const mid = (k: keyof Run) => median(runs.map((r) => r[k]).sort((a, b) => a - b))
        const perf = mid('performance')
        const spread = `${Math.min(...runs.map((r) => r.performance))}–${Math.max(...runs.map((r) => r.performance))}`
        rows.push([
          p.name,
          `${perf}（${spread}）`,
          String(mid('accessibility')),
          String(mid('bestPractices')),
          fmtMs(mid('fcp')),
          fmtMs(mid('lcp')),
          fmtMs(mid('tbt')),
          mid('cls').toFixed(3),
          goal(perf >= GOAL),
        ])
      }
      printTable(['页面', '性能（范围）', '无障碍', '最佳实践', 'FCP', 'LCP', 'TBT', 'CLS', `性能 ≥ ${GOAL}`], rows)
      console.log(`  每项为 ${RUNS} 次的中位数（各指标分别取中位数）；最后一次的完整报告在 test-results/lighthouse/。`)
    } finally {
      await chrome.kill()
      await platform.stop()
    }
  },
}

export default section
