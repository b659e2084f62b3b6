// How a case lives on the platform. Each matter walks its own template steps (受理 → 审查 / 现场核查 → 决定) on
// the simulated clock, each step taking its own limit; a 补正 or an unpaid fee holds the matter and stops its
// clock; departments act through the /dept routes; results are issued (e-licence into the applicant's
// licences, EMS waybill with its events, pickup code). Every rule about what may happen comes from the domain
// (src/domain/case), so the app and the platform refuse the same things with the same words.
import { addWorkingDays, toBeijingDate } from '../../src/domain/calendar'
import { clockOfCase, feeDue, isMatterClosed, remediesOf } from '../../src/domain/case'
import type { CaseMatter, MatterOutcome, MatterStatus } from '../../src/domain/case/types'
import type { BundleTemplate, LicenceKind, Step } from '../../src/domain/template/types'
import type { Region } from '../../src/services/contract'
import { fail } from './http'
import type { StoredCase } from './state'

const HOUR = 3600_000
export const SITE_CHECK = /现场|核查|勘验|踏勘|勘察|实地|检查/


/** n working days later at the same time of day (Beijing calendar). */
export function addWorkingDaysMs(ms: number, n: number): number {
  const day = toBeijingDate(new Date(ms).toISOString())
  const due = addWorkingDays(day, n).date
  return ms + Date.parse(`${due}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)
}

function stepEnd(startMs: number, limit: CaseMatter['steps'][number]['limit']): number {
  if (limit.unit === 'hour') return startMs + limit.value * HOUR
  if (limit.unit === 'day') return startMs + limit.value * 24 * HOUR
  return addWorkingDaysMs(startMs, limit.value)
}

export function stepStatus(m: Pick<CaseMatter, 'steps'>, index: number): MatterStatus {
  if (index === 0) return 'submitted'
  return SITE_CHECK.test(m.steps[index]?.name ?? '') ? 'site-check' : 'in-review'
}

export function matterSteps(steps: Step[]): CaseMatter['steps'] {
  return steps.map((s) => ({ name: s.name, limit: s.limit }))
}

/** What the lifecycle needs from the rest of the platform. */
export interface LifeHooks {
  template(c: StoredCase): BundleTemplate | undefined
  regions(): Region[]
  /** a message to the applicant (and, by subscription or SMS, outside the app) */
  notify(c: StoredCase, kind: import('../../src/services/contract').MessageKind, title: string, body: string, atMs: number): void
  /** the name of an e-licence kind (catalogue data) */
  licenceName(kind: LicenceKind): string
  /** an e-licence issued to the case's owner */
  issueLicence(c: StoredCase, licence: { kind: LicenceKind; number: string; issuedAt: string; title: string; data: Record<string, string> }): void
}

const iso = (ms: number) => new Date(ms).toISOString()
const lastAt = (m: CaseMatter) => Date.parse(m.timeline[m.timeline.length - 1].at)

function push(m: CaseMatter, status: MatterStatus, atMs: number, note: string): void {
  m.status = status
  m.timeline.push({ status, at: iso(atMs), note })
}

function concludedAt(m: CaseMatter): number | undefined {
  return m.decidedAt ? Date.parse(m.decidedAt) : undefined
}

function prerequisites(c: StoredCase, m: CaseMatter, t: BundleTemplate | undefined): CaseMatter[] {
  const ids = t?.matters.find((x) => x.id === m.matterId)?.after ?? []
  return c.matters.filter((x) => ids.includes(x.matterId))
}

/** 受理: the matter's clock starts; a fee becomes due (the clock waits for it). */
export function accept(c: StoredCase, m: CaseMatter, atMs: number, hooks: LifeHooks, note = '部门已受理'): void {
  m.acceptedAt = iso(atMs)
  push(m, 'accepted', atMs, note)
  m.stepIndex = Math.min(1, m.steps.length - 1)
  // the fees of the path the citizen submitted (answers, region), fixed at submission
  const fees = c.fees?.[m.matterId] ?? []
  const amount = Math.round(fees.reduce((n, f) => n + f.amountYuan, 0) * 100) / 100
  if (amount > 0) {
    m.fee = { items: fees.map((f) => ({ ...f })), amountYuan: amount, status: 'due', dueSince: iso(atMs) }
    m.pauses.push({ from: iso(atMs), reason: '缴费' })
    hooks.notify(c, 'payment', `${m.name}待缴费`, `${m.name}已受理，需缴纳 ${amount} 元，缴费后开始计时办理。`, atMs)
  } else {
    hooks.notify(c, 'accepted', `${m.name}已受理`, `${m.authority || m.department}已受理您的申请，${m.limit.value ? `承诺 ${m.limit.value} ${m.limit.unit === 'day' ? '日' : '个工作日'}内办结` : '当场办结'}。`, atMs)
  }
  if (m.steps.length > 1 && !feeDue(m)) push(m, stepStatus(m, m.stepIndex), atMs, m.steps[m.stepIndex].name)
}

function hallById(regions: Region[], id: string | undefined): Region['hall'] | undefined {
  for (const r of regions) {
    if (r.hall && r.hall.id === id) return r.hall
    const inner = r.children ? hallById(r.children, id) : undefined
    if (inner) return inner
  }
  return undefined
}

/** 决定: 准予 issues the result and starts its delivery; 不予许可 tells the remedies. */
export function conclude(c: StoredCase, m: CaseMatter, atMs: number, outcome: MatterOutcome, hooks: LifeHooks, reason?: string): void {
  m.outcome = outcome
  m.decidedAt = iso(atMs)
  if (outcome === 'refused') {
    const why = reason ?? '不符合许可条件'
    m.refusal = { stage: 'decision', reason: why, at: iso(atMs), remedies: remediesOf(iso(atMs), m.authority || m.department) }
    push(m, 'concluded', atMs, `已办结：不予许可（${why}）`)
    hooks.notify(c, 'refused', `${m.name}：不予许可`, `原因：${why}。如不服，可在 60 日内申请行政复议或在 6 个月内提起行政诉讼。`, atMs)
    return
  }
  push(m, 'concluded', atMs, '已办结：准予许可')
  const spec = hooks.template(c)?.matters.find((x) => x.id === m.matterId)?.result
  const name = spec?.name ?? `${m.name}办理结果`
  const result: NonNullable<CaseMatter['result']> = { name, issuedAt: iso(atMs) }
  if (spec?.licence) {
    const number = `示例${spec.licence.slice(0, 2).toUpperCase()}${c.id.slice(2)}${String(c.matters.indexOf(m) + 1).padStart(2, '0')}`
    const title = hooks.licenceName(spec.licence)
    result.licence = { kind: spec.licence, title, number }
    hooks.issueLicence(c, { kind: spec.licence, number, issuedAt: toBeijingDate(iso(atMs)), title, data: { licenceNo: number, certificateNo: number, name: c.applicantName } })
  }
  const method = c.delivery?.method
  if (method === 'ems') {
    result.ems = { waybill: `EMS示例${c.id.slice(-9)}${c.matters.indexOf(m) + 1}`, events: [] }
  } else if (method === 'pickup') {
    const hall = hallById(hooks.regions(), c.delivery?.hallId)
    result.pickup = {
      hall: hall ?? { id: c.delivery?.hallId ?? '', name: '办理地政务服务中心', address: m.contact.address, hours: m.contact.hours, phone: m.contact.phone },
      code: pickupCode(c.id, m.matterId),
    }
  } else {
    result.online = true
  }
  m.result = result
  const what = result.licence ? `电子证照“${result.licence.title}”已发送至您的卡包` : '办理结果已生成'
  hooks.notify(c, 'concluded', `${m.name}已办结`, `${what}。`, atMs)
  if (result.pickup) hooks.notify(c, 'pickup', `${name}可以领取了`, `请带身份证件到${result.pickup.hall.name}（${result.pickup.hall.address}）领取，取件码 ${result.pickup.code}。`, atMs)
  if (result.online) push(m, 'delivered', atMs, result.licence ? '电子证照已送达卡包' : '办理结果已在线送达')
}

/** A six-digit code from the case and matter: the same every time it is shown. */
function pickupCode(caseId: string, matterId: string): string {
  let h = 2166136261
  for (const ch of caseId + matterId) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0
  return String(h % 1_000_000).padStart(6, '0')
}

/** EMS: collected 2 h after the decision, in transit after a day, out for delivery and signed for after two. */
const EMS_SCHEDULE: { afterMs: number; text: (hall: string) => string }[] = [
  { afterMs: 2 * HOUR, text: (h) => `${h}已揽收` },
  { afterMs: 24 * HOUR, text: () => '运输中，已到达投递局' },
  { afterMs: 48 * HOUR, text: () => '派送中，投递员正在派送' },
  { afterMs: 52 * HOUR, text: () => '已签收（本人签收）' },
]

function emsProgress(c: StoredCase, m: CaseMatter, nowMs: number, hooks: LifeHooks): boolean {
  const ems = m.result?.ems
  if (!ems || m.status !== 'concluded' || !m.decidedAt) return false
  const from = Date.parse(m.decidedAt)
  let moved = false
  for (let i = ems.events.length; i < EMS_SCHEDULE.length; i++) {
    const at = from + EMS_SCHEDULE[i].afterMs
    if (at > nowMs) break
    ems.events.push({ at: iso(at), text: EMS_SCHEDULE[i].text(m.department) })
    moved = true
    if (i === 0) hooks.notify(c, 'ems', `${m.result!.name}已寄出`, `EMS 运单号 ${ems.waybill}，可在办件详情中查看物流。`, at)
    if (i === EMS_SCHEDULE.length - 1) {
      ems.signedAt = iso(at)
      push(m, 'delivered', at, '结果已送达（EMS 已签收）')
      hooks.notify(c, 'delivered', `${m.result!.name}已签收`, `EMS 运单 ${ems.waybill} 已签收。`, at)
    }
  }
  return moved
}

/** Applies every step whose time has come, up to `nowMs`. Returns true when anything changed. */
export function progress(c: StoredCase, nowMs: number, hooks: LifeHooks): boolean {
  if (c.withdrawnAt) return false
  const t = hooks.template(c)
  let moved = false
  for (let guard = 0; guard < 200; guard++) {
    let any = false
    for (const m of c.matters) {
      if (emsProgress(c, m, nowMs, hooks)) any = moved = true
      if (c.stalled || isMatterClosed(m) || m.status === 'supplement' || feeDue(m)) continue
      let end = stepEnd(lastAt(m), m.steps[m.stepIndex]?.limit ?? { value: 1, unit: 'hour' })
      const last = m.stepIndex >= m.steps.length - 1 && m.status !== 'submitted'
      if (last || m.steps.length <= 1) {
        const pre = prerequisites(c, m, t)
        const times = pre.map(concludedAt)
        if (times.some((x) => x === undefined)) continue
        end = Math.max(end, ...(times as number[]))
      }
      if (end > nowMs) continue
      if (m.status === 'submitted') {
        accept(c, m, end, hooks)
        if (m.steps.length <= 1 && !feeDue(m)) conclude(c, m, end, 'approved', hooks)
      } else if (last) conclude(c, m, end, 'approved', hooks)
      else {
        m.stepIndex++
        push(m, stepStatus(m, m.stepIndex), end, m.steps[m.stepIndex].name)
      }
      any = moved = true
    }
    if (!any) break
  }
  if (moved) c.status = overallStatus(c)
  moved = deadlineNotices(c, nowMs, hooks) || moved
  return moved
}

/** Tells the applicant once when the case's card turns yellow, and once when it turns red. */
function deadlineNotices(c: StoredCase, nowMs: number, hooks: LifeHooks): boolean {
  const clock = clockOfCase(c, iso(nowMs))
  if (clock.state !== 'running') return false
  const sent = (c.notified ??= {})
  if (clock.card === 'yellow' && !sent.yellow) {
    sent.yellow = true
    hooks.notify(c, 'yellow', '办件即将到期', `您的“${c.bundleName}”${clock.text}。`, nowMs)
    return true
  }
  if (clock.card === 'red' && !sent.red) {
    sent.red = true
    hooks.notify(c, 'red', '办件已超过承诺时限', `您的“${c.bundleName}”${clock.text}。`, nowMs)
    return true
  }
  return false
}

const RANK: Record<MatterStatus, number> = { submitted: 0, accepted: 1, supplement: 2, 'in-review': 2, 'site-check': 3, concluded: 4, delivered: 5, rejected: 6, withdrawn: 6 }

/** The case's status: supplement while one is pending, withdrawn, rejected, else the least advanced matter. */
export function overallStatus(c: Pick<StoredCase, 'matters' | 'withdrawnAt'>): MatterStatus {
  if (c.withdrawnAt) return 'withdrawn'
  if (c.matters.some((m) => m.status === 'supplement')) return 'supplement'
  const live = c.matters.filter((m) => m.status !== 'rejected')
  if (!live.length) return 'rejected'
  let min = live[0].status
  for (const m of live) if (RANK[m.status] < RANK[min]) min = m.status
  return min
}

// ---------- department actions ----------

export function findMatter(c: StoredCase, matterId: string): CaseMatter {
  const m = c.matters.find((x) => x.matterId === matterId)
  if (!m) return fail('NOT_FOUND', '该办件中没有这个事项')
  return m
}

function openOnly(c: StoredCase, m: CaseMatter): void {
  if (c.withdrawnAt) fail('CONFLICT', '申请人已撤回该办件')
  if (isMatterClosed(m)) fail('CONFLICT', `${m.name}已办结或已终止`)
}

export function deptAccept(c: StoredCase, m: CaseMatter, nowMs: number, hooks: LifeHooks, note?: string): void {
  openOnly(c, m)
  if (m.status !== 'submitted') fail('CONFLICT', `${m.name}已受理`)
  accept(c, m, Math.max(nowMs, lastAt(m)), hooks, note ? `部门已受理：${note}` : '部门已受理')
  c.status = overallStatus(c)
}

export function deptReject(c: StoredCase, m: CaseMatter, nowMs: number, reason: string, hooks: LifeHooks): void {
  openOnly(c, m)
  if (m.status !== 'submitted') fail('CONFLICT', `${m.name}已受理，不能再作不予受理；不符合条件的请作出不予许可决定`)
  const at = Math.max(nowMs, lastAt(m))
  m.refusal = { stage: 'acceptance', reason, at: iso(at), remedies: remediesOf(iso(at), m.authority || m.department) }
  push(m, 'rejected', at, `不予受理：${reason}`)
  hooks.notify(c, 'rejected', `${m.name}：不予受理`, `原因：${reason}。如不服，可在 60 日内申请行政复议或在 6 个月内提起行政诉讼。`, at)
  c.status = overallStatus(c)
}

export function deptDecide(c: StoredCase, m: CaseMatter, nowMs: number, outcome: MatterOutcome, reason: string | undefined, hooks: LifeHooks): void {
  openOnly(c, m)
  if (m.status === 'submitted') fail('CONFLICT', `${m.name}尚未受理，不能作出决定`)
  if (m.status === 'supplement') fail('CONFLICT', `${m.name}正在等待申请人补正，不能作出决定`)
  if (feeDue(m)) fail('CONFLICT', `${m.name}的费用尚未缴纳，不能作出决定`)
  if (outcome === 'refused' && !reason) fail('VALIDATION', '不予许可须说明理由', { fieldErrors: { reason: '请填写不予许可的理由' } })
  const pending = prerequisites(c, m, hooks.template(c)).filter((p) => !p.decidedAt)
  if (pending.length) fail('CONFLICT', `暂不能作出决定（需先办结：${pending.map((p) => p.name).join('、')}）`)
  conclude(c, m, Math.max(nowMs, lastAt(m)), outcome, hooks, reason)
  c.status = overallStatus(c)
}

export function deptDeliver(c: StoredCase, m: CaseMatter, nowMs: number, hooks: LifeHooks): void {
  const result = m.result
  if (m.status !== 'concluded' || !result || m.outcome !== 'approved') return fail('CONFLICT', `${m.name}没有待送达的结果`)
  const at = Math.max(nowMs, lastAt(m))
  if (result.pickup) {
    result.pickup.collectedAt = iso(at)
    push(m, 'delivered', at, `申请人已在${result.pickup.hall.name}领取`)
  } else if (result.ems) {
    result.ems.events.push({ at: iso(at), text: '已签收（本人签收）' })
    result.ems.signedAt = iso(at)
    push(m, 'delivered', at, '结果已送达（EMS 已签收）')
  } else fail('CONFLICT', `${m.name}的结果已在线送达`)
  hooks.notify(c, 'delivered', `${result.name}已送达`, '办理结果已送达，欢迎对本次办理作出评价。', at)
  c.status = overallStatus(c)
}

/** The applicant withdraws (撤回申请): every open matter stops. */
export function withdraw(c: StoredCase, nowMs: number, hooks: LifeHooks): void {
  const at = iso(nowMs)
  c.withdrawnAt = at
  for (const m of c.matters) {
    if (isMatterClosed(m)) continue
    for (const p of m.pauses) p.to ??= at
    push(m, 'withdrawn', Math.max(nowMs, lastAt(m)), '申请人已撤回申请')
  }
  if (c.supplement && !c.supplement.resolvedAt) c.supplement = { ...c.supplement, resolvedAt: at }
  c.status = overallStatus(c)
  hooks.notify(c, 'withdrawn', '申请已撤回', `您的“${c.bundleName}”申请已撤回，部门不再办理。`, nowMs)
}

/** The fee is paid: its pause ends and the next step starts now. */
export function feePaid(c: StoredCase, m: CaseMatter, nowMs: number, receipt: NonNullable<NonNullable<CaseMatter['fee']>['receipt']>): void {
  if (!m.fee || m.fee.status === 'paid') return
  const at = iso(Math.max(nowMs, lastAt(m)))
  m.fee = { ...m.fee, status: 'paid', paidAt: at, receipt }
  for (const p of m.pauses) if (p.reason === '缴费' && !p.to) p.to = at
  if (m.status === 'accepted' && m.steps.length > 1) push(m, stepStatus(m, m.stepIndex), Date.parse(at), `已缴费，${m.steps[m.stepIndex].name}`)
  c.status = overallStatus(c)
}
