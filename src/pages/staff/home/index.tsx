import { View } from '@tarojs/components'

export default function StaffHomePage() {
  return <View>窗口工作台</View>
}
