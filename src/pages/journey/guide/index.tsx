import { View } from '@tarojs/components'

export default function GuidePage() {
  return <View>办事指南</View>
}
