// 线上预填、线下办理 on the platform: a hall's slots, booking one with the prefilled application (the same rule
// and words as the app: slotRefusal), one booking a slot, cancelling, and the window opening it under a grant
// limited to it (another hall, expired, cancelled refused), filing from it, the citizen seeing the case.
import { bookedOnlineRefusal, bookingDayRefusal, bookingOpenRefusal, hallSlots, secondBookingRefusal, slotRefusal, SLOT_MINUTES } from '@/domain/assist/booking'
import type { DraftContent } from '@/domain/draft'
import type { BundleTemplate } from '@/domain/template/types'
import type { Signature } from '@/services/contract'
import { newDraftId, newIdempotencyKey, PlatformError } from '@/services/platform'
import { actingCast, catalogueTemplate, fileOf, fillDraft, start, START, type Running, type TestClient } from './support/harness'

let r: Running
let t: BundleTemplate
let elder: TestClient
let other: TestClient
let staffHere: TestClient // 天心区
let staffThere: TestClient // 芙蓉区
let content: DraftContent

const HALL = 'hall-430103'
const HOURS = '工作日 9:00-12:00，13:30-17:00（法定节假日除外）'
const SIGNATURE: Signature = { width: 300, height: 120, strokes: [[[20, 80], [60, 40], [100, 90], [150, 30], [200, 85], [260, 40]]] }
// START is Thursday 2026-11-26 10:00 Beijing
const at = (hm: string, date = '2026-11-26') => new Date(`${date}T${hm}:00+08:00`).toISOString()

async function failure(p: Promise<unknown>): Promise<PlatformError> {
  const e = await p.then(() => undefined, (x: unknown) => x)
  expect(e).toBeInstanceOf(PlatformError)
  return e as PlatformError
}

beforeAll(async () => {
  r = await start()
  t = catalogueTemplate('kaiban-canyin')
  ;({ elder, relative: other, staffHere, staffThere } = await actingCast(r))
  const profile = await elder.me()
  const upload = async (materialId: string, accept: string[]) => {
    const f = fileOf(accept[0] ?? 'pdf')
    return (await elder.uploadFile({ bundleId: t.id, materialId, file: { name: f.name, type: f.mime, data: f.data } })).fileId
  }
  content = await fillDraft(t, { profile, licences: [], upload, prefer: ['upload', 'shared', 'promise', 'defer'] })
})
afterAll(() => r.stop())

test('a hall offers half-hour slots in its hours on working days; past ones are not free', async () => {
  const s = await elder.hallSlots(HALL)
  expect(s.hall).toMatchObject({ id: HALL, hours: HOURS })
  expect(s.dates[0]).toBe('2026-11-26')
  // Saturday 28 and Sunday 29 are not offered
  expect(s.dates).toEqual(['2026-11-26', '2026-11-27', '2026-11-30', '2026-12-01', '2026-12-02'])
  expect(s.slots.map((x) => x.start)).toEqual(hallSlots(HOURS, '2026-11-26'))
  expect(s.slots).toHaveLength(6 + 7)
  expect(s.slots[0]).toEqual({ start: at('09:00'), end: at('09:30'), free: false })
  expect(s.slots.find((x) => x.start === at('10:30'))).toMatchObject({ free: true })
  expect(Date.parse(s.slots[0].end) - Date.parse(s.slots[0].start)).toBe(SLOT_MINUTES * 60_000)
  expect((await elder.hallSlots(HALL, '2026-11-28')).slots).toEqual([])
  expect((await failure(elder.hallSlots('hall-nowhere'))).status).toBe(404)
})

test('booking checks the slot with the rulebook’s words: past, outside hours, too far, full; one booking a slot', async () => {
  const book = (slot: string, who = elder) => who.createBooking({ hallId: HALL, start: slot, content })
  const past = await failure(book(at('09:30')))
  expect(past.fieldErrors).toEqual({ start: slotRefusal({ hours: HOURS, start: at('09:30'), now: new Date(START).toISOString(), taken: false }) })
  expect(past.message).toBe('该时段已过，请选择其他时段')
  expect((await failure(book(at('12:30')))).message).toBe('该时段不在服务大厅的办公时间内，请重新选择')
  expect((await failure(book(at('10:00', '2026-12-03')))).message).toBe('只能预约 5 个工作日内的时段')
  expect((await failure(elder.createBooking({ hallId: 'hall-nowhere', start: at('10:30'), content }))).fieldErrors).toEqual({ hallId: '没有找到该服务大厅，请重新选择' })

  const b = await book(at('10:30'))
  expect(b).toMatchObject({ hallId: HALL, start: at('10:30'), end: at('11:00'), status: 'booked', qrText: `HNYJS:BOOKING:${b.id}`, bundleName: t.name })
  expect(b.id).toMatch(/^YY\d{8}$/)
  // the slot is taken for everyone now
  const full = await failure(book(at('10:30'), other))
  expect(full.status).toBe(409)
  expect(full.fieldErrors).toEqual({ start: '该时段已约满，请选择其他时段' })
  expect((await elder.hallSlots(HALL)).slots.find((x) => x.start === at('10:30'))?.free).toBe(false)
  // one standing booking per bundle
  expect((await failure(book(at('11:00')))).message).toBe(secondBookingRefusal(b.id))
  // the same request again (a lost answer) is the same booking, not a second one
  const key = newIdempotencyKey()
  const o1 = await other.createBooking({ hallId: HALL, start: at('11:00'), content }, key)
  const o2 = await other.createBooking({ hallId: HALL, start: at('11:00'), content }, key)
  expect(o2.id).toBe(o1.id)
  expect((await other.listBookings()).map((x) => x.id)).toEqual([o1.id])

  // cancelling frees the slot; twice is harmless; the window cannot open it
  const cancelled = await other.cancelBooking(o1.id)
  expect(cancelled).toMatchObject({ status: 'cancelled' })
  expect(cancelled.qrText).toBeUndefined()
  expect((await other.cancelBooking(o1.id)).status).toBe('cancelled')
  expect((await elder.hallSlots(HALL)).slots.find((x) => x.start === at('11:00'))?.free).toBe(true)
  const gone = await failure(staffHere.openBooking(o1.id))
  expect(gone.status).toBe(403)
  expect(gone.message).toBe('申请人已取消该预约')
  // someone else's booking: the same answer as none
  expect((await failure(other.cancelBooking(b.id))).status).toBe(404)
})

test('the window opens a booking of its hall under a grant limited to it, files it, and the citizen has the case', async () => {
  const b = (await elder.listBookings()).find((x) => x.status === 'booked')!
  // a citizen on the window's route; another hall; a number that is not one
  expect((await failure(elder.openBooking(b.id))).status).toBe(403)
  const there = await failure(staffThere.openBooking(b.id))
  expect(there.status).toBe(403)
  expect(there.message).toBe(bookingOpenRefusal({ hallId: HALL, hallName: '长沙市天心区政务服务中心', start: b.start, status: 'booked' }, 'hall-430102', new Date(START).toISOString()))
  expect((await failure(staffHere.openBooking('YY1'))).fieldErrors).toEqual({ number: '预约号为 YY 加 8 位数字' })
  expect((await failure(staffHere.openBooking('YY00000000'))).status).toBe(404)

  const opened = await staffHere.openBooking(` ${b.id.toLowerCase()} `)
  expect(opened.booking).toMatchObject({ id: b.id, citizen: { name: '王*明' } })
  expect(opened.booking.citizen?.idNumber).toMatch(/\*/)
  expect(opened.booking.qrText).toBeUndefined()
  expect(opened.content).toEqual(content)
  expect(opened.grant).toMatchObject({ state: 'active', scope: { kind: 'bundle', bundleId: t.id }, hallId: HALL })
  // the grant ends with the booking's time, not the window's
  expect(opened.grant.expiresAt).toBe(new Date(Date.parse(b.end) + 60 * 60_000).toISOString())

  // while it stands the citizen cannot also file the bundle online: the window would file it a second time
  const casesBefore = (await elder.listCases()).length
  const online = await failure(elder.submitCase({ draftId: newDraftId(), content }, newIdempotencyKey()))
  expect(online.status).toBe(409)
  expect(online.message).toBe(bookedOnlineRefusal(b.id))
  expect(await elder.listCases()).toHaveLength(casesBefore)

  const acting = r.client({ actingGrant: () => opened.grant.id })
  acting.tokens.current = staffHere.tokens.current
  // limited to the booked bundle
  const outside = await failure(acting.uploadFile({ bundleId: 'other-bundle', materialId: 'x', file: { name: 'a.pdf', type: 'application/pdf', data: fileOf('pdf').data } }))
  expect(outside.status).toBe(403)
  const cs = await acting.submitCase({ draftId: newDraftId(), content: opened.content, signature: SIGNATURE }, newIdempotencyKey())
  expect(cs.filedBy).toMatchObject({ actor: 'staff', grantId: opened.grant.id })
  // the citizen sees the case and the booking done
  expect((await elder.listCases()).map((c) => c.id)).toContain(cs.id)
  expect((await elder.listBookings()).find((x) => x.id === b.id)).toMatchObject({ status: 'done', caseId: cs.id })
  expect((await failure(staffHere.openBooking(b.id))).message).toBe(`该预约已办理（办件 ${cs.id}）`)
  expect((await failure(elder.cancelBooking(b.id))).message).toBe('该预约已办理，不能取消')
  // opening it was one audit row the citizen sees
  const audit = await elder.listAudit()
  expect(audit.filter((a) => a.record === b.id)).toHaveLength(1)
  expect(audit.find((a) => a.record === b.id)).toMatchObject({ what: '打开预约，查看预填的申请', hallName: '长沙市天心区政务服务中心', grantId: opened.grant.id })
})

test('a booking expires an hour after its slot: the window cannot open it, the citizen need not cancel it, the slot is no longer offered', async () => {
  const b = await other.createBooking({ hallId: HALL, start: at('11:30'), content })
  r.tick(Date.parse(at('13:00')) - START) // 13:00, an hour after the 11:30-12:00 slot
  expect((await other.listBookings()).find((x) => x.id === b.id)?.status).toBe('expired')
  const late = await failure(staffHere.openBooking(b.id))
  expect(late.status).toBe(403)
  expect(late.message).toBe('预约已过期（预约时段已过），请申请人重新预约或现场取号')
  expect((await failure(other.cancelBooking(b.id))).message).toBe('预约时段已过，无需取消')
  // the expired one stands in no one's way: the citizen books again
  const again = await other.createBooking({ hallId: HALL, start: at('14:00'), content })
  expect(again.status).toBe('booked')
})

test('bookings survive a restart, and so does the key that finds a citizen’s standing booking of a bundle (the lapsed one gave it up)', async () => {
  const before = await other.listBookings()
  const standing = before.find((b) => b.status === 'booked')!
  const lapsed = before.find((b) => b.status === 'expired')!
  const citizenId = (await other.me()).userId
  const held = () => r.platform.core.state.heldBookings(citizenId, content.bundleId).map((b) => b.id)
  expect(held()).toEqual([standing.id])
  await r.restart()
  expect(await other.listBookings()).toEqual(before)
  expect(held()).toEqual([standing.id])
  expect(r.platform.core.state.bookings.get(lapsed.id)?.lapsedAt).toBeDefined()
  // found by the key: a second booking and the online submission are refused with its number
  expect((await failure(other.createBooking({ hallId: HALL, start: at('15:00'), content }))).message).toBe(secondBookingRefusal(standing.id))
  expect((await failure(other.submitCase({ draftId: newDraftId(), content }, newIdempotencyKey()))).message).toBe(bookedOnlineRefusal(standing.id))
  expect((await failure(elder.createBooking({ hallId: HALL, start: at('14:00'), content }))).message).toBe('该时段已约满，请选择其他时段')
})

test('the window opens a booking on its day, not days early: refused with the rulebook’s words, opened on the day', async () => {
  const friday = at('10:00', '2026-11-27')
  const b = await elder.createBooking({ hallId: HALL, start: friday, content })
  const early = await failure(staffHere.openBooking(b.id))
  expect(early.status).toBe(403)
  expect(early.message).toBe(bookingDayRefusal(friday, new Date(Date.parse(at('13:00'))).toISOString()))
  expect(early.message).toBe('该预约的办理日期是 11月27日 周五，预约当天才能在窗口办理，请申请人当天再来')
  // the refusal read nothing: no audit row for it
  expect((await r.client().admin.listAudit()).filter((a) => a.record === b.id)).toHaveLength(0)
  r.tick(Date.parse(at('08:30', '2026-11-27')) - Date.parse(at('13:00'))) // Friday 8:30 (the clock stood at Thursday 13:00)
  const opened = await staffHere.openBooking(b.id)
  expect(opened.booking).toMatchObject({ id: b.id, status: 'booked' })
})
