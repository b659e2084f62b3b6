// 提交成功: the case kept on the device (so a later visit shows the same record, offline too), refreshed from
// the platform. The URL holds the case number only.
import Taro, { useRouter } from '@tarojs/taro'
import { useDeferredValue, useEffect, useState } from 'react'
import { CaseConfirmation } from '@/components/CaseConfirmation'
import { formatTime } from '@/domain/datetime'
import { useCatalogue } from '@/stores/app'
import { useCases } from '@/stores/app-cases'
import { ROUTES } from '@/stores/routes'
import { deliveryTextOf, dueTextOf, nextStepOf } from '@/stores/cases'
import { hallName } from '@/stores/journey'
import { Frame, Loading } from '../../Frame'
import { go, home, nowIso } from '../../nav'

export default function DonePage() {
  const router = useRouter()
  const caseId = router.params.case ? decodeURIComponent(router.params.case) : undefined
  const latest = useCases((s) => (caseId ? s.cases[caseId] : undefined))
  // the record arriving from the platform renders in the background, in slices (no long task on H5)
  const rec = useDeferredValue(latest)
  const error = useCases((s) => (caseId ? s.errors[caseId] : undefined))
  const [loaded, setLoaded] = useState(false)
  const [copied, setCopied] = useState(false)
  // a pickup names a service hall by its GET /regions id
  const regions = useCatalogue((s) => s.regions)
  const loadRegions = useCatalogue((s) => s.loadRegions)

  useEffect(() => {
    if (caseId) void useCases.getState().load(caseId).finally(() => setLoaded(true))
  }, [caseId])
  useEffect(() => {
    void loadRegions()
  }, [loadRegions])

  if (!caseId) return <Loading error='没有找到这件办件' onHome={home} />
  if (!rec) return <Loading error={loaded && !latest ? error ?? '没有找到这件办件' : undefined} onRetry={() => void useCases.getState().load(caseId)} onHome={home} />
  const now = nowIso()
  return (
    <Frame>
      <CaseConfirmation
        caseId={rec.id}
        bundleName={rec.bundleName}
        submittedText={formatTime(rec.submittedAt, now)}
        dueText={dueTextOf(rec, now)}
        matters={rec.matters.map((m) => ({ id: m.matterId, name: m.name, department: m.department, nextStep: nextStepOf(m) }))}
        deliveryText={deliveryTextOf(rec, rec.delivery?.method === 'pickup' ? hallName(regions, rec.delivery.hallId) : undefined)}
        burden={rec.burden}
        copied={copied}
        staleNote={error ? `暂时无法获取最新进度（${error}），以下为提交时的记录。` : undefined}
        onCopy={() => {
          void Taro.setClipboardData({ data: rec.id }).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }}
        onCases={() => go(ROUTES.cases)}
        onHome={home}
      />
    </Frame>
  )
}
