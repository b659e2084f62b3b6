// 补正: one screen with only what the department asked for; sent exactly once, then back to the case.
import { useRouter } from '@tarojs/taro'
import { useEffect } from 'react'
import { toBeijingDate } from '@/domain/calendar'
import { SupplementScreen } from '@/components/cases/SupplementScreen'
import { useCases } from '@/stores/app-cases'
import { useSupplement } from '@/stores/app-supplement'
import { caseUrl } from '@/stores/routes'
import { Frame, Loading } from '../../Frame'
import { back, home, nowIso } from '../../nav'

export default function SupplementPage() {
  const router = useRouter()
  const caseId = router.params.case ? decodeURIComponent(router.params.case) : ''
  const form = useSupplement((s) => s.forms[caseId])
  useEffect(() => {
    if (caseId) void useSupplement.getState().open(caseId)
  }, [caseId])
  if (!caseId) return <Loading error='没有找到这件办件' onHome={home} />
  if (!form || form.status === 'loading') return <Loading />
  if (form.status === 'error') return <Loading error={form.error} onRetry={() => void useSupplement.getState().open(caseId)} onHome={() => back(caseUrl(caseId))} />
  const s = useSupplement.getState()
  return (
    <Frame>
      <SupplementScreen
        caseId={caseId}
        message={form.request?.message ?? ''}
        fields={form.fields}
        materials={form.materials}
        values={form.values}
        files={form.files}
        fieldErrors={form.fieldErrors}
        materialErrors={form.materialErrors}
        submitError={form.submitError}
        submitting={form.submitting}
        onInput={(id, v) => s.setValue(caseId, id, v)}
        onPick={(id) => void s.pick(caseId, id)}
        onRemove={(id, i) => s.removeFile(caseId, id, i)}
        onSubmit={async () => {
          const rec = await s.submit(caseId, toBeijingDate(nowIso()))
          if (rec) {
            useCases.getState().put(rec)
            back(caseUrl(caseId))
          }
        }}
        onBack={() => back(caseUrl(caseId))}
      />
    </Frame>
  )
}
