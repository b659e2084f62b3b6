// 请家人帮我办 (亲情帮办), from the 长辈版 home.
import Taro, { useShareAppMessage } from '@tarojs/taro'
import { useState } from 'react'
import { FamilyScreen } from '@/components/screens/FamilyScreen'
import { HOTLINE } from '@/domain/contacts'
import { callPhone } from '@/services/phone'
import { ROUTES } from '@/stores/routes'
import { Frame } from '../../Frame'
import { leave } from '../../nav'

function appLink(): string {
  // H5 only: the app's own address (hash routing: the home page)
  return process.env.TARO_ENV === 'h5' ? `${window.location.origin}${window.location.pathname}` : ''
}

export default function FamilyPage() {
  const [copied, setCopied] = useState(false)
  useShareAppMessage(() => ({ title: '请帮我办一件事｜湖南一件事一次办', path: ROUTES.home }))
  return (
    <Frame>
      <FamilyScreen
        share={process.env.TARO_ENV === 'weapp' ? 'wechat' : 'copy'}
        copied={copied}
        onCopy={() => {
          void Taro.setClipboardData({ data: appLink() }).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }}
        hotline={HOTLINE}
        onCall={callPhone}
        onBack={leave}
      />
    </Frame>
  )
}
