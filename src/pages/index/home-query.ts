// The home page's catalogue query, shared with src/app.ts, which asks for it while the page's code loads (H5).
import type { ApplicantKind } from '@/domain'
import type { BundleQuery } from '@/services/contract'

/** The home page opens on 个人办事. */
export const HOME_DEFAULT_KIND: ApplicantKind = 'person'

export function homeListQuery(kind: ApplicantKind, region: string): BundleQuery {
  return { applicantKind: kind, region }
}
