// On every page: what draft sync needs the citizen for (DraftSyncPanel). On H5 draft sync itself loads once a
// citizen is signed in (stores/sync-start.ts), and there is rarely anything to ask, so the panel's code (and
// dayjs with it) loads only when there is; DraftSyncNotices.weapp.tsx: WeChat has it in the package.
import { lazy, Suspense } from 'react'
import { useSyncModule } from '@/stores/sync-start'

const DraftSyncPanel = lazy(() => import('./DraftSyncPanel').then((m) => ({ default: m.DraftSyncPanel })))

type SyncModule = NonNullable<ReturnType<typeof useSyncModule.getState>['sync']>

function Asking({ useSync }: { useSync: SyncModule['useSync'] }) {
  const asking = useSync((s) => Object.keys(s.conflicts).length > 0 || Object.keys(s.duplicates).length > 0)
  if (!asking) return null
  return (
    <Suspense fallback={null}>
      <DraftSyncPanel />
    </Suspense>
  )
}

export function DraftSyncNotices() {
  const sync = useSyncModule((s) => s.sync)
  return sync ? <Asking useSync={sync.useSync} /> : null
}
