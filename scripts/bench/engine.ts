// Engine: time for guide() on the largest bundle (most matters, then fields) with a typical full
// answer set and a filled form. Goal: median ≤ 1 ms.
import { guide } from '../../src/domain/engine'
import { formatMs, goal, loadBundles, median, percentile, printTable, typicalContext, typicalDraft, typicalPrefill, type BenchSection } from './_lib'

const WARM_UP = 500
const ITERATIONS = 5000
const GOAL_MS = 1

function time(run: () => void, iterations: number): number[] {
  for (let i = 0; i < WARM_UP; i++) run()
  const out: number[] = []
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now()
    run()
    out.push(performance.now() - t0)
  }
  return out.sort((a, b) => a - b)
}

const section: BenchSection = {
  title: '引擎：guide() 一次求值',
  run() {
    const bundles = loadBundles()
      .map((b) => ({ ...b, size: [b.template.matters.length, b.template.fields.length] as const }))
      .sort((a, b) => b.size[0] - a.size[0] || b.size[1] - a.size[1])
    if (!bundles.length) return console.log('  目录中没有可用的模板')
    const rows = bundles.map((b, i) => {
      const t = b.template
      const ctx = typicalContext(t)
      const prefill = typicalPrefill(t, ctx)
      const draft = typicalDraft(t, ctx, prefill)
      // The largest bundle is the figure that counts: more iterations for it.
      const samples = time(() => guide(t, draft, ctx, prefill), i === 0 ? ITERATIONS : ITERATIONS / 5)
      const g = guide(t, draft, ctx, prefill)
      const mid = median(samples)
      return [
        `${i === 0 ? '★ ' : ''}${t.name}`,
        String(t.matters.length),
        String(t.fields.length),
        String(Object.keys(draft.answers).length),
        String(g.matters.length),
        formatMs(mid),
        formatMs(percentile(samples, 95)),
        String(samples.length),
        i === 0 ? goal(mid <= GOAL_MS) : '',
      ]
    })
    printTable(['一件事', '事项', '字段', '已答问题', '适用事项', '中位数', 'p95', '次数', `目标 ≤ ${GOAL_MS} ms`], rows, [false, true, true, true, true, true, true, true, false])
    console.log(`  ★ 最大的一件事（事项最多，其次字段最多）。每个先热身 ${WARM_UP} 次；回答取事项最多的路径，表单按字段类型填好。`)
  },
}

export default section
