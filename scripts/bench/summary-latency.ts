// Answer → updated summary: the time from a citizen's answer (a tap on a choice, or a number typed) to the next
// painted frame that shows the new "需办理 N 个事项…" summary, on the production H5 build in Debian's
// Chromium (390×844 phone) with the CPU slowed down 4× (CDP Emulation.setCPUThrottlingRate). About 20
// answers through 开办餐饮店, each one chosen so that the summary changes. Goal: median ≤ 50 ms.
//
// Measured inside the page: from the input event's timeStamp (click or input, captured on window before
// the app sees it) to the DOM change of #live-summary, and to the frame after it (requestAnimationFrame,
// then a message posted from it: after that frame's paint).
//
// Needs dist/h5 (npm run build:h5); builds nothing. BENCH_H5_DIR serves another build folder.
import type { Page } from 'playwright-core'
import { launchBrowser, newPhoneContext } from '../../test/e2e/support/browser'
import { startPlatform } from '../../test/e2e/support/platform'
import { formatMs, goal, median, printTable, type BenchSection } from './_lib'
import { browserSectionReady, h5Dir } from './lighthouse'

const GOAL_MS = 50
const CPU_SLOWDOWN = 4
const BUNDLE = 'kaiban-canyin'

interface Sample {
  label: string
  dom: number
  frame: number
  text: string
}

/**
 * Arms the measurement for the next answer: window.__yjsLatency resolves after the summary changed and a
 * frame was painted (null after 5 s without a change). A string, not a function: tsx would wrap a
 * function's inner names in a helper that does not exist in the page. It evaluates to undefined, so
 * page.evaluate does not wait for the promise.
 */
const ARM = `window.__yjsLatency = new Promise((resolve) => {
  const el = document.getElementById('live-summary')
  if (!el) return resolve(null)
  const before = el.textContent
  let start
  const onInput = (e) => { if (start === undefined) start = e.timeStamp }
  for (const type of ['click', 'input']) window.addEventListener(type, onInput, { capture: true, once: true })
  const observer = new MutationObserver(() => {
    if (el.textContent === before || start === undefined) return
    const begun = start
    const dom = performance.now() - begun
    observer.disconnect()
    clearTimeout(timer)
    requestAnimationFrame(() => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => resolve({ dom, frame: performance.now() - begun, text: el.textContent || '' })
      channel.port2.postMessage(0)
    })
  })
  const timer = setTimeout(() => { observer.disconnect(); resolve(null) }, 5000)
  observer.observe(el, { subtree: true, childList: true, characterData: true })
}), undefined`

async function measure(page: Page, label: string, act: () => Promise<void>, samples: Sample[], unchanged: string[]): Promise<void> {
  await page.evaluate(ARM)
  await act()
  const r = (await page.evaluate('window.__yjsLatency')) as Omit<Sample, 'label'> | null
  if (r) samples.push({ label, ...r })
  else unchanged.push(label)
}

const section: BenchSection = {
  title: `回答 → 摘要更新（Chromium，CPU 降速 ${CPU_SLOWDOWN}×，目标中位数 ≤ ${GOAL_MS} ms）`,
  async run() {
    const dir = h5Dir()
    if (!browserSectionReady([dir])) return
    const platform = await startPlatform({ MOCK_STATIC_DIR: dir })
    const browser = await launchBrowser()
    try {
      const context = await newPhoneContext(browser)
      const page = await context.newPage()
      await page.goto(`${platform.url}/#/pages/journey/guide/index?bundle=${BUNDLE}`)
      await page.getByRole('button', { name: '开始办理', exact: true }).click()
      await page.waitForURL(/pages\/journey\/question\/index\?/)
      const cdp = await context.newCDPSession(page)
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN })

      const heading = (name: string) => page.getByRole('heading', { level: 1, name }).waitFor()
      const next = () => page.getByRole('button', { name: '继续', exact: true }).click()
      const samples: Sample[] = []
      const unchanged: string[] = []
      const choose = (q: string, option: string) => measure(page, `${q} → ${option}`, () => page.getByRole('radio', { name: option, exact: true }).click(), samples, unchanged)
      const type = (q: string, value: string) => measure(page, `${q} → ${value}`, () => page.getByRole('textbox', { name: q }).fill(value), samples, unchanged)

      await heading('您已经领到这家店的营业执照了吗？')
      await choose('营业执照', '否')
      await next()
      await heading('您打算以什么身份开店？')
      await page.getByRole('radio', { name: '个体工商户', exact: true }).click()
      await next()
      const area = '店面的使用面积有多大？'
      await heading(area)
      for (const v of ['350', '40', '350', '40', '350']) await type(area, v)
      await next()
      const investment = '开这家店总共打算投入多少钱？'
      await heading(investment)
      for (const v of ['50', '1', '50', '1', '50']) await type(investment, v)
      await next()
      await page.getByRole('heading', { level: 1, name: /店里会卖下面这些吗/ }).waitFor()
      await page.getByRole('checkbox', { name: '以上都没有' }).click()
      await next()
      await heading('店里卖不卖香烟？')
      for (const v of ['是', '否', '是', '否', '是']) await choose('香烟', v)
      await next()
      await page.getByRole('heading', { level: 1, name: /招牌/ }).waitFor()
      for (const v of ['是', '否', '是', '否', '是']) await choose('招牌', v)
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })

      if (!samples.length) {
        console.log('  没有测到一次摘要变化（页面结构变了？）')
        return
      }
      const dom = samples.map((s) => s.dom).sort((a, b) => a - b)
      const frame = samples.map((s) => s.frame).sort((a, b) => a - b)
      printTable(
        ['', '次数', '中位数', '最大', `中位数 ≤ ${GOAL_MS} ms`],
        [
          ['回答 → 摘要写入页面', String(dom.length), formatMs(median(dom)), formatMs(dom[dom.length - 1]), ''],
          ['回答 → 下一帧画出摘要', String(frame.length), formatMs(median(frame)), formatMs(frame[frame.length - 1]), goal(median(frame) <= GOAL_MS)],
        ],
      )
      const slowest = [...samples].sort((a, b) => b.frame - a.frame)[0]
      console.log(`  最慢的一次：${slowest.label}（${formatMs(slowest.frame)}，摘要“${slowest.text}”）`)
      if (unchanged.length) console.log(`  摘要没有变化、未计入：${unchanged.join('；')}`)
    } finally {
      await browser.close()
      await platform.stop()
    }
  },
}

export default section
