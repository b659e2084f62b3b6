// The mock platform for WeChat runtime tests: in this process, on a free loopback port, with a temp data folder
// and the real clock (the app on the phone reads the real clock too). Any other running platform works as well:
// the runtime only needs its URL (test/e2e/support/platform.ts starts one serving the H5 build).
import fs from 'node:fs'
import type { CaseRecord } from '@/services/contract'
import { start, type Running } from '../../contract/support/harness'

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
    // every page (the list is paged), through the typed client with the test admin token
    cases: (bundleId) => running.client().admin.listCases(bundleId ? { bundleId } : {}),
    async stop() {
      await running.stop()
      fs.rmSync(running.dataDir, { recursive: true, force: true })
    },
  }
}
