// `npx tsx scripts/bench-reliability.ts [n]`: n submissions (default 1,000) through the mock with 20% of
// tries failing (10% 503, 5% timeouts, 5% dropped answers) and 10% sent twice; prints counts and time.
import { runReliability } from '../test/contract/support/reliability'

async function main() {
  const submissions = Number(process.argv[2] ?? 1000)
  const res = await runReliability({ submissions })
  const ok = res.succeeded === submissions && res.lost === 0 && res.casesOnServer === submissions && res.duplicatesOnServer === 0 && res.mismatchedTwins === 0
  const f = res.failedTries
  console.log(`Reliability (mock platform, POST /cases with 20% injected failures, 10% sent twice)
  submissions            ${res.submissions} (${res.sentTwice} sent twice)
  succeeded              ${res.succeeded}
  cases on the platform  ${res.casesOnServer} (unique ids ${res.uniqueCaseIds})
  lost                   ${res.lost}
  duplicated             ${res.duplicatesOnServer}
  twins answered apart   ${res.mismatchedTwins}
  tries                  ${res.tries} (503: ${f.status5xx}, timeouts: ${f.timeout}, dropped: ${f.offline}, in flight: ${f.inFlight})
  time                   ${(res.ms / 1000).toFixed(1)} s (${(res.ms / submissions).toFixed(1)} ms per submission)
  result                 ${ok ? 'PASS: exactly one case per submission' : 'FAIL'}`)
  if (!ok) process.exitCode = 1
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
