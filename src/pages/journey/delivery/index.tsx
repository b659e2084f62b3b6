// Delivery and handling: EMS (address prefilled from the profile, editable), a named hall, or electronic.
import { DeliveryScreen } from '@/components/screens/DeliveryScreen'
import { useCatalogue, useDrafts, useSession } from '@/stores/app'
import { cityRegions } from '@/stores/catalogue'
import { afterStep, deliveryFor, hallOptions, placeBefore } from '@/stores/journey'
import { useEffect } from 'react'
import { Frame, Loading } from '../../Frame'
import { home } from '../../nav'
import { useStep } from '../use-step'

export default function DeliveryPage() {
  const { draft, template, guidance, templateError, retry, goTo, backTo } = useStep('delivery')
  const profile = useSession((s) => s.profile)
  const regions = useCatalogue((s) => s.regions)
  const loadRegions = useCatalogue((s) => s.loadRegions)
  useEffect(() => {
    void loadRegions()
  }, [loadRegions])

  if (!draft) return <Loading error='没有找到这份申请，请从首页重新开始' onHome={home} />
  if (!template || !guidance) return <Loading error={templateError} onRetry={retry} onHome={home} />
  const drafts = useDrafts.getState()
  const halls = hallOptions(regions, draft.content.region)
  const cities = cityRegions(regions).map((r) => ({ value: r.code, label: r.name }))
  const current = draft.content.delivery
  const profileCity = profile?.region ? `${profile.region.slice(0, 4)}00` : undefined
  // the results belong to another party (二手房's buyer): never the filer's own address by default
  const recipient = guidance.delivery.recipientParty
  const defaults = recipient ? {} : { recipient: profile?.name, mobile: profile?.mobile, region: cities.some((c) => c.value === profileCity) ? profileCity : undefined, detail: profile?.address }

  return (
    <Frame>
      <DeliveryScreen
        bundleName={template.name}
        methods={template.delivery}
        handlings={template.handling}
        delivery={current}
        handling={draft.content.handling}
        halls={halls}
        regions={cities}
        error={guidance.delivery.error}
        handlingError={guidance.delivery.handlingError}
        recipientLabel={recipient?.label}
        onMethod={(method) => drafts.setDelivery(draft.id, deliveryFor(method, useDrafts.getState().drafts[draft.id].content.delivery, defaults, halls))}
        onAddress={(patch) => {
          const before = useDrafts.getState().drafts[draft.id].content.delivery
          const base = deliveryFor('ems', before, defaults, halls)
          drafts.setDelivery(draft.id, { ...base, address: { ...(base.address as NonNullable<typeof base.address>), ...patch } })
        }}
        onHall={(hallId) => drafts.setDelivery(draft.id, { method: 'pickup', hallId })}
        onHandling={(h) => drafts.setHandling(draft.id, h)}
        onContinue={() => goTo(afterStep(guidance, 'delivery'))}
        onBack={() => backTo(placeBefore(guidance, { step: 'delivery' }))}
      />
    </Frame>
  )
}
