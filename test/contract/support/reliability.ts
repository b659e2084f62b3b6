// Many submissions through injected failures: every one must end as exactly one case. Shared by the jest
// test (200) and scripts/bench-reliability.ts (1,000).
import type { DraftContent } from '@/domain/draft'
import { createFetchTransport } from '@/services/http/fetch-transport'
import type { Transport } from '@/services/http/transport'
import { newDraftId, newIdempotencyKey, type PlatformClient } from '@/services/platform'
import { fillDraft, makeClient, signIn, start } from './harness'

export interface ReliabilityOptions {
  submissions: number
  /** share of POST /cases answered 503 / left hanging / dropped after processing */
  errorRate?: number
  timeoutRate?: number
  dropRate?: number
  /** share of submissions sent twice with the same key (a double tap or a resend after a restart) */
  duplicateRate?: number
  concurrency?: number
  /** client timeout per try, ms */
  timeoutMs?: number
  seed?: number
}

export interface ReliabilityResult {
  submissions: number
  sentTwice: number
  succeeded: number
  lost: number
  casesOnServer: number
  uniqueCaseIds: number
  duplicatesOnServer: number
  mismatchedTwins: number
  tries: number
  failedTries: { status5xx: number; inFlight: number; timeout: number; offline: number }
  ms: number
}

export async function runReliability(o: ReliabilityOptions): Promise<ReliabilityResult> {
  const { submissions, errorRate = 0.1, timeoutRate = 0.05, dropRate = 0.05, duplicateRate = 0.1, concurrency = 10, timeoutMs = 200, seed = 20261126 } = o
  const r = await start({ clock: Date.now })
  try {
    const counts = { tries: 0, status5xx: 0, inFlight: 0, timeout: 0, offline: 0 }
    const base = createFetchTransport()
    const counting: Transport = async (req) => {
      if (req.method === 'POST' && req.url.endsWith('/cases')) counts.tries++
      try {
        const res = await base(req)
        if (res.status >= 500) counts.status5xx++
        if (res.status === 409 && res.body.includes('IN_FLIGHT')) counts.inFlight++
        return res
      } catch (e) {
        counts[(e as { kind: 'timeout' | 'offline' }).kind]++
        throw e
      }
    }
    // the citizens and their contents are prepared before the faults start
    const users: { client: PlatformClient; content: DraftContent }[] = []
    for (const code of ['dev-citizen-1', 'dev-citizen-2', 'dev-elder']) {
      // signed in with the default time-out: a busy machine must not fail the preparation
      const prep = makeClient(r.url)
      const who = await signIn(prep, code)
      const client = makeClient(r.url, { transport: counting, timeoutMs, retry: { attempts: 12, baseDelayMs: 10, maxDelayMs: 200 } })
      client.tokens.current = prep.tokens.current
      const t = await prep.getBundle('bianlidian')
      users.push({ client, content: await fillDraft(t, { ...who, now: new Date().toISOString() }) })
    }
    r.platform.setFaults({ seed, faults: [{ route: 'POST /cases', errorRate, timeoutRate, dropRate, latencyMs: 2 }] })

    const started = Date.now()
    const outcomes: { draftId: string; ids: (string | undefined)[] }[] = []
    let next = 0
    let sentTwice = 0
    const one = async (i: number) => {
      const u = users[i % users.length]
      const draftId = newDraftId()
      const key = newIdempotencyKey()
      const send = () =>
        u.client.submitCase({ draftId, content: u.content }, key).then(
          (c) => c.id,
          () => undefined,
        )
      const twice = i % Math.round(1 / duplicateRate) === 0
      let ids: (string | undefined)[]
      if (!twice) ids = [await send()]
      else if (i % 2 === 0) {
        sentTwice++
        ids = await Promise.all([send(), send()]) // a double tap
      } else {
        sentTwice++
        const first = await send()
        ids = [first, await send()] // the app resends after a restart
      }
      outcomes.push({ draftId, ids })
    }
    await Promise.all(
      Array.from({ length: Math.min(concurrency, submissions) }, async () => {
        while (next < submissions) await one(next++)
      }),
    )
    const ms = Date.now() - started
    r.platform.setFaults({ faults: [] })

    const admin = makeClient(r.url)
    const cases = await admin.admin.listCases()
    const byDraft = new Map<string, number>()
    for (const c of cases) byDraft.set(c.draftId, (byDraft.get(c.draftId) ?? 0) + 1)
    return {
      submissions,
      sentTwice,
      succeeded: outcomes.filter((x) => x.ids.every((id) => id !== undefined)).length,
      lost: outcomes.filter((x) => !byDraft.has(x.draftId)).length,
      casesOnServer: cases.length,
      uniqueCaseIds: new Set(cases.map((c) => c.id)).size,
      duplicatesOnServer: [...byDraft.values()].filter((n) => n > 1).length,
      mismatchedTwins: outcomes.filter((x) => new Set(x.ids).size > 1).length,
      tries: counts.tries,
      failedTries: { status5xx: counts.status5xx, inFlight: counts.inFlight, timeout: counts.timeout, offline: counts.offline },
      ms,
    }
  } finally {
    await r.stop()
  }
}
