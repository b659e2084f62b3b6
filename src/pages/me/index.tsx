// 我的 (tab): sign in or out, the masked profile, the account's entries and 长辈版.
import { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { MeScreen, type MenuItem } from '@/components/screens/MeScreen'
import { maskIdNumber, maskMobile, maskName } from '@/domain/mask'
import { useDrafts, useMessages, usePreferences, useSession } from '@/stores/app'
import { useCases } from '@/stores/app-cases'
import { selectOpenDraftsOf } from '@/stores/draft'
import { ROUTES } from '@/stores/routes'
import { Frame } from '../Frame'
import { go, signIn } from '../nav'

export default function MeTab() {
  const status = useSession((s) => s.status)
  const profile = useSession((s) => s.profile)
  const licenceCount = useSession((s) => s.licences.length)
  const draftCount = useDrafts((s) => selectOpenDraftsOf(profile?.userId)(s).length)
  const elderMode = usePreferences((s) => s.elderMode)
  const firms = useSession((s) => s.firms)
  const firm = useSession((s) => s.firm)
  const [notice, setNotice] = useState<string>()
  const [signingOut, setSigningOut] = useState(false)
  useDidShow(() => {
    void useSession.getState().restore()
  })

  const signedIn = status === 'signed-in'
  const menu: MenuItem[] = [
    { id: 'licences', icon: 'licence', label: '我的证照', detail: signedIn ? `${licenceCount} 个电子证照` : '登录后查看', onTap: () => signedIn ? go(ROUTES.licences) : signIn(ROUTES.licences) },
    { id: 'drafts', icon: 'draft', label: '我的草稿', detail: draftCount ? `${draftCount} 份未提交` : '暂无草稿', onTap: () => go(ROUTES.drafts) },
    // 线上预填、线下办理: the bookings, their QR and 取消预约 (the page asks for a sign-in itself)
    { id: 'bookings', icon: 'clock', label: '我的预约', detail: '到服务大厅窗口办理的预约，可查看或取消', onTap: () => go(ROUTES.booking) },
    // both on 授权与查看记录 (it asks for a sign-in itself)
    { id: 'grants', icon: 'key', label: '授权管理', detail: '给窗口、家人的代办授权，随时撤销', onTap: () => go(ROUTES.grants) },
    { id: 'audit', icon: 'eye', label: '谁查看了我的信息', detail: '谁在什么时候、依据什么查看了您的信息', onTap: () => go(`${ROUTES.grants}?section=access`) },
    { id: 'help', icon: 'help', label: '帮助与客服', detail: '12345 热线、各部门咨询电话、在线咨询', onTap: () => go(ROUTES.help) },
    { id: 'privacy', icon: 'lock', label: '隐私政策', onTap: () => go(ROUTES.privacy) },
  ]

  return (
    <Frame tab='me'>
      <MeScreen
        status={signedIn ? 'signed-in' : status === 'signed-out' ? 'signed-out' : 'checking'}
        profile={profile ? { name: maskName(profile.name), mobile: maskMobile(profile.mobile), idNumber: maskIdNumber(profile.idNumber) } : undefined}
        acting={
          profile && firms.length
            ? {
                options: [
                  { value: 'self', label: `本人（${maskName(profile.name)}）`, help: '办理个人事项' },
                  ...firms.map((f) => ({ value: f.uscc, label: f.firmName, help: `您是${f.role} · 统一社会信用代码 ${f.uscc}` })),
                ],
                value: firm?.uscc ?? 'self',
                onChange: (v) => useSession.getState().chooseFirm(v === 'self' ? undefined : v),
              }
            : undefined
        }
        menu={menu}
        elderMode={elderMode}
        onElderMode={(on) => usePreferences.getState().setElderMode(on)}
        notice={notice}
        onSignIn={() => {
          setNotice(undefined)
          signIn()
        }}
        signingOut={signingOut}
        onSignOut={async () => {
          setSigningOut(true)
          await useSession.getState().logout()
          // the cases kept on this device are the account's: the next person to sign in must not see them
          useCases.getState().reset()
          useMessages.getState().reset()
          setSigningOut(false)
          setNotice('您已退出登录。本机保存的草稿仍在本机，登录后会继续同步。')
        }}
      />
    </Frame>
  )
}
