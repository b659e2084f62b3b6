// On a journey page, while signed in: 登录即将过期 before the sign-in ends (SessionExpiryNotice), with
// 继续使用; once ended, 重新登录 (back to this page). Drafts are on the device, so nothing typed is lost.
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { sessionExpiry } from '@/domain/session-expiry'
import { SessionExpiryNotice } from '@/components/SessionExpiryNotice'
import { useSession } from '@/stores/app'
import { isJourneyPath } from '@/stores/routes'
import { signIn } from './nav'

/** setTimeout's largest delay (about 24.8 days) */
const MAX_DELAY_MS = 2 ** 31 - 1

const inJourney = () => isJourneyPath(Taro.getCurrentInstance().router?.path ?? '')

export function SessionExpiry() {
  const endsAt = useSession((s) => s.sessionEndsAt)
  const [now, setNow] = useState(() => Date.now())
  const [busy, setBusy] = useState(false)
  const [failed, setFailed] = useState(false)
  const state = sessionExpiry(endsAt, now)
  const checkIn = state.kind === 'fine' || state.kind === 'warn' ? state.checkInMs : undefined
  useEffect(() => {
    setNow(Date.now())
  }, [endsAt])
  useEffect(() => {
    if (checkIn === undefined) return
    const timer = setTimeout(() => setNow(Date.now()), Math.min(checkIn, MAX_DELAY_MS))
    return () => clearTimeout(timer)
  }, [checkIn, now])
  if ((state.kind !== 'warn' && state.kind !== 'ended') || !inJourney()) return null
  return (
    <SessionExpiryNotice
      minutesLeft={state.kind === 'warn' ? state.minutesLeft : undefined}
      busy={busy}
      failed={failed}
      onExtend={async () => {
        setBusy(true)
        const ok = await useSession.getState().extend()
        setBusy(false)
        setFailed(!ok)
      }}
      onSignIn={() => signIn()}
    />
  )
}
