// 线上预填、线下办理's rulebook: slots from a hall's hours on working days, which slot may be booked and why
// not, when a booking lapses, and what the window may open.
import { parseScan } from '@/domain/assist'
import {
  bookingCancelRefusal,
  bookingDates,
  bookingExpiry,
  bookingDayRefusal,
  bookingOpenRefusal,
  bookingQrText,
  bookingStatus,
  dateText,
  hallSlots,
  openingPeriods,
  bookedOnlineRefusal,
  secondBookingRefusal,
  slotRefusal,
  slotText,
  standingBooking,
  type BookingFacts,
} from '@/domain/assist/booking'

const HOURS = '工作日 9:00-12:00，13:30-17:00（法定节假日除外）'
const bj = (s: string) => new Date(`${s}+08:00`).toISOString()
const NOW = bj('2026-11-26T10:05:00') // Thursday

test('opening periods are read from the hours text; slots are half-hours inside them, none on a day off', () => {
  expect(openingPeriods(HOURS)).toEqual([
    { from: 540, to: 720 },
    { from: 810, to: 1020 },
  ])
  const slots = hallSlots(HOURS, '2026-11-26')
  expect(slots).toHaveLength(13)
  expect(slots[0]).toBe(bj('2026-11-26T09:00:00'))
  expect(slots[5]).toBe(bj('2026-11-26T11:30:00'))
  expect(slots[6]).toBe(bj('2026-11-26T13:30:00'))
  expect(slots[12]).toBe(bj('2026-11-26T16:30:00'))
  expect(hallSlots(HOURS, '2026-11-28')).toEqual([]) // Saturday
  expect(hallSlots(HOURS, '2026-10-01')).toEqual([]) // 国庆
  expect(slotText(slots[6])).toBe('11月26日 周四 13:30-14:00')
  expect(dateText('2026-11-30')).toBe('11月30日 周一')
})

test('bookable dates: five working days from today, skipping weekends and holidays', () => {
  expect(bookingDates(NOW)).toEqual(['2026-11-26', '2026-11-27', '2026-11-30', '2026-12-01', '2026-12-02'])
  // late at night UTC is the next Beijing day
  expect(bookingDates('2026-11-26T17:00:00Z')[0]).toBe('2026-11-27')
  // 国庆 1–7 October is skipped (the calendar's schedule)
  expect(bookingDates(bj('2026-09-30T12:00:00'))).toEqual(['2026-09-30', '2026-10-08', '2026-10-09', '2026-10-10', '2026-10-12'])
})

test('a slot is refused when it is not the hall’s, past, too far ahead or taken — in that order of telling', () => {
  const ok = { hours: HOURS, now: NOW, taken: false }
  expect(slotRefusal({ ...ok, start: bj('2026-11-26T10:30:00') })).toBeUndefined()
  expect(slotRefusal({ ...ok, start: bj('2026-11-26T10:15:00') })).toBe('该时段不在服务大厅的办公时间内，请重新选择')
  expect(slotRefusal({ ...ok, start: bj('2026-11-26T12:00:00') })).toBe('该时段不在服务大厅的办公时间内，请重新选择')
  expect(slotRefusal({ ...ok, start: bj('2026-11-28T10:00:00') })).toBe('该时段不在服务大厅的办公时间内，请重新选择')
  expect(slotRefusal({ ...ok, start: bj('2026-11-26T10:00:00') })).toBe('该时段已过，请选择其他时段')
  expect(slotRefusal({ ...ok, start: bj('2026-12-03T10:00:00') })).toBe('只能预约 5 个工作日内的时段')
  expect(slotRefusal({ ...ok, start: bj('2026-11-26T10:30:00'), taken: true })).toBe('该时段已约满，请选择其他时段')
  expect(slotRefusal({ ...ok, start: 'soon' })).toBe('请选择预约时段')
})

test('a booking lapses an hour after its slot; the window of its hall opens it while it stands; cancelling', () => {
  const b: BookingFacts = { hallId: 'hall-430103', hallName: '长沙市天心区政务服务中心', start: bj('2026-11-26T10:30:00'), status: 'booked' }
  expect(bookingExpiry(b.start)).toBe(bj('2026-11-26T12:00:00'))
  expect(bookingStatus(b, bj('2026-11-26T11:59:59'))).toBe('booked')
  expect(bookingStatus(b, bj('2026-11-26T12:00:00'))).toBe('expired')
  expect(bookingOpenRefusal(b, 'hall-430103', NOW)).toBeUndefined()
  expect(bookingOpenRefusal(b, 'hall-430102', NOW)).toBe('该预约不在本厅办理（预约的是长沙市天心区政务服务中心），请引导申请人到预约的服务大厅')
  expect(bookingOpenRefusal(b, 'hall-430103', bj('2026-11-26T12:00:00'))).toBe('预约已过期（预约时段已过），请申请人重新预约或现场取号')
  expect(bookingOpenRefusal({ ...b, status: 'cancelled' }, 'hall-430103', NOW)).toBe('申请人已取消该预约')
  expect(bookingOpenRefusal({ ...b, status: 'done', caseId: 'HN2026112600001' }, 'hall-430103', NOW)).toBe('该预约已办理（办件 HN2026112600001）')
  // on its day only (Beijing): not the evening before (still the 25th in Beijing at 23:59), fine from midnight
  const nextWeek: BookingFacts = { ...b, start: bj('2026-12-01T09:00:00') }
  expect(bookingOpenRefusal(nextWeek, 'hall-430103', NOW)).toBe('该预约的办理日期是 12月1日 周二，预约当天才能在窗口办理，请申请人当天再来')
  expect(bookingOpenRefusal(b, 'hall-430103', bj('2026-11-25T23:59:59'))).toBe(bookingDayRefusal(b.start, bj('2026-11-25T23:59:59')))
  expect(bookingDayRefusal(b.start, bj('2026-11-25T23:59:59'))).toBe('该预约的办理日期是 11月26日 周四，预约当天才能在窗口办理，请申请人当天再来')
  expect(bookingOpenRefusal(b, 'hall-430103', bj('2026-11-26T00:00:00'))).toBeUndefined()
  // another hall is told first: the citizen is at the wrong place whatever the day
  expect(bookingOpenRefusal(nextWeek, 'hall-430102', NOW)).toMatch(/^该预约不在本厅办理/)
  expect(bookingCancelRefusal(b, NOW)).toBeUndefined()
  expect(bookingCancelRefusal({ ...b, status: 'done' }, NOW)).toBe('该预约已办理，不能取消')
  expect(bookingCancelRefusal(b, bj('2026-11-26T13:00:00'))).toBe('预约时段已过，无需取消')
})

test('a citizen’s standing booking of a bundle: not another person’s, another bundle’s, a cancelled or a lapsed one', () => {
  const base = { hallId: 'hall-430103', hallName: '长沙市天心区政务服务中心', start: bj('2026-11-26T10:30:00'), citizenId: 'u-1', bundleId: 'kaiban-canyin' }
  const bookings = [
    { ...base, id: 'YY00000001', status: 'cancelled' as const },
    { ...base, id: 'YY00000002', status: 'booked' as const, bundleId: 'xinshenger' },
    { ...base, id: 'YY00000003', status: 'booked' as const, citizenId: 'u-2' },
    { ...base, id: 'YY00000004', status: 'booked' as const },
  ]
  expect(standingBooking(bookings, 'u-1', 'kaiban-canyin', NOW)?.id).toBe('YY00000004')
  // lapsed an hour after its slot: it stands in no one's way
  expect(standingBooking(bookings, 'u-1', 'kaiban-canyin', bj('2026-11-26T12:00:00'))).toBeUndefined()
  expect(standingBooking(bookings, 'u-1', 'xinshenger', NOW)?.id).toBe('YY00000002')
  expect(standingBooking(bookings, 'u-3', 'kaiban-canyin', NOW)).toBeUndefined()
  expect(secondBookingRefusal('YY00000004')).toBe('您已预约办理该事项（预约号 YY00000004），请先取消原预约')
  expect(bookedOnlineRefusal('YY00000004')).toBe('您已预约到窗口办理该事项（预约号 YY00000004），为免重复办理，请先在“我的—我的预约”中取消预约，再在线提交')
})

test('the window reads a booking number typed or its QR scanned', () => {
  expect(parseScan(bookingQrText('YY12345678'))).toEqual({ kind: 'booking', number: 'YY12345678' })
  expect(parseScan(' yy1234 5678 ')).toEqual({ kind: 'booking', number: 'YY12345678' })
  expect(parseScan('HNYJS:BOOKING:YY1234')).toMatchObject({ kind: 'invalid', message: '预约二维码内容不完整，请让申请人刷新后重新扫描' })
  expect(parseScan('12345678')).toMatchObject({ kind: 'code' })
})
