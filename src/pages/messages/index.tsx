// 消息 (tab): the citizen's messages. Until the 消息 centre of the case issue arrives, it says what will come here.
import { useDidShow } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { AppButton } from '@/components/Button'
import { Heading } from '@/components/Heading'
import { useSession } from '@/stores/app'
import { Frame } from '../Frame'
import { signIn } from '../nav'

export default function MessagesTab() {
  const signedOut = useSession((s) => s.status === 'signed-out')
  useDidShow(() => {
    void useSession.getState().restore()
  })
  return (
    <Frame tab='messages'>
      <View className='ui-page'>
        <Heading level={1}>消息</Heading>
        {signedOut ? (
          <View className='ui-card'>
            <View className='ui-lead'>登录后，办件受理、补正、办结和在线咨询的答复会发到这里。</View>
            <AppButton block onTap={() => signIn()}>
              登录
            </AppButton>
          </View>
        ) : (
          <View className='ui-help'>暂无消息。办件受理、补正、办结和在线咨询的答复会发到这里。</View>
        )}
      </View>
    </Frame>
  )
}
