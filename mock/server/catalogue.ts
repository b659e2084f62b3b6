// The catalogue: every JSON file of the bundles folder, checked with parseTemplate. Re-scanned on use, so a
// new valid file is published without a restart; an invalid one is logged and left out. Every version seen
// is kept in state, so a draft made on an older version can still be read and submitted.
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import * as v from 'valibot'
import { LicenceKindListSchema, SharedRecordKindListSchema } from '../../src/domain/template/licence-kinds'
import { parseTemplate } from '../../src/domain/template/schema'
import type { BundleTemplate, LicenceKindInfo, SharedRecordKindInfo } from '../../src/domain/template/types'
import type { BundleQuery, BundleSummary, CategoryInfo, CategoryListResponse, ElderTile, Region } from '../../src/services/contract'
import { regionWithin } from '../../src/domain/rules'
import { canonicalJson } from '../../src/services/platform/canonical'
import type { Logger } from './logger'
import type { Collection } from './store'

interface FileEntry {
  mtimeMs: number
  size: number
  template?: BundleTemplate
}

export interface Published {
  template: BundleTemplate
  etag: string
}

export class Catalogue {
  private files = new Map<string, FileEntry>()
  private latest = new Map<string, Published>()
  private regionsCache = new Map<string, { mtimeMs: number; value: Region[]; etag: string }>()
  private kindsCache = new Map<string, { mtimeMs: number; value: LicenceKindInfo[]; etag: string }>()
  private recordKindsCache = new Map<string, { mtimeMs: number; value: SharedRecordKindInfo[]; etag: string }>()
  private categoriesCache?: CategoryListResponse & { mtimeMs: number; etag: string }
  private etags = new Map<string, string>()

  constructor(
    private readonly dir: string,
    private readonly versions: Collection<BundleTemplate>,
    private readonly log: Logger,
  ) {}

  /** Forget what was read (after a reset): the next refresh re-reads and re-stores every file. */
  invalidate(): void {
    this.files.clear()
    this.latest.clear()
    this.etags.clear()
    this.regionsCache.clear()
    this.kindsCache.clear()
    this.recordKindsCache.clear()
  }

  /** Re-reads files whose size or mtime changed; cheap enough to run on every request. */
  refresh(): void {
    const bundleDir = path.join(this.dir, 'bundles')
    let names: string[] = []
    try {
      names = fs.readdirSync(bundleDir).filter((n) => n.endsWith('.json')).sort()
    } catch {
      names = []
    }
    const seen = new Set<string>()
    let changed = false
    for (const name of names) {
      const full = path.join(bundleDir, name)
      seen.add(full)
      let st: fs.Stats
      try {
        st = fs.statSync(full)
      } catch {
        continue
      }
      const old = this.files.get(full)
      if (old && old.mtimeMs === st.mtimeMs && old.size === st.size) continue
      changed = true
      this.files.set(full, { mtimeMs: st.mtimeMs, size: st.size, template: this.loadFile(full, name) })
    }
    for (const k of [...this.files.keys()]) {
      if (!seen.has(k)) {
        this.files.delete(k)
        changed = true
      }
    }
    if (changed) this.rebuild()
  }

  private loadFile(full: string, name: string): BundleTemplate | undefined {
    let json: unknown
    try {
      json = JSON.parse(fs.readFileSync(full, 'utf8'))
    } catch (e) {
      this.log.warn(`目录文件 ${name} 不是有效的 JSON，未发布：${(e as Error).message}`)
      return undefined
    }
    const r = parseTemplate(json)
    if (!r.ok) {
      const first = r.issues.slice(0, 5).map((i) => `${i.path} ${i.message}`).join('；')
      this.log.warn(`目录文件 ${name} 未通过模板校验，未发布（${r.issues.length} 处问题）：${first}`)
      return undefined
    }
    return r.template
  }

  private rebuild(): void {
    const latest = new Map<string, Published>()
    for (const entry of this.files.values()) {
      const t = entry.template
      if (!t) continue
      const key = versionKey(t.id, t.version)
      const stored = this.versions.get(key)
      if (stored && canonicalJson(stored) !== canonicalJson(t)) {
        this.log.warn(`一件事 ${t.id} 第 ${t.version} 版的内容已改变但版本号未变，请提高版本号`)
      }
      if (!stored || canonicalJson(stored) !== canonicalJson(t)) this.versions.set(key, t)
      const cur = latest.get(t.id)
      if (!cur || cur.template.version < t.version) latest.set(t.id, { template: t, etag: etagOf(t) })
    }
    this.latest = latest
    this.etags.clear()
  }

  list(query: BundleQuery): BundleSummary[] {
    this.refresh()
    const q = query.q?.trim().toLowerCase()
    return [...this.latest.values()]
      .map((p) => p.template)
      .filter((t) => !query.applicantKind || t.applicantKinds.includes(query.applicantKind))
      .filter((t) => !query.category || t.category === query.category)
      .filter((t) => !query.zone || t.zones.includes(query.zone))
      .filter((t) => !query.region || regionOffered(t.regions, query.region))
      .filter((t) => !q || searchText(t).includes(q))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
      .map(summaryOf)
  }

  /** For the public routes: re-reads the folder first. */
  get(id: string, version?: number): Published | undefined {
    this.refresh()
    return this.lookup(id, version)
  }

  /** For checks inside a request (submission, upload): what was read, and the folder again only on a miss. */
  find(id: string, version?: number): Published | undefined {
    return this.lookup(id, version) ?? this.get(id, version)
  }

  /** What was last read, no disk access. */
  lookup(id: string, version?: number): Published | undefined {
    const cur = this.latest.get(id)
    if (version === undefined || (cur && cur.template.version === version)) return cur
    const t = this.versions.get(versionKey(id, version))
    if (!t) return undefined
    const k = versionKey(id, version)
    let etag = this.etags.get(k)
    if (!etag) {
      etag = etagOf(t)
      this.etags.set(k, etag)
    }
    return { template: t, etag }
  }

  /** A published (current) bundle id. */
  isPublished(id: string): boolean {
    this.refresh()
    return this.latest.has(id)
  }

  /** Life events' icons and the 长辈版 tiles (categories.json); an unreadable file gives none. */
  categories(): CategoryListResponse & { etag: string } {
    const file = path.join(this.dir, 'categories.json')
    let st: fs.Stats
    try {
      st = fs.statSync(file)
    } catch {
      return { categories: [], elderTiles: [], etag: '"categories-none"' }
    }
    if (this.categoriesCache?.mtimeMs === st.mtimeMs) return this.categoriesCache
    let parsed: CategoryListResponse = { categories: [], elderTiles: [] }
    try {
      parsed = normaliseCategories(JSON.parse(fs.readFileSync(file, 'utf8')) as unknown)
    } catch (e) {
      this.log.warn(`categories.json 无法读取：${(e as Error).message}`)
    }
    this.categoriesCache = { mtimeMs: st.mtimeMs, ...parsed, etag: `"categories-${hash(canonicalJson(parsed)).slice(0, 16)}"` }
    return this.categoriesCache
  }

  /** A JSON file beside the bundles, read again only when it changes; empty when missing or unreadable. */
  private sideFile<T>(name: string, cache: Map<string, { mtimeMs: number; value: T[]; etag: string }>, read: (json: unknown) => T[]): { value: T[]; etag: string } {
    const file = path.join(this.dir, name)
    let st: fs.Stats
    try {
      st = fs.statSync(file)
    } catch {
      return { value: [], etag: `"${name}-none"` }
    }
    const cached = cache.get(name)
    if (cached?.mtimeMs === st.mtimeMs) return cached
    let value: T[] = []
    try {
      value = read(JSON.parse(fs.readFileSync(file, 'utf8')) as unknown)
    } catch (e) {
      this.log.warn(`${name} 无法读取：${(e as Error).message}`)
    }
    const entry = { mtimeMs: st.mtimeMs, value, etag: `"${name.replace('.json', '')}-${hash(canonicalJson(value)).slice(0, 16)}"` }
    cache.set(name, entry)
    return entry
  }

  regions(): { regions: Region[]; etag: string } {
    const r = this.sideFile('regions.json', this.regionsCache, normaliseRegions)
    return { regions: r.value, etag: r.etag }
  }

  /** The e-licence kinds the platform can supply (licences.json): catalogue data, not code. */
  licenceKinds(): { kinds: LicenceKindInfo[]; etag: string } {
    const r = this.sideFile('licences.json', this.kindsCache, (json) => {
      const parsed = v.safeParse(LicenceKindListSchema, json)
      if (parsed.success) return parsed.output.kinds
      throw new Error(`格式有误：${parsed.issues[0].message}`)
    })
    return { kinds: r.value, etag: r.etag }
  }

  /** Records departments share about someone else (shared-records.json): what each key holds and its source. */
  sharedRecordKind(kind: string): SharedRecordKindInfo | undefined {
    const r = this.sideFile('shared-records.json', this.recordKindsCache, (json) => {
      const parsed = v.safeParse(SharedRecordKindListSchema, json)
      if (parsed.success) return parsed.output.kinds
      throw new Error(`格式有误：${parsed.issues[0].message}`)
    })
    return r.value.find((k) => k.kind === kind)
  }

  /** The name of an e-licence kind, for titles and messages. */
  licenceName(kind: string): string {
    return this.licenceKinds().kinds.find((k) => k.kind === kind)?.name ?? '电子证照'
  }
}

const text = (x: unknown, max = 40): x is string => typeof x === 'string' && x.length > 0 && x.length <= max

/** Keeps the well-formed entries of categories.json (a bad entry is dropped, not served). */
export function normaliseCategories(json: unknown): CategoryListResponse {
  const o = (json ?? {}) as { categories?: unknown; elderTiles?: unknown }
  const categories = (Array.isArray(o.categories) ? o.categories : [])
    .filter((c): c is CategoryInfo => text(c?.name) && text(c?.icon))
    .map((c) => ({ name: c.name, icon: c.icon }))
  const elderTiles = (Array.isArray(o.elderTiles) ? o.elderTiles : [])
    .filter((t): t is ElderTile => text(t?.label) && text(t?.icon) && typeof t?.query === 'object' && t.query !== null && (text(t.query.category) || text(t.query.q, 100)))
    .map((t) => ({
      label: t.label,
      icon: t.icon,
      query: { ...(t.query.category ? { category: t.query.category } : {}), ...(t.query.q ? { q: t.query.q } : {}) },
      ...(text(t.note, 200) ? { note: t.note } : {}),
    }))
  return { categories, elderTiles }
}

export function versionKey(id: string, version: number): string {
  return `${id}@${version}`
}

function hash(s: string): string {
  return createHash('sha256').update(s).digest('hex')
}

function etagOf(t: BundleTemplate): string {
  return `"${t.id}-v${t.version}-${hash(canonicalJson(t)).slice(0, 16)}"`
}

/** For lists: a bundle offered in an area shows for every region within it, and for a search over a wider area. */
export function regionOffered(regions: string[], region: string): boolean {
  return regions.some((r) => regionWithin(region, r) || regionWithin(r, region))
}

function searchText(t: BundleTemplate): string {
  return [t.name, t.category, t.description, ...t.keywords, ...t.departments, ...t.matters.map((m) => m.name)].join(' ').toLowerCase()
}

export function summaryOf(t: BundleTemplate): BundleSummary {
  return {
    id: t.id,
    version: t.version,
    name: t.name,
    applicantKinds: t.applicantKinds,
    category: t.category,
    keywords: t.keywords,
    zones: t.zones,
    regions: t.regions,
    description: t.description,
    matterCount: t.matters.length,
    departments: t.departments,
    promisedLimitDays: t.promisedLimitDays,
    visits: t.visits,
  }
}

function normaliseRegions(json: unknown): Region[] {
  const list = Array.isArray(json) ? json : (json as { regions?: unknown })?.regions
  if (!Array.isArray(list)) return []
  const one = (r: unknown): Region | undefined => {
    if (!r || typeof r !== 'object') return undefined
    const o = r as Record<string, unknown>
    if (typeof o.code !== 'string' || typeof o.name !== 'string') return undefined
    const { children: kids, ...rest } = o
    const children = Array.isArray(kids) ? kids.map(one).filter((x): x is Region => !!x) : undefined
    return (children && children.length ? { ...rest, children } : rest) as unknown as Region
  }
  return list.map(one).filter((x): x is Region => !!x)
}
