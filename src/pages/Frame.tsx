// Every page's root: applies 长辈版, asks what draft sync needs the citizen for, and shows a loading or
// failure state in Chinese.
import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { AppButton } from '@/components/Button'
import { Notice } from '@/components/Notice'
import { usePreferences } from '@/stores/app'
import { DraftSyncNotices } from './DraftSyncNotices'
import { useShown } from './use-shown'

export function Frame({ children }: { children: ReactNode }) {
  const elder = usePreferences((s) => s.elderMode)
  // only the page shown asks (the pages below it stay rendered)
  const shown = useShown()
  return (
    <View className={`app-frame ${elder ? 'elder' : ''}`}>
      {shown ? <DraftSyncNotices /> : null}
      {children}
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
