// Grants registered at the window on paper: an elder without a phone brings a relative and the 户口簿 (亲情帮办),
// or a proxy who is not the citizen brings the citizen's signed 授权委托书. The window uploads the scan first
// (POST /staff/proofs), then registers the grant naming it; the rules are the app's (windowGrantErrors).
import { randomBytes } from 'node:crypto'
import { toBeijingDate } from '../../src/domain/calendar'
import {
  grantExpiry,
  PROXY_GRANT_MINUTES,
  WINDOW_PROOF,
  WINDOW_RELATIVE_GRANT_DAYS,
  windowGrantAuditWhat,
  windowGrantErrors,
  type WindowGrantKind,
} from '../../src/domain/assist'
import { validateIdNumber, validateMobile } from '../../src/domain/validators'
import type { ProofFile } from '../../src/services/contract'
import { auditBy, grantView, purposeOf, staffHall, stampOf } from './assist'
import { me, type Core, type Route } from './core'
import { fail, formatBytes, json } from './http'
import { cleanFileName, structureProblem } from './files'
import { storeUpload } from './routes-data'
import { Checker } from './input'
import { sniffType, typeList, type Part, type SniffedType } from './multipart'
import type { StoredGrant, StoredUpload } from './state'

const PROOF_TYPES: SniffedType[] = ['jpg', 'png', 'pdf']
const PROOF_MAX_MB = 10
/** proofs are stored as uploads of this pseudo-bundle, owned by the window that scanned them */
const PROOF_BUNDLE = 'window-proof'

export function windowGrantRoutes(core: Core): Route[] {
  const nowIso = () => new Date(core.now()).toISOString()
  const proofView = (u: StoredUpload): ProofFile => ({ fileId: u.fileId, name: u.name, size: u.size, type: u.type })

  return [
    {
      method: 'POST',
      pattern: '/staff/proofs',
      auth: 'staff',
      body: 'multipart',
      idempotency: 'optional',
      handler(ctx) {
        const staff = me(ctx)
        const parts = (ctx.body as { parts: Part[] }).parts
        const c = new Checker()
        const field = (name: string) => parts.find((p) => p.name === name && p.filename === undefined)?.data.toString('utf8')
        const kindText = field('kind')
        const kind = c.oneOf(kindText, 'kind', ['relative', 'proxy'] as const) as WindowGrantKind | undefined
        const files = parts.filter((p) => p.filename !== undefined)
        if (files.length !== 1) c.err('file', files.length ? '一次只能上传一个文件' : '缺少文件（表单字段 file）')
        c.done('上传内容不完整')
        const file = files[0]
        const bad = (message: string) => fail('VALIDATION', message, { fieldErrors: { proofFileId: message } })
        if (file.data.length === 0) bad('文件是空的，请重新扫描或拍照')
        if (file.data.length > PROOF_MAX_MB * 1024 * 1024) bad(`文件大小为 ${formatBytes(file.data.length)}，超过允许的 ${PROOF_MAX_MB} MB`)
        const type = sniffType(file.data)
        if (!type || !PROOF_TYPES.includes(type)) bad(`${WINDOW_PROOF[kind!]}扫描件应为 ${typeList(PROOF_TYPES)} 格式`)
        const problem = structureProblem(type!, file.data)
        if (problem) bad(`${problem}，请重新扫描后上传`)
        const rec = storeUpload(core, file.data, {
          ownerId: staff.profile.userId,
          // WeChat's uploadFile names the part after its temp file; the app sends the picked name as fileName
          name: cleanFileName(field('fileName') ?? file.filename),
          type: type!,
          bundleId: PROOF_BUNDLE,
          materialId: kind!,
        })
        return { ...json(201, proofView(rec)), ref: rec.fileId }
      },
      replay: (id) => {
        const u = core.state.uploads.get(id)
        return u ? proofView(u) : fail('NOT_FOUND', '文件不存在')
      },
    },
    {
      method: 'POST',
      pattern: '/staff/grants',
      auth: 'staff',
      body: 'json',
      idempotency: 'optional',
      handler(ctx) {
        const staff = me(ctx)
        const hall = staffHall(core, staff)
        const c = new Checker()
        const b = c.object(ctx.body, '')
        const kind = b && (c.oneOf(b.kind, 'kind', ['relative', 'proxy'] as const) as WindowGrantKind | undefined)
        const text = (name: string, max: number) => b && c.string(b[name], name, { optional: true, max })
        const idNumber = text('idNumber', 30)
        const bundleId = text('bundleId', 80)
        const proofFileId = text('proofFileId', 80)
        const relativeMobile = text('relativeMobile', 20)
        const relation = text('relation', 20)
        const proxyName = text('proxyName', 40)
        const proxyIdNumber = text('proxyIdNumber', 30)
        if (b && b.promiseAuthorised !== undefined && typeof b.promiseAuthorised !== 'boolean') c.err('promiseAuthorised', '应为 true 或 false')
        c.done()
        const now = nowIso()
        // the rulebook's words, at the field: the same function the console runs before sending
        const errors = windowGrantErrors({ kind: kind!, idNumber, bundleId, proofFileId, relativeMobile, relation, proxyName, proxyIdNumber }, toBeijingDate(now))
        if (Object.keys(errors).length) return fail('VALIDATION', Object.values(errors)[0], { fieldErrors: errors })
        const atField = (field: string, message: string) => fail('VALIDATION', message, { fieldErrors: { [field]: message } })
        const proof = core.state.uploads.get(proofFileId!)
        // only a scan this window uploaded as this kind of paper counts as the proof
        if (!proof || proof.ownerId !== staff.profile.userId || proof.bundleId !== PROOF_BUNDLE) return atField('proofFileId', '没有找到上传的证明材料，请重新扫描上传')
        if (proof.materialId !== kind) return atField('proofFileId', `请上传${WINDOW_PROOF[kind!]}的扫描件`)
        if (core.state.grants.values().some((g) => g.proof?.fileId === proof.fileId)) return atField('proofFileId', '这份扫描件已用于另一项授权，请重新扫描上传')
        if (!core.catalogue.lookup(bundleId!)) return atField('bundleId', '该一件事不存在或已下线')
        const id = validateIdNumber(idNumber!, { today: toBeijingDate(now) })
        const citizen = id.ok ? core.state.users.values().find((u) => u.profile.role === 'citizen' && u.profile.kind === 'person' && u.profile.idNumber === id.value) : undefined
        if (!citizen) return atField('idNumber', '没有找到该身份证号码的实名用户，请核对证件；申请人须曾经实名登记')
        const grantId = `g-${randomBytes(9).toString('base64url')}`
        const base = {
          id: grantId,
          citizenId: citizen.profile.userId,
          via: 'app' as const,
          scope: { kind: 'bundle' as const, bundleId: bundleId! },
          createdAt: now,
          proof: { kind: kind!, fileId: proof.fileId, registeredBy: stampOf(core, staff), registeredById: staff.profile.userId },
        }
        let g: StoredGrant
        if (kind === 'relative') {
          const mobile = validateMobile(relativeMobile!)
          const relative = mobile.ok ? core.state.userByMobile(mobile.value) : undefined
          if (!relative || relative.profile.kind !== 'person') return atField('relativeMobile', '该手机号还没有实名登录本应用，请亲属先用这个手机号登录一次')
          if (relative.profile.userId === citizen.profile.userId) return atField('relativeMobile', '亲属不能是申请人本人')
          // a relative's promise needs the elder's own say in the app; the 户口簿 proves kinship, not that
          g = { ...base, grantee: 'relative', relativeId: relative.profile.userId, relation, expiresAt: grantExpiry(now, WINDOW_RELATIVE_GRANT_DAYS * 24 * 60), promiseAuthorised: false }
        } else {
          // the proxy is here now: the window that checked the paper holds the grant for the visit
          g = {
            ...base,
            grantee: 'staff',
            hallId: hall.hall.id,
            expiresAt: grantExpiry(now, PROXY_GRANT_MINUTES),
            redeemedAt: now,
            redeemedBy: staff.profile.userId,
            usedBy: stampOf(core, staff),
            proxy: { name: proxyName!.trim(), idNumber: proxyIdNumber!.trim().toUpperCase() },
            promiseAuthorised: b?.promiseAuthorised === true,
          }
        }
        core.state.grants.set(grantId, g)
        auditBy(core, staff, {
          citizenIds: [citizen.profile.userId],
          grantId,
          basis: 'grant',
          action: 'write',
          what: windowGrantAuditWhat(kind!),
          record: proof.name,
          purpose: purposeOf(core, g),
          route: 'POST /staff/grants',
        })
        return { ...json(201, grantView(core, g, 'staff')), ref: grantId }
      },
      replay: (id) => {
        const g = core.state.grants.get(id)
        return g ? grantView(core, g, 'staff') : fail('NOT_FOUND', '授权不存在')
      },
    },
  ]
}
