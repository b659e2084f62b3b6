// H5: parts of the home page that are not on its opening screen load after it (the 长辈版 home, the region
// list), keeping the first load small. lazy.weapp.tsx: WeChat has them in the package already.
import { lazy, Suspense, type ComponentProps } from 'react'
import { View } from '@tarojs/components'
import type { ElderHomeScreen as Elder } from '@/components/screens/ElderHomeScreen'
import type { RegionPicker as Picker } from '@/components/RegionPicker'

const ElderLazy = lazy(() => import('@/components/screens/ElderHomeScreen').then((m) => ({ default: m.ElderHomeScreen })))
const PickerLazy = lazy(() => import('@/components/RegionPicker').then((m) => ({ default: m.RegionPicker })))

const loading = (
  <View className='ui-page'>
    <View className='ui-help' role='status'>
      正在加载…
    </View>
  </View>
)

export function ElderHomeScreen(props: ComponentProps<typeof Elder>) {
  return (
    <Suspense fallback={loading}>
      <ElderLazy {...props} />
    </Suspense>
  )
}

export function RegionPicker(props: ComponentProps<typeof Picker>) {
  return (
    <Suspense
      fallback={
        <View className='ui-help' role='status'>
          正在加载地区…
        </View>
      }
    >
      <PickerLazy {...props} />
    </Suspense>
  )
}
