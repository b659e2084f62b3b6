// Catalogue, drafts and uploads.
import { createHash, randomBytes } from 'node:crypto'
import type { ApplicantKind, Zone } from '../../src/domain/template/types'
import type { BundleListResponse, DraftListResponse, LicenceKindListResponse, OkResponse, CategoryListResponse, RegionListResponse, UploadedFile } from '../../src/services/contract'
import { canonicalJson } from '../../src/services/platform/canonical'
import { me, type Core, type Ctx, type Route } from './core'
import { fail, formatBytes, header, json, type Reply } from './http'
import { PutDraftRequestSchema } from '../../src/services/contract-schema'
import { deleteDraft, draftKey, publicDraft, writeDraft } from './drafts'
import { cleanFileName, structureProblem } from './files'
import { Checker, parseBody } from './input'
import { sniffType, TYPE_MIME, typeList, type Part } from './multipart'
import { fileScope } from './assist'
import { listPage } from './pages'
import { partyRoutes } from './routes-parties'
import type { StoredDraft, StoredUpload } from './state'

const DRAFT_ID = /^[A-Za-z0-9-]{8,64}$/

/** 304 when the client already has this representation. */
function withEtag(ctx: Ctx, etag: string, value: unknown): Reply {
  const inm = header(ctx.req, 'if-none-match')
  const headers = { ETag: etag, 'Cache-Control': 'no-cache' }
  if (inm && inm.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return { status: 304, headers }
  return json(200, value, headers)
}

function publicUpload(u: StoredUpload): UploadedFile {
  const { ownerId: _o, sha256: _s, ...rest } = u
  return rest
}

/** What one citizen may upload in any 24 hours: enough for every journey several times over, not a disk. */
export interface UploadQuota {
  files: number
  bytes: number
}

export const UPLOAD_QUOTA: UploadQuota = { files: 100, bytes: 200 * 1024 * 1024 }

const DAY_MS = 24 * 3600_000

/** Keeps an uploaded file: the bytes first, so a crash before the record leaves only bytes nobody names (removed at start). */
export function storeUpload(core: Core, data: Buffer, meta: Pick<StoredUpload, 'ownerId' | 'name' | 'type' | 'bundleId' | 'materialId' | 'actorId'>): StoredUpload {
  const fileId = `f-${randomBytes(12).toString('base64url')}`
  const rec: StoredUpload = {
    fileId,
    ...meta,
    size: data.length,
    uploadedAt: new Date(core.now()).toISOString(),
    sha256: createHash('sha256').update(data).digest('hex'),
  }
  core.state.blobs.put(fileId, data)
  core.state.uploads.set(fileId, rec)
  return rec
}

export function dataRoutes(core: Core, quotaOptions: Partial<UploadQuota> = {}): Route[] {
  const quota = { ...UPLOAD_QUOTA, ...quotaOptions }
  const ownDraft = (ctx: Ctx): StoredDraft => {
    const id = ctx.params.id
    if (!DRAFT_ID.test(id)) fail('BAD_REQUEST', '草稿编号格式不正确（应为客户端生成的 UUID）')
    const d = core.state.drafts.get(draftKey(me(ctx).profile.userId, id))
    if (!d) return fail('NOT_FOUND', '草稿不存在或已删除')
    return d
  }

  /** a text field of a multipart body */
  const multipartField = (ctx: Ctx, name: string) => (ctx.body as { parts: Part[] }).parts.find((p) => p.name === name && p.filename === undefined)?.data.toString('utf8')

  const ownUpload = (ctx: Ctx): StoredUpload => {
    const u = core.state.uploads.get(ctx.params.fileId)
    // someone else's file: the same 404 as for an unknown id (staff read a citizen's files under a grant, as them)
    if (!u || u.ownerId !== me(ctx).profile.userId) return fail('NOT_FOUND', '文件不存在')
    return u
  }

  // the citizen reads an audit row's record in brackets: the file's name, not its id
  const fileLabel = (fileId: string) => core.state.uploads.get(fileId)?.name ?? fileId
  return [
    ...partyRoutes(core, ownDraft, draftKey),
    // ---------- catalogue ----------
    {
      method: 'GET',
      pattern: '/bundles',
      auth: 'none',
      handler(ctx) {
        const c = new Checker()
        const q = ctx.query
        const text = c.string(q.get('q') ?? undefined, 'q', { optional: true, max: 100 })
        const applicantKind = c.oneOf(q.get('applicantKind') || undefined, 'applicantKind', ['person', 'firm'] as const, true) as ApplicantKind | undefined
        const zone = c.oneOf(q.get('zone') || undefined, 'zone', ['ftz', 'policy'] as const, true) as Zone | undefined
        const category = c.string(q.get('category') || undefined, 'category', { optional: true, max: 40 })
        const region = c.string(q.get('region') || undefined, 'region', { optional: true, pattern: /^\d{2,6}$/, patternMessage: '应为 2 至 6 位地区代码' })
        c.done('查询参数不正确')
        const res: BundleListResponse = { bundles: core.catalogue.list({ q: text, applicantKind, zone, category, region }) }
        return withEtag(ctx, `"list-${createHash('sha256').update(canonicalJson(res)).digest('hex').slice(0, 16)}"`, res)
      },
    },
    {
      method: 'GET',
      pattern: '/bundles/:id',
      auth: 'none',
      handler(ctx) {
        const p = core.catalogue.get(ctx.params.id)
        if (!p) return fail('NOT_FOUND', '该一件事不存在或已下线')
        return withEtag(ctx, p.etag, p.template)
      },
    },
    {
      method: 'GET',
      pattern: '/bundles/:id/versions/:version',
      auth: 'none',
      handler(ctx) {
        const v = Number(ctx.params.version)
        if (!/^\d{1,6}$/.test(ctx.params.version) || v < 1) return fail('BAD_REQUEST', '版本号应为正整数')
        const p = core.catalogue.get(ctx.params.id, v)
        if (!p) return fail('NOT_FOUND', `该一件事的第 ${v} 版办事指南不存在`)
        return withEtag(ctx, p.etag, p.template)
      },
    },
    {
      method: 'GET',
      pattern: '/categories',
      auth: 'none',
      handler(ctx) {
        const { etag, categories, elderTiles } = core.catalogue.categories()
        const res: CategoryListResponse = { categories, elderTiles }
        return withEtag(ctx, etag, res)
      },
    },
    {
      method: 'GET',
      pattern: '/regions',
      auth: 'none',
      handler: (ctx) => {
        const r = core.catalogue.regions()
        return withEtag(ctx, r.etag, { regions: r.regions } satisfies RegionListResponse)
      },
    },
    {
      method: 'GET',
      pattern: '/licence-kinds',
      auth: 'none',
      handler: (ctx) => {
        const k = core.catalogue.licenceKinds()
        return withEtag(ctx, k.etag, { kinds: k.kinds } satisfies LicenceKindListResponse)
      },
    },

    // ---------- drafts ----------
    {
      method: 'GET',
      pattern: '/drafts',
      auth: 'citizen',
      handler(ctx) {
        const uid = me(ctx).profile.userId
        // newest first; the id breaks ties so the order (and the cursor) is total
        const order = (d: StoredDraft) => `${d.updatedAt}|${d.id}`
        const mine = core.state.drafts.values().filter((d) => d.ownerId === uid)
        const page = listPage(ctx, mine, order, 'desc', publicDraft)
        const res: DraftListResponse = { drafts: page.items, ...page.more }
        return json(200, res)
      },
    },
    {
      method: 'GET',
      pattern: '/drafts/:id',
      auth: 'citizen',
      handler: (ctx) => json(200, publicDraft(ownDraft(ctx))),
    },
    {
      method: 'PUT',
      pattern: '/drafts/:id',
      auth: 'citizen',
      body: 'json',
      handler(ctx) {
        const id = ctx.params.id
        if (!DRAFT_ID.test(id)) fail('BAD_REQUEST', '草稿编号格式不正确（应为客户端生成的 UUID）')
        const req = parseBody(PutDraftRequestSchema, ctx.body)
        if (!core.catalogue.find(req.content.bundleId, req.content.templateVersion)) fail('VALIDATION', '草稿所属的一件事或办事指南版本不存在', { fieldErrors: { 'content.bundleId': '不存在' } })
        const w = writeDraft(core, me(ctx).profile.userId, id, req)
        return json(w.status, w.draft)
      },
    },
    {
      method: 'DELETE',
      pattern: '/drafts/:id',
      auth: 'citizen',
      handler(ctx) {
        const d = ownDraft(ctx)
        deleteDraft(core, d)
        const res: OkResponse = { ok: true }
        return json(200, res)
      },
    },

    // ---------- uploads ----------
    {
      method: 'POST',
      pattern: '/uploads',
      auth: 'citizen',
      acting: {
        scope: (ctx) => ({ bundleId: multipartField(ctx, 'bundleId') ?? '（未指明）' }),
        audit: (_ctx, r) => ({ action: 'write', what: '代为上传材料（扫描或拍摄）', record: (r.json as { name?: string })?.name }),
      },
      body: 'multipart',
      idempotency: 'optional',
      handler(ctx) {
        const parts = (ctx.body as { parts: Part[] }).parts
        const field = (n: string) => multipartField(ctx, n)
        const c = new Checker()
        const bundleId = c.string(field('bundleId'), 'bundleId', { pattern: /^[A-Za-z0-9_.-]{1,80}$/, patternMessage: '一件事标识格式不正确' })
        const materialId = c.string(field('materialId'), 'materialId', { pattern: /^[A-Za-z0-9_.-]{1,80}$/, patternMessage: '材料标识格式不正确' })
        const versionText = field('templateVersion')
        const version = versionText === undefined ? undefined : Number(versionText)
        if (version !== undefined && (!Number.isInteger(version) || version < 1)) c.err('templateVersion', '应为正整数')
        const files = parts.filter((p) => p.filename !== undefined)
        if (files.length !== 1) c.err('file', files.length ? '一次只能上传一个文件' : '缺少文件（表单字段 file）')
        c.done('上传内容不完整')
        const file = files[0]
        const published = core.catalogue.find(bundleId!, version)
        if (!published) return fail('NOT_FOUND', '该一件事不存在或已下线')
        const material = published.template.materials.find((m) => m.id === materialId)
        if (!material) return fail('VALIDATION', '该一件事没有这份材料', { materialErrors: { [materialId!]: '该一件事没有这份材料' } })
        const spec = material.upload
        if (!spec) return fail('VALIDATION', `${material.name}不支持上传`, { materialErrors: { [material.id]: `${material.name}不支持上传` } })
        const bad = (message: string) => fail('VALIDATION', message, { materialErrors: { [material.id]: message } })
        if (file.data.length === 0) bad('文件是空的，请重新选择文件')
        if (file.data.length > spec.maxSizeMB * 1024 * 1024) bad(`文件大小为 ${formatBytes(file.data.length)}，超过该材料允许的 ${spec.maxSizeMB} MB`)
        const type = sniffType(file.data)
        // HEIC counts only where the material declares it; otherwise it is "not one of the accepted types"
        if (!type || !spec.accept.includes(type)) bad(`文件内容不是 ${typeList(spec.accept)} 格式`)
        const problem = structureProblem(type!, file.data)
        if (problem) bad(`${problem}，请重新导出或扫描后上传`)
        const ownerId = me(ctx).profile.userId
        const since = core.now() - DAY_MS
        const recent = core.state.uploads.values().filter((u) => u.ownerId === ownerId && Date.parse(u.uploadedAt) > since)
        if (recent.length >= quota.files || recent.reduce((n, u) => n + u.size, 0) + file.data.length > quota.bytes) {
          bad(`24 小时内上传的文件已达上限（${quota.files} 个或 ${formatBytes(quota.bytes)}），请稍后再上传`)
        }
        // WeChat's uploadFile names the part after its temp file; the app sends the picked name as fileName
        const rec = storeUpload(core, file.data, {
          ownerId,
          name: cleanFileName(field('fileName') ?? file.filename),
          type: type!,
          bundleId: bundleId!,
          materialId: material.id,
          ...(ctx.actor ? { actorId: ctx.actor.user.profile.userId } : {}),
        })
        return { ...json(201, publicUpload(rec)), ref: rec.fileId }
      },
      replay: (id) => {
        const u = core.state.uploads.get(id)
        return u ? publicUpload(u) : fail('NOT_FOUND', '文件不存在')
      },
    },
    {
      method: 'GET',
      pattern: '/uploads/:fileId',
      auth: 'citizen',
      acting: { scope: (ctx) => fileScope(core, ctx), audit: (ctx) => ({ action: 'read', what: '查看材料信息', record: fileLabel(ctx.params.fileId) }) },
      handler: (ctx) => json(200, publicUpload(ownUpload(ctx))),
    },
    {
      method: 'GET',
      pattern: '/uploads/:fileId/content',
      auth: 'citizen',
      acting: { scope: (ctx) => fileScope(core, ctx), audit: (ctx) => ({ action: 'read', what: '查看材料内容', record: fileLabel(ctx.params.fileId) }) },
      handler(ctx) {
        const u = ownUpload(ctx)
        const data = core.state.blobs.get(u.fileId)
        if (!data) return fail('NOT_FOUND', '文件内容已丢失')
        return {
          status: 200,
          raw: data,
          headers: {
            'Content-Type': TYPE_MIME[u.type],
            'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(u.name)}`,
            'X-Content-Type-Options': 'nosniff',
            'Cache-Control': 'private, no-store',
          },
        }
      },
    },
  ]
}
