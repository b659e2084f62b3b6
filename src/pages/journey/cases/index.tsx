// 我的办件: the platform's list (the device's kept copies when offline).
import { useEffect } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { CaseList } from '@/components/CaseList'
import { useCases } from '@/stores/app-submit'
import { dueTextOf, selectCasesNewestFirst, STATUS_TEXT } from '@/stores/cases'
import { Frame } from '../../Frame'
import { go, home, nowIso } from '../../nav'
import { doneUrl } from '../submit/SubmitSection'

export default function CasesPage() {
  const cases = useCases(useShallow(selectCasesNewestFirst))
  const error = useCases((s) => s.listError)
  useEffect(() => {
    void useCases.getState().loadAll()
  }, [])
  const now = nowIso()
  return (
    <Frame>
      <CaseList cases={cases.map((c) => ({ id: c.id, bundleName: c.bundleName, statusText: STATUS_TEXT[c.status], dueText: dueTextOf(c, now) }))} error={error} onOpen={(id) => go(doneUrl(id))} onHome={home} />
    </Frame>
  )
}
