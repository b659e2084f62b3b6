// Taps and keystrokes a citizen needs to finish the three reference journeys, from the home page to the
// confirmation, in the production H5 build (dist/h5) served by the mock platform, in headless Chromium on a
// 390×844 phone viewport; and the burden report each confirmation shows. The journeys are the ones the
// browser E2E drives (test/e2e/support/journeys.ts), so the figures follow the app.
// Builds nothing: without dist/h5 (npm run build:h5) or Chromium the section says so and is skipped. Times
// are printed for information only; nothing here fails on a timing.
import fs from 'node:fs'
import path from 'node:path'
import { CHROMIUM, launchBrowser, newPhoneContext } from '../../test/e2e/support/browser'
import { Driver, JOURNEYS } from '../../test/e2e/support/journeys'
import { repoRoot, startPlatform } from '../../test/e2e/support/platform'
import { printTable, type BenchSection } from './_lib'

const RUNS: { name: string; who: string; drive: (d: Driver) => Promise<void> }[] = [
  { name: '开办餐饮店', who: '个人；告知承诺 2 项、上传 1 份、容缺 1 项、EMS', drive: JOURNEYS.restaurant },
  { name: '新生儿出生一件事', who: '妈妈；电子出生医学证明、结婚证、户口簿、身份证；窗口自取', drive: JOURNEYS.newborn },
  { name: '企业开办', who: '企业账号；发票、参保、公积金、银行开户；告知承诺 1 项、上传 1 份', drive: JOURNEYS.firm },
]

const section: BenchSection = {
  title: '三条参考办事路径：从首页到提交成功的点按、键入次数与减负报告（生产 H5 构建）',
  async run() {
    if (!fs.existsSync(path.join(repoRoot, 'dist', 'h5', 'index.html'))) {
      console.log('  （跳过：没有 dist/h5。本节不做构建，请先运行 npm run build:h5）')
      return
    }
    if (!fs.existsSync(CHROMIUM)) {
      console.log(`  （跳过：没有找到 Chromium（${CHROMIUM}）。请先运行 bash scripts/ensure-browser.sh，或设置 CHROMIUM_PATH）`)
      return
    }
    const platform = await startPlatform()
    const browser = await launchBrowser()
    const rows: string[][] = []
    const reports: string[] = []
    try {
      for (const run of RUNS) {
        const context = await newPhoneContext(browser)
        const page = await context.newPage()
        page.setDefaultTimeout(60000)
        const d = new Driver(page, platform.url)
        const t0 = performance.now()
        try {
          await run.drive(d)
          const { burden } = await d.submit(60000)
          const seconds = ((performance.now() - t0) / 1000).toFixed(1)
          rows.push([run.name, String(d.taps), String(d.keystrokes), `${seconds} s`])
          reports.push(`  ${run.name}：${burden}`)
        } catch (e) {
          // a journey the app cannot finish is reported, not hidden; the E2E tests are what fail on it
          const why = ((e as Error).message ?? String(e)).split('\n')[0]
          rows.push([run.name, '—', '—', '—'])
          reports.push(`  ${run.name}：✘ 未能走完（${why}）`)
        } finally {
          await context.close()
        }
      }
    } finally {
      await browser.close()
      await platform.stop()
    }
    printTable(['一件事', '点按', '键入字符', '用时（仅供参考）'], rows)
    console.log('\n  减负报告（确认页所示）：')
    for (const r of reports) console.log(r)
    console.log('\n  路径：')
    for (const r of RUNS) console.log(`  ${r.name}：${r.who}`)
    console.log(
      '  计数：点按 = 按钮、选项、复选框、为输入而点文本框，以及上传时在系统选择器中选文件；键入字符 = 输入的字符数（一个汉字算一个，' +
        '不计输入法按键）。含首页找到事项、回答问题、短信登录（手机号 + 验证码）、填表、材料、领取方式和提交。',
    )
  },
}

export default section
