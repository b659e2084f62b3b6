// 线上预填、线下办理: a citizen books a half-hour slot at a service hall to finish a prefilled application at the
// window. One rulebook: the app checks a slot with these functions before sending, the platform refuses with
// the same words. Pure: the current time is passed in; slots are Beijing wall-clock times.
import { isWorkingDay, toBeijingDate } from '../calendar'

export const SLOT_MINUTES = 30
/** how many working days ahead (today included) a slot may be booked */
export const BOOKING_DAYS = 5
/** a booking opens at the window until this long after its slot ends */
export const BOOKING_GRACE_MINUTES = 60
export { BOOKING_NUMBER, BOOKING_QR_PREFIX } from './scan'
import { BOOKING_QR_PREFIX } from './scan'

export type BookingStatus = 'booked' | 'cancelled' | 'done' | 'expired'
export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = { booked: '已预约', cancelled: '已取消', done: '已办理', expired: '已过期' }

const MINUTE = 60_000
const BEIJING = '+08:00'

/** A booking as the citizen (with its QR while it stands) or the window (whose it is, masked) sees it. */
export interface BookingView {
  /** 预约号 (YY + 8 digits), sample data */
  id: string
  bundleId: string
  bundleName: string
  hallId: string
  hallName: string
  hallAddress: string
  start: string
  end: string
  status: BookingStatus
  createdAt: string
  /** only to the citizen while it stands */
  qrText?: string
  /** the case the window filed from it */
  caseId?: string
  /** the window sees whose it is, masked */
  citizen?: { name: string; idNumber: string }
}

export function bookingQrText(number: string): string {
  return BOOKING_QR_PREFIX + number
}

/** The hall's opening periods as minutes after midnight, read from its hours text ("工作日 9:00-12:00，13:30-17:00…"). */
export function openingPeriods(hours: string): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = []
  for (const m of hours.matchAll(/(\d{1,2}):(\d{2})\s*[-–~至]\s*(\d{1,2}):(\d{2})/g)) out.push({ from: +m[1] * 60 + +m[2], to: +m[3] * 60 + +m[4] })
  return out
}

const pad = (n: number) => String(n).padStart(2, '0')
/** ISO instant of a Beijing date and minute of the day */
const slotAt = (date: string, minute: number) => new Date(`${date}T${pad(Math.floor(minute / 60))}:${pad(minute % 60)}:00${BEIJING}`).toISOString()

/** The next BOOKING_DAYS working days, today first (Beijing dates). */
export function bookingDates(now: string): string[] {
  const out: string[] = []
  let day = Date.parse(`${toBeijingDate(now)}T00:00:00${BEIJING}`)
  while (out.length < BOOKING_DAYS) {
    const date = new Date(day + 8 * 60 * MINUTE).toISOString().slice(0, 10)
    if (isWorkingDay(date)) out.push(date)
    day += 24 * 60 * MINUTE
  }
  return out
}

/** Every slot start of a hall on a Beijing date (none on a day off). */
export function hallSlots(hours: string, date: string): string[] {
  if (!isWorkingDay(date)) return []
  const out: string[] = []
  for (const p of openingPeriods(hours)) for (let m = p.from; m + SLOT_MINUTES <= p.to; m += SLOT_MINUTES) out.push(slotAt(date, m))
  return out
}

export function slotEnd(start: string): string {
  return new Date(Date.parse(start) + SLOT_MINUTES * MINUTE).toISOString()
}

const beijing = (iso: string) => new Date(Date.parse(iso) + 8 * 60 * MINUTE)
const hm = (d: Date) => `${d.getUTCHours()}:${pad(d.getUTCMinutes())}`

/** "12月2日 周三" of a Beijing date (YYYY-MM-DD) */
export function dateText(date: string): string {
  const d = new Date(`${date}T00:00:00Z`)
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 周${'日一二三四五六'[d.getUTCDay()]}`
}

/** "9:30-10:00" in Beijing time */
export function slotTimeText(start: string): string {
  const b = beijing(start)
  return `${hm(b)}-${hm(new Date(b.getTime() + SLOT_MINUTES * MINUTE))}`
}

/** "12月2日 周三 9:30-10:00" in Beijing time */
export function slotText(start: string): string {
  return `${dateText(toBeijingDate(start))} ${slotTimeText(start)}`
}

/** Why a slot cannot be booked: not one of the hall's, past, too far ahead, or taken. */
export function slotRefusal(input: { hours: string; start: string; now: string; taken: boolean }): string | undefined {
  const { hours, start, now, taken } = input
  const ms = Date.parse(start)
  if (Number.isNaN(ms)) return '请选择预约时段'
  const date = toBeijingDate(start)
  if (!hallSlots(hours, date).includes(new Date(ms).toISOString())) return '该时段不在服务大厅的办公时间内，请重新选择'
  if (ms <= Date.parse(now)) return '该时段已过，请选择其他时段'
  if (!bookingDates(now).includes(date)) return `只能预约 ${BOOKING_DAYS} 个工作日内的时段`
  if (taken) return '该时段已约满，请选择其他时段'
  return undefined
}

export function bookingExpiry(start: string): string {
  return new Date(Date.parse(start) + (SLOT_MINUTES + BOOKING_GRACE_MINUTES) * MINUTE).toISOString()
}

export interface BookingFacts {
  hallId: string
  hallName: string
  start: string
  status: 'booked' | 'cancelled' | 'done'
  caseId?: string
}

export function bookingStatus(b: BookingFacts, now: string): BookingStatus {
  if (b.status !== 'booked') return b.status
  return Date.parse(now) >= Date.parse(bookingExpiry(b.start)) ? 'expired' : 'booked'
}

/** Why the window of `hallId` cannot open this booking now. */
export function bookingOpenRefusal(b: BookingFacts, hallId: string | undefined, now: string): string | undefined {
  if (b.hallId !== hallId) return `该预约不在本厅办理（预约的是${b.hallName}），请引导申请人到预约的服务大厅`
  switch (bookingStatus(b, now)) {
    case 'cancelled':
      return '申请人已取消该预约'
    case 'done':
      return `该预约已办理（办件 ${b.caseId ?? ''}）`
    case 'expired':
      return '预约已过期（预约时段已过），请申请人重新预约或现场取号'
    default:
      return bookingDayRefusal(b.start, now)
  }
}

/** Why a booking is not opened yet: the window opens it on its day (Beijing), not days early. */
export function bookingDayRefusal(start: string, now: string): string | undefined {
  const day = toBeijingDate(start)
  if (toBeijingDate(now) < day) return `该预约的办理日期是 ${dateText(day)}，预约当天才能在窗口办理，请申请人当天再来`
  return undefined
}

/** The citizen's booking of a bundle that still stands (at most one: a second is refused). */
export function standingBooking<B extends BookingFacts & { citizenId: string; bundleId: string }>(bookings: B[], citizenId: string, bundleId: string, now: string): B | undefined {
  return bookings.find((b) => b.citizenId === citizenId && b.bundleId === bundleId && bookingStatus(b, now) === 'booked')
}

/** Why a second booking of the same bundle is refused. */
export function secondBookingRefusal(standingId: string): string {
  return `您已预约办理该事项（预约号 ${standingId}），请先取消原预约`
}

/** Why the bundle is not submitted online while a booking of it stands: the window would file it a second time. */
export function bookedOnlineRefusal(standingId: string): string {
  return `您已预约到窗口办理该事项（预约号 ${standingId}），为免重复办理，请先在“我的—我的预约”中取消预约，再在线提交`
}

/** Why the citizen cannot cancel it (cancelling twice is harmless). */
export function bookingCancelRefusal(b: BookingFacts, now: string): string | undefined {
  const s = bookingStatus(b, now)
  if (s === 'done') return '该预约已办理，不能取消'
  if (s === 'expired') return '预约时段已过，无需取消'
  return undefined
}
