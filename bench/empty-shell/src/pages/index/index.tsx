import { Text, View } from '@tarojs/components'

export default function Index() {
  return (
    <View>
      <View role='heading' aria-level={1}>
        一件事一次办
      </View>
      <Text>一次告知、一次表单、一次办好。</Text>
    </View>
  )
}
