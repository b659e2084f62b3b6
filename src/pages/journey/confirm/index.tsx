// 确认他人发起的申请: a co-applicant types the code the filer gave them and confirms in their own account.
import { useEffect } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { ConfirmScreen } from '@/components/screens/ConfirmScreen'
import { Heading } from '@/components/Heading'
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
        <>
          <Heading level={1}>确认他人发起的申请</Heading>
          {/* opened from a link or cold: say what the page is for before asking to sign in */}
          <SignInPrompt
            onSignIn={() => go(ROUTES.login)}
            busy={status === 'restoring' || status === 'unknown'}
            lead='另一方（如二手房的卖方）发起申请后会给您一个确认码。请用您本人的账号登录，输入确认码，查看并确认同一份申请。'
          />
        </>
      )}
    </Frame>
  )
}
