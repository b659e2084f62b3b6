// 请家人帮我办 (亲情帮办): how a family member can file for the elder, sending them the app, the free 帮代办 window,
// and 12345.
import { Text, View } from '@tarojs/components'
import { BackLink } from '../BackLink'
import { AppButton } from '../Button'
import { Heading } from '../Heading'
import { Icon } from '../Icon'
import { Notice } from '../Notice'

export interface FamilyScreenProps {
  /** WeChat: the share button sends the app to a chat; H5: the link is copied */
  share: 'wechat' | 'copy'
  copied?: boolean
  onCopy: () => void
  hotline: string
  onCall: (phone: string) => void
  onBack: () => void
}

export function FamilyScreen(p: FamilyScreenProps) {
  return (
    <View className='ui-page'>
      <BackLink onTap={p.onBack} />
      <Heading level={1}>请家人帮我办</Heading>
      <View className='ui-lead'>家人可以用自己的手机替您办，您不用跑，也不用学怎么填。</View>
      <View className='ui-card'>
        <Heading level={2}>这样做</Heading>
        <View className='ui-step'>
          <Text className='ui-step__no'>1</Text>
          <Text>把“一件事一次办”发给家人。</Text>
        </View>
        <View className='ui-step'>
          <Text className='ui-step__no'>2</Text>
          <Text>家人用自己的微信或手机号登录，找到要办的事，按提示替您填写。</Text>
        </View>
        <View className='ui-step'>
          <Text className='ui-step__no'>3</Text>
          <Text>提交前，请和家人一起核对申请里的信息。</Text>
        </View>
        {p.share === 'wechat' ? (
          <AppButton block openType='share'>
            <Icon name='family' tone='surface' size='lg' />
            <Text className='ui-btn__text'>发给家人</Text>
          </AppButton>
        ) : (
          <AppButton block onTap={p.onCopy}>
            <Icon name='copy' tone='surface' size='lg' />
            <Text className='ui-btn__text'>{p.copied ? '已复制，发给家人吧' : '复制链接发给家人'}</Text>
          </AppButton>
        )}
        {p.copied ? (
          <Notice tone='success' live='status'>
            链接已复制，可以粘贴到聊天里发给家人。
          </Notice>
        ) : null}
      </View>
      <View className='ui-card'>
        <Heading level={2}>到窗口请工作人员帮办</Heading>
        <View className='ui-lead'>各地政务服务中心都有“帮代办”窗口，工作人员免费帮您办。记得带上身份证。</View>
      </View>
      <View className='ui-card'>
        <Heading level={2}>不清楚怎么办？</Heading>
        <AppButton block variant='secondary' onTap={() => p.onCall(p.hotline)}>
          <Icon name='phone' tone='action' size='lg' />
          <Text className='ui-btn__text'>拨打 {p.hotline} 问一问</Text>
        </AppButton>
      </View>
    </View>
  )
}
