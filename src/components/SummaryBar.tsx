// The live summary: "需办理 N 个事项，需准备 M 份材料，预计 X 个工作日", announced politely when it changes.
import { View } from '@tarojs/components'

export function SummaryBar({ text, detail }: { text: string; detail?: string }) {
  return (
    <View className='ui-summary' role='status' aria-live='polite' aria-atomic='true' id='live-summary'>
      <View className='ui-summary__text'>{text}</View>
      {detail ? <View className='ui-summary__detail'>{detail}</View> : null}
    </View>
  )
}
