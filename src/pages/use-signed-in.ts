// Tab pages stay alive between visits: what they show of the account is loaded each time the page shows
// with the citizen signed in, and as soon as a sign-in (or the start-up check of saved tokens) completes.
import { useDidShow } from '@tarojs/taro'
import { useEffect, useRef } from 'react'
import { useSession } from '@/stores/app'

export function useSignedInLoad(load: () => void): void {
  // saved tokens being checked count as signed in: the page's own requests go out with the check, not after it
  // (a sign-in that turns out to have ended answers them with the sign-in page, as for any expired token)
  const signedIn = useSession((s) => s.status === 'signed-in' || s.status === 'restoring')
  const mounted = useRef(false)
  useDidShow(() => {
    void useSession.getState().restore()
    // the first show is the mount, which the effect below covers
    if (!mounted.current) return
    if (useSession.getState().status === 'signed-in') load()
  })
  useEffect(() => {
    mounted.current = true
    if (signedIn) load()
  }, [signedIn]) // eslint-disable-line react-hooks/exhaustive-deps
}
