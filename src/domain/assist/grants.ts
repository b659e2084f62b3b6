// 授权: a citizen lets window staff of one service hall, or one relative, act for them on one bundle or one
// case, for a time. One rulebook: the platform refuses with these messages (403) and the apps show them.
// Pure: the current time is passed in.
import { validateIdNumber } from '../validators/idNumber'
import { validateMobile } from '../validators/mobile'
import { validateName } from '../validators/name'

/** What a grant covers: filing one bundle, or one existing case. */
export type GrantScope =
  | { kind: 'bundle'; bundleId: string }
  | { kind: 'case'; caseId: string }

/** Window staff of a service hall (帮代办), or a relative (亲情帮办). */
export type Grantee = 'staff' | 'relative'

/** How the citizen gave it: a one-time 授权码 / QR shown in their app, or an SMS code read out at the window. */
export type GrantVia = 'app' | 'sms'

export type GrantState = 'waiting' | 'active' | 'expired' | 'revoked'

/** The facts the rules read. */
export interface GrantFacts {
  grantee: Grantee
  scope: GrantScope
  /** staff grants: the hall whose staff may use it */
  hallId?: string
  /** relative grants: the relative's user id */
  relativeId?: string
  expiresAt: string
  revokedAt?: string
  /** staff grants shown as a code become active when staff enter it */
  redeemedAt?: string
}

/** Who wants to act under a grant. */
export interface ActingCaller {
  role: 'citizen' | 'staff' | 'reviewer'
  userId: string
  hallId?: string
}

/** Minutes a window grant may last; the citizen picks one (default 30). */
export const GRANT_MINUTES = [15, 30, 60, 120] as const
export const DEFAULT_GRANT_MINUTES = 30
/** Days a relative's grant may last (default 7). */
export const RELATIVE_GRANT_DAYS = [1, 7, 30] as const
export const DEFAULT_RELATIVE_GRANT_DAYS = 7

const MINUTE = 60_000

export function grantExpiry(createdAt: string, minutes: number): string {
  return new Date(Date.parse(createdAt) + minutes * MINUTE).toISOString()
}

export function grantState(g: GrantFacts, now: string): GrantState {
  if (g.revokedAt) return 'revoked'
  if (Date.parse(now) >= Date.parse(g.expiresAt)) return 'expired'
  if (g.grantee === 'staff' && !g.redeemedAt) return 'waiting'
  return 'active'
}

export const GRANT_STATE_LABELS: Record<GrantState, string> = { waiting: '待窗口使用', active: '生效中', expired: '已过期', revoked: '已撤销' }

/** Why `caller` may not act under `g` now; undefined when they may. */
export function grantRefusal(g: GrantFacts, caller: ActingCaller, now: string): string | undefined {
  if (g.grantee === 'staff') {
    if (caller.role !== 'staff') return '该授权仅限服务大厅窗口工作人员使用'
    if (!caller.hallId || caller.hallId !== g.hallId) return '该授权只给了申请人选定的服务大厅，本厅不能使用'
  } else {
    if (caller.role !== 'citizen' || caller.userId !== g.relativeId) return '该授权不是给您的，不能代办'
  }
  switch (grantState(g, now)) {
    case 'revoked':
      return '申请人已撤销授权，不能继续代办'
    case 'expired':
      return '授权已过期，请申请人重新授权'
    case 'waiting':
      return '授权尚未生效，请输入申请人出示的授权码'
    default:
      return undefined
  }
}

/** What one request under a grant touches. */
export interface ScopeNeed {
  bundleId?: string
  caseId?: string
}

/**
 * Why the grant does not cover what the request touches. A bundle grant covers its bundle and
 * the case filed under it (`filedCaseId`); a case grant covers that case only.
 */
export function scopeRefusal(scope: GrantScope, need: ScopeNeed, filedCaseId?: string): string | undefined {
  const outside = '超出了申请人授权的范围，不能代办'
  if (need.caseId) {
    const ok = scope.kind === 'case' ? scope.caseId === need.caseId : filedCaseId === need.caseId
    if (!ok) return `该办件${outside}`
  }
  if (need.bundleId) {
    if (scope.kind === 'case') return `申请人只授权了办件 ${scope.caseId}，${outside}`
    if (scope.bundleId !== need.bundleId) return `该事项${outside}`
  }
  return undefined
}

/** "还剩 28 分钟" / "还剩 6 天" / "已过期" */
export function timeLeftText(expiresAt: string, now: string): string {
  const ms = Date.parse(expiresAt) - Date.parse(now)
  if (ms <= 0) return '已过期'
  const minutes = Math.ceil(ms / MINUTE)
  if (minutes < 60) return `还剩 ${minutes} 分钟`
  const hours = Math.floor(minutes / 60)
  if (hours < 48) return `还剩 ${hours} 小时${minutes % 60 ? ` ${minutes % 60} 分钟` : ''}`
  return `还剩 ${Math.floor(hours / 24)} 天`
}

/** Relations a relative may state for 亲情帮办 (近亲属, 民法典 第一千零四十五条). */
export const RELATIONS = ['配偶', '子女', '父母', '兄弟姐妹', '祖父母、外祖父母', '孙子女、外孙子女'] as const
export type Relation = (typeof RELATIONS)[number]

/** Checks a citizen's request for a grant before it is sent and on the platform. Keyed by property. */
export function grantRequestErrors(req: { grantee: Grantee; minutes?: number; days?: number; hallId?: string; relativeMobile?: string; relation?: string; ownMobile?: string }): Record<string, string> {
  const e: Record<string, string> = {}
  if (req.grantee === 'staff') {
    if (!req.hallId) e.hallId = '请选择为您办理的服务大厅'
    if (req.minutes === undefined || !(GRANT_MINUTES as readonly number[]).includes(req.minutes)) e.minutes = `授权时长应为 ${GRANT_MINUTES.join('、')} 分钟之一`
  } else {
    const m = validateMobile(req.relativeMobile ?? '', { label: '亲属的手机号码' })
    if (!m.ok) e.relativeMobile = m.message
    else if (m.value === req.ownMobile) e.relativeMobile = '不能授权给自己'
    if (!req.relation || !(RELATIONS as readonly string[]).includes(req.relation)) e.relation = '请选择亲属与您的关系'
    if (req.days === undefined || !(RELATIVE_GRANT_DAYS as readonly number[]).includes(req.days)) e.days = `授权天数应为 ${RELATIVE_GRANT_DAYS.join('、')} 天之一`
  }
  return e
}

// ---------- grants registered at the window (no phone needed): 户口簿 for a relative, 授权委托书 for a proxy ----------

/**
 * relative: an elder without a phone comes with a relative and the 户口簿; the grant then works like one made in
 * the elder's app. proxy: someone who is not the citizen brings the citizen's signed 授权委托书; the window acts
 * under it for this visit.
 */
export type WindowGrantKind = 'relative' | 'proxy'

/** A relative grant made at the window lasts 30 days: the elder has no app to renew it in. */
export const WINDOW_RELATIVE_GRANT_DAYS = 30
/** A proxy's grant covers the visit: 2 hours from registration. */
export const PROXY_GRANT_MINUTES = 120

/** The paper each kind rests on, scanned or photographed at the window. */
export const WINDOW_PROOF: Record<WindowGrantKind, string> = { relative: '户口簿', proxy: '授权委托书' }

/** What the citizen reads in 谁查看了我的信息 for the window's registration. */
export function windowGrantAuditWhat(kind: WindowGrantKind): string {
  return kind === 'relative' ? '登记亲情帮办授权（户口簿）' : '登记代理人授权（授权委托书）'
}

export interface WindowGrantRequest {
  kind: WindowGrantKind
  /** the citizen's 身份证号码, typed or scanned at the window */
  idNumber?: string
  bundleId?: string
  /** the scanned 户口簿 page / 授权委托书, uploaded first */
  proofFileId?: string
  relativeMobile?: string
  relation?: string
  proxyName?: string
  proxyIdNumber?: string
}

/** Checks what the window enters before it is sent and on the platform. Keyed by property. `today`: YYYY-MM-DD, Beijing. */
export function windowGrantErrors(req: WindowGrantRequest, today: string): Record<string, string> {
  const e: Record<string, string> = {}
  const id = validateIdNumber(req.idNumber ?? '', { today, label: '申请人的身份证号码' })
  if (!id.ok) e.idNumber = id.message
  if (!req.bundleId) e.bundleId = '请选择要办理的一件事'
  if (req.kind === 'relative') {
    const m = validateMobile(req.relativeMobile ?? '', { label: '亲属的手机号码' })
    if (!m.ok) e.relativeMobile = m.message
    if (!req.relation || !(RELATIONS as readonly string[]).includes(req.relation)) e.relation = '请选择亲属与申请人的关系'
  } else {
    const n = validateName(req.proxyName ?? '', { label: '代理人姓名' })
    if (!n.ok) e.proxyName = n.message
    const p = validateIdNumber(req.proxyIdNumber ?? '', { today, label: '代理人的身份证号码' })
    if (!p.ok) e.proxyIdNumber = p.message
    else if (id.ok && p.value === id.value) e.proxyIdNumber = '代理人不能是申请人本人；本人到场请出示授权码'
  }
  if (!req.proofFileId)
    e.proofFileId = req.kind === 'relative' ? '请上传户口簿（申请人页和亲属页）的扫描件或照片，作为亲属关系证明' : '请上传申请人签字的授权委托书扫描件或照片'
  return e
}

/**
 * Why a proxy (window staff, a relative) may not make the 告知承诺 for a material: only the citizen's written
 * authorisation (a grant that says so — e.g. a scanned 授权委托书 with the box ticked) allows it. The app shows
 * it at the material; the platform refuses a promise with it.
 */
export function proxyPromiseRefusal(materialName: string): string {
  return `代办人须取得申请人书面授权（授权委托书写明可作出告知承诺）后才能承诺，请以其他方式提交${materialName}`
}
