// H5: the sign-in expiry notice (SessionExpiry.tsx) loads once someone is signed in (Frame shows it only then)
// on a journey page (elsewhere there is no typing to lose and it shows nothing), so a visitor's first load and
// the tab pages go without it. The address names the page shown (hash routing). SessionExpiryLate.weapp.tsx:
// WeChat has it in the package.
import { lazy, Suspense } from 'react'
import { isJourneyPath } from '@/stores/routes'

const Late = lazy(() => import('./SessionExpiry').then((m) => ({ default: m.SessionExpiry })))

export function SessionExpiry() {
  return isJourneyPath(window.location.hash) ? (
    <Suspense fallback={null}>
      <Late />
    </Suspense>
  ) : null
}
