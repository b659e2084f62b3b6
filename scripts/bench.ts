// npm run bench: prints figures, section by section. A goal missed is printed, never a failure
// (timings are noisy); only a section that crashes makes the exit code 1.
//
// Sections: scripts/bench/<name>.ts default-exporting { title, run } (see bench/_lib.ts). The ones
// below run first in this order, then any other file there (alphabetical; names starting with _ are
// helpers), then scripts/bench-reliability.ts as its own process when it exists.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type { BenchSection } from './bench/_lib'

const ORDER = ['engine', 'checker', 'burden']
const dir = path.join(__dirname, 'bench')
const reliability = path.join(__dirname, 'bench-reliability.ts')

function sectionNames(): string[] {
  const found = fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.ts') && !n.startsWith('_'))
    .map((n) => n.replace(/\.ts$/, ''))
  return [...ORDER.filter((n) => found.includes(n)), ...found.filter((n) => !ORDER.includes(n)).sort()]
}

function heading(n: number, title: string): void {
  console.log(`\n${n}. ${title}\n`)
}

async function main(): Promise<number> {
  const only = process.argv.slice(2)
  let failed = 0
  let n = 0
  for (const name of sectionNames()) {
    if (only.length && !only.includes(name)) continue
    const mod = (await import(path.join(dir, `${name}.ts`))) as { default?: BenchSection }
    const section = mod.default
    heading(++n, section?.title ?? name)
    const t0 = performance.now()
    try {
      if (!section) throw new Error(`scripts/bench/${name}.ts 没有默认导出 { title, run }`)
      await section.run()
    } catch (e) {
      failed++
      console.log(`  ✘ 本节出错：${(e as Error).stack ?? String(e)}`)
    }
    console.log(`  （本节 ${((performance.now() - t0) / 1000).toFixed(1)} s）`)
  }
  if (fs.existsSync(reliability) && (!only.length || only.includes('reliability'))) {
    heading(++n, '模拟平台可靠性（scripts/bench-reliability.ts）')
    // Its own process: it may start servers or call process.exit.
    const r = spawnSync(process.execPath, [...process.execArgv, reliability], { stdio: 'inherit' })
    if (r.status !== 0) {
      failed++
      console.log(`  ✘ bench-reliability 退出码 ${r.status ?? r.signal}`)
    }
  }
  if (failed) console.log(`\n${failed} 节出错。`)
  return failed ? 1 : 0
}

main().then((code) => process.exit(code))
