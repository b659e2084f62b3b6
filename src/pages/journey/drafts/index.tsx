// 我的草稿 on this device (platform sync comes with the next issue).
import Taro from '@tarojs/taro'
import { useEffect } from 'react'
import { DraftsScreen } from '@/components/screens/DraftsScreen'
import { useCatalogue, useDrafts } from '@/stores/app'
import { latestTemplate } from '@/stores/catalogue'
import { selectOpenDrafts } from '@/stores/draft'
import { ROUTES, STEP_LABELS, urlOf } from '@/stores/journey'
import { useShallow } from 'zustand/react/shallow'
import { Frame } from '../../Frame'
import { back, go } from '../../nav'
import { DraftSyncSection } from '../submit/DraftSyncSection'

export default function DraftsPage() {
  const drafts = useDrafts(useShallow(selectOpenDrafts))
  const names = useCatalogue(useShallow((s) => Object.fromEntries(drafts.map((d) => [d.id, latestTemplate(s, d.content.bundleId)?.name]))))
  const loadTemplate = useCatalogue((s) => s.loadTemplate)
  useEffect(() => {
    for (const id of new Set(drafts.map((d) => d.content.bundleId))) void loadTemplate(id)
  }, [drafts.length]) // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <Frame>
      <DraftSyncSection />
      <DraftsScreen
        drafts={drafts.map((d) => ({ id: d.id, bundleName: names[d.id] ?? '未完成的申请', stepLabel: STEP_LABELS[d.place.step], updatedText: new Date(d.updatedAt).toLocaleString('zh-CN', { hour12: false }) }))}
        onResume={(id) => {
          const d = useDrafts.getState().drafts[id]
          if (d) go(urlOf(d.place, d))
        }}
        onDelete={async (id) => {
          const res = await Taro.showModal({ title: '删除草稿', content: '删除后，已填写的内容将无法恢复。确定删除吗？', confirmText: '删除', cancelText: '取消' })
          if (res.confirm) useDrafts.getState().remove(id)
        }}
        onBack={() => back(ROUTES.home)}
      />
    </Frame>
  )
}
