// A case in plain words: its state, what awaits whom, which clock applies, whether it can be withdrawn,
// rated or paid. The same functions serve the app's screens and the mock platform's refusals.
import { caseClock, type CaseClock } from './clock'
import type { CaseMatter, CaseRecord, PausedPeriod } from './types'

/** A case without the submitted content: what lists and the device keep. */
export type CaseSummary = Omit<CaseRecord, 'content'>

export type CitizenAction = 'supplement' | 'pay' | 'pickup' | 'rate'

export interface CaseState {
  /** 待您补正, 审查中, 已办结，待评价 … */
  label: string
  /** who has to act next */
  awaiting: 'citizen' | 'department' | 'none'
  /** one sentence: what is awaited from whom */
  awaitingText: string
  action?: CitizenAction
}

const CLOSED: CaseMatter['status'][] = ['concluded', 'delivered', 'rejected', 'withdrawn']

export function isMatterClosed(m: Pick<CaseMatter, 'status'>): boolean {
  return CLOSED.includes(m.status)
}

/** Every matter decided, refused at acceptance or withdrawn. */
export function isCaseFinished(c: Pick<CaseSummary, 'matters'>): boolean {
  return c.matters.length > 0 && c.matters.every(isMatterClosed)
}

/** Decided: 办结 (准予 or 不予许可) for every matter that was accepted; at least one was. */
export function isCaseConcluded(c: Pick<CaseSummary, 'matters' | 'withdrawnAt'>): boolean {
  return !c.withdrawnAt && isCaseFinished(c) && c.matters.some((m) => m.status === 'concluded' || m.status === 'delivered')
}

export function feeDue(m: Pick<CaseMatter, 'fee'>): boolean {
  return m.fee?.status === 'due'
}

function awaitingPickup(m: CaseMatter): boolean {
  return m.status === 'concluded' && !!m.result?.pickup && !m.result.pickup.collectedAt
}

function names(ms: CaseMatter[]): string {
  return [...new Set(ms.map((m) => m.department))].join('、')
}

export function caseState(c: CaseSummary): CaseState {
  if (c.withdrawnAt) return { label: '已撤回', awaiting: 'none', awaitingText: '您已撤回申请，部门不再办理' }
  if (c.matters.every((m) => m.status === 'rejected')) return { label: '不予受理', awaiting: 'none', awaitingText: '部门决定不予受理，可按告知的途径申请复议或诉讼' }
  const waitingSupplement = c.matters.filter((m) => m.status === 'supplement')
  if (waitingSupplement.length) return { label: '待您补正', awaiting: 'citizen', awaitingText: `等待您按${names(waitingSupplement)}的要求补正`, action: 'supplement' }
  const unpaid = c.matters.filter(feeDue)
  if (unpaid.length) return { label: '待缴费', awaiting: 'citizen', awaitingText: `等待您缴纳${unpaid.map((m) => m.name).join('、')}的费用，缴费后继续办理`, action: 'pay' }
  const open = c.matters.filter((m) => !isMatterClosed(m))
  if (open.length) {
    const notAccepted = open.filter((m) => m.status === 'submitted')
    if (notAccepted.length === open.length) return { label: '待受理', awaiting: 'department', awaitingText: `等待${names(notAccepted)}受理` }
    const site = open.filter((m) => m.status === 'site-check')
    if (site.length) return { label: '现场核查中', awaiting: 'department', awaitingText: `${names(site)}将联系您预约现场核查` }
    return { label: '审查中', awaiting: 'department', awaitingText: `等待${names(open)}审查办理` }
  }
  const pickup = c.matters.filter(awaitingPickup)
  if (pickup.length) return { label: '待领取', awaiting: 'citizen', awaitingText: `请到${pickup[0].result!.pickup!.hall.name}领取${pickup.map((m) => m.result!.name).join('、')}`, action: 'pickup' }
  const refused = c.matters.some((m) => m.outcome === 'refused' || m.status === 'rejected')
  const done = refused ? '已办结（部分事项未获准予）' : '已办结'
  if (!c.evaluation) return { label: `${done}，待评价`, awaiting: 'citizen', awaitingText: '请对本次办理作出评价（办完即评，一事一评）', action: 'rate' }
  const f = c.evaluation.followUp
  if (f && !f.answer) return { label: `${done}，差评回访中`, awaiting: 'department', awaitingText: `等待部门回访（${f.callbackDue} 前）并整改（${f.rectifyDue} 前）` }
  return { label: done, awaiting: 'none', awaitingText: '已全部办结' }
}

/** Cases needing the citizen first, then the newest. */
export function sortCases<T extends CaseSummary>(cases: T[]): T[] {
  const rank = (c: T) => (caseState(c).awaiting === 'citizen' ? 0 : 1)
  return [...cases].sort((a, b) => rank(a) - rank(b) || b.submittedAt.localeCompare(a.submittedAt))
}

/** When the first matter was accepted (受理): the case's clock starts there. */
export function caseAcceptedAt(c: Pick<CaseSummary, 'matters'>): string | undefined {
  return c.matters
    .map((m) => m.acceptedAt)
    .filter((x): x is string => !!x)
    .sort()[0]
}

/** Every period that held the case: 补正 and unpaid fees. */
export function casePauses(c: Pick<CaseSummary, 'matters'>): PausedPeriod[] {
  return c.matters.flatMap((m) => m.pauses)
}

function lastDecision(ms: CaseMatter[]): string | undefined {
  return ms
    .map((m) => m.decidedAt ?? m.refusal?.at ?? m.timeline.find((t) => t.status === 'withdrawn')?.at)
    .filter((x): x is string => !!x)
    .sort()
    .slice(-1)[0]
}

/** The bundle's clock for the whole case. */
export function clockOfCase(c: Pick<CaseSummary, 'matters' | 'withdrawnAt' | 'limit'>, now: string): CaseClock {
  const ended = c.withdrawnAt ?? (isCaseFinished(c) ? lastDecision(c.matters) : undefined)
  return caseClock({ acceptedAt: caseAcceptedAt(c), limit: c.limit, paused: casePauses(c), now, endedAt: ended })
}

/** One matter's own clock (its committed limit from its 受理). */
export function clockOfMatter(m: CaseMatter, now: string): CaseClock {
  const ended = isMatterClosed(m) ? m.decidedAt ?? m.refusal?.at ?? m.timeline[m.timeline.length - 1].at : undefined
  return caseClock({ acceptedAt: m.acceptedAt, limit: m.limit, paused: m.pauses, now, endedAt: ended })
}

/** Why a case cannot be withdrawn now; undefined when it can. An already withdrawn case can (idempotent). */
export function withdrawRefusal(c: Pick<CaseSummary, 'matters' | 'withdrawnAt'>): string | undefined {
  if (c.withdrawnAt) return undefined
  if (c.matters.some((m) => m.status === 'concluded' || m.status === 'delivered')) return '已有事项作出决定，不能撤回申请'
  if (c.matters.every((m) => m.status === 'rejected')) return '该办件已不予受理，无需撤回'
  return undefined
}

/** Why a case cannot be rated now; undefined when it can. */
export function ratingRefusal(c: Pick<CaseSummary, 'matters' | 'withdrawnAt' | 'evaluation'>): string | undefined {
  if (c.evaluation) return '该办件已评价，每件只能评价一次'
  if (!isCaseConcluded(c)) return '办件办结后才能评价'
  return undefined
}

/** Why a 补正 cannot be answered or asked now. */
export function supplementClosedRefusal(c: Pick<CaseSummary, 'matters' | 'withdrawnAt'>): string | undefined {
  if (c.withdrawnAt) return '该办件已撤回'
  if (isCaseFinished(c)) return '办件已办结，不能再要求补正'
  return undefined
}
