// Run by test/domain/datetime.test.ts in a child process with TZ set: prints what people would be shown,
// and the zone's offset in January (proof that the zone is in force).
import { formatDate, formatTime, timeAgo } from '../../src/domain/datetime'

const NOW = '2026-11-27T02:00:00.000Z'
const samples = [
  // Beijing 2026-03-08 02:30 is a wall-clock time that does not exist in New York (02:00 → 03:00 that night)
  formatTime('2026-03-07T18:30:00Z', NOW),
  formatTime('2026-11-26T16:05:00Z', NOW),
  formatDate('2026-12-15', NOW),
  formatDate('2025-09-30T16:30:00Z', '2025-09-30'),
  timeAgo('2026-11-27T01:57:00Z', NOW),
  // across London's and New York's clock changes
  timeAgo('2026-10-25T00:30:00Z', '2026-10-25T03:30:00Z'),
  timeAgo('2026-11-01T05:00:00Z', '2026-11-01T07:00:00Z'),
]
process.stdout.write(JSON.stringify({ offset: new Date(Date.UTC(2026, 0, 15)).getTimezoneOffset(), samples }))
