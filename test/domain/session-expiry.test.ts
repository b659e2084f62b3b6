import { SESSION_WARN_BEFORE_MS, sessionExpiry } from '@/domain'

const END = Date.UTC(2026, 11, 1, 10, 0, 0)
const MIN = 60_000

test('no end known: nothing to say', () => {
  expect(sessionExpiry(undefined, END)).toEqual({ kind: 'unknown' })
  expect(sessionExpiry(Number.NaN, END)).toEqual({ kind: 'unknown' })
})

test('well before the end: quiet, and looks again when the warning is due', () => {
  expect(sessionExpiry(END, END - 60 * MIN)).toEqual({ kind: 'fine', checkInMs: 55 * MIN })
  expect(sessionExpiry(END, END - SESSION_WARN_BEFORE_MS - 1)).toEqual({ kind: 'fine', checkInMs: 1 })
})

test('within five minutes of the end: warns, minutes rounded up, never "0 分钟" before the end', () => {
  expect(sessionExpiry(END, END - SESSION_WARN_BEFORE_MS)).toEqual({ kind: 'warn', minutesLeft: 5, checkInMs: 30_000 })
  expect(sessionExpiry(END, END - 4 * MIN - 1)).toMatchObject({ kind: 'warn', minutesLeft: 5 })
  expect(sessionExpiry(END, END - 90_000)).toMatchObject({ kind: 'warn', minutesLeft: 2 })
  expect(sessionExpiry(END, END - 1000)).toEqual({ kind: 'warn', minutesLeft: 1, checkInMs: 1000 })
})

test('at or after the end: ended', () => {
  expect(sessionExpiry(END, END)).toEqual({ kind: 'ended' })
  expect(sessionExpiry(END, END + MIN)).toEqual({ kind: 'ended' })
})

test('the warning lead can be chosen', () => {
  expect(sessionExpiry(END, END - 9 * MIN, 10 * MIN)).toMatchObject({ kind: 'warn', minutesLeft: 9 })
})
