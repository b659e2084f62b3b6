// The mock platform for WeChat runtime tests: in this process, on a free loopback port, with a temp data folder
// and the real clock (the app on the phone reads the real clock too). Any other running platform works as well:
// the runtime only needs its URL (test/e2e/support/platform.ts starts one serving the H5 build).
import fs from 'node:fs'
import type { CaseRecord } from '@/services/contract'
import { ADMIN_TOKEN, start, type Running } from '../../contract/support/harness'

export interface MockPlatform {
  url: string
  logs: string[]
  /** every case on the platform (admin view), optionally of one bundle */
  cases(bundleId?: string): Promise<CaseRecord[]>
  stop(): Promise<void>
}

export async function startMockPlatform(): Promise<MockPlatform> {
  const running: Running = await start({ clock: () => Date.now() })
  return {
    url: running.url,
    logs: running.logs,
    async cases(bundleId) {
      const res = await fetch(`${running.url}/api/v1/admin/cases${bundleId ? `?bundleId=${encodeURIComponent(bundleId)}` : ''}`, { headers: { 'X-Admin-Token': ADMIN_TOKEN } })
      if (!res.ok) throw new Error(`GET /admin/cases → ${res.status}`)
      return ((await res.json()) as { cases: CaseRecord[] }).cases
    },
    async stop() {
      await running.stop()
      fs.rmSync(running.dataDir, { recursive: true, force: true })
    },
  }
}
