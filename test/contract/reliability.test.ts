// 200 submissions with 20% of tries failing (5xx, timeouts, dropped answers) and 10% sent twice:
// exactly 200 cases, none lost, none duplicated.
import { runReliability } from './support/reliability'

test('200 submissions through injected failures end as exactly 200 cases', async () => {
  const res = await runReliability({ submissions: 200 })
  console.log(`reliability: ${JSON.stringify(res)}`)
  expect(res.sentTwice).toBe(20)
  // the faults really happened
  expect(res.failedTries.status5xx).toBeGreaterThan(0)
  expect(res.failedTries.timeout).toBeGreaterThan(0)
  expect(res.failedTries.offline).toBeGreaterThan(0)
  expect(res).toMatchObject({ succeeded: 200, lost: 0, casesOnServer: 200, uniqueCaseIds: 200, duplicatesOnServer: 0, mismatchedTwins: 0 })
}, 60_000)
