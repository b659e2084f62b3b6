// `npx tsx mock/main.ts`: the mock platform on MOCK_HOST:MOCK_PORT (default 127.0.0.1:3100).
import path from 'node:path'
import type { FaultConfig } from '../src/services/contract'
import { createPlatform, devServerOrigins } from './server'
import { validateFaultConfig } from './server/faults'
import type { CrashPlan } from './server/store'

const root = path.resolve(__dirname, '..')
const port = Number(process.env.MOCK_PORT ?? 3100)
const host = process.env.MOCK_HOST ?? '127.0.0.1'
const dataDir = path.resolve(root, process.env.MOCK_DATA_DIR ?? 'mock/.data')
const staticDir = process.env.MOCK_STATIC_DIR ? path.resolve(root, process.env.MOCK_STATIC_DIR) : undefined
// the folder holding bundles/ and regions.json (tests publish a new template version into a copy)
const catalogueDir = path.resolve(root, process.env.MOCK_CATALOGUE_DIR ?? 'mock/catalogue')

let faults: FaultConfig | undefined
if (process.env.MOCK_FAULTS) {
  // e.g. MOCK_FAULTS='{"seed":7,"faults":[{"route":"POST /cases","errorRate":0.2}]}'
  let parsed: unknown
  try {
    parsed = JSON.parse(process.env.MOCK_FAULTS)
  } catch {
    console.error('MOCK_FAULTS 不是有效的 JSON，已忽略')
  }
  const r = parsed === undefined ? undefined : validateFaultConfig(parsed)
  if (r?.ok) faults = r.config
  else if (r) console.error(`MOCK_FAULTS 配置不正确，已忽略：${JSON.stringify(r.errors)}`)
}

// crash tests: MOCK_CRASH_AT='POST /cases#5' kills this process (SIGKILL) at the 5th write point of a submission
let crash: CrashPlan | undefined
const crashAt = /^(?:(.+)#)?(\d+)$/.exec(process.env.MOCK_CRASH_AT ?? '')
if (crashAt) {
  crash = {
    route: crashAt[1],
    at: Number(crashAt[2]),
    onCrash: (point) => {
      console.error(`MOCK_CRASH_AT：在写入点 ${point} 处终止进程`)
      process.kill(process.pid, 'SIGKILL')
    },
  }
}

// the app's own browser origins: the H5 dev server, or a list (the platform's own origin is always allowed)
const corsOrigins = process.env.MOCK_CORS_ORIGINS
  ? process.env.MOCK_CORS_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter(Boolean)
  : devServerOrigins(process.env.H5_PORT ?? 10086)

const platform = createPlatform({
  dataDir,
  catalogueDir,
  staticDir,
  faults,
  // random at every start unless set: printed below, for tools and tests on this machine
  adminToken: process.env.MOCK_ADMIN_TOKEN,
  corsOrigins,
  crash,
  // WeChat DevTools' wx.login gives codes the mock cannot know: sign them in as this fixture ('' turns it off)
  wechatFallbackCode: process.env.MOCK_WECHAT_FALLBACK_CODE ?? 'dev-citizen-1',
  accessTtlMs: process.env.MOCK_ACCESS_TTL_SECONDS ? Number(process.env.MOCK_ACCESS_TTL_SECONDS) * 1000 : undefined,
})

platform
  .listen(port, host)
  .then(({ url }) => {
    console.log(`省一体化平台（模拟）已启动：${url}/api/v1`)
    if (staticDir) console.log(`H5 应用：${url}/`)
    console.log(`模拟控制接口（/admin/*，仅本机）的管理令牌：X-Admin-Token: ${platform.adminToken}`)
  })
  .catch((e: Error) => {
    console.error(`模拟平台启动失败：${e.message}`)
    process.exit(1)
  })

for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    void platform.close().then(() => process.exit(0))
  })
}
