// 授权 and 谁查看了我的信息 (the citizen), the window's side of a grant (staff), and the audit rows the
// simulation controls count. Acting on a citizen's data under a grant happens on the citizen's own routes
// (X-Acting-Grant; see ActingSpec in core.ts).
import { randomBytes, randomInt } from 'node:crypto'
import {
  DECIDABLE_STATUSES,
  grantExpiry,
  grantRefusal,
  grantRequestErrors,
  grantState,
  SMS_GRANT_CODE,
  WINDOW_CODE,
  type GrantScope,
  type Grantee,
} from '../../src/domain/assist'
import { maskIdNumber, maskName } from '../../src/domain/mask'
import { validateMobile } from '../../src/domain/validators'
import type {
  AdminAuditEntry,
  AuditEntry,
  AuditListResponse,
  GrantListResponse,
  HallListResponse,
  OpenResponse,
  QueueCase,
  QueueResponse,
  SmsGrantResponse,
  SubjectResponse,
} from '../../src/services/contract'
import { actingCallerOf, auditBy, findHall, grantView, hallsNear, newWindowCode, staffHall, stampOf } from './assist'
import { me, type Core, type Ctx, type Route } from './core'
import { fail, json } from './http'
import { Checker } from './input'
import { licenceSummaries } from './routes-identity'
import { listPage } from './pages'
import { ownerGroup, type StoredAudit, type StoredCase, type StoredGrant, type UserRecord } from './state'

const CASE_ID = /^HN\d{13}$/
const SMS_GRANT_MINUTES = 30

function auditEntry(a: StoredAudit): AuditEntry {
  return {
    id: a.id,
    at: a.at,
    action: a.action,
    basis: a.basis,
    what: a.what,
    ...(a.record ? { record: a.record } : {}),
    purpose: a.purpose,
    actorName: a.actorName,
    actorRole: a.actorRole,
    ...(a.hallName ? { hallName: a.hallName } : {}),
    ...(a.window ? { window: a.window } : {}),
    ...(a.grantId ? { grantId: a.grantId } : {}),
  }
}

/** A case as the window's lists show it: masked. */
export function queueCase(core: Core, c: StoredCase): QueueCase {
  const owner = core.state.users.get(c.ownerId)
  return {
    id: c.id,
    bundleName: c.bundleName,
    applicantKind: c.applicantKind,
    applicantName: owner ? maskName(owner.profile.name) : '',
    applicantIdNumber: owner ? maskIdNumber(owner.profile.idNumber) : '',
    status: c.status,
    submittedAt: c.submittedAt,
    ...(c.handling ? { handling: c.handling } : {}),
    ...(c.filedBy ? { filedBy: c.filedBy.actor === 'staff' ? `${c.filedBy.hallName ?? ''} ${c.filedBy.name}`.trim() : `亲属 ${c.filedBy.name}` } : {}),
  }
}

export function assistRoutes(core: Core): Route[] {
  const nowIso = () => new Date(core.now()).toISOString()

  const checkScope = (c: Checker, v: unknown): GrantScope | undefined => {
    const o = c.object(v, 'scope')
    if (!o) return undefined
    const kind = c.oneOf(o.kind, 'scope.kind', ['bundle', 'case'] as const)
    if (kind === 'bundle') {
      const bundleId = c.string(o.bundleId, 'scope.bundleId', { pattern: /^[A-Za-z0-9_.-]{1,80}$/, patternMessage: '一件事标识格式不正确' })
      return bundleId ? { kind, bundleId } : undefined
    }
    if (kind === 'case') {
      const caseId = c.string(o.caseId, 'scope.caseId', { pattern: CASE_ID, patternMessage: '办件编号格式不正确' })
      return caseId ? { kind, caseId } : undefined
    }
    return undefined
  }

  /** The scope names something of the citizen's: a bundle offered, or their own case. */
  const checkScopeTarget = (u: UserRecord, scope: GrantScope) => {
    if (scope.kind === 'bundle' && !core.catalogue.lookup(scope.bundleId)) fail('VALIDATION', '该一件事不存在或已下线', { fieldErrors: { 'scope.bundleId': '该一件事不存在或已下线' } })
    if (scope.kind === 'case' && core.state.cases.get(scope.caseId)?.ownerId !== u.profile.userId) fail('VALIDATION', '没有找到您的这件办件', { fieldErrors: { 'scope.caseId': '没有找到您的这件办件' } })
  }

  const ownGrant = (ctx: Ctx): StoredGrant => {
    const g = core.state.grants.get(ctx.params.id)
    // someone else's grant: the same answer as none
    if (!g || g.citizenId !== me(ctx).profile.userId) return fail('NOT_FOUND', '授权不存在')
    return g
  }

  const staffOf = (ctx: Ctx) => {
    const u = me(ctx)
    return { u, hall: staffHall(core, u) }
  }

  /** A waiting grant redeemed by this window: active from now, the code used up. */
  const redeem = (g: StoredGrant, staff: UserRecord): StoredGrant => {
    const now = nowIso()
    if (grantState(g, now) === 'waiting') {
      const refusal = grantRefusal({ ...g, redeemedAt: now }, actingCallerOf(staff), now)
      if (refusal) fail('FORBIDDEN', refusal)
    } else {
      // a code is used once; an expired or revoked one says so
      const refusal = grantRefusal(g, actingCallerOf(staff), now)
      fail('FORBIDDEN', refusal ?? '该授权码已使用过，请申请人重新授权')
    }
    const { code: _used, ...rest } = g
    const redeemed: StoredGrant = { ...rest, redeemedAt: now, redeemedBy: staff.profile.userId, usedBy: stampOf(core, staff) }
    core.state.grants.set(g.id, redeemed)
    return redeemed
  }

  return [
    // ---------- the citizen ----------
    {
      method: 'GET',
      pattern: '/halls',
      auth: 'none',
      handler(ctx) {
        const c = new Checker()
        const region = c.string(ctx.query.get('region') || undefined, 'region', { optional: true, pattern: /^\d{6}$/, patternMessage: '应为 6 位地区代码' })
        c.done('查询参数不正确')
        // nearest first
        const res: HallListResponse = { halls: hallsNear(core, region ?? '43').map((h) => ({ ...h.hall, region: h.region })) }
        return json(200, res)
      },
    },
    {
      method: 'POST',
      pattern: '/grants',
      auth: 'citizen',
      body: 'json',
      idempotency: 'optional',
      handler(ctx) {
        const u = me(ctx)
        const c = new Checker()
        const b = c.object(ctx.body, '')
        const grantee = b && (c.oneOf(b.grantee, 'grantee', ['staff', 'relative'] as const) as Grantee | undefined)
        const scope = b && checkScope(c, b.scope)
        const hallId = b && c.string(b.hallId, 'hallId', { optional: true, max: 40 })
        const minutes = b && (b.minutes === undefined ? undefined : c.int(b.minutes, 'minutes', { min: 1, max: 100_000 }))
        const days = b && (b.days === undefined ? undefined : c.int(b.days, 'days', { min: 1, max: 1000 }))
        const relativeMobile = b && c.string(b.relativeMobile, 'relativeMobile', { optional: true, max: 20 })
        const relation = b && c.string(b.relation, 'relation', { optional: true, max: 20 })
        if (b && b.promiseAuthorised !== undefined && typeof b.promiseAuthorised !== 'boolean') c.err('promiseAuthorised', '应为 true 或 false')
        const promiseAuthorised = b?.promiseAuthorised === true
        c.done()
        // the rulebook's words, at the field
        const errors = grantRequestErrors({ grantee: grantee!, minutes, days, hallId, relativeMobile, relation, ownMobile: u.profile.mobile })
        if (grantee === 'staff' && hallId && !findHall(core, hallId)) errors.hallId = '没有找到该服务大厅，请重新选择'
        if (Object.keys(errors).length) return fail('VALIDATION', Object.values(errors)[0], { fieldErrors: errors })
        checkScopeTarget(u, scope!)
        const now = nowIso()
        const id = `g-${randomBytes(9).toString('base64url')}`
        let g: StoredGrant
        if (grantee === 'staff') {
          g = { id, citizenId: u.profile.userId, grantee, via: 'app', scope: scope!, hallId, createdAt: now, expiresAt: grantExpiry(now, minutes!), promiseAuthorised: !!promiseAuthorised, code: newWindowCode(core) }
        } else {
          const typedMobile = validateMobile(relativeMobile!)
          const relative = typedMobile.ok ? core.state.userByMobile(typedMobile.value) : undefined
          // the elder names someone they know; saying the number is not signed in here tells them what to do
          if (!relative || relative.profile.kind !== 'person') return fail('VALIDATION', '该手机号还没有实名登录本应用，请亲属先用这个手机号登录一次', { fieldErrors: { relativeMobile: '该手机号还没有实名登录本应用，请亲属先用这个手机号登录一次' } })
          g = { id, citizenId: u.profile.userId, grantee: 'relative', via: 'app', scope: scope!, relativeId: relative.profile.userId, relation, createdAt: now, expiresAt: grantExpiry(now, days! * 24 * 60), promiseAuthorised: !!promiseAuthorised }
        }
        core.state.grants.set(id, g)
        return { ...json(201, grantView(core, g, 'citizen')), ref: id }
      },
      replay: (id) => {
        const g = core.state.grants.get(id)
        return g ? grantView(core, g, 'citizen') : fail('NOT_FOUND', '授权不存在')
      },
    },
    {
      method: 'GET',
      pattern: '/grants',
      auth: 'citizen',
      handler(ctx) {
        const uid = me(ctx).profile.userId
        const mine = core.state.grants
          .values()
          .filter((g) => g.citizenId === uid)
          .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1))
        const res: GrantListResponse = { grants: mine.map((g) => grantView(core, g, 'citizen')) }
        return json(200, res)
      },
    },
    {
      method: 'GET',
      pattern: '/grants/received',
      auth: 'citizen',
      handler(ctx) {
        const uid = me(ctx).profile.userId
        const now = nowIso()
        const given = core.state.grants
          .values()
          .filter((g) => g.grantee === 'relative' && g.relativeId === uid && grantState(g, now) === 'active')
          .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))
        const res: GrantListResponse = { grants: given.map((g) => grantView(core, g, 'relative')) }
        return json(200, res)
      },
    },
    {
      method: 'POST',
      pattern: '/grants/:id/revoke',
      auth: 'citizen',
      body: 'json-optional',
      handler(ctx) {
        const g = ownGrant(ctx)
        // revoking twice is harmless: the first time stands
        if (g.revokedAt) return json(200, grantView(core, g, 'citizen'))
        const { code: _dropped, ...rest } = g
        const revoked: StoredGrant = { ...rest, revokedAt: nowIso() }
        core.state.grants.set(g.id, revoked)
        return json(200, grantView(core, revoked, 'citizen'))
      },
    },
    {
      method: 'GET',
      pattern: '/audit',
      auth: 'citizen',
      handler(ctx) {
        const uid = me(ctx).profile.userId
        // ids sort in the order written: newest first
        const page = listPage(ctx, core.state.audit.inGroup(ownerGroup(uid)), (a) => a.id, 'desc', auditEntry)
        const res: AuditListResponse = { entries: page.items, ...page.more }
        return json(200, res)
      },
    },

    // ---------- staff or a relative, under a grant ----------
    {
      method: 'GET',
      pattern: '/acting/subject',
      auth: 'citizen',
      acting: { audit: () => ({ action: 'read', what: '查看实名信息和电子证照目录' }) },
      handler(ctx) {
        if (!ctx.actor) return fail('FORBIDDEN', '代办须有申请人的授权：请先扫描或输入申请人出示的授权码')
        const u = me(ctx)
        const consented = new Set(core.state.consents.values().filter((x) => x.userId === u.profile.userId).map((x) => x.kind))
        const res: SubjectResponse = {
          grant: grantView(core, ctx.actor.grant, ctx.actor.grant.grantee === 'staff' ? 'staff' : 'relative'),
          // the full profile fills the form in memory; screens show it masked
          profile: u.profile,
          licences: licenceSummaries(core, u, consented),
        }
        return json(200, res)
      },
    },

    // ---------- the window ----------
    {
      method: 'POST',
      pattern: '/staff/grants/sms',
      auth: 'staff',
      body: 'json',
      handler(ctx) {
        const { u: staff, hall } = staffOf(ctx)
        const c = new Checker()
        const b = c.object(ctx.body, '')
        const mobile = b && c.string(b.mobile, 'mobile', { max: 20 })
        const bundleId = b && c.string(b.bundleId, 'bundleId', { pattern: /^[A-Za-z0-9_.-]{1,80}$/, patternMessage: '一件事标识格式不正确' })
        c.done()
        const checked = validateMobile(mobile!)
        if (!checked.ok) return fail('VALIDATION', checked.message, { fieldErrors: { mobile: checked.message } })
        if (!core.catalogue.lookup(bundleId!)) return fail('VALIDATION', '该一件事不存在或已下线', { fieldErrors: { bundleId: '该一件事不存在或已下线' } })
        // issue 11's SMS limits: texts to one number a day and from one client an hour, login codes and these alike
        const sentAt = core.now()
        core.guards.sms.send(checked.value, ctx.client, sentAt)
        const citizen = core.state.userByMobile(checked.value)
        // the same answer whether the number is registered: staff learn nothing until the citizen reads the code out
        core.guards.sms.sent(checked.value, ctx.client, sentAt)
        if (citizen) {
          const now = nowIso()
          let code: string
          do code = String(randomInt(0, 1_000_000)).padStart(6, '0')
          while (core.state.grants.findBy(`code:${code}`))
          const id = `g-${randomBytes(9).toString('base64url')}`
          core.state.grants.set(id, { id, citizenId: citizen.profile.userId, grantee: 'staff', via: 'sms', scope: { kind: 'bundle', bundleId: bundleId! }, hallId: hall.hall.id, createdAt: now, expiresAt: grantExpiry(now, SMS_GRANT_MINUTES), promiseAuthorised: false, code, requestedBy: staff.profile.userId })
        }
        const res: SmsGrantResponse = { sent: true, expiresInSeconds: SMS_GRANT_MINUTES * 60 }
        return json(200, res)
      },
    },
    {
      method: 'POST',
      pattern: '/staff/open',
      auth: 'staff',
      body: 'json',
      handler(ctx) {
        const { u: staff } = staffOf(ctx)
        const c = new Checker()
        const b = c.object(ctx.body, '')
        const code = b && c.string(b.code, 'code', { max: 20 })
        const mobile = b && c.string(b.mobile, 'mobile', { optional: true, max: 20 })
        c.done()
        const sms = SMS_GRANT_CODE.test(code!)
        if (!sms && !WINDOW_CODE.test(code!)) return fail('VALIDATION', '授权码为 8 位数字，短信授权码为 6 位数字', { fieldErrors: { code: '授权码为 8 位数字，短信授权码为 6 位数字' } })
        const g = core.state.grants.findBy(`code:${code}`)
        const typed = mobile === undefined ? undefined : validateMobile(mobile)
        const normalisedMobile = typed?.ok ? typed.value : undefined
        const citizenMobile = g && core.state.users.get(g.citizenId)?.profile.mobile
        // an SMS code counts only with the number it was sent to, and only for the window that asked
        if (!g || (sms && (g.via !== 'sms' || citizenMobile !== normalisedMobile || g.requestedBy !== staff.profile.userId)) || (!sms && g.via === 'sms')) {
          return fail('NOT_FOUND', sms ? '短信授权码不正确或已失效，请核对手机号后让申请人重新读出' : '授权码不正确或已使用，请让申请人刷新授权码后重新扫描')
        }
        const redeemed = redeem(g, staff)
        auditBy(core, staff, { citizenIds: [g.citizenId], grantId: g.id, basis: 'grant', action: 'read', what: '使用授权，查看申请人姓名和证件号（已遮挡）', purpose: `窗口代办“${grantView(core, g, 'staff').scopeLabel}”`, route: 'POST /staff/open' })
        const res: OpenResponse = { grant: grantView(core, redeemed, 'staff') }
        return json(200, res)
      },
    },
    {
      method: 'GET',
      pattern: '/staff/grants',
      auth: 'staff',
      handler(ctx) {
        const { hall } = staffOf(ctx)
        const now = nowIso()
        // the grants this hall holds now; listing them shows no citizen data beyond masked names
        const live = core.state.grants
          .values()
          .filter((g) => g.grantee === 'staff' && g.hallId === hall.hall.id && grantState(g, now) === 'active')
          .sort((a, b) => ((a.redeemedAt ?? '') < (b.redeemedAt ?? '') ? 1 : -1))
        const res: GrantListResponse = { grants: live.map((g) => grantView(core, g, 'staff')) }
        return json(200, res)
      },
    },
    {
      method: 'GET',
      pattern: '/staff/queue',
      // the window's queue: cases waiting for 受理; a reviewer's: cases with a matter waiting for a decision
      auth: ['staff', 'reviewer'],
      handler(ctx) {
        const { u: staff, hall } = staffOf(ctx)
        const reviewer = staff.profile.role === 'reviewer'
        const due = (c: StoredCase) => (reviewer ? c.matters.some((m) => (DECIDABLE_STATUSES as readonly string[]).includes(m.status)) : c.status === 'submitted')
        const listed = core.state.cases.values().filter((c) => c.hallId === hall.hall.id && due(c))
        const page = listPage(ctx, listed, (c) => c.id, 'asc', (c) => c)
        const items = page.items.map((c) => queueCase(core, c))
        const res: QueueResponse = {
          hall: { id: hall.hall.id, name: hall.hall.name, ...(staff.profile.window ? { window: staff.profile.window } : {}) },
          waiting: reviewer ? [] : items,
          ...(reviewer ? { deciding: items } : {}),
          ...page.more,
        }
        const citizenIds = [...new Set(page.items.map((c) => c.ownerId))]
        if (citizenIds.length)
          auditBy(core, staff, {
            citizenIds,
            basis: 'hall',
            action: 'read',
            what: reviewer ? '查看待审批办件列表（姓名、证件号已遮挡）' : '查看待受理办件列表（姓名、证件号已遮挡）',
            purpose: reviewer ? '审批办件' : '一窗受理',
            route: 'GET /staff/queue',
          })
        return json(200, res)
      },
    },

    // ---------- simulation controls ----------
    {
      method: 'GET',
      pattern: '/admin/audit',
      auth: 'simulation',
      handler(ctx) {
        const page = listPage(ctx, core.state.audit.values(), (a) => a.id, 'asc', (a): AdminAuditEntry => ({ ...auditEntry(a), actorId: a.actorId, citizenIds: a.citizenIds, route: a.route }))
        return json(200, { entries: page.items, ...page.more })
      },
    },
  ]
}
