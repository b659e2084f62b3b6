// 我的办件: cases needing the citizen first, each with its state and 红黄牌 (the device's kept copies offline);
// signed out, the way to sign in.
import { useEffect } from 'react'
import { useDidShow } from '@tarojs/taro'
import { useShallow } from 'zustand/react/shallow'
import { caseListItem, sortCases } from '@/domain/case'
import { CaseListScreen } from '@/components/cases/CaseListScreen'
import { useMessages, useSession } from '@/stores/app'
import { useCases } from '@/stores/app-cases'
import { caseUrl, ROUTES } from '@/stores/routes'
import { Frame } from '../../Frame'
import { go, home } from '../../nav'
import { shownAt } from '../now'

/** the platform's list needs a sign-in; signed out, the page offers one instead */
function loadList(): void {
  if (useSession.getState().status !== 'signed-in') return
  void useCases.getState().loadAll()
  void useMessages.getState().load()
}

export default function CaseListPage() {
  const cases = useCases(useShallow((s) => Object.values(s.cases)))
  const error = useCases((s) => s.listError)
  const unread = useMessages((s) => s.unread)
  const session = useSession((s) => s.status)
  const signedIn = session === 'signed-in'
  useDidShow(loadList)
  useEffect(() => {
    void useSession.getState().restore()
  }, [])
  // signed in on this page (or the saved sign-in checked): the list then
  useEffect(() => {
    if (signedIn) loadList()
  }, [signedIn])
  const now = shownAt(cases.map((c) => c.asOf ?? '').sort().slice(-1)[0])
  return (
    <Frame>
      <CaseListScreen
        cases={sortCases(cases).map((c) => caseListItem(c, now))}
        loading={!cases.length && !error && signedIn}
        error={error}
        unread={unread}
        onOpen={(id) => go(caseUrl(id))}
        onMessages={signedIn ? () => go(ROUTES.messages) : undefined}
        onHome={home}
        signIn={signedIn ? undefined : { onSignIn: () => go(ROUTES.login), busy: session === 'unknown' || session === 'restoring' || session === 'signing-in' }}
      />
    </Frame>
  )
}
