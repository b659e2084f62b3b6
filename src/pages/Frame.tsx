// Every page's root: applies 长辈版; on H5 makes sure the page shown is the one the address names, moves focus
// to its heading when it is shown and draws the tab bar on tab pages (WeChat draws its own); shows the acting
// banner while a window or relative acts for the citizen, asks what draft sync needs the citizen for, shows
// WeChat's privacy prompt when an API asks for it; a loading or failure state in Chinese.
import Taro, { useDidShow } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { startTransition, useEffect, useState, type ReactNode } from 'react'
import { AppButton } from '@/components/Button'
import { Notice } from '@/components/Notice'
import { PRIVACY_AGREE_ID, PrivacyPrompt } from '@/components/PrivacyPrompt'
import { focusPageHeading } from '@/components/reveal'
import { TabBar } from '@/components/TabBar'
import { useDrafts, useMessages, usePreferences, usePrivacy, useSession } from '@/stores/app'
import { privacyPurpose } from '@/stores/privacy'
import { ROUTES, TABS, type TabName } from '@/stores/routes'
import { DraftSyncNotices } from './DraftSyncNotices'
import { SessionExpiry } from './SessionExpiryLate'
import { addressDrift, go, replace } from './nav'
import { useShown } from './use-shown'

const isH5 = process.env.TARO_ENV === 'h5'
let frames = 0
/** the app's first page starts at the top by itself: focus moves to headings only after a navigation */
let launched = false

function WechatPrivacy() {
  const privacy = usePrivacy((s) => s.pending)
  if (!privacy) return null
  return (
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
  )
}

const MESSAGES_TAB = TABS.findIndex((t) => t.name === 'messages')

/**
 * `atOnce`: the page shows no draft (我的办件, 办件详情 from the kept copies), so its body does not wait for the
 * saved drafts to be read.
 */
export function Frame({ children, tab, atOnce }: { children: ReactNode; tab?: TabName; atOnce?: boolean }) {
  const elder = usePreferences((s) => s.elderMode)
  // the unread count of 消息 on its tab (the tab pages and home load it)
  const unread = useMessages((s) => s.unread)
  const signedIn = useSession((s) => s.status === 'signed-in')
  const acting = useSession((s) => s.acting)
  // only the page shown asks (the pages below it stay rendered)
  const shown = useShown()
  const count = tab && signedIn ? unread : 0
  useEffect(() => {
    // WeChat draws the badge on its own tab bar, and only lets a tab page set it
    if (process.env.TARO_ENV !== 'weapp' || !tab) return
    if (count) void Taro.setTabBarBadge({ index: MESSAGES_TAB, text: count > 99 ? '99+' : String(count) }).catch(() => undefined)
    else void Taro.removeTabBarBadge({ index: MESSAGES_TAB }).catch(() => undefined)
  }, [tab, count])
  const [id] = useState(() => `frame-${++frames}`)
  // H5: the first commit draws the frame alone and the page's body follows in a transition, which React renders
  // in slices of a few milliseconds: a page's first render (hundreds of Taro component fibers) never holds the
  // main thread long enough to delay a tap (Lighthouse's blocking time). The heading gets focus when it arrives.
  // Start-up's reads wait for this render (services/first-paint.ts), so their answers do not restart it.
  const [bodyShown, setBodyShown] = useState(!isH5)
  useEffect(() => {
    if (!bodyShown) startTransition(() => setBodyShown(true))
  }, [bodyShown])
  // H5: the drafts saved on the device are read by a late chunk: no page shows (or starts) a draft before
  // (stores/draft-reader.ts; at once when none are saved, and always on WeChat)
  const draftsReady = useDrafts((s) => atOnce || s.ready)
  useDidShow(() => {
    // H5: the address names another page than this one (a link opened over it): open what the address names
    const drift = addressDrift()
    if (drift) return replace(drift)
    if (isH5 && launched) focusPageHeading(id)
    launched = true
  })
  // a page that showed 正在加载… first gets its heading focused when it arrives in this frame
  useEffect(() => {
    if (isH5) focusPageHeading(id, true)
  }, [id])
  return (
    <View id={id} className={`app-frame ${elder ? 'elder' : ''} ${tab && isH5 ? 'app-frame--tabs' : ''}`}>
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
      {shown && signedIn && !acting ? <SessionExpiry /> : null}
      {bodyShown && draftsReady ? children : null}
      {tab && isH5 ? <TabBar tabs={TABS.map((t) => ({ ...t, badge: t.name === 'messages' ? count : undefined }))} current={tab} onSelect={(name) => go(ROUTES[name as TabName])} /> : null}
      {/* the prompt and its toast exist only on WeChat: H5 loads none of it */}
      {process.env.TARO_ENV === 'weapp' ? <WechatPrivacy /> : null}
    </View>
  )
}

export function Loading({ error, onRetry, onHome, atOnce }: { error?: string; onRetry?: () => void; onHome?: () => void; atOnce?: boolean }) {
  return (
    <Frame atOnce={atOnce}>
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
