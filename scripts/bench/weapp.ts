// The WeChat build in the headless WeChat runtime (test/weapp/support): per page, the bytes of the first setData
// and of the largest one, and the time from the page's onLoad to its first render (first setData applied),
// median of 5 cold opens; then the size of each package. Builds nothing: without dist/weapp
// (npm run build:weapp) the section says so. BENCH_WEAPP_BASE_DIR=<another build> adds its package sizes as
// "before" (e.g. main built with TARO_OUTPUT_ROOT=/tmp/weapp-main npm run build:weapp).
// The runtime is V8 on this machine, not a phone: times compare pages and builds, not devices.
import fs from 'node:fs'
import path from 'node:path'
import { weappPackages } from '../check-size'
import { startMockPlatform } from '../../test/weapp/support/platform'
import { DIST_DIR } from '../../test/weapp/support/runtime'
import { journeyStates, PAGE_VISITS, visit } from '../../test/weapp/support/visits'
import { formatMs, median, printTable, type BenchSection } from './_lib'

const RUNS = Number(process.env.BENCH_WEAPP_RUNS) || 5
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`

const section: BenchSection = {
  title: `微信小程序构建在无界面微信运行时中：各页 setData 字节数、onLoad 到首次渲染（${RUNS} 次冷启动取中位数），分包大小`,
  async run() {
    if (!fs.existsSync(path.join(DIST_DIR, 'app.json'))) {
      console.log('  （跳过：没有 dist/weapp。本节不做构建，请先运行 npm run build:weapp）')
      return
    }
    const platform = await startMockPlatform()
    try {
      const states = await journeyStates(platform.url)
      const rows: string[][] = []
      for (const [route, heading, given] of PAGE_VISITS) {
        const firsts: number[] = []
        const largest: number[] = []
        const counts: number[] = []
        const totals: number[] = []
        const toFirst: number[] = []
        const toContent: number[] = []
        for (let i = 0; i < RUNS; i++) {
          const app = await visit(platform.url, route, heading, given(states))
          const sets = app.page.setData
          await app.close()
          app.assertHealthy()
          firsts.push(sets[0].bytes)
          largest.push(Math.max(...sets.map((s) => s.bytes)))
          counts.push(sets.length)
          totals.push(sets.reduce((n, s) => n + s.bytes, 0))
          toFirst.push(sets[0].at)
          // the setData that completed the page: the last one before it went quiet
          toContent.push(sets[sets.length - 1].at)
        }
        const m = (xs: number[]) => median([...xs].sort((a, b) => a - b))
        rows.push([`${route.replace(/^pages\//, '').replace(/\/index$/, '')}（${heading}）`, kb(m(firsts)), kb(m(largest)), String(m(counts)), kb(m(totals)), formatMs(m(toFirst)), formatMs(m(toContent))])
      }
      printTable(['页面', '首次 setData', '最大 setData', '次数', '合计', 'onLoad→首次渲染', 'onLoad→内容齐全'], rows)
      console.log('  （单次 setData 上限：本测试 256 KB，微信 1 MB；“内容齐全”= 页面安静前最后一次 setData）')
    } finally {
      await platform.stop()
    }

    console.log('\n  分包大小（DevTools 上传的文件字节数）：')
    const after = weappPackages()
    const baseDir = process.env.BENCH_WEAPP_BASE_DIR
    const before = baseDir && fs.existsSync(path.join(baseDir, 'app.json')) ? weappPackages(baseDir) : undefined
    const names = [...new Set([...(before ?? []).map((p) => p.name), ...after.map((p) => p.name)])]
    const sum = (ps: { bytes: number }[]) => ps.reduce((n, p) => n + p.bytes, 0)
    const rows = names.map((name) => {
      const a = after.find((p) => p.name === name)
      const b = before?.find((p) => p.name === name)
      return [name, ...(before ? [b ? kib(b.bytes) : '—'] : []), a ? kib(a.bytes) : '—', a ? `≤ ${kib(a.budget)}` : '']
    })
    rows.push(['合计', ...(before ? [kib(sum(before))] : []), kib(sum(after)), ''])
    printTable(['包', ...(before ? [`之前（${baseDir}）`] : []), '本构建', '预算'], rows)
  },
}

export default section
