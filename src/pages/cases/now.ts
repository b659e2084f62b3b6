import { nowIso } from '../nav'

/** The time clocks are shown at: the platform's, when it answered later than the device thinks it is. */
export function shownAt(asOf?: string): string {
  const device = nowIso()
  return asOf && asOf > device ? asOf : device
}
