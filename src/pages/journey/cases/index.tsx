// 我的办件: the platform's list (the device's kept copies when offline); signed out, the way to sign in.
import { useEffect } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { CaseList } from '@/components/CaseList'
import { useSession } from '@/stores/app'
import { useCases } from '@/stores/app-submit'
import { ROUTES } from '@/stores/routes'
import { dueTextOf, selectCasesNewestFirst, STATUS_TEXT } from '@/stores/cases'
import { Frame } from '../../Frame'
import { go, home, nowIso } from '../../nav'
import { doneUrl } from '../submit/SubmitSection'

export default function CasesPage() {
  const cases = useCases(useShallow(selectCasesNewestFirst))
  const error = useCases((s) => s.listError)
  const session = useSession((s) => s.status)
  useEffect(() => {
    void useSession.getState().restore()
  }, [])
  useEffect(() => {
    if (session === 'signed-in') void useCases.getState().loadAll()
  }, [session])
  const now = nowIso()
  return (
    <Frame>
      <CaseList cases={cases.map((c) => ({ id: c.id, bundleName: c.bundleName, statusText: STATUS_TEXT[c.status], dueText: dueTextOf(c, now) }))} error={error} onOpen={(id) => go(doneUrl(id))} onHome={home} signIn={session === 'signed-in' ? undefined : { onSignIn: () => go(ROUTES.login), busy: session === 'unknown' || session === 'restoring' || session === 'signing-in' }} />
    </Frame>
  )
}
