// 隐私政策, in the main package: reachable from the home page, the sign-in page and WeChat's privacy prompt.
// `?bundle=` names the departments of that bundle.
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect } from 'react'
import { PrivacyPolicyScreen } from '@/components/screens/PrivacyPolicyScreen'
import { useCatalogue } from '@/stores/app'
import { bundleSummary } from '@/stores/catalogue'
import { Frame } from '../Frame'
import { leave } from '../nav'

export default function PrivacyPage() {
  const bundleId = decodeURIComponent(useRouter().params.bundle ?? '')
  // the list's summary names the departments: no template (and no template schema) in the main package
  const summary = useCatalogue((s) => (bundleId ? bundleSummary(s, bundleId) : undefined))
  const loadBundles = useCatalogue((s) => s.loadBundles)
  useEffect(() => {
    if (bundleId && !summary) void loadBundles({})
  }, [bundleId, loadBundles]) // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <Frame>
      <PrivacyPolicyScreen
        bundle={summary ? { name: summary.name, departments: summary.departments } : undefined}
        onOpenGuide={process.env.TARO_ENV === 'weapp' ? () => void Taro.openPrivacyContract({}) : undefined}
        onBack={leave}
      />
    </Frame>
  )
}
