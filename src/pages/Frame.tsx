// Every page's root: applies 长辈版, shows WeChat's privacy prompt when an API asks for it, and a loading or
// failure state in Chinese.
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { AppButton } from '@/components/Button'
import { Notice } from '@/components/Notice'
import { PRIVACY_AGREE_ID, PrivacyPrompt } from '@/components/PrivacyPrompt'
import { usePreferences, usePrivacy } from '@/stores/app'
import { privacyPurpose } from '@/stores/privacy'
import { ROUTES } from '@/stores/routes'
import { go } from './nav'

export function Frame({ children }: { children: ReactNode }) {
  const elder = usePreferences((s) => s.elderMode)
  const privacy = usePrivacy((s) => s.pending)
  return (
    <View className={`app-frame ${elder ? 'elder' : ''}`}>
      {children}
      {privacy ? (
        <PrivacyPrompt
          purpose={privacyPurpose(privacy.referrer)}
          onAgree={() => usePrivacy.getState().agree(PRIVACY_AGREE_ID)}
          onDisagree={() => {
            usePrivacy.getState().disagree()
            void Taro.showToast({ title: '未同意隐私保护指引，无法继续', icon: 'none' })
          }}
          onOpenGuide={() => void Taro.openPrivacyContract({})}
          onOpenPolicy={() => go(ROUTES.privacy)}
        />
      ) : null}
    </View>
  )
}

export function Loading({ error, onRetry, onHome }: { error?: string; onRetry?: () => void; onHome?: () => void }) {
  return (
    <Frame>
      <View className='ui-page'>
        {error ? (
          <Notice tone='error' live='alert'>
            {error}
          </Notice>
        ) : (
          <View className='ui-help' role='status'>
            正在加载…
          </View>
        )}
        {error && onRetry ? <AppButton onTap={onRetry}>重试</AppButton> : null}
        {error && onHome ? (
          <AppButton variant='link' onTap={onHome}>
            返回首页
          </AppButton>
        ) : null}
      </View>
    </Frame>
  )
}
