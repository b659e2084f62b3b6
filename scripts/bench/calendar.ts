// Working-day calendar: addWorkingDays walks day by day, so its cost grows with the count. The engine
// memoises due dates by (day, limit), but the mock's clock and the staff views call it fresh.
import { addWorkingDays, workingDaysBetween } from '../../src/domain/calendar'
import { formatMs, median, printTable, type BenchSection } from './_lib'

const START = '2026-01-05'
// 10 and 60 working days are typical limits; 2 400 reaches into 2035, the last year of the law's table.
const COUNTS = [10, 60, 250, 2400]

function time(fn: () => void, runs: number): number {
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    fn()
    samples.push(performance.now() - t0)
  }
  return median(samples.sort((a, b) => a - b))
}

const section: BenchSection = {
  title: '工作日日历：addWorkingDays / workingDaysBetween（中位数）',
  run() {
    const rows = COUNTS.map((n) => {
      const due = addWorkingDays(START, n)
      const runs = n > 1000 ? 200 : 2000
      return [
        `${START} + ${n}`,
        `${due.date}${due.estimated ? '（预计）' : ''}`,
        formatMs(time(() => addWorkingDays(START, n), runs)),
        formatMs(time(() => workingDaysBetween(START, due.date), runs)),
      ]
    })
    printTable(['起算 + 工作日', '到期日', 'addWorkingDays', 'workingDaysBetween'], rows, [false, false, true, true])
  },
}

export default section
