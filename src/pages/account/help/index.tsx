// 帮助与客服: 12345 in one tap, the department lines of the bundle the citizen asks about (`?bundle=` picks it
// when opened from a guide), and the way to 在线咨询 (asked on its own page, with that bundle chosen).
import { useRouter } from '@tarojs/taro'
import { useEffect, useMemo, useState } from 'react'
import { HelpScreen } from '@/components/screens/HelpScreen'
import { departmentContacts, HOTLINE } from '@/domain/contacts'
import { callPhone } from '@/services/phone'
import { useCatalogue, usePreferences, useSession } from '@/stores/app'
import { latestTemplate, queryKey } from '@/stores/catalogue'
import { DEFAULT_REGION } from '@/stores/preferences'
import '@/stores/template-parser' // the bundle's template is parsed before its contacts are read
import { ConsultEntry } from '@/components/screens/ConsultEntry'
import { consultUrl } from '@/stores/consult-url'
import { Frame } from '../../Frame'
import { go, leave } from '../../nav'

export default function HelpPage() {
  const asked = decodeURIComponent(useRouter().params.bundle ?? '')
  const [bundleId, setBundleId] = useState(asked || undefined)
  const profileRegion = useSession((s) => s.profile?.region)
  const region = usePreferences((s) => s.region?.code) ?? (profileRegion ? `${profileRegion.slice(0, 4)}00` : DEFAULT_REGION.code)
  const query = useMemo(() => ({ region }), [region])
  const list = useCatalogue((s) => s.lists[queryKey(query)])
  const template = useCatalogue((s) => (bundleId ? latestTemplate(s, bundleId) : undefined))
  const templateError = useCatalogue((s) => (bundleId && s.templateStatus[bundleId]?.status === 'error' ? s.templateStatus[bundleId].error : undefined))
  useEffect(() => {
    void useCatalogue.getState().loadBundles(query)
  }, [query])
  useEffect(() => {
    if (bundleId) void useCatalogue.getState().loadTemplate(bundleId)
  }, [bundleId])
  const contacts = useMemo(() => (template ? departmentContacts(template) : undefined), [template])

  return (
    <Frame>
      <HelpScreen
        hotline={HOTLINE}
        onCall={callPhone}
        bundles={(list?.bundles ?? []).map((b) => ({ value: b.id, label: b.name }))}
        bundlesError={list?.status === 'error' ? list.error : undefined}
        bundleId={bundleId}
        onBundle={setBundleId}
        contacts={contacts}
        contactsError={templateError}
        consult={<ConsultEntry onAsk={() => go(consultUrl(bundleId))} />}
        onBack={leave}
      />
    </Frame>
  )
}
