// 我的办件: cases needing the citizen first, each with its state and 红黄牌 (the device's kept copies offline).
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

export default function CaseListPage() {
  const cases = useCases(useShallow((s) => Object.values(s.cases)))
  const error = useCases((s) => s.listError)
  const unread = useMessages((s) => s.unread)
  const signedIn = useSession((s) => s.status === 'signed-in')
  useDidShow(() => {
    void useCases.getState().loadAll()
    void useMessages.getState().load()
  })
  const now = shownAt(cases.map((c) => c.asOf ?? '').sort().slice(-1)[0])
  return (
    <Frame>
      <CaseListScreen
        cases={sortCases(cases).map((c) => caseListItem(c, now))}
        loading={!cases.length && !error && signedIn}
        error={error}
        unread={unread}
        onOpen={(id) => go(caseUrl(id))}
        onMessages={() => go(ROUTES.messages)}
        onHome={home}
      />
    </Frame>
  )
}
