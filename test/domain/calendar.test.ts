import {
  HOLIDAY_SCHEDULES,
  addWorkingDays,
  deadlineStatus,
  isEstimatedYear,
  isWorkingDay,
  toBeijingDate,
  workingDaysBetween,
} from '@/domain/calendar'

describe('isWorkingDay', () => {
  test.each([
    // National Day + Mid-autumn 2025: Oct 1–8 off, Sunday Sep 28 and Saturday Oct 11 are make-up days
    ['2025-09-28', true],
    ['2025-09-30', true],
    ['2025-10-01', false],
    ['2025-10-06', false],
    ['2025-10-08', false],
    ['2025-10-09', true],
    ['2025-10-11', true],
    ['2025-10-12', false],
    // Spring Festival 2026: Feb 15–23 off, Saturdays Feb 14 and Feb 28 worked
    ['2026-02-14', true],
    ['2026-02-16', false],
    ['2026-02-23', false],
    ['2026-02-24', true],
    ['2026-02-28', true],
    // New Year 2026: Jan 1–3 off, Sunday Jan 4 worked
    ['2026-01-02', false],
    ['2026-01-04', true],
    // ordinary week
    ['2026-11-27', true],
    ['2026-11-28', false],
    ['2026-11-29', false],
  ])('%s → %s', (date, working) => {
    expect(isWorkingDay(date)).toBe(working)
  })

  // Statutory days: 11 in 2024, 13 from 2025 (两天 added to 春节 and 劳动节). Weekdays minus those.
  test.each([
    [2024, 251],
    [2025, 248],
    [2026, 248],
  ])('%i has %i working days', (year, count) => {
    expect(workingDaysBetween(`${year - 1}-12-31`, `${year}-12-31`)).toBe(count)
  })

  test('every make-up day in the table is a weekend and every range is ordered', () => {
    for (const [year, s] of Object.entries(HOLIDAY_SCHEDULES)) {
      for (const d of s.work) {
        const weekday = new Date(`${d}T00:00:00Z`).getUTCDay()
        expect([d, weekday === 0 || weekday === 6]).toEqual([d, true])
        expect(d.startsWith(year)).toBe(true)
      }
      for (const [from, to] of s.off) expect(from <= to).toBe(true)
    }
  })

  test('rejects malformed and impossible dates', () => {
    expect(() => isWorkingDay('2025-02-30')).toThrow(RangeError)
    expect(() => isWorkingDay('2025/10/01')).toThrow(RangeError)
  })
})

describe('addWorkingDays', () => {
  test.each([
    // Friday + 1 → Monday
    ['2026-11-27', 1, '2026-11-30'],
    // submitted on a Saturday: the first working day after it is Monday
    ['2026-11-28', 1, '2026-11-30'],
    ['2026-11-27', 5, '2026-12-04'],
    // 0 days = 即办件, same day (even a weekend)
    ['2026-11-27', 0, '2026-11-27'],
    ['2026-11-28', 0, '2026-11-28'],
    // National Day 2025
    ['2025-09-30', 1, '2025-10-09'],
    ['2025-09-30', 3, '2025-10-11'], // make-up Saturday counts
    ['2025-09-30', 4, '2025-10-13'],
    ['2025-09-26', 1, '2025-09-28'], // make-up Sunday counts
    // Spring Festival 2026
    ['2026-02-13', 1, '2026-02-14'],
    ['2026-02-13', 2, '2026-02-24'],
    ['2026-02-13', 6, '2026-02-28'],
    ['2026-02-13', 7, '2026-03-02'],
    // 食品小经营许可, 10 working days, across National Day 2026
    ['2026-09-28', 10, '2026-10-16'], // Sep 29, 30, Oct 8, 9, 10 (make-up Sat), 12–16
  ])('%s + %i → %s', (start, n, due) => {
    expect(addWorkingDays(start, n)).toEqual({ date: due, estimated: false })
  })

  test('a deadline reaching into an unpublished year is marked estimated', () => {
    expect(isEstimatedYear(2027)).toBe(true)
    expect(isEstimatedYear(2026)).toBe(false)
    // 2027 from the law until the notice is added: 元旦 (a Friday) is off
    expect(addWorkingDays('2026-12-30', 5)).toEqual({ date: '2027-01-07', estimated: true })
    expect(addWorkingDays('2026-12-01', 10)).toEqual({ date: '2026-12-15', estimated: false })
  })

  test('negative or fractional counts are programming errors', () => {
    expect(() => addWorkingDays('2026-11-27', -1)).toThrow(RangeError)
    expect(() => addWorkingDays('2026-11-27', 1.5)).toThrow(RangeError)
  })
})

describe('workingDaysBetween', () => {
  test.each([
    ['2026-11-27', '2026-11-30', 1],
    ['2026-11-30', '2026-11-27', -1],
    ['2026-11-28', '2026-11-29', 0],
    ['2026-11-27', '2026-11-27', 0],
    ['2025-09-30', '2025-10-11', 3],
    ['2025-10-11', '2025-09-30', -3],
    ['2026-02-13', '2026-03-02', 7],
  ])('%s → %s = %i', (from, to, n) => {
    expect(workingDaysBetween(from, to)).toBe(n)
  })

  test('inverts addWorkingDays across holidays and weekends', () => {
    const starts = ['2025-09-26', '2025-09-27', '2025-09-30', '2025-10-04', '2026-02-13', '2026-02-15', '2026-12-24']
    for (const start of starts) {
      for (const n of [0, 1, 2, 5, 10, 20]) {
        expect([start, n, workingDaysBetween(start, addWorkingDays(start, n).date)]).toEqual([start, n, n])
      }
    }
  })
})

describe('toBeijingDate', () => {
  test.each([
    ['2025-09-30T16:30:00Z', '2025-10-01'],
    ['2025-09-30T15:59:59.999Z', '2025-09-30'],
    ['2025-10-01T00:30:00+08:00', '2025-10-01'],
    ['2025-09-30T20:00:00-05:00', '2025-10-01'],
    ['2025-10-01T08:00:00', '2025-10-01'],
    ['2025-10-01', '2025-10-01'],
  ])('%s → %s', (iso, date) => {
    expect(toBeijingDate(iso)).toBe(date)
  })

  test.each(['yesterday', '2025-02-30', '2025-02-30T10:00:00', ''])('%s throws', (bad) => {
    expect(() => toBeijingDate(bad)).toThrow(RangeError)
  })
})

describe('deadlineStatus', () => {
  // Due Friday 2026-12-11.
  const due = '2026-12-11'
  const base = { submittedAt: '2026-11-27T09:00:00+08:00', dueDate: due }

  test.each([
    // 10 committed days: 20% = 2 days
    [10, '2026-12-08', 'on-time'], // 3 left
    [10, '2026-12-09', 'yellow'], // 2 left = 20%
    [10, '2026-12-10', 'yellow'], // 1 left
    [10, '2026-12-11', 'yellow'], // due today, not yet overdue
    [10, '2026-12-12', 'red'], // Saturday after a Friday due date
    [10, '2026-12-14', 'red'],
    // 20 committed days: 20% = 4 days
    [20, '2026-12-04', 'on-time'], // 5 left
    [20, '2026-12-07', 'yellow'], // 4 left
    // 3 committed days: the 1-day rule decides (20% would be 0.6)
    [3, '2026-12-09', 'on-time'], // 2 left
    [3, '2026-12-10', 'yellow'], // 1 left
  ])('committed %i, today %s → %s', (committedDays, today, status) => {
    expect(deadlineStatus({ ...base, committedDays, today })).toBe(status)
  })

  test('a weekend before the due date does not count as time left', () => {
    // Saturday, due Monday: one working day left
    expect(deadlineStatus({ submittedAt: '2026-11-16', dueDate: '2026-11-30', today: '2026-11-28', committedDays: 10 })).toBe('yellow')
  })

  test('a holiday shrinks the time left', () => {
    // Nine calendar days but only one working day (Oct 9) before the due date.
    expect(deadlineStatus({ submittedAt: '2025-09-22', dueDate: '2025-10-09', today: '2025-09-30', committedDays: 10 })).toBe('yellow')
  })

  test('committed time defaults to submission → due date', () => {
    // submitted Nov 27 → 10 working days; submitted Nov 13 → 20; 4 days left on Dec 7
    expect(deadlineStatus({ submittedAt: '2026-11-27T09:00:00+08:00', dueDate: due, today: '2026-12-07' })).toBe('on-time')
    expect(deadlineStatus({ submittedAt: '2026-11-13T09:00:00+08:00', dueDate: due, today: '2026-12-07' })).toBe('yellow')
  })

  test('thresholds are parameters', () => {
    const strict = { ...base, committedDays: 10, yellowDays: 0, yellowRatio: 0 }
    expect(deadlineStatus({ ...strict, today: '2026-12-10' })).toBe('on-time')
    expect(deadlineStatus({ ...strict, today: '2026-12-11' })).toBe('yellow')
    expect(deadlineStatus({ ...base, committedDays: 10, yellowRatio: 0.5, today: '2026-12-07' })).toBe('yellow')
  })
})
