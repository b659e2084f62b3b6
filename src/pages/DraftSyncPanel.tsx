// What draft sync needs the citizen for (on every page, through DraftSyncNotices): items of a draft changed on
// two devices (chosen one by one, both values side by side), and a draft begun here for a bundle the citizen
// already has a draft of.
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { conflictRows } from '@/components/draft-conflict-text'
import { DraftConflict } from '@/components/DraftConflict'
import { DraftDuplicate } from '@/components/DraftDuplicate'
import { savedText, timeWithAgo } from '@/domain/datetime'
import { useCatalogue, useDrafts } from '@/stores/app'
import { useSync } from '@/stores/app-sync'
import { hallName, latestTemplate, regionName, templateKey } from '@/stores/catalogue'
import { STEP_LABELS } from '@/stores/routes'
import { nowIso } from './nav'

export function DraftSyncPanel() {
  const conflicts = useSync((s) => s.conflicts)
  const duplicates = useSync((s) => s.duplicates)
  const drafts = useDrafts((s) => s.drafts)
  const catalogue = useCatalogue(useShallow((s) => ({ templates: s.templates, latest: s.latest, regions: s.regions, loadTemplate: s.loadTemplate })))
  const [merging, setMerging] = useState<string>()
  const conflictIds = Object.keys(conflicts)
  const duplicateIds = Object.keys(duplicates)
  const wanted = [...conflictIds.map((id) => conflicts[id].theirs.content), ...duplicateIds.map((id) => duplicates[id].content)]
  useEffect(() => {
    for (const c of wanted) void catalogue.loadTemplate(c.bundleId, c.templateVersion)
  }, [wanted.map((c) => `${c.bundleId}@${c.templateVersion}`).join(',')]) // eslint-disable-line react-hooks/exhaustive-deps
  // a new question shows at the top of the page, wherever the citizen was scrolled to (it holds sync back)
  const asking = [...conflictIds, ...duplicateIds].join(',')
  useEffect(() => {
    if (asking) void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined)
  }, [asking])
  if (!conflictIds.length && !duplicateIds.length) return null

  const now = nowIso()
  const nameOf = (bundleId: string) => latestTemplate(catalogue, bundleId)?.name ?? '未完成的申请'
  return (
    <View className='ui-sync-notices'>
      {duplicateIds.map((localId) => {
        const theirs = duplicates[localId]
        const mine = drafts[localId]
        if (!mine) return null
        return (
          <DraftDuplicate
            key={localId}
            id={`dup-${localId}`}
            bundleName={nameOf(theirs.content.bundleId)}
            mineText={`${STEP_LABELS[mine.place.step]}，${savedText(mine.updatedAt, now)}`}
            theirsText={`${STEP_LABELS[theirs.place?.step ?? 'questions']}，${savedText(theirs.editedAt ?? theirs.updatedAt, now)}`}
            busy={merging === localId}
            onContinueTheirs={() => useSync.getState().continueTheirs(localId)}
            onMerge={async () => {
              setMerging(localId)
              await useSync.getState().mergeDuplicate(localId)
              setMerging(undefined)
            }}
          />
        )
      })}
      {conflictIds.map((id) => {
        const c = conflicts[id]
        const mine = drafts[id]
        if (!mine) return null
        const template = catalogue.templates[templateKey(c.theirs.content.bundleId, c.theirs.content.templateVersion)]
        const rows = conflictRows(c.items, template, { files: mine.files, hall: (h) => hallName(catalogue.regions, h), region: (r) => regionName(catalogue.regions, r) })
        return (
          <DraftConflict
            // a new question (the other device changed again) starts with nothing chosen
            key={`${id}-${c.theirs.version}-${c.items.map((i) => i.key).join(',')}`}
            id={`conflict-${id}`}
            bundleName={nameOf(c.theirs.content.bundleId)}
            mineWhen={timeWithAgo(mine.updatedAt, now)}
            theirsWhen={timeWithAgo(c.theirs.editedAt ?? c.theirs.updatedAt, now)}
            rows={rows}
            onResolve={(choices) => void useSync.getState().resolve(id, choices)}
          />
        )
      })}
    </View>
  )
}
