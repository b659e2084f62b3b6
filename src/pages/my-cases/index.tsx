// 办件 (tab, main package): 我的办件 — cases needing the citizen first, each with its state and 红黄牌 (the
// device's kept copies offline). Signed out, it says what is here and offers sign-in.
import { useDeferredValue, useMemo } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { caseListItem, sortCases, type CaseListItem } from '@/domain/case'
import { CaseListScreen } from '@/components/cases/CaseListScreen'
import { useMessages, useSession } from '@/stores/app'
import { useCases } from '@/stores/app-cases'
import { caseUrl, ROUTES } from '@/stores/routes'
import { Frame } from '../Frame'
import { go, signIn } from '../nav'
import { shownAt } from '../cases/now'
import { useSame } from '../use-same'
import { useSignedInLoad } from '../use-signed-in'

const NO_CASES: CaseListItem[] = []
const openCase = (id: string) => go(caseUrl(id))
const openMessages = () => go(ROUTES.messages)
const SIGN_IN = { onSignIn: () => signIn() }

export default function CasesTab() {
  const latest = useCases(useShallow((s) => Object.values(s.cases)))
  // the list arrives in one piece: its rows render in the background, in slices, while 正在加载… stays
  const cases = useDeferredValue(latest)
  const error = useCases((s) => s.listError)
  const listed = useCases((s) => !!s.listed)
  const unread = useMessages((s) => s.unread)
  const status = useSession((s) => s.status)
  useSignedInLoad(() => {
    void useCases.getState().loadAll()
    void useMessages.getState().load()
  })
  const signedOut = status === 'signed-out'
  // the rows (memo) render again only when what they show changed, not as the session, messages or list load settle
  const items = useSame(useMemo(() => {
    const now = shownAt(cases.map((c) => c.asOf ?? '').sort().slice(-1)[0])
    return sortCases(cases).map((c) => caseListItem(c, now))
  }, [cases]))
  return (
    <Frame tab='cases' atOnce>
      <CaseListScreen
        cases={signedOut ? NO_CASES : items}
        // only a list still empty shows 正在加载… (so rows already shown do not render again as the load settles)
        loading={!signedOut && !items.length && ((!listed && !latest.length && !error) || cases !== latest)}
        error={signedOut ? undefined : error}
        unread={unread}
        onOpen={openCase}
        onMessages={signedOut ? undefined : openMessages}
        signIn={signedOut ? SIGN_IN : undefined}
      />
    </Frame>
  )
}
