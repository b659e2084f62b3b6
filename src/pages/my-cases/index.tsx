// 办件 (tab): 我的办件, the platform's list (the device's kept copies when offline).
import { useDidShow } from '@tarojs/taro'
import { useShallow } from 'zustand/react/shallow'
import { CaseList } from '@/components/CaseList'
import { useSession } from '@/stores/app'
import { useCases } from '@/stores/app-cases'
import { dueTextOf, selectCasesNewestFirst, STATUS_TEXT } from '@/stores/cases'
import { caseUrl } from '@/stores/routes'
import { Frame } from '../Frame'
import { go, nowIso, signIn } from '../nav'

export default function CasesTab() {
  const cases = useCases(useShallow(selectCasesNewestFirst))
  const error = useCases((s) => s.listError)
  const status = useSession((s) => s.status)
  useDidShow(() => {
    void useSession
      .getState()
      .restore()
      .then(() => {
        if (useSession.getState().status === 'signed-in') void useCases.getState().loadAll()
      })
  })
  const now = nowIso()
  return (
    <Frame tab='cases'>
      <CaseList
        cases={cases.map((c) => ({ id: c.id, bundleName: c.bundleName, statusText: STATUS_TEXT[c.status], dueText: dueTextOf(c, now) }))}
        error={error}
        signedIn={status === 'signed-in' || status === 'restoring' || status === 'unknown'}
        onOpen={(id) => go(caseUrl(id))}
        onSignIn={() => signIn()}
      />
    </Frame>
  )
}
