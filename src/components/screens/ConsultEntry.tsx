// The way to 在线咨询 from 帮助与客服.
import { View } from '@tarojs/components'
import { AppButton } from '../Button'
import { Heading } from '../Heading'

export function ConsultEntry({ onAsk }: { onAsk: () => void }) {
  return (
    <View className='ui-card'>
      <Heading level={2}>在线咨询</Heading>
      <View className='ui-help'>写下您的问题，办理窗口 5 个工作日内答复，答复发到“消息”。也可以查看您问过的问题。</View>
      <AppButton block variant='secondary' onTap={onAsk}>
        在线咨询
      </AppButton>
    </View>
  )
}
