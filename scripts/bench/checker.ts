// Checker: time for the whole catalogue (schema, references, exhaustive walk). Goal ≤ 5 s.
import { readCatalogue, runChecks } from '../guides-check'
import { formatMs, goal, median, printTable, type BenchSection } from './_lib'

const RUNS = 3
const GOAL_MS = 5000

const section: BenchSection = {
  title: '检查器：整个目录',
  run() {
    const entries = readCatalogue()
    if (!entries.length) return console.log('  目录中没有模板')
    const walls: number[] = []
    const cpus: number[] = []
    let last: ReturnType<typeof runChecks> | undefined
    for (let i = 0; i < RUNS; i++) {
      const cpu0 = process.cpuUsage()
      last = runChecks(entries, entries)
      const cpu = process.cpuUsage(cpu0)
      walls.push(last.total)
      cpus.push((cpu.user + cpu.system) / 1000)
    }
    const { checks, times } = last as ReturnType<typeof runChecks>
    printTable(
      ['一件事', '地区×申请人', '回答路径', '不同结果', '错误', '用时'],
      checks.map((c, i) => [
        c.name ?? c.file,
        String(c.walk?.contexts ?? '—'),
        c.walk ? c.walk.paths.toLocaleString('en-US') : `未穷举（${c.walkSkipped ?? ''}）`,
        c.walk ? c.walk.outcomes.toLocaleString('en-US') : '—',
        String(c.issues.length),
        formatMs(times[i]),
      ]),
      [false, true, true, true, true, true],
    )
    const paths = checks.reduce((n, c) => n + (c.walk?.paths ?? 0), 0)
    const errors = checks.reduce((n, c) => n + c.issues.length, 0)
    const wall = median([...walls].sort((a, b) => a - b))
    console.log(
      `  ${checks.length} 个模板，${paths.toLocaleString('en-US')} 条回答路径，${errors} 处错误。` +
        `用时中位数 ${formatMs(wall)}（${RUNS} 次：${walls.map(formatMs).join('、')}；CPU ${cpus.map(formatMs).join('、')}）  目标 ≤ ${formatMs(GOAL_MS)}：${goal(wall <= GOAL_MS)}`,
    )
  },
}

export default section
