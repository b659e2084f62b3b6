// 我的草稿: drafts on this device and, once signed in, those begun on other devices (synced from every page;
// opening the list catches up once more). Each says where the citizen left off and when it was last changed,
// on whichever device. Resuming a draft made on an older version of its guide template first shows what the
// new version changes; the citizen confirms and the draft is carried forward.
import { useEffect, useState } from 'react'
import { DraftsScreen } from '@/components/screens/DraftsScreen'
import { savedText } from '@/domain/datetime'
import { TemplateChanges } from '@/components/TemplateChanges'
import { useCatalogue, useDrafts, useSession } from '@/stores/app'
import { catchUpDrafts } from '@/stores/app-sync'
import { checkUpgrade } from '@/stores/app-submit'
import { latestTemplate } from '@/stores/catalogue'
import { selectOpenDraftsOf } from '@/stores/draft'
import '@/stores/template-parser' // templates are parsed before this page reads them
import { ROUTES, STEP_LABELS, urlOf } from '@/stores/journey'
import { applyUpgrade, type TemplateUpgrade } from '@/stores/upgrade'
import { useShallow } from 'zustand/react/shallow'
import { View } from '@tarojs/components'
import { Frame } from '../../Frame'
import { back, go, nowIso, signIn } from '../../nav'

export default function DraftsPage() {
  const userId = useSession((s) => s.profile?.userId)
  const drafts = useDrafts(useShallow(selectOpenDraftsOf(userId)))
  const names = useCatalogue(useShallow((s) => Object.fromEntries(drafts.map((d) => [d.id, latestTemplate(s, d.content.bundleId)?.name]))))
  const loadTemplate = useCatalogue((s) => s.loadTemplate)
  const [plan, setPlan] = useState<TemplateUpgrade>()
  const [checking, setChecking] = useState<string>()
  const session = useSession((s) => s.status)
  useEffect(() => {
    void useSession.getState().restore()
    void catchUpDrafts()
  }, [])
  useEffect(() => {
    for (const id of new Set(drafts.map((d) => d.content.bundleId))) void loadTemplate(id)
  }, [drafts.length]) // eslint-disable-line react-hooks/exhaustive-deps

  const open = (id: string, at?: TemplateUpgrade['resumeAt']) => {
    const d = useDrafts.getState().drafts[id]
    if (d) go(urlOf(at ?? d.place, d))
  }

  const now = nowIso()
  return (
    <Frame>
      {plan ? (
        <View className='ui-page'>
          <TemplateChanges
            {...plan}
            confirmLabel='确认变化，继续办理'
            onConfirm={async () => {
              if (applyUpgrade(useDrafts, plan)) {
                setPlan(undefined)
                open(plan.draftId, plan.resumeAt)
                return
              }
              // the draft changed meanwhile: plan again
              setPlan(await checkUpgrade(plan.draftId))
            }}
            cancelLabel='暂不继续'
            onCancel={() => setPlan(undefined)}
          />
        </View>
      ) : null}
      <DraftsScreen
        drafts={drafts.map((d) => ({ id: d.id, bundleName: names[d.id] ?? '未完成的申请', stepLabel: STEP_LABELS[d.place.step], updatedText: savedText(d.updatedAt, now) }))}
        // offered once the device is known to be signed out: not while a saved sign-in is checked (it would show
        // 登录 to a citizen who is signed in, and the list would jump up when it went)
        signIn={session === 'signed-out' || session === 'signing-in' ? { onSignIn: () => signIn(), busy: session === 'signing-in' } : undefined}
        onResume={async (id) => {
          if (checking) return
          setChecking(id)
          const upgrade = await checkUpgrade(id).catch(() => undefined)
          setChecking(undefined)
          if (upgrade) setPlan(upgrade)
          else open(id)
        }}
        onDelete={(id) => useDrafts.getState().remove(id)}
        onBack={() => back(ROUTES.home)}
        onConfirmOthers={() => go(ROUTES.confirm)}
      />
    </Frame>
  )
}
