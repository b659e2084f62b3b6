// 隐私政策, in the main package: reachable from the home page, the sign-in page and WeChat's privacy prompt.
// `?bundle=` names the departments of that bundle.
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect } from 'react'
import { PrivacyPolicyScreen } from '@/components/screens/PrivacyPolicyScreen'
import { useCatalogue } from '@/stores/app'
import { latestTemplate } from '@/stores/catalogue'
import { Frame } from '../Frame'
import { leave } from '../nav'

export default function PrivacyPage() {
  const bundleId = decodeURIComponent(useRouter().params.bundle ?? '')
  const template = useCatalogue((s) => (bundleId ? latestTemplate(s, bundleId) : undefined))
  const loadTemplate = useCatalogue((s) => s.loadTemplate)
  useEffect(() => {
    if (bundleId) void loadTemplate(bundleId)
  }, [bundleId, loadTemplate])
  return (
    <Frame>
      <PrivacyPolicyScreen
        bundle={template ? { name: template.name, departments: template.departments } : undefined}
        onOpenGuide={process.env.TARO_ENV === 'weapp' ? () => void Taro.openPrivacyContract({}) : undefined}
        onBack={leave}
      />
    </Frame>
  )
}
