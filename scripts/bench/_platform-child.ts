// A platform in its own process for the bench sections that load it from outside (so the load they make
// does not run on the platform's event loop). Options come as JSON in BENCH_PLATFORM_OPTIONS; the module
// from BENCH_MOCK_SERVER (another checkout, for before/after) or this one. Prints `listening <url>`.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'

type Create = (o: Record<string, unknown>) => { listen(port: number, host: string): Promise<{ url: string }> }

async function main() {
  const repo = path.resolve(__dirname, '..', '..')
  const modulePath = process.env.BENCH_MOCK_SERVER ? path.resolve(process.env.BENCH_MOCK_SERVER) : path.join(repo, 'mock', 'server', 'index.ts')
  const { createPlatform } = (await import(modulePath)) as { createPlatform: Create }
  const p = createPlatform({
    dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'yjs-bench-')),
    catalogueDir: path.join(repo, 'mock', 'catalogue'),
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    ...(JSON.parse(process.env.BENCH_PLATFORM_OPTIONS ?? '{}') as object),
  })
  const { url } = await p.listen(0, '127.0.0.1')
  // over IPC: 'reset' starts measuring this process's event-loop delay, 'report' answers its figures in ms
  const loop = monitorEventLoopDelay({ resolution: 5 })
  loop.enable()
  process.on('message', (m) => {
    if (m === 'reset') loop.reset()
    if (m === 'report') process.send?.({ p50: loop.percentile(50) / 1e6, p95: loop.percentile(95) / 1e6, max: loop.max / 1e6 })
  })
  console.log(`listening ${url}`)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
