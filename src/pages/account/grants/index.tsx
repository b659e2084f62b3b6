// 授权与查看记录: grants to a window or a relative, revoking them, and 谁查看了我的信息.
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useEffect } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { GrantsScreen } from '@/components/grants/GrantsScreen'
import { View } from '@tarojs/components'
import { BackLink } from '@/components/BackLink'
import { Heading } from '@/components/Heading'
import { SignInPrompt } from '@/components/SignInPrompt'
import { AppButton } from '@/components/Button'
import { Notice } from '@/components/Notice'
import { maskName } from '@/domain/mask'
import type { GrantView } from '@/services/contract'
import { useCatalogue, usePreferences, useSession } from '@/stores/app'
import { useCases } from '@/stores/app-cases'
import { useGrants } from '@/stores/app-grants'
import { queryKey } from '@/stores/catalogue'
import { caseUrl, ROUTES } from '@/stores/routes'
import { Frame } from '../../Frame'
import { go, leave, nowIso } from '../../nav'

const ALL = {}

/** 亲情帮办: this device works for the relative under their grant, then opens `url` */
async function actFor(g: GrantView, url: string): Promise<void> {
  const subject = await useGrants.getState().actFor(g)
  if (!subject) return
  useSession.getState().actFor({ actor: 'relative', grantId: g.id, citizenName: maskName(subject.profile.name), scopeLabel: g.scopeLabel, promiseAuthorised: g.promiseAuthorised }, subject.profile, subject.licences)
  go(url)
}

export default function GrantsPage() {
  const profile = useSession((s) => s.profile)
  const acting = useSession((s) => s.acting)
  const region = usePreferences((s) => s.region)
  const g = useGrants(useShallow((s) => ({ status: s.status, grants: s.grants, received: s.received, audit: s.audit, halls: s.halls, error: s.error, fieldErrors: s.fieldErrors, busy: s.busy })))
  const bundles = useCatalogue((s) => s.lists[queryKey(ALL)]?.bundles)
  // while helping a relative the session is theirs: this page shows only how to stop
  const signedIn = profile?.role === 'citizen' && !acting
  // 谁查看了我的信息 (from 我的) opens this page at its access list
  const section = useRouter().params.section === 'access' ? 'access' : undefined
  const load = () => {
    if (signedIn) void useGrants.getState().load(profile?.region ?? region)
  }
  useEffect(() => {
    if (!bundles) void useCatalogue.getState().loadBundles(ALL)
  }, []) // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(load, [signedIn]) // eslint-disable-line react-hooks/exhaustive-deps
  useDidShow(load)

  if (acting?.actor === 'relative')
    return (
      <Frame>
        <View className='ui-page'>
          <BackLink onTap={() => leave()} />
          <Heading level={1}>授权与查看记录</Heading>
          <Notice tone='info'>您正在为 {acting.citizenName} 帮办“{acting.scopeLabel}”。结束后回到您自己的账号，已填写的内容保留在本机，下次帮办时继续。</Notice>
          <AppButton
            onTap={async () => {
              useGrants.getState().stopActing()
              useCases.getState().forgetFiledFor('relative')
              // the elder's pages leave the stack first, then the session is the relative's own again
              await Taro.reLaunch({ url: ROUTES.grants })
              await useSession.getState().stopActing()
            }}
          >
            结束帮办
          </AppButton>
        </View>
      </Frame>
    )
  if (!signedIn)
    return (
      <Frame>
        <View className='ui-page'>
          <BackLink onTap={() => leave()} />
          <Heading level={1}>授权与查看记录</Heading>
          <SignInPrompt onSignIn={() => go(ROUTES.login)} />
        </View>
      </Frame>
    )
  const own = (bundles ?? []).filter((b) => b.applicantKinds.includes(profile.kind))
  const store = useGrants.getState()
  return (
    <Frame>
      <GrantsScreen
        now={nowIso()}
        loading={g.status === 'loading' || g.status === 'idle'}
        error={g.error}
        fieldErrors={g.fieldErrors}
        busy={g.busy}
        bundles={own.map((b) => ({ id: b.id, name: b.name }))}
        halls={g.halls}
        grants={g.grants}
        received={g.received}
        audit={g.audit}
        onActFor={(grant) => {
          if (grant.scope.kind === 'bundle') void actFor(grant, `${ROUTES.guide}?bundle=${encodeURIComponent(grant.scope.bundleId)}`)
        }}
        onFollow={(grant) => {
          if (grant.caseId) void actFor(grant, caseUrl(grant.caseId))
        }}
        onWindowGrant={async ({ bundleId, hallId, minutes, promiseAuthorised }) => {
          if (!bundleId) return useGrants.setState({ fieldErrors: { 'scope.bundleId': '请选择要代办的一件事' } })
          const made = await store.createWindowGrant({ scope: { kind: 'bundle', bundleId }, hallId, minutes, promiseAuthorised })
          if (made) void Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
        }}
        onRelativeGrant={async ({ bundleId, relativeMobile, relation, days, promiseAuthorised }) => {
          if (!bundleId) return useGrants.setState({ fieldErrors: { relBundle: '请选择要代办的一件事' } })
          const made = await store.createRelativeGrant({ scope: { kind: 'bundle', bundleId }, relativeMobile, relation, days, promiseAuthorised }, profile.mobile)
          if (made) void Taro.showToast({ title: '已授权亲属代办', icon: 'success' })
        }}
        onRevoke={async (grant) => {
          const res = await Taro.showModal({ title: '撤销授权', content: `撤销后，对方将立即无法继续查看和代办“${grant.scopeLabel}”。确定撤销吗？`, confirmText: '撤销', cancelText: '取消' })
          if (res.confirm) await store.revoke(grant.id)
        }}
        onRefresh={load}
        onBack={() => leave()}
        section={section}
      />
    </Frame>
  )
}
