// Working-day arithmetic over every date the law's table covers, generated rather than picked.
import * as fc from 'fast-check'
import { addWorkingDays, isWorkingDay, unpublishedYears, workingDaysBetween } from '@/domain/calendar'

const DAY_MS = 86_400_000
const FIRST = Date.UTC(2024, 0, 1)
const LAST = Date.UTC(2035, 11, 31)
const toDate = (ms: number) => new Date(ms).toISOString().slice(0, 10)
const date = fc.integer({ min: 0, max: (LAST - FIRST) / DAY_MS }).map((i) => toDate(FIRST + i * DAY_MS))
const count = fc.integer({ min: 0, max: 300 })
const dayBefore = (d: string) => toDate(Date.parse(`${d}T00:00:00Z`) - DAY_MS)

test('counting back from the due date gives the count, and the due date is the first day that does', () => {
  fc.assert(
    fc.property(date, count, (start, n) => {
      const due = addWorkingDays(start, n).date
      expect(workingDaysBetween(start, due)).toBe(n)
      expect(workingDaysBetween(due, start)).toBe(0 - n)
      if (n > 0) expect(workingDaysBetween(start, dayBefore(due))).toBe(n - 1)
    }),
  )
})

test('a due date of one or more working days is a working day: never a weekend or holiday off', () => {
  fc.assert(
    fc.property(date, fc.integer({ min: 1, max: 300 }), (start, n) => {
      expect(isWorkingDay(addWorkingDays(start, n).date)).toBe(true)
    }),
  )
})

test('monotone: a later start or a longer limit never gives an earlier due date', () => {
  fc.assert(
    fc.property(date, date, count, count, (a, b, m, n) => {
      const [s1, s2] = a <= b ? [a, b] : [b, a]
      const [n1, n2] = m <= n ? [m, n] : [n, m]
      expect(addWorkingDays(s1, n1).date <= addWorkingDays(s2, n1).date).toBe(true)
      expect(addWorkingDays(s1, n1).date <= addWorkingDays(s1, n2).date).toBe(true)
    }),
  )
})

test('additive: n + m working days is m working days after the first n', () => {
  fc.assert(
    fc.property(date, count, count, (start, n, m) => {
      expect(addWorkingDays(addWorkingDays(start, n).date, m).date).toBe(addWorkingDays(start, n + m).date)
    }),
  )
})

test('estimated exactly when a day counted lies in a year without a notice', () => {
  fc.assert(
    fc.property(date, count, (start, n) => {
      const due = addWorkingDays(start, n)
      const counted = n === 0 ? [] : unpublishedYears(toDate(Date.parse(`${start}T00:00:00Z`) + DAY_MS), due.date)
      expect(due.estimated).toBe(counted.length > 0)
    }),
  )
})

test('counting backwards is the negative of counting forwards (and never -0)', () => {
  fc.assert(
    fc.property(date, date, (a, b) => {
      expect(Object.is(workingDaysBetween(b, a), 0 - workingDaysBetween(a, b))).toBe(true)
    }),
  )
})
