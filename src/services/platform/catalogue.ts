// The catalogue's routes (public, cached): what the opening page asks for. On H5 the app builds them alone for
// the catalogue store (services/app.ts), so a visitor's first load goes without the rest of the client.
import type { LicenceKindInfo } from '../../domain/template/types'
import type { BundleListResponse, BundleQuery, BundleSummary, CategoryListResponse, Region, RegionListResponse } from '../contract'
import { createCaller, type Call, type PlatformClientOptions } from './caller'

export function catalogueRoutes(call: Call) {
  const enc = encodeURIComponent
  return {
    async listBundles(query: BundleQuery = {}): Promise<BundleSummary[]> {
      return (await call<BundleListResponse>({ method: 'GET', path: '/bundles', query: { ...query }, retry: true, auth: false, cache: true })).bundles
    },
    /** The template as sent: the journey parses it (domain/template/schema.ts) before any use. */
    getBundle: (id: string, version?: number) =>
      call<unknown>({ method: 'GET', path: version === undefined ? `/bundles/${enc(id)}` : `/bundles/${enc(id)}/versions/${version}`, retry: true, auth: false, cache: true }),
    /** The e-licence kinds the platform can supply, with their names (catalogue data). */
    async listLicenceKinds(): Promise<LicenceKindInfo[]> {
      return (await call<{ kinds: LicenceKindInfo[] }>({ method: 'GET', path: '/licence-kinds', retry: true, auth: false, cache: true, reply: (s) => s.LicenceKindListSchema })).kinds
    },
    listCategories: () => call<CategoryListResponse>({ method: 'GET', path: '/categories', retry: true, auth: false, cache: true }),
    async listRegions(): Promise<Region[]> {
      return (await call<RegionListResponse>({ method: 'GET', path: '/regions', retry: true, auth: false, cache: true })).regions
    },
  }
}

export type CatalogueRoutes = ReturnType<typeof catalogueRoutes>

export const createCatalogueClient = (options: PlatformClientOptions): CatalogueRoutes => catalogueRoutes(createCaller(options).call)
