// Submissions and 补正: the server re-runs the guide engine on what was sent, with the applicant's own
// holdings as context. It never trusts the client: licences, promises and files are checked here.
import type { ActingFor, DraftContent, GuidanceContext, MaterialChoice, PartyConfirmation } from '../../src/domain/draft'
import { effectiveContent, guide, validateDraft, type Guidance, type PrefillData } from '../../src/domain/engine'
import { toBeijingDate } from '../../src/domain/calendar'
import { clockOfCase, secondSupplementRefusal, supplementClosedRefusal } from '../../src/domain/case'
import { maskIdNumber, maskName } from '../../src/domain/mask'
import { actingMaterialErrors } from '../../src/domain/assist/materials'
import type { BundleTemplate, LicenceKind, ProfileKey } from '../../src/domain/template/types'
import { hallsOf, recordsPrefill, regionName, type CaseFiler, type CaseMatter, type CaseRecord, type SupplementRequest } from '../../src/services/contract'
import { licenceNamesOf } from '../../src/domain/template/licence-kinds'
import { nearestHallId } from './assist'
import type { Core } from './core'
import { asFirm, type FirmAuthority } from '../../src/domain/firm'
import { checkedFirm } from './firms'
import { fail } from './http'
import { matterSteps, overallStatus, progress, SITE_CHECK, stepStatus, type LifeHooks } from './lifecycle'
import { notify } from './notify'
import { sharedRecordOf } from './shared-records'
import type { StoredCase, UserRecord } from './state'

/** Kinds of e-licence the applicant agreed to use (the platform keeps every consent). */
export function consentedKinds(core: Core, user: UserRecord): LicenceKind[] {
  const held = new Set(user.licences.map((l) => l.kind))
  const kinds = new Set(core.state.consents.values().filter((c) => c.userId === user.profile.userId).map((c) => c.kind))
  return [...kinds].filter((k): k is LicenceKind => held.has(k as LicenceKind))
}

export function prefillOf(user: UserRecord, firm?: FirmAuthority): PrefillData {
  const p = asFirm(user.profile, firm)
  const profile: Partial<Record<ProfileKey, string>> = { name: p.name, idNumber: p.idNumber, mobile: p.mobile, address: p.address, sex: p.sex, birthDate: p.birthDate }
  if (p.firmName) profile.firmName = p.firmName
  if (p.uscc) profile.uscc = p.uscc
  if (p.legalRepresentative) profile.legalRepresentative = p.legalRepresentative
  const licences: PrefillData['licences'] = {}
  for (const l of user.licences) licences[l.kind] = l.data
  return { profile, licences }
}

/** prefillOf, with the records shared for this draft (a deceased's) while the applicant still has standing. */
export function draftPrefillOf(core: Core, user: UserRecord, content: DraftContent, firm?: FirmAuthority): PrefillData {
  const p = prefillOf(user, firm)
  if (!content.sharedRecord) return p
  const shared = sharedRecordOf(core, user, content.sharedRecord)
  return { ...p, records: shared ? recordsPrefill(shared) : {} }
}

/** The same context the app builds for the signed-in applicant (stores/journey.ts guidanceContext). */
export function contextOf(core: Core, user: UserRecord, content: DraftContent, nowIso: string, acting?: ActingFor, confirmations: PartyConfirmation[] = []): GuidanceContext {
  return {
    region: content.region,
    applicantKind: content.applicantKind,
    licences: user.licences.map((l) => l.kind),
    now: nowIso,
    ...(acting ? { acting } : {}),
    promiseBarred: user.profile.promiseBarred,
    consented: consentedKinds(core, user),
    // acting for a firm the person may act for (checked before): the applicant is the firm
    accountKind: content.firm ? 'firm' : user.profile.kind,
    halls: hallsOf(core.catalogue.regions().regions),
    regionName: regionName(core.catalogue.regions().regions, content.region),
    licenceNames: licenceNamesOf(core.catalogue.licenceKinds().kinds),
    confirmations,
  }
}

interface Errors {
  fieldErrors: Record<string, string>
  materialErrors: Record<string, string>
  answerErrors: Record<string, string>
  deliveryError?: string
  handlingError?: string
  messages: string[]
}

function emptyErrors(): Errors {
  return { fieldErrors: {}, materialErrors: {}, answerErrors: {}, messages: [] }
}

function hasErrors(e: Errors): boolean {
  return e.messages.length > 0 || !!e.deliveryError || !!e.handlingError || [e.fieldErrors, e.materialErrors, e.answerErrors].some((x) => Object.keys(x).length > 0)
}

function reject(e: Errors): never {
  const count = Object.keys(e.fieldErrors).length + Object.keys(e.materialErrors).length + Object.keys(e.answerErrors).length + (e.deliveryError ? 1 : 0) + (e.handlingError ? 1 : 0)
  const message = e.messages[0] ?? `提交的内容有 ${count} 处需要修改，请按提示修改后再提交`
  return fail('VALIDATION', message, {
    ...(Object.keys(e.fieldErrors).length ? { fieldErrors: e.fieldErrors } : {}),
    ...(Object.keys(e.materialErrors).length ? { materialErrors: e.materialErrors } : {}),
    ...(Object.keys(e.answerErrors).length ? { answerErrors: e.answerErrors } : {}),
    ...(e.deliveryError ? { deliveryError: e.deliveryError } : {}),
    ...(e.handlingError ? { handlingError: e.handlingError } : {}),
  })
}

/** Checks only the server can make: the files named are the applicant's, for this material, not reused. */
function checkUploads(core: Core, user: UserRecord, bundleId: string, materials: Record<string, MaterialChoice>, only: Set<string> | undefined, errors: Errors): void {
  const used = new Map<string, string>()
  for (const [materialId, choice] of Object.entries(materials)) {
    if (only && !only.has(materialId)) continue
    if (choice.mode !== 'upload') continue
    for (const fileId of choice.fileIds) {
      const f = core.state.uploads.get(fileId)
      if (!f || f.ownerId !== user.profile.userId) {
        errors.materialErrors[materialId] ??= '上传的文件不存在或已失效，请重新上传'
        continue
      }
      // a material needed per item of a group is keyed `${materialId}~${itemKey}`; files name the material
      if (f.materialId !== materialId.split('~')[0] || f.bundleId !== bundleId) errors.materialErrors[materialId] ??= `文件“${f.name}”不是为该材料上传的，请重新上传`
      const other = used.get(fileId)
      if (other && other !== materialId) errors.materialErrors[materialId] ??= `文件“${f.name}”已用于其他材料，请重新上传`
      used.set(fileId, materialId)
    }
    if (new Set(choice.fileIds).size !== choice.fileIds.length) errors.materialErrors[materialId] ??= '同一个文件不能重复提交'
  }
}

export interface Checked {
  template: BundleTemplate
  guidance: Guidance
  /** the content with prefilled (locked) values written in: what the departments receive */
  content: DraftContent
}

/**
 * Loads the template version the draft names and runs the domain's rulebook on it (validateDraft: the same
 * function and messages as the app); adds what only the platform knows (who may act as staff, the files).
 * 422 with every problem otherwise.
 */
export function checkSubmission(
  core: Core,
  user: UserRecord,
  content: DraftContent,
  acting: ActingFor | undefined,
  only?: { fields: Set<string>; materials: Set<string> },
  confirmations: PartyConfirmation[] = [],
): Checked {
  const errors = emptyErrors()
  const published = core.catalogue.find(content.bundleId, content.templateVersion)
  if (!published) {
    const latest = core.catalogue.find(content.bundleId)
    return fail('VALIDATION', latest ? `办事指南第 ${content.templateVersion} 版不存在，请按最新版（第 ${latest.template.version} 版）重新确认` : '该一件事不存在或已下线')
  }
  const template = published.template

  const nowIso = new Date(core.now()).toISOString()
  const firm = checkedFirm(user, content)
  const ctx = contextOf(core, user, content, nowIso, acting, confirmations)
  const prefill = draftPrefillOf(core, user, content, firm)
  const g = guide(template, content, ctx, prefill)
  const v = validateDraft(template, content, ctx, prefill)
  const keep = <T>(rec: Record<string, T>, set?: Set<string>) => (set ? Object.fromEntries(Object.entries(rec).filter(([k]) => set.has(k))) : rec)
  Object.assign(errors.fieldErrors, keep(v.fieldErrors, only?.fields))
  Object.assign(errors.materialErrors, keep(v.materialErrors, only?.materials))
  if (!only) {
    errors.messages.push(...v.messages)
    Object.assign(errors.answerErrors, v.answerErrors)
    if (v.deliveryError) errors.deliveryError = v.deliveryError
    if (v.handlingError) errors.handlingError = v.handlingError
  }
  checkUploads(core, user, template.id, content.materials, only?.materials, errors)
  for (const [id, message] of Object.entries(actingMaterialErrors(content.materials, acting))) errors.materialErrors[id] ??= message
  if (hasErrors(errors)) reject(errors)
  // what the departments receive: locked values, effective choices, only fields on this path's form
  return { template, guidance: g, content: effectiveContent(content, g) }
}

/** 'HN' + Beijing date + 5-digit sequence of that day. */
export function nextCaseId(core: Core, nowMs: number): string {
  const day = toBeijingDate(new Date(nowMs).toISOString()).replace(/-/g, '')
  const meta = core.state.meta.get()
  const seq = (meta.caseSeq[day] ?? 0) + 1
  core.state.meta.update({ caseSeq: { ...meta.caseSeq, [day]: seq } })
  return `HN${day}${String(seq).padStart(5, '0')}`
}

export function createCase(
  core: Core,
  user: UserRecord,
  draftId: string,
  checked: Checked,
  acting: ActingFor | undefined,
  /** filed by staff or a relative (who, and how the owner confirmed); the hall that accepts it */
  by: { filedBy?: CaseFiler; filerId?: string; hallId?: string } = {},
): StoredCase {
  const nowMs = core.now()
  const at = new Date(nowMs).toISOString()
  const { template, guidance: g, content } = checked
  const matters: CaseMatter[] = g.matters.map((mv) => {
    // the limit on this path, in the unit its law uses (告知承诺 may make a permit instant; 身份证 counts 日)
    const d = g.deadline.matters.find((x) => x.matterId === mv.id)
    const promised = d?.promised ?? { days: mv.matter.promisedLimitDays, unit: mv.matter.limitUnit ?? 'workday' }
    return {
      matterId: mv.id,
      name: mv.matter.name,
      department: mv.matter.department,
      authority: mv.authority,
      contact: { phone: mv.matter.contacts.consult, address: mv.matter.location.address, hours: mv.matter.location.hours },
      caseType: d?.caseType ?? mv.matter.caseType,
      promisedLimitDays: promised.days,
      limit: { value: promised.days, unit: promised.unit },
      hasSiteCheck: mv.matter.steps.some((s) => SITE_CHECK.test(s.name)),
      steps: matterSteps(mv.matter.steps),
      stepIndex: 0,
      status: 'submitted',
      timeline: [{ status: 'submitted', at, note: '申请已提交' }],
      pauses: [],
    }
  })
  const id = nextCaseId(core, nowMs)
  const firm = checkedFirm(user, content)
  const name = firm ? firm.firmName : user.profile.kind === 'firm' && user.profile.firmName ? user.profile.firmName : maskName(user.profile.name)
  const c: StoredCase = {
    id,
    ownerId: user.profile.userId,
    bundleId: template.id,
    bundleName: template.name,
    templateVersion: template.version,
    draftId,
    region: content.region,
    applicantKind: content.applicantKind,
    applicantName: name,
    ...(firm ? { firm: { uscc: firm.uscc, firmName: firm.firmName, role: firm.role, agentName: maskName(user.profile.name) } } : {}),
    status: overallStatus({ matters }),
    submittedAt: at,
    dueDate: g.deadline.expectedDate,
    committedDays: g.deadline.workingDays,
    limit: { value: g.deadline.workingDays, unit: 'workday' },
    matters,
    content,
    ...(content.delivery ? { delivery: content.delivery } : {}),
    ...(content.handling ? { handling: content.handling } : {}),
    ...(acting ? { acting } : {}),
    ...(by.filedBy ? { filedBy: by.filedBy, filerId: by.filerId } : {}),
    hallId: by.hallId ?? nearestHallId(core, content.region),
    guidance: {
      matterIds: g.matters.map((m) => m.id),
      departments: g.departments,
      fieldCount: g.fields.all.length,
      materialCount: g.summary.materialCount,
      visits: g.visits,
      workingDays: g.deadline.workingDays,
      estimated: g.deadline.estimated,
    },
    burden: g.burden,
    supplementHistory: [],
    fees: Object.fromEntries(g.matters.map((mv) => [mv.id, g.fees.filter((f) => f.matterId === mv.id).map((f) => ({ item: f.item, amountYuan: f.amountYuan, ...(f.basis ? { basis: f.basis } : {}), ...(f.sample ? { sample: true } : {}) }))])),
  }
  core.state.cases.set(id, c)
  return c
}

/** What the lifecycle needs from the rest of the platform. */
export function lifeHooks(core: Core): LifeHooks {
  return {
    template: (c) => core.catalogue.lookup(c.bundleId, c.templateVersion)?.template,
    regions: () => core.catalogue.regions().regions,
    notify: (c, kind, title, body, atMs) => notify(core, c, kind, title, body, atMs),
    licenceName: (kind) => core.catalogue.licenceName(kind),
    issueLicence(c, l) {
      const user = core.state.users.get(c.ownerId)
      if (!user || user.licences.some((x) => x.kind === l.kind)) return
      const holder = user.profile.kind === 'firm' && user.profile.firmName ? user.profile.firmName : user.profile.name
      core.state.users.set(user.profile.userId, { ...user, licences: [...user.licences, { kind: l.kind, number: l.number, issuer: c.matters.find((m) => m.result?.licence?.kind === l.kind)?.authority ?? '', issuedAt: l.issuedAt, holder, data: { ...l.data, name: holder } }] })
    },
  }
}

/** Moves the case on to now (and saves it when it moved). The stored object is never changed in place. */
export function refreshCase(core: Core, c: StoredCase): StoredCase {
  const moved = structuredClone(c)
  if (!progress(moved, core.now(), lifeHooks(core))) return c
  core.state.cases.set(c.id, moved)
  return moved
}

/**
 * A case as its replies show it: the 身份证 numbers in what was submitted are masked (no reply needs them
 * whole: not the applicant's, not a list, not a department's until #13 scopes staff to their hall). `staff`
 * also leaves out the rating (raters are protected).
 */
export function view(core: Core, c: StoredCase, opts: { staff?: boolean } = {}): CaseRecord {
  const { ownerId: _o, supplementHistory: _h, stalled: _s, notified: _n, ratingId: _r, filerId: _f, hallId: _hall, fees: _fees, evaluation, content, ...rest } = c
  const fields = core.catalogue.lookup(c.bundleId, c.templateVersion)?.template.fields ?? []
  const idFields = new Set(fields.filter((f) => f.type === 'idNumber').map((f) => f.id))
  // by field type, and any value shaped like one (an 18-digit account number is masked too: no harm)
  const masked = (vals: Record<string, string>) => Object.fromEntries(Object.entries(vals).map(([k, v]) => [k, idFields.has(k) || ID_NUMBER.test(v) ? maskIdNumber(v) : v]))
  const values = masked(content.values)
  // a group's items (股东, 继承人) hold 身份证 numbers too
  const items = content.items && Object.fromEntries(Object.entries(content.items).map(([g, list]) => [g, list.map((item) => ({ ...item, values: masked(item.values) }))]))
  const asOf = new Date(core.now()).toISOString()
  const clock = clockOfCase(c, asOf)
  return {
    ...rest,
    content: { ...content, values, ...(items ? { items } : {}) },
    asOf,
    supplements: c.supplementHistory,
    dueDate: clock.dueDate ?? c.dueDate,
    deadline: clock.card,
    ...(evaluation && !opts.staff ? { evaluation } : {}),
  }
}

const ID_NUMBER = /^\d{17}[\dXx]$/

/** Applicant answers a 补正: only the named fields and materials may change. */
export function applySupplement(core: Core, user: UserRecord, c: StoredCase, values: Record<string, string>, materials: Record<string, MaterialChoice>): StoredCase {
  const s = c.supplement
  const closed = supplementClosedRefusal(c)
  if (closed) return fail('CONFLICT', closed)
  if (!s || s.resolvedAt) return fail('CONFLICT', '该办件当前不需要补正')
  const errors = emptyErrors()
  const fields = new Set(s.fields)
  const mats = new Set(s.materials)
  for (const k of Object.keys(values)) if (!fields.has(k)) errors.fieldErrors[k] = '本次补正不需要修改这一项'
  for (const k of Object.keys(materials)) if (!mats.has(k)) errors.materialErrors[k] = '本次补正不需要这份材料'
  for (const k of fields) if (!(k in values)) errors.fieldErrors[k] ??= '请按补正要求填写这一项'
  for (const k of mats) if (!(k in materials)) errors.materialErrors[k] ??= '请按补正要求提交这份材料'
  if (hasErrors(errors)) reject(errors)
  const merged: DraftContent = { ...c.content, values: { ...c.content.values, ...values }, materials: { ...c.content.materials, ...materials } }
  const checked = checkSubmission(core, user, merged, c.acting, { fields, materials: mats })
  const nowMs = core.now()
  const at = new Date(Math.max(nowMs, ...c.matters.map((m) => Date.parse(m.timeline[m.timeline.length - 1].at)))).toISOString()
  c.content = checked.content
  for (const m of c.matters) {
    if (m.status !== 'supplement') continue
    for (const p of m.pauses) if (p.reason === '补正' && !p.to) p.to = at
    const status = m.acceptedAt ? stepStatus(m, m.stepIndex) : 'submitted'
    m.status = status
    m.timeline.push({ status, at, note: m.acceptedAt ? `申请人已补正，${m.steps[m.stepIndex]?.name ?? '审查'}` : '申请人已补正，等待受理' })
  }
  const resolved: SupplementRequest = { ...s, resolvedAt: at }
  c.supplement = resolved
  c.supplementHistory = [...c.supplementHistory.slice(0, -1), resolved]
  c.status = overallStatus(c)
  core.state.cases.set(c.id, c)
  return c
}

/** A department asks for a 补正 naming fields and/or materials (一次性告知); the matters it stops wait. */
export function requestSupplement(core: Core, c: StoredCase, message: string, fields: string[], materials: string[], matterId?: string): StoredCase {
  c = structuredClone(refreshCase(core, c))
  const closed = supplementClosedRefusal(c)
  if (closed) fail('CONFLICT', closed)
  if (c.supplement && !c.supplement.resolvedAt) fail('CONFLICT', '该办件已有待处理的补正要求')
  const t = core.catalogue.lookup(c.bundleId, c.templateVersion)?.template
  if (!t) return fail('SERVER', '办件所用的办事指南版本缺失')
  const errors = emptyErrors()
  const caseFields = new Set(c.guidance.matterIds.flatMap((id) => t.matters.find((m) => m.id === id)?.fields ?? []))
  const caseMaterials = new Set(Object.keys(c.content.materials))
  for (const f of fields) if (!caseFields.has(f)) errors.fieldErrors[f] = '该办件没有这一项'
  for (const m of materials) if (!caseMaterials.has(m)) errors.materialErrors[m] = '该办件没有这份材料'
  if (!fields.length && !materials.length) errors.messages.push('请指明需要补正的填写项或材料')
  if (hasErrors(errors)) reject(errors)
  const open = c.matters.filter((m) => !['concluded', 'delivered', 'rejected', 'withdrawn'].includes(m.status))
  const touches = (id: string) => {
    const m = t.matters.find((x) => x.id === id)
    return !!m && (m.fields.some((f) => fields.includes(f)) || m.materials.some((r) => materials.includes(r.ref)))
  }
  let affected = matterId ? open.filter((m) => m.matterId === matterId) : open.filter((m) => touches(m.matterId))
  if (matterId && !affected.length) fail(c.matters.some((m) => m.matterId === matterId) ? 'CONFLICT' : 'NOT_FOUND', c.matters.some((m) => m.matterId === matterId) ? '该事项已办结或已终止，不能要求补正' : '该办件中没有这个事项')
  if (!affected.length) affected = open
  if (!affected.length) fail('CONFLICT', '办件已办结，不能再要求补正')
  const ids = affected.map((m) => m.matterId)
  const again = secondSupplementRefusal(c.supplementHistory, ids, fields, materials)
  if (again) {
    core.log.info(`办件 ${c.id} 的重复补正要求未接受（未列明新的补正事项）`)
    fail('CONFLICT', again)
  }
  const nowMs = core.now()
  const at = new Date(nowMs).toISOString()
  for (const m of affected) {
    const when = new Date(Math.max(nowMs, Date.parse(m.timeline[m.timeline.length - 1].at))).toISOString()
    m.status = 'supplement'
    m.pauses.push({ from: when, reason: '补正' })
    m.timeline.push({ status: 'supplement', at: when, note: `需要补正：${message}` })
  }
  const labels: Record<string, string> = {}
  for (const f of fields) labels[f] = t.fields.find((x) => x.id === f)?.label ?? f
  for (const m of materials) labels[m] = t.materials.find((x) => x.id === m)?.name ?? m
  const s: SupplementRequest = { message, fields, materials, requestedAt: at, matterIds: ids, labels }
  c.supplement = s
  c.supplementHistory = [...c.supplementHistory, s]
  c.status = overallStatus(c)
  core.state.cases.set(c.id, c)
  notify(core, c, 'supplement', '请补正材料', `${affected.map((m) => m.department).filter((d, i, a) => a.indexOf(d) === i).join('、')}：${message}（共 ${fields.length + materials.length} 项，一次告知）`, nowMs)
  return c
}
