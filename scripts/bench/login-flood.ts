// Staff sign-in flood: GET /health latency while 200 wrong passwords arrive 20 at a time, with the
// platform's limits on (as it runs) and off (every try hashed: what async scrypt alone gives), and how
// long a wrong password takes for a known and an unknown account. Goal: /health p95 ≤ 50 ms.
// BENCH_MOCK_SERVER=<path to another checkout's mock/server/index.ts> measures that one (before/after).
import { spawn } from 'node:child_process'
import path from 'node:path'
import { formatMs, goal, median, percentile, printTable, type BenchSection } from './_lib'

const LOGINS = 200
const CONCURRENCY = 20
const HEALTH_EVERY_MS = 10
const GOAL_MS = 50

interface LoopDelay {
  p50: number
  p95: number
  max: number
}

interface Started {
  url: string
  /** the platform process's event-loop delay since the last call */
  loopDelay(): Promise<LoopDelay>
  close(): Promise<void>
}

/** The platform in a process of its own: the flood's clients do not share its event loop. */
async function startPlatform(limits: 'on' | 'off'): Promise<Started> {
  const off = { throttle: { staff: { accountFailures: 1e9, clientFreeFailures: 1e9, clientInFlight: 1e9 } } }
  const child = spawn(process.execPath, [...process.execArgv, path.join(__dirname, '_platform-child.ts')], {
    env: { ...process.env, BENCH_PLATFORM_OPTIONS: JSON.stringify(limits === 'off' ? off : {}) },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  })
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (d) => {
      out += d
      const m = /listening (\S+)/.exec(out)
      if (m) resolve(m[1])
    })
    child.once('exit', (code) => reject(new Error(`platform exited (${code})`)))
  })
  return {
    url: `${url}/api/v1`,
    loopDelay: () =>
      new Promise<LoopDelay>((resolve) => {
        child.once('message', (m) => {
          child.send('reset')
          resolve(m as LoopDelay)
        })
        child.send('report')
      }),
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now()
  await fn()
  return performance.now() - t0
}

const login = (url: string, account: string, password: string) =>
  fetch(`${url}/auth/staff`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ account, password }) }).then(async (r) => {
    await r.arrayBuffer()
    return r.status
  })

async function health(url: string): Promise<number> {
  return timed(() => fetch(`${url}/health`).then((r) => r.arrayBuffer()))
}

async function flood(limits: 'on' | 'off') {
  const p = await startPlatform(limits)
  try {
    const idle: number[] = []
    for (let i = 0; i < 50; i++) idle.push(await health(p.url))
    await p.loopDelay()
    const during: number[] = []
    const statuses = new Map<number, number>()
    let done = false
    const probe = (async () => {
      while (!done) {
        during.push(await health(p.url))
        await new Promise((r) => setTimeout(r, HEALTH_EVERY_MS))
      }
    })()
    let next = 0
    const t0 = performance.now()
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < LOGINS) {
          const i = next++
          const status = await login(p.url, i % 2 ? 'staff01' : `nobody${i}`, `wrong-${i}`)
          statuses.set(status, (statuses.get(status) ?? 0) + 1)
        }
      }),
    )
    const floodMs = performance.now() - t0
    const loop = await p.loopDelay()
    done = true
    await probe
    // a wrong password for a known and an unknown account, one at a time
    const known: number[] = []
    const unknown: number[] = []
    if (limits === 'off') {
      for (let i = 0; i < 10; i++) {
        known.push(await timed(() => login(p.url, 'staff02', 'wrong')))
        unknown.push(await timed(() => login(p.url, `ghost${i}`, 'wrong')))
      }
    }
    return { idle: idle.sort((a, b) => a - b), during: during.sort((a, b) => a - b), loop, floodMs, statuses, known: known.sort((a, b) => a - b), unknown: unknown.sort((a, b) => a - b) }
  } finally {
    await p.close()
  }
}

const section: BenchSection = {
  title: `工作人员登录洪水：${LOGINS} 次错误密码（并发 ${CONCURRENCY}）期间 GET /health 的响应时间`,
  async run() {
    if (process.env.BENCH_MOCK_SERVER) console.log(`  （被测平台：${process.env.BENCH_MOCK_SERVER}）`)
    const rows: string[][] = []
    const compare: string[][] = []
    for (const limits of ['on', 'off'] as const) {
      const r = await flood(limits)
      const p95 = percentile(r.during, 95)
      const answers = [...r.statuses.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([s, n]) => `${s}×${n}`)
        .join(' ')
      rows.push([
        limits === 'on' ? '限流开（运行时的设置）' : '限流关（每次都算 scrypt）',
        formatMs(percentile(r.idle, 95)),
        formatMs(median(r.during)),
        formatMs(p95),
        formatMs(r.during[r.during.length - 1] ?? 0),
        String(r.during.length),
        `${formatMs(r.loop.p95)} / ${formatMs(r.loop.max)}`,
        `${(r.floodMs / 1000).toFixed(1)} s`,
        answers,
        goal(p95 <= GOAL_MS),
      ])
      if (r.known.length) compare.push(['错误密码，已有账号 / 不存在的账号（中位数，逐个）', formatMs(median(r.known)), formatMs(median(r.unknown))])
    }
    printTable(['', '空闲 p95', '期间中位数', '期间 p95', '期间最大', '/health 次数', '平台事件循环延迟 p95 / 最大', '洪水用时', '登录应答', `目标 p95 ≤ ${GOAL_MS} ms`], rows)
    console.log('  （机器繁忙时 /health 的时间主要是排队；平台进程的事件循环延迟只看平台自身是否被阻塞。）')
    if (compare.length) {
      console.log('')
      printTable(['', '已有账号', '不存在的账号'], compare)
    }
  },
}

export default section
