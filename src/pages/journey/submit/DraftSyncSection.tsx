// Starts background draft sync and, on 我的草稿, pulls drafts from other devices and lets the citizen settle
// any conflict (this device's copy or the other one).
import { View } from '@tarojs/components'
import { useEffect } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { DraftConflict } from '@/components/DraftConflict'
import { formatTime } from '@/domain/datetime'
import { useCatalogue, useDrafts, useSession } from '@/stores/app'
import { startDraftSync, useSync } from '@/stores/app-submit'
import { latestTemplate } from '@/stores/catalogue'
import { STEP_LABELS } from '@/stores/journey'
import { nowIso } from '../../nav'

export function DraftSyncSection() {
  const conflicts = useSync(useShallow((s) => Object.values(s.conflicts)))
  const drafts = useDrafts((s) => s.drafts)
  const names = useCatalogue(useShallow((s) => Object.fromEntries(conflicts.map((c) => [c.id, latestTemplate(s, c.content.bundleId)?.name]))))
  useEffect(() => {
    // pulls once the session is known to be signed in (startDraftSync watches for that)
    void useSession.getState().restore()
    startDraftSync()
    void useSync
      .getState()
      .pull()
      .then(() => useSync.getState().flush())
  }, [])
  if (!conflicts.length) return null
  const now = nowIso()
  const when = (iso: string) => formatTime(iso, now)
  return (
    <View className='ui-page'>
      {conflicts.map((c) => {
        const mine = drafts[c.id]
        return (
          <DraftConflict
            key={c.id}
            bundleName={names[c.id] ?? '未完成的申请'}
            mineText={mine ? `${STEP_LABELS[mine.place.step]}，${when(mine.updatedAt)} 修改` : '—'}
            theirsText={`${when(c.updatedAt)} 修改`}
            onKeepMine={() => void useSync.getState().keepMine(c.id)}
            onTakeTheirs={() => useSync.getState().takeTheirs(c.id)}
          />
        )
      })}
    </View>
  )
}
