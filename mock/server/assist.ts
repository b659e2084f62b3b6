// Acting for a citizen: grants, halls, audit rows. The rules are the domain's (src/domain/assist); this is
// where the platform applies them to a request.
import { randomInt } from 'node:crypto'
import { grantRefusal, grantState, scopeRefusal, type AuditActorRole, type GrantScope, type ScopeNeed } from '../../src/domain/assist'
import { grantQrText } from '../../src/domain/assist/scan'
import type { StaffStamp } from '../../src/domain/draft'
import { maskIdNumber, maskMobile, maskName } from '../../src/domain/mask'
import type { GrantView, Region, ServiceHall } from '../../src/services/contract'
import type { Core, Ctx } from './core'
import { fail } from './http'
import type { StoredAudit, StoredGrant, UserRecord } from './state'

export interface HallEntry {
  hall: ServiceHall
  /** the region the hall serves */
  region: string
}

/** Every service hall of the regions file, with the region it serves. */
export function hallList(core: Core): HallEntry[] {
  const out: HallEntry[] = []
  const walk = (rs: Region[]) => {
    for (const r of rs) {
      if (r.hall) out.push({ hall: r.hall, region: r.code })
      if (r.children) walk(r.children)
    }
  }
  walk(core.catalogue.regions().regions)
  return out
}

export function findHall(core: Core, id: string | undefined): HallEntry | undefined {
  return id ? hallList(core).find((h) => h.hall.id === id) : undefined
}

/** The hall a staff account works at; an account without one is refused. */
export function staffHall(core: Core, u: UserRecord): HallEntry {
  return findHall(core, u.profile.hallId) ?? fail('FORBIDDEN', '您的账号未分配服务大厅，请联系管理员')
}

const prefixOf = (code: string) => code.replace(/(00)+$/, '')

/** The hall of the most specific region containing `region` (a case's 受理 hall when filed online). */
export function nearestHallId(core: Core, region: string): string | undefined {
  let best: HallEntry | undefined
  for (const h of hallList(core)) {
    const p = prefixOf(h.region)
    if (region.startsWith(p) && (!best || p.length > prefixOf(best.region).length)) best = h
  }
  return best?.hall.id
}

/** Halls near a region: sharing the longest part of its code first, then the more local hall. */
export function hallsNear(core: Core, region: string): HallEntry[] {
  const common = (a: string) => {
    let n = 0
    while (n < 6 && a.slice(0, n + 2) === region.slice(0, n + 2)) n += 2
    return n
  }
  return hallList(core)
    .filter((h) => common(h.region) >= 2)
    .sort((a, b) => common(b.region) - common(a.region) || prefixOf(b.region).length - prefixOf(a.region).length)
}

/** Which window did it: what audit rows, stamps and the citizen's app show. */
export function stampOf(core: Core, u: UserRecord): StaffStamp {
  const hall = findHall(core, u.profile.hallId)
  return { staffName: u.profile.name, hallName: hall?.hall.name ?? u.profile.hall ?? '', ...(u.profile.window ? { window: u.profile.window } : {}) }
}

export function actorRoleOf(u: UserRecord): AuditActorRole {
  return u.profile.role === 'citizen' ? 'relative' : u.profile.role
}

export function scopeLabel(core: Core, scope: GrantScope): string {
  if (scope.kind === 'case') return `办件 ${scope.caseId}`
  return core.catalogue.lookup(scope.bundleId)?.template.name ?? scope.bundleId
}

export function purposeOf(core: Core, g: StoredGrant): string {
  const what = scopeLabel(core, g.scope)
  if (g.grantee === 'relative') return `亲情帮办：代办“${what}”`
  // a proxy's paper: every row under it says whose, so the citizen knows it was not their own grant code
  if (g.proxy) return `代理人${g.proxy.name}代办“${what}”（凭授权委托书）`
  return g.scope.kind === 'case' ? `办理${what}` : `窗口代办“${what}”`
}

const nowIso = (core: Core) => new Date(core.now()).toISOString()

/** A grant as its giver (the citizen), the staff using it, or the relative holding it see it. */
export function grantView(core: Core, g: StoredGrant, audience: 'citizen' | 'staff' | 'relative'): GrantView {
  const state = grantState(g, nowIso(core))
  const v: GrantView = {
    id: g.id,
    grantee: g.grantee,
    via: g.via,
    scope: g.scope,
    scopeLabel: scopeLabel(core, g.scope),
    state,
    createdAt: g.createdAt,
    expiresAt: g.expiresAt,
    promiseAuthorised: g.promiseAuthorised,
    ...(g.redeemedAt ? { redeemedAt: g.redeemedAt } : {}),
    ...(g.revokedAt ? { revokedAt: g.revokedAt } : {}),
    ...(g.usedBy ? { usedBy: g.usedBy } : {}),
    ...(g.caseId ? { caseId: g.caseId } : {}),
    ...(g.proof ? { proof: { kind: g.proof.kind, fileId: g.proof.fileId, registeredBy: g.proof.registeredBy } } : {}),
    ...(g.proxy ? { proxy: { name: g.proxy.name, idNumber: maskIdNumber(g.proxy.idNumber) } } : {}),
  }
  const hall = findHall(core, g.hallId)
  if (hall) Object.assign(v, { hallId: hall.hall.id, hallName: hall.hall.name })
  if (g.grantee === 'relative' && g.relativeId) {
    const rel = core.state.users.get(g.relativeId)
    if (rel && audience === 'citizen') v.relative = { name: maskName(rel.profile.name), mobile: maskMobile(rel.profile.mobile), relation: g.relation ?? '' }
  }
  if (audience !== 'citizen') {
    const c = core.state.users.get(g.citizenId)
    if (c) v.citizen = { name: maskName(c.profile.name), idNumber: maskIdNumber(c.profile.idNumber) }
  }
  // the one-time code goes back only to the citizen, and only while it waits for a window
  // (an SMS code stands in the citizen's app for the text message the mock does not send)
  if (audience === 'citizen' && g.code && state === 'waiting') Object.assign(v, g.via === 'sms' ? { code: g.code } : { code: g.code, qrText: grantQrText(g.code) })
  return v
}

/** A fresh 8-digit code no waiting grant uses. */
export function newWindowCode(core: Core): string {
  for (;;) {
    const code = String(randomInt(10_000_000, 100_000_000))
    if (!core.state.grants.findBy(`code:${code}`)) return code
  }
}

/** One audit row, in the transaction of the request it records. */
export function writeAudit(core: Core, row: Omit<StoredAudit, 'id' | 'at'>): StoredAudit {
  const seq = (core.state.meta.get().auditSeq ?? 0) + 1
  core.state.meta.update({ auditSeq: seq })
  const rec: StoredAudit = { id: `a-${String(seq).padStart(9, '0')}`, at: nowIso(core), ...row }
  core.state.audit.set(rec.id, rec)
  return rec
}

/** The audit row of a staff member, reviewer or relative acting on citizens' data. */
export function auditBy(core: Core, actor: UserRecord, row: Pick<StoredAudit, 'citizenIds' | 'basis' | 'action' | 'what' | 'purpose' | 'route'> & Partial<Pick<StoredAudit, 'grantId' | 'record'>>): StoredAudit {
  const hall = actor.profile.role === 'citizen' ? undefined : findHall(core, actor.profile.hallId)
  return writeAudit(core, {
    actorId: actor.profile.userId,
    actorName: actor.profile.role === 'citizen' ? maskName(actor.profile.name) : actor.profile.name,
    actorRole: actorRoleOf(actor),
    ...(hall ? { hallId: hall.hall.id, hallName: hall.hall.name } : {}),
    ...(actor.profile.window && actor.profile.role !== 'citizen' ? { window: actor.profile.window } : {}),
    ...row,
  })
}

/** The caller as the domain's rules see them. */
export function actingCallerOf(u: UserRecord) {
  return { role: u.profile.role, userId: u.profile.userId, ...(u.profile.hallId ? { hallId: u.profile.hallId } : {}) }
}

/**
 * Staff or a relative acting under `grantId`: the grant must be theirs and live (403 with the rule's words
 * otherwise). Afterwards the request runs as the citizen; `ctx.actor` says who really acts.
 */
export function actUnder(core: Core, ctx: Ctx, grantId: string): void {
  const caller = ctx.user as UserRecord
  const g = core.state.grants.get(grantId)
  if (!g) return fail('FORBIDDEN', '没有找到申请人的授权，请重新扫描授权码')
  const refusal = grantRefusal(g, actingCallerOf(caller), nowIso(core))
  if (refusal) return fail('FORBIDDEN', refusal)
  const subject = core.state.users.get(g.citizenId)
  if (!subject) return fail('FORBIDDEN', '授权人不存在')
  ctx.actor = { user: caller, grant: g }
  ctx.user = subject
}

/** What one request under a grant touches must be inside it. */
export function checkScope(ctx: Ctx, need: ScopeNeed): void {
  const g = ctx.actor?.grant
  if (!g) return
  const refusal = scopeRefusal(g.scope, need, g.caseId)
  if (refusal) fail('FORBIDDEN', refusal)
}

/** What reading a file touches: its bundle, or (under a case grant) the case that names it. */
export function fileScope(core: Core, ctx: Ctx): ScopeNeed {
  const g = ctx.actor?.grant
  const file = core.state.uploads.get(ctx.params.fileId)
  if (!g || !file) return {}
  if (g.scope.kind !== 'case') return { bundleId: file.bundleId }
  const c = core.state.cases.get(g.scope.caseId)
  const named = c && Object.values(c.content.materials).some((m) => m.mode === 'upload' && m.fileIds.includes(file.fileId))
  return named ? { caseId: g.scope.caseId } : { bundleId: file.bundleId }
}
