// 确认他人发起的申请: a co-applicant types the code the filer gave them and confirms in their own account.
import { useEffect } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { ConfirmScreen } from '@/components/screens/ConfirmScreen'
import { SignInPrompt } from '@/components/SignInPrompt'
import { useSession } from '@/stores/app'
import { useParties } from '@/stores/app-submit'
import { ROUTES } from '@/stores/journey'
import { Frame } from '../../Frame'
import { go, leave } from '../../nav'

export default function ConfirmPage() {
  const parties = useParties(useShallow((s) => ({ viewed: s.viewed, confirmed: s.confirmed, busy: s.busy, error: s.error, lookup: s.lookup, confirm: s.confirm })))
  const status = useSession((s) => s.status)
  const restore = useSession((s) => s.restore)
  useEffect(() => {
    void restore()
    return () => useParties.getState().clear()
  }, [restore])
  return (
    <Frame>
      {status === 'signed-in' ? (
        <ConfirmScreen {...parties} onLookup={(code) => void parties.lookup(code)} onConfirm={() => void parties.confirm()} onBack={leave} />
      ) : (
        <SignInPrompt onSignIn={() => go(ROUTES.login)} busy={status === 'restoring' || status === 'unknown'} />
      )}
    </Frame>
  )
}
