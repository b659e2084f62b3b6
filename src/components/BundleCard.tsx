import { Text, View } from '@tarojs/components'
import { AppButton } from './Button'

export interface BundleItem {
  id: string
  name: string
  description: string
  category: string
  zones: string[]
  keywords?: string[]
  matterCount: number
  promisedLimitDays: number
  visits: number
}

/** The figures of a bundle as short badges: "3 个事项", "10 个工作日" (or 即办), "零跑动" (or 跑 1 次). */
export function bundleBadges(b: Pick<BundleItem, 'matterCount' | 'promisedLimitDays' | 'visits'>): string[] {
  return [`${b.matterCount} 个事项`, b.promisedLimitDays > 0 ? `${b.promisedLimitDays} 个工作日` : '即办', b.visits === 0 ? '零跑动' : `跑 ${b.visits} 次`]
}

/** A bundle in a list: its name is the button; what it saves underneath as badges (words, not colours). */
export function BundleCard({ bundle, onOpen }: { bundle: BundleItem; onOpen: (id: string) => void }) {
  return (
    <View className='ui-card ui-bundle'>
      <AppButton variant='link' className='ui-bundle__name' onTap={() => onOpen(bundle.id)} ariaDescribedBy={`bundle-${bundle.id}-facts`}>
        {bundle.name}
      </AppButton>
      <View className='ui-bundle__desc'>{bundle.description}</View>
      <View className='ui-badges' id={`bundle-${bundle.id}-facts`}>
        {bundleBadges(bundle).map((text, i) => (
          <Text key={text} className={`ui-badge ${i === 2 && bundle.visits === 0 ? 'ui-badge--strong' : ''}`}>
            {text}
            {i < 2 ? <Text className='ui-visually-hidden'>，</Text> : null}
          </Text>
        ))}
      </View>
    </View>
  )
}
