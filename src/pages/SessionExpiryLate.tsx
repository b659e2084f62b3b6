// H5: the sign-in expiry notice (SessionExpiry.tsx) loads once someone is signed in (Frame shows it only then),
// so a visitor's first load goes without it. SessionExpiryLate.weapp.tsx: WeChat has it in the package.
import { lazy, Suspense } from 'react'

const Late = lazy(() => import('./SessionExpiry').then((m) => ({ default: m.SessionExpiry })))

export function SessionExpiry() {
  return (
    <Suspense fallback={null}>
      <Late />
    </Suspense>
  )
}
