// The bundle catalogue: lists by query (search, categories, zones) and templates by id@version.
import { create } from 'zustand'
import type { BundleTemplate, LicenceKindInfo } from '@/domain'
import type { BundleQuery, BundleSummary, CategoryListResponse, Region } from '@/services/contract'
import type { PlatformClient } from '@/services/platform'
// errors alone, not the index: the full client stays out of the first load (services/app-platform.ts)
import { isPlatformError, PlatformError } from '@/services/platform/errors'

export type CatalogueClient = Pick<PlatformClient, 'listBundles' | 'getBundle' | 'listRegions' | 'listLicenceKinds' | 'listCategories'>

/**
 * Turns the platform's template JSON into a checked template (domain/template/schema.ts parseTemplate). It is
 * given by the journey subpackage (stores/template-parser.ts), so the template schema stays out of the home
 * page's code; a template that arrives before it waits for it.
 */
export type TemplateParser = (json: unknown) => { ok: true; template: BundleTemplate } | { ok: false; message: string }

export interface Loadable {
  status: 'loading' | 'ready' | 'error'
  error?: string
}

export interface BundleList extends Loadable {
  bundles: BundleSummary[]
}

export interface CatalogueState {
  lists: Record<string, BundleList>
  /** `${id}@${version}` → template */
  templates: Record<string, BundleTemplate>
  /** id → newest version seen */
  latest: Record<string, number>
  /** id or id@version → loading state */
  templateStatus: Record<string, Loadable>
  regions: Region[]
  regionsStatus?: Loadable
  /** the e-licence kinds the platform can supply, with their names (GET /licence-kinds) */
  licenceKinds: LicenceKindInfo[]
  licenceKindsStatus?: Loadable
  /** life events' icons and the 长辈版 tiles */
  categories?: CategoryListResponse
  categoriesStatus?: Loadable
  loadBundles(query: BundleQuery): Promise<void>
  /** the newest version unless `version` is given */
  loadTemplate(id: string, version?: number): Promise<BundleTemplate | undefined>
  loadRegions(): Promise<void>
  loadLicenceKinds(): Promise<void>
  setTemplateParser(parse: TemplateParser): void
  loadCategories(): Promise<void>
  reset(): void
}

/** Stable key of a query: same filters, same list. */
export function queryKey(q: BundleQuery): string {
  const keys = ['q', 'applicantKind', 'category', 'zone', 'region'] as const
  return keys
    .filter((k) => q[k] !== undefined && q[k] !== '')
    .map((k) => `${k}=${String(q[k]).trim()}`)
    .join('&')
}

export const templateKey = (id: string, version: number) => `${id}@${version}`

const msg = (e: unknown) => (isPlatformError(e) ? e.message : '加载失败，请稍后重试')

export function createCatalogueStore(client: CatalogueClient, parser?: TemplateParser) {
  const initial = { lists: {}, templates: {}, latest: {}, templateStatus: {}, regions: [], regionsStatus: undefined, licenceKinds: [], licenceKindsStatus: undefined, categories: undefined, categoriesStatus: undefined }
  let giveParser: (p: TemplateParser) => void = () => undefined
  const parserReady: Promise<TemplateParser> = parser ? Promise.resolve(parser) : new Promise((resolve) => (giveParser = resolve))
  /** template requests under way, by status key: the app may ask for a template before its page does */
  const inFlight = new Map<string, Promise<BundleTemplate | undefined>>()
  return create<CatalogueState>()((set, get) => {
    async function fetchTemplate(id: string, version: number | undefined, statusKey: string): Promise<BundleTemplate | undefined> {
      set((s) => ({ templateStatus: { ...s.templateStatus, [statusKey]: { status: 'loading' } } }))
      try {
        const json = await client.getBundle(id, version)
        const parsed = (await parserReady)(json)
        if (!parsed.ok) throw new PlatformError({ kind: 'bad-reply', message: parsed.message })
        const t = parsed.template
        set((s) => ({
          templates: { ...s.templates, [templateKey(t.id, t.version)]: t },
          latest: { ...s.latest, [t.id]: Math.max(s.latest[t.id] ?? 0, t.version) },
          templateStatus: { ...s.templateStatus, [statusKey]: { status: 'ready' } },
        }))
        return t
      } catch (e) {
        set((s) => ({ templateStatus: { ...s.templateStatus, [statusKey]: { status: 'error', error: msg(e) } } }))
        return undefined
      }
    }

    return {
      ...initial,
      async loadBundles(query) {
        const key = queryKey(query)
        const before = get().lists[key]
        set((s) => ({ lists: { ...s.lists, [key]: { status: 'loading', bundles: before?.bundles ?? [] } } }))
        try {
          const bundles = await client.listBundles(query)
          set((s) => ({ lists: { ...s.lists, [key]: { status: 'ready', bundles } } }))
        } catch (e) {
          set((s) => ({ lists: { ...s.lists, [key]: { status: 'error', error: msg(e), bundles: before?.bundles ?? [] } } }))
        }
      },
      loadTemplate(id, version) {
        const known = version === undefined ? undefined : get().templates[templateKey(id, version)]
        if (known) return Promise.resolve(known)
        const statusKey = version === undefined ? id : templateKey(id, version)
        const running = inFlight.get(statusKey)
        if (running) return running
        const request = fetchTemplate(id, version, statusKey)
        inFlight.set(statusKey, request)
        void request.then(() => inFlight.delete(statusKey))
        return request
      },
      async loadRegions() {
        if (get().regionsStatus?.status === 'ready' || get().regionsStatus?.status === 'loading') return
        set({ regionsStatus: { status: 'loading' } })
        try {
          set({ regions: await client.listRegions(), regionsStatus: { status: 'ready' } })
        } catch (e) {
          set({ regionsStatus: { status: 'error', error: msg(e) } })
        }
      },
      async loadLicenceKinds() {
        const st = get().licenceKindsStatus?.status
        if (st === 'ready' || st === 'loading') return
        set({ licenceKindsStatus: { status: 'loading' } })
        try {
          set({ licenceKinds: await client.listLicenceKinds(), licenceKindsStatus: { status: 'ready' } })
        } catch (e) {
          set({ licenceKindsStatus: { status: 'error', error: msg(e) } })
        }
      },
      setTemplateParser: (p) => giveParser(p),
      async loadCategories() {
        if (get().categoriesStatus?.status === 'ready' || get().categoriesStatus?.status === 'loading') return
        set({ categoriesStatus: { status: 'loading' } })
        try {
          set({ categories: await client.listCategories(), categoriesStatus: { status: 'ready' } })
        } catch (e) {
          set({ categoriesStatus: { status: 'error', error: msg(e) } })
        }
      },
      reset: () => {
        inFlight.clear()
        set({ ...initial })
      },
    }
  })
}

export type CatalogueStore = ReturnType<typeof createCatalogueStore>

// ---------- selectors ----------

/** A bundle's summary from any list loaded (the home page's, or all bundles). */
export function bundleSummary(s: Pick<CatalogueState, 'lists'>, id: string): BundleSummary | undefined {
  for (const list of Object.values(s.lists)) {
    const found = list.bundles.find((b) => b.id === id)
    if (found) return found
  }
  return undefined
}

export function latestTemplate(s: Pick<CatalogueState, 'templates' | 'latest'>, id: string): BundleTemplate | undefined {
  const v = s.latest[id]
  return v === undefined ? undefined : s.templates[templateKey(id, v)]
}

/** Cities (and the province) to choose from; counties are not needed to find a bundle. */
export function cityRegions(regions: Region[]): Region[] {
  const out: Region[] = []
  for (const r of regions) {
    if (r.code.endsWith('0000') && r.children?.length) out.push(...r.children.map((c) => ({ code: c.code, name: c.name })))
    else out.push({ code: r.code, name: r.name })
  }
  return out
}

// a region's name through the tree: the contract's (the platform names regions the same way)
export { regionName } from '@/services/contract'

/** A service hall's name and address by its id (delivery.hallId), from GET /regions. */
export function hallName(regions: Region[], hallId: string | undefined): string | undefined {
  for (const r of regions) {
    if (r.hall && r.hall.id === hallId) return `${r.hall.name}（${r.hall.address}）`
    const inner = r.children ? hallName(r.children, hallId) : undefined
    if (inner) return inner
  }
  return undefined
}
