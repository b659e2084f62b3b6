// 在线咨询: ask about a bundle (`?bundle=` chooses it when opened from a guide) and 我的咨询. What is typed is kept
// on the device for this person until the platform has it (stores/consult.ts).
import { useRouter } from '@tarojs/taro'
import { useEffect, useMemo, useState } from 'react'
import { ConsultScreen } from '@/components/screens/ConsultScreen'
import { consultStatusText, isConsultOverdue } from '@/domain/consult'
import { formatDate, formatTime } from '@/domain/datetime'
import { useCatalogue, usePreferences, useSession } from '@/stores/app'
import { useConsult } from '@/stores/app-consult'
import { queryKey } from '@/stores/catalogue'
import { DEFAULT_REGION } from '@/stores/preferences'
import { questionUrl } from '@/stores/consult-url'
import { Frame } from '../../Frame'
import { go, leave, nowIso, signIn } from '../../nav'
import { useSignedInLoad } from '../../use-signed-in'

export default function ConsultPage() {
  const asked = decodeURIComponent(useRouter().params.bundle ?? '')
  const status = useSession((s) => s.status)
  const userId = useSession((s) => s.profile?.userId)
  const profileRegion = useSession((s) => s.profile?.region)
  const region = usePreferences((s) => s.region?.code) ?? (profileRegion ? `${profileRegion.slice(0, 4)}00` : DEFAULT_REGION.code)
  const query = useMemo(() => ({ region }), [region])
  const list = useCatalogue((s) => s.lists[queryKey(query)])
  const c = useConsult()
  const [sent, setSent] = useState<{ bundleName: string; dueText: string }>()
  useEffect(() => {
    void useCatalogue.getState().loadBundles(query)
  }, [query])
  useEffect(() => {
    if (userId) useConsult.getState().open(userId, asked || undefined)
  }, [userId, asked])
  useSignedInLoad(() => void useConsult.getState().load())

  const now = nowIso()
  const signedOut = status === 'signed-out'
  return (
    <Frame>
      <ConsultScreen
        onSignIn={signedOut ? () => signIn() : undefined}
        bundles={(list?.bundles ?? []).map((b) => ({ value: b.id, label: b.name }))}
        bundlesError={list?.status === 'error' ? list.error : undefined}
        bundleId={c.draft.bundleId}
        onBundle={(id) => useConsult.getState().edit({ bundleId: id })}
        text={c.draft.text}
        onText={(text) => {
          setSent(undefined)
          useConsult.getState().edit({ text })
        }}
        fieldErrors={c.fieldErrors}
        error={c.error}
        busy={c.busy}
        onSubmit={() =>
          void useConsult
            .getState()
            .ask()
            .then((q) => q && setSent({ bundleName: q.bundleName, dueText: formatDate(q.dueDate, nowIso()) }))
        }
        sent={sent}
        questions={c.questions.map((q) => ({
          id: q.id,
          bundleName: q.bundleName,
          question: q.question,
          statusText: consultStatusText(q, now),
          whenText: q.answer
            ? `${formatTime(q.answer.at, now)} 已答复`
            : isConsultOverdue(q, now)
              ? `应于${formatDate(q.dueDate, now)}前答复，已超期，可拨打 12345 催办`
              : `${formatDate(q.dueDate, now)}前答复`,
          answered: q.status === 'answered',
        }))}
        loading={c.status === 'loading' || c.status === 'idle'}
        listError={c.status === 'error' ? c.error : undefined}
        onOpen={(id) => go(questionUrl(id))}
        onBack={leave}
      />
    </Frame>
  )
}
