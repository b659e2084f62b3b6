// How a case moves on: each matter steps submitted → accepted → in-review → (site-check) → concluded →
// delivered after fixed simulated durations, so advancing the clock gives the same result every run.
// A matter listed in another's `after` must conclude first (户口登记 waits for 出生医学证明).
import type { CaseMatter, MatterOutcome, MatterStatus } from '../../src/services/contract'
import type { StoredCase } from './state'
import { fail } from './http'

const HOUR = 3600_000

/** Simulated time spent in a status before the next one (documented in docs/platform-api.md). */
export const DWELL_MS: Record<'submitted' | 'accepted' | 'in-review' | 'site-check' | 'concluded', number> = {
  submitted: 1 * HOUR,
  accepted: 1 * HOUR,
  'in-review': 24 * HOUR,
  'site-check': 24 * HOUR,
  concluded: 24 * HOUR,
}

const RANK: Record<MatterStatus, number> = { submitted: 0, accepted: 1, supplement: 2, 'in-review': 2, 'site-check': 3, concluded: 4, delivered: 5 }

const NOTES: Record<MatterStatus, string> = {
  submitted: '申请已提交',
  accepted: '部门已受理',
  'in-review': '审查中',
  'site-check': '现场核查中',
  supplement: '需要补正材料',
  concluded: '已办结',
  delivered: '结果已送达',
}

export function nextStatus(m: CaseMatter): MatterStatus | undefined {
  switch (m.status) {
    case 'submitted':
      return 'accepted'
    case 'accepted':
      // 即办件 are decided on the spot
      return m.caseType === 'instant' ? 'concluded' : 'in-review'
    case 'in-review':
      return m.hasSiteCheck ? 'site-check' : 'concluded'
    case 'site-check':
      return 'concluded'
    case 'concluded':
      return 'delivered'
    default:
      return undefined
  }
}

function lastAt(m: CaseMatter): number {
  return Date.parse(m.timeline[m.timeline.length - 1].at)
}

function concludedAt(m: CaseMatter): number | undefined {
  const e = m.timeline.find((t) => t.status === 'concluded')
  return e ? Date.parse(e.at) : undefined
}

function note(status: MatterStatus, outcome?: MatterOutcome): string {
  if (status === 'concluded') return outcome === 'refused' ? '已办结：不予许可' : '已办结：准予许可'
  return NOTES[status]
}

function step(m: CaseMatter, to: MatterStatus, atMs: number, outcome: MatterOutcome = 'approved', extraNote?: string): void {
  if (to === 'concluded') m.outcome = outcome
  m.status = to
  m.timeline.push({ status: to, at: new Date(atMs).toISOString(), note: extraNote ?? note(to, m.outcome) })
}

/** Prerequisites of a matter that are part of this case. */
function prerequisites(c: StoredCase, m: CaseMatter, after: Record<string, string[]>): CaseMatter[] {
  const ids = after[m.matterId] ?? []
  return c.matters.filter((x) => ids.includes(x.matterId))
}

/** Applies every step whose time has come, up to `nowMs`. Returns true when anything moved. */
export function progress(c: StoredCase, nowMs: number, after: Record<string, string[]>): boolean {
  if (c.matters.some((m) => m.status === 'supplement')) return false
  let moved = false
  for (let guard = 0; guard < 100; guard++) {
    let any = false
    for (const m of c.matters) {
      const to = nextStatus(m)
      if (!to) continue
      let at = lastAt(m) + DWELL_MS[m.status as keyof typeof DWELL_MS]
      if (to === 'concluded') {
        const pre = prerequisites(c, m, after)
        const times = pre.map(concludedAt)
        if (times.some((t) => t === undefined)) continue
        at = Math.max(at, ...(times as number[]))
      }
      if (at > nowMs) continue
      step(m, to, at)
      any = moved = true
    }
    if (!any) break
  }
  if (moved) c.status = overallStatus(c.matters)
  return moved
}

/** Admin: one step now for one matter (or each matter that can move). */
export function advanceNow(c: StoredCase, nowMs: number, after: Record<string, string[]>, opts: { matterId?: string; outcome?: MatterOutcome; note?: string }): void {
  if (c.matters.some((m) => m.status === 'supplement')) fail('CONFLICT', '办件正在等待申请人补正，不能推进')
  const targets = opts.matterId ? c.matters.filter((m) => m.matterId === opts.matterId) : c.matters
  if (opts.matterId && targets.length === 0) fail('NOT_FOUND', '该办件中没有这个事项')
  let moved = 0
  const blocked: string[] = []
  for (const m of targets) {
    const to = nextStatus(m)
    if (!to) continue
    if (to === 'concluded') {
      const pending = prerequisites(c, m, after).filter((p) => concludedAt(p) === undefined)
      if (pending.length) {
        blocked.push(`${m.name}（需先办结：${pending.map((p) => p.name).join('、')}）`)
        continue
      }
    }
    step(m, to, Math.max(nowMs, lastAt(m)), opts.outcome, opts.note)
    moved++
  }
  if (moved === 0) fail('CONFLICT', blocked.length ? `暂不能推进：${blocked.join('；')}` : '办件已全部送达，没有可推进的环节')
  c.status = overallStatus(c.matters)
}

export function overallStatus(matters: CaseMatter[]): MatterStatus {
  if (matters.some((m) => m.status === 'supplement')) return 'supplement'
  let min = matters[0]?.status ?? 'submitted'
  for (const m of matters) if (RANK[m.status] < RANK[min]) min = m.status
  return min
}

export function isConcluded(c: StoredCase): boolean {
  return c.matters.length > 0 && c.matters.every((m) => m.status === 'concluded' || m.status === 'delivered')
}

export function stepNote(status: MatterStatus): string {
  return NOTES[status]
}
