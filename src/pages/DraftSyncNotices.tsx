// On every page: what draft sync needs the citizen for (DraftSyncPanel). There is rarely anything to ask, so on
// H5 the panel's code (and dayjs with it) loads only when there is; DraftSyncNotices.weapp.tsx: WeChat has it
// in the package.
import { lazy, Suspense } from 'react'
import { useSync } from '@/stores/app'

const DraftSyncPanel = lazy(() => import('./DraftSyncPanel').then((m) => ({ default: m.DraftSyncPanel })))

export function DraftSyncNotices() {
  const asking = useSync((s) => Object.keys(s.conflicts).length > 0 || Object.keys(s.duplicates).length > 0)
  if (!asking) return null
  return (
    <Suspense fallback={null}>
      <DraftSyncPanel />
    </Suspense>
  )
}
