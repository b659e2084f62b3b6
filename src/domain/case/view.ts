// What the case screens show, built from a case and the time now with the domain's rulebook: the plain-word
// state, 红黄牌 with a text that does not rely on colour, each matter's stages and events, refusals with their
// remedies, fees, results, the rating and its follow-up. Pure: pages pass `now` and hand the result to the
// presentational components.
import { CARD_TEXT, type CaseClock } from './clock'
import { ratingLabel, RATING_INDICATORS, yuanText } from './rules'
import { caseState, clockOfCase, clockOfMatter, isMatterClosed, ratingRefusal, withdrawRefusal, type CaseSummary } from './state'
import type { CaseMatter, DeadlineStatus } from './types'
import { formatDate, formatTime } from '../datetime'


export interface ClockView {
  card: DeadlineStatus
  /** 绿牌 / 黄牌 / 红牌 */
  cardLabel: string
  text: string
  running: boolean
}

function clockView(c: CaseClock): ClockView {
  return { card: c.card, cardLabel: c.state === 'not-started' ? '未计时' : c.state === 'stopped' ? '已结束' : c.state === 'paused' ? '暂停计时' : CARD_TEXT[c.card], text: c.text, running: c.state === 'running' }
}

export interface CaseListItem {
  id: string
  bundleName: string
  stateLabel: string
  awaitingCitizen: boolean
  clock: ClockView
}

export function caseListItem(c: CaseSummary, now: string): CaseListItem {
  const s = caseState(c)
  return { id: c.id, bundleName: c.bundleName, stateLabel: s.label, awaitingCitizen: s.awaiting === 'citizen', clock: clockView(clockOfCase(c, now)) }
}

export interface StageView {
  label: string
  state: 'done' | 'current' | 'pending' | 'refused'
  when?: string
}

export interface MatterProgressView {
  id: string
  name: string
  department: string
  authority: string
  contact: CaseMatter['contact']
  kindText: string
  stateText: string
  stages: StageView[]
  events: { when: string; note: string }[]
  clock: ClockView
  refusal?: { title: string; reason: string; when: string; remedies: { name: string; within: string; until: string; how: string }[] }
  fee?: { total: string; items: { item: string; amount: string; basis?: string; sample?: boolean }[]; due: boolean; paidWhen?: string; receipt?: { number: string; payer: string; amount: string; when: string } }
  result?: {
    name: string
    licence?: { title: string; number: string }
    ems?: { waybill: string; events: { when: string; text: string }[]; signed: boolean }
    pickup?: { hall: string; address: string; hours: string; phone: string; code: string; collected: boolean }
    online?: boolean
  }
}

const MATTER_STATE: Record<CaseMatter['status'], string> = {
  submitted: '待受理',
  accepted: '已受理',
  'in-review': '审查中',
  'site-check': '现场核查中',
  supplement: '待您补正',
  concluded: '已办结',
  delivered: '已送达',
  rejected: '不予受理',
  withdrawn: '已撤回',
}

function firstAt(m: CaseMatter, statuses: CaseMatter['status'][]): string | undefined {
  return m.timeline.find((t) => statuses.includes(t.status))?.at
}

/** 提交 → 受理 / 不予受理 → 审查 / 现场核查 → 决定 → 办结 → 送达 or 领取, with dates. */
function stagesOf(m: CaseMatter, pickup: boolean, now: string): StageView[] {
  const at = (x?: string) => (x ? formatTime(x, now) : undefined)
  const stages: { label: string; when?: string; refused?: boolean }[] = [{ label: '提交', when: m.timeline[0]?.at }]
  if (m.status === 'rejected') stages.push({ label: '不予受理', when: m.refusal?.at, refused: true })
  else {
    stages.push({ label: '受理', when: m.acceptedAt })
    stages.push({ label: '审查', when: firstAt(m, ['in-review']) ?? (m.decidedAt && !m.hasSiteCheck ? m.decidedAt : undefined) })
    if (m.hasSiteCheck) stages.push({ label: '现场核查', when: firstAt(m, ['site-check']) })
    stages.push({ label: m.outcome === 'refused' ? '决定：不予许可' : '决定', when: m.decidedAt, refused: m.outcome === 'refused' })
    if (m.outcome !== 'refused') {
      stages.push({ label: '办结', when: m.decidedAt })
      stages.push({ label: pickup ? '领取' : '送达', when: firstAt(m, ['delivered']) })
    }
  }
  const lastDone = stages.map((s) => !!s.when).lastIndexOf(true)
  const closed = isMatterClosed(m)
  return stages.map((s, i) => ({ label: s.label, when: at(s.when), state: s.refused ? 'refused' : s.when || i < lastDone ? 'done' : !closed && i === lastDone + 1 ? 'current' : 'pending' }))
}

export function matterView(m: CaseMatter, now: string): MatterProgressView {
  const at = (x: string) => formatTime(x, now)
  const day = (x: string) => formatDate(x, now)
  const r = m.result
  return {
    id: m.matterId,
    name: m.name,
    department: m.department,
    authority: m.authority,
    contact: m.contact,
    kindText: m.caseType === 'instant' ? '即办件' : `承诺件 · ${m.limit.value} ${m.limit.unit === 'day' ? '日' : '个工作日'}`,
    stateText: m.outcome === 'refused' ? '不予许可' : MATTER_STATE[m.status],
    stages: stagesOf(m, !!r?.pickup, now),
    events: m.timeline.map((t) => ({ when: at(t.at), note: t.note })),
    clock: clockView(clockOfMatter(m, now)),
    ...(m.refusal
      ? { refusal: { title: m.refusal.stage === 'acceptance' ? '不予受理' : '不予许可', reason: m.refusal.reason, when: at(m.refusal.at), remedies: m.refusal.remedies.map((x) => ({ ...x, until: day(x.until) })) } }
      : {}),
    ...(m.fee
      ? {
          fee: {
            total: yuanText(m.fee.amountYuan),
            items: m.fee.items.map((f) => ({ item: f.item, amount: yuanText(f.amountYuan), basis: f.basis, ...(f.sample ? { sample: true } : {}) })),
            due: m.fee.status === 'due' && !isMatterClosed(m),
            paidWhen: m.fee.paidAt ? at(m.fee.paidAt) : undefined,
            receipt: m.fee.receipt ? { number: m.fee.receipt.number, payer: m.fee.receipt.payer, amount: yuanText(m.fee.receipt.amountYuan), when: at(m.fee.receipt.issuedAt) } : undefined,
          },
        }
      : {}),
    ...(r
      ? {
          result: {
            name: r.name,
            licence: r.licence ? { title: r.licence.title, number: r.licence.number } : undefined,
            ems: r.ems ? { waybill: r.ems.waybill, events: r.ems.events.map((e) => ({ when: at(e.at), text: e.text })), signed: !!r.ems.signedAt } : undefined,
            pickup: r.pickup ? { hall: r.pickup.hall.name, address: r.pickup.hall.address, hours: r.pickup.hall.hours, phone: r.pickup.hall.phone, code: r.pickup.code, collected: !!r.pickup.collectedAt } : undefined,
            online: r.online,
          },
        }
      : {}),
  }
}

export interface CaseView {
  id: string
  bundleName: string
  submitted: string
  stateLabel: string
  awaitingText: string
  action?: 'supplement' | 'pay' | 'pickup' | 'rate'
  clock: ClockView
  /** why the clock stands still, in words */
  pausedNote?: string
  supplement?: { message: string; when: string; items: string[] }
  matters: MatterProgressView[]
  canWithdraw: boolean
  withdrawn?: string
  canRate: boolean
  rating?: { level: string; indicators: string[]; comment?: string; when: string }
  followUp?: { complex: boolean; callbackDue: string; rectifyDue: string; callback?: { when: string; note: string }; answer?: { when: string; text: string; department: string } }
}

export function caseView(c: CaseSummary, now: string): CaseView {
  const at = (x: string) => formatTime(x, now)
  const day = (x: string) => formatDate(x, now)
  const s = caseState(c)
  const clock = clockOfCase(c, now)
  const sup = c.supplement && !c.supplement.resolvedAt ? c.supplement : undefined
  const e = c.evaluation
  const f = e?.followUp
  return {
    id: c.id,
    bundleName: c.bundleName,
    submitted: at(c.submittedAt),
    stateLabel: s.label,
    awaitingText: s.awaitingText,
    action: s.action,
    clock: clockView(clock),
    pausedNote: clock.state === 'paused' ? (clock.pausedBy === '缴费' ? '缴费后继续计时办理' : `${clock.pausedBy}后继续计时办理`) : undefined,
    ...(sup ? { supplement: { message: sup.message, when: at(sup.requestedAt), items: [...sup.fields, ...sup.materials].map((id) => sup.labels?.[id] ?? id) } } : {}),
    matters: c.matters.map((m) => matterView(m, now)),
    canWithdraw: !c.withdrawnAt && !withdrawRefusal(c),
    ...(c.withdrawnAt ? { withdrawn: at(c.withdrawnAt) } : {}),
    canRate: !ratingRefusal(c),
    ...(e ? { rating: { level: ratingLabel(e.level), indicators: e.indicators.map((i) => RATING_INDICATORS.find((x) => x.id === i)?.label ?? i), comment: e.comment, when: at(e.at) } } : {}),
    ...(f
      ? {
          followUp: {
            complex: f.complex,
            callbackDue: day(f.callbackDue),
            rectifyDue: day(f.rectifyDue),
            callback: f.callback ? { when: at(f.callback.at), note: f.callback.note } : undefined,
            answer: f.answer ? { when: at(f.answer.at), text: f.answer.text, department: f.answer.department } : undefined,
          },
        }
      : {}),
  }
}
