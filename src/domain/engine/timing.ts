// What the path costs in time and money: each matter's limits on this path (告知承诺 chosen, 办理方式), in the
// unit its law uses, with the periods that do not count; the bundle's committed date; fees by answers and
// region; contributions apart from fees.
import { addWorkingDays, workingDaysBetween } from '../calendar'
import { holds, type RuleScope } from '../rules'
import type { BundleTemplate, Matter, PathValue } from '../template/types'
import { shiftDate } from '../validators'
import type { ContributionView, FeeView, MatterDeadline } from './types'

/** The first value whose rule holds on this path, else the default. */
export function pathValue(list: PathValue[] | undefined, fallback: number, scope: RuleScope): number {
  return list?.find((x) => holds(x.when, scope))?.value ?? fallback
}

// addWorkingDays walks day by day; the same (day, limit) pair comes back on every keystroke.
const dueCache = new Map<string, { date: string; estimated: boolean }>()
export function dueDate(today: string, days: number, unit: 'workday' | 'day' = 'workday'): { date: string; estimated: boolean } {
  const key = `${today}|${days}|${unit}`
  let due = dueCache.get(key)
  if (!due) {
    if (dueCache.size > 256) dueCache.clear()
    due = unit === 'day' ? { date: shiftDate(today, { days }), estimated: false } : addWorkingDays(today, days)
    dueCache.set(key, due)
  }
  return due
}

/** A limit in working days, a natural-day limit counted through the calendar from today. */
export function inWorkingDays(today: string, days: number, unit: 'workday' | 'day' = 'workday'): number {
  return unit === 'day' ? workingDaysBetween(today, shiftDate(today, { days })) : days
}

export function matterDeadline(m: Matter, scope: RuleScope, today: string): MatterDeadline {
  const unit = m.limitUnit ?? 'workday'
  const promised = m.caseType === 'instant' ? 0 : pathValue(m.promisedLimitWhen, m.promisedLimitDays, scope)
  const due = dueDate(today, promised, unit)
  return {
    matterId: m.id,
    name: m.name,
    caseType: promised === 0 ? 'instant' : 'promised',
    legal: { days: m.legalLimitDays, unit },
    legalWorkingDays: inWorkingDays(today, m.legalLimitDays, unit),
    promised: { days: promised, unit },
    dueDate: due.date,
    estimated: due.estimated,
    paused: m.pausedPeriods ?? [],
  }
}

export function bundleWorkingDays(t: BundleTemplate, matters: MatterDeadline[], scope: RuleScope): number {
  return matters.every((m) => m.caseType === 'instant') ? 0 : pathValue(t.promisedLimitWhen, t.promisedLimitDays, scope)
}

const isSample = (p: { sample: true } | { source: string }) => 'sample' in p

export function feesOf(matters: Matter[], scope: RuleScope): FeeView[] {
  const out: FeeView[] = []
  for (const m of matters)
    for (const f of m.fees) {
      if (!holds(f.when, scope)) continue
      const amount = typeof f.amountYuan === 'number' ? f.amountYuan : scope.params[f.amountYuan.param]
      if (typeof amount !== 'number') continue
      out.push({ matterId: m.id, matterName: m.name, item: f.item, amountYuan: amount, ...(f.basis ? { basis: f.basis } : {}), sample: isSample(f.provenance) })
    }
  return out
}

export function contributionsOf(matters: Matter[], scope: RuleScope): ContributionView[] {
  const out: ContributionView[] = []
  for (const m of matters)
    for (const c of m.contributions ?? []) {
      if (!holds(c.when, scope)) continue
      out.push({ matterId: m.id, matterName: m.name, item: c.item, amountText: c.amountText, ...(c.basis ? { basis: c.basis } : {}), sample: isSample(c.provenance) })
    }
  return out
}
