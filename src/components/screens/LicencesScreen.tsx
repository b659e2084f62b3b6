// 我的证照: the e-licences the platform holds for the signed-in person or firm (masked), and whether the citizen
// has already agreed to their use in applications.
import { Text, View } from '@tarojs/components'
import { BackLink } from '../BackLink'
import { AppButton } from '../Button'
import { Heading } from '../Heading'
import { Icon } from '../Icon'

export interface LicenceCard {
  kind: string
  title: string
  holder: string
  number: string
  issuer: string
  issuedText: string
  consented: boolean
}

export function LicencesScreen({ status, licences, onSignIn, onBack }: { status: 'signed-in' | 'signed-out' | 'checking'; licences: LicenceCard[]; onSignIn: () => void; onBack: () => void }) {
  return (
    <View className='ui-page'>
      <BackLink onTap={onBack} />
      <Heading level={1}>我的证照</Heading>
      <View className='ui-lead'>这些电子证照由发证部门提供。办事时可以直接使用，不用再上传；每次使用前都会先征得您的同意。</View>
      {status === 'signed-out' ? (
        <View className='ui-card'>
          <View className='ui-lead'>登录后查看您的电子证照。</View>
          <AppButton block onTap={onSignIn}>
            登录
          </AppButton>
        </View>
      ) : null}
      {status === 'checking' ? (
        <View className='ui-help' role='status'>
          正在加载…
        </View>
      ) : null}
      {status === 'signed-in' && !licences.length ? <View className='ui-help'>平台暂未查到您的电子证照。办事时可以上传材料。</View> : null}
      {licences.map((l) => (
        <View key={l.kind} className='ui-card ui-licence'>
          <View className='ui-licence__head'>
            <Icon name='licence' tone='action' size='lg' />
            <Heading level={2} className='ui-licence__title'>
              {l.title}
            </Heading>
          </View>
          {(
            [
              ['持证人', l.holder],
              ['证照号码', l.number],
              ['发证机关', l.issuer],
              ['发证日期', l.issuedText],
            ] as const
          ).map(([key, value]) => (
            <View key={key} className='ui-row'>
              <Text className='ui-row__key'>{key}</Text>
              <Text className='ui-row__value'>{value}</Text>
            </View>
          ))}
          <View className='ui-help'>{l.consented ? '您已同意在办事时使用此证照。' : '办事时会先问您是否使用此证照。'}</View>
        </View>
      ))}
    </View>
  )
}
