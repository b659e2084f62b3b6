// Every page's root: applies 长辈版, asks what draft sync needs the citizen for, shows WeChat's privacy prompt
// when an API asks for it, and a loading or failure state in Chinese.
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { AppButton } from '@/components/Button'
import { Notice } from '@/components/Notice'
import { PRIVACY_AGREE_ID, PrivacyPrompt } from '@/components/PrivacyPrompt'
import { usePreferences, usePrivacy, useSession } from '@/stores/app'
import { privacyPurpose } from '@/stores/privacy'
import { ROUTES } from '@/stores/routes'
import { DraftSyncNotices } from './DraftSyncNotices'
import { go } from './nav'
import { useShown } from './use-shown'

export function Frame({ children }: { children: ReactNode }) {
  const elder = usePreferences((s) => s.elderMode)
  const privacy = usePrivacy((s) => s.pending)
  const acting = useSession((s) => s.acting)
  // only the page shown asks (the pages below it stay rendered)
  const shown = useShown()
  return (
    <View className={`app-frame ${elder ? 'elder' : ''}`}>
      {acting ? (
        <View className='ui-acting' role='status'>
          {acting.actor === 'relative' ? `正在为 ${acting.citizenName} 帮办“${acting.scopeLabel}”（亲情帮办：办件属于${acting.citizenName}，你们都能看到进度）` : `代办中：为 ${acting.citizenName} 办理“${acting.scopeLabel}”（依据申请人的授权，每一步都会告知申请人）`}
          <AppButton variant='link' onTap={() => go(acting.actor === 'relative' ? ROUTES.grants : ROUTES.staff)}>
            {acting.actor === 'relative' ? '结束或切换帮办' : '回到窗口工作台'}
          </AppButton>
        </View>
      ) : null}
      {/* acting for a citizen: their drafts are not synced on this device (nothing to ask) */}
      {shown && !acting ? <DraftSyncNotices /> : null}
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
