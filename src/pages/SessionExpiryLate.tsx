// H5: the sign-in expiry notice (SessionExpiry.tsx) loads once someone is signed in (Frame shows it only then),
// so a visitor's first load goes without it. Its chunk is asked for in a background render of its own, not in
// the sign-in's update (a blocking render of every page that reads the session). SessionExpiryLate.weapp.tsx:
// WeChat has it in the package.
import { lazy, startTransition, Suspense, useEffect, useState } from 'react'

const Late = lazy(() => import('./SessionExpiry').then((m) => ({ default: m.SessionExpiry })))

export function SessionExpiry() {
  const [wanted, setWanted] = useState(false)
  useEffect(() => startTransition(() => setWanted(true)), [])
  return wanted ? (
    <Suspense fallback={null}>
      <Late />
    </Suspense>
  ) : null
}
