import { Text, View } from '@tarojs/components'
import { AppButton } from './Button'

export interface BundleItem {
  id: string
  name: string
  description: string
  category: string
  zones: string[]
  matterCount: number
  promisedLimitDays: number
  visits: number
}

/** A bundle in a list: its name is the button; figures underneath. */
export function BundleCard({ bundle, onOpen }: { bundle: BundleItem; onOpen: (id: string) => void }) {
  return (
    <View className='ui-card ui-bundle'>
      <AppButton variant='link' className='ui-bundle__name' onTap={() => onOpen(bundle.id)} ariaDescribedBy={`bundle-${bundle.id}-facts`}>
        {bundle.name}
      </AppButton>
      <View className='ui-bundle__desc'>{bundle.description}</View>
      <View className='ui-bundle__facts' id={`bundle-${bundle.id}-facts`}>
        <Text>{bundle.matterCount} 个事项</Text>
        <Text> · {bundle.promisedLimitDays > 0 ? `${bundle.promisedLimitDays} 个工作日` : '即办'}</Text>
        <Text> · {bundle.visits === 0 ? '零跑动' : `跑 ${bundle.visits} 次`}</Text>
      </View>
    </View>
  )
}
