// The booking store: a slot is checked with the rulebook before anything is sent; the platform's refusal lands
// at the field and the free slots are read again; cancelling updates the list.
import { hallSlots, slotEnd } from '@/domain/assist/booking'
import type { DraftContent } from '@/domain/draft'
import type { BookingView, CreateBookingRequest, HallView } from '@/services/contract'
import { PlatformError } from '@/services/platform'
import { createBookingStore, type BookingClient } from '@/stores/booking'

const HOURS = '工作日 9:00-12:00，13:30-17:00（法定节假日除外）'
const hall: HallView = { id: 'hall-430103', name: '长沙市天心区政务服务中心', address: '天心区', hours: HOURS, phone: '12345', region: '430103' }
const NOW = new Date('2026-11-26T10:05:00+08:00').toISOString()
const content = { bundleId: 'kaiban-canyin', templateVersion: 1, region: '430103', applicantKind: 'person', answers: {}, values: {}, materials: {} } as DraftContent

function fakeClient() {
  const taken = new Set<string>()
  const sent: CreateBookingRequest[] = []
  let slotReads = 0
  const booking = (req: CreateBookingRequest, status: BookingView['status'] = 'booked'): BookingView => ({
    id: 'YY12345678', bundleId: req.content.bundleId, bundleName: '开办餐饮店', hallId: hall.id, hallName: hall.name, hallAddress: hall.address, start: req.start, end: slotEnd(req.start), status, createdAt: NOW,
  })
  const client: BookingClient = {
    listHalls: async () => [hall],
    listBookings: async () => [],
    hallSlots: async (_id, date) => {
      slotReads++
      const d = date ?? '2026-11-26'
      return { hall, dates: ['2026-11-26', '2026-11-27'], date: d, slots: hallSlots(HOURS, d).map((start) => ({ start, end: slotEnd(start), free: !taken.has(start) && start > NOW })) }
    },
    createBooking: async (req) => {
      sent.push(req)
      if (taken.has(req.start)) throw new PlatformError({ kind: 'conflict', status: 409, message: '该时段已约满，请选择其他时段', fieldErrors: { start: '该时段已约满，请选择其他时段' } })
      taken.add(req.start)
      return booking(req)
    },
    cancelBooking: async () => booking({ hallId: hall.id, start: [...taken][0], content }, 'cancelled'),
  }
  return { client, sent, taken, reads: () => slotReads }
}

test('nothing chosen, a past slot: refused at the field with the rulebook’s words, nothing sent', async () => {
  const f = fakeClient()
  const s = createBookingStore(f.client, () => NOW)
  await s.getState().load('430103')
  expect(await s.getState().book(content, undefined)).toBeUndefined()
  expect(s.getState().fieldErrors).toEqual({ hallId: '请选择办理的服务大厅' })
  await s.getState().pickHall(hall.id)
  expect(s.getState().dates).toEqual(['2026-11-26', '2026-11-27'])
  expect(await s.getState().book(content, undefined)).toBeUndefined()
  expect(s.getState().fieldErrors).toEqual({ start: '请选择预约时段' })
  await s.getState().book(content, new Date('2026-11-26T09:30:00+08:00').toISOString())
  expect(s.getState().fieldErrors).toEqual({ start: '该时段已过，请选择其他时段' })
  expect(f.sent).toHaveLength(0)
})

test('a slot taken meanwhile: the platform’s words at the field and the slots read again; then booked and cancelled', async () => {
  const f = fakeClient()
  const s = createBookingStore(f.client, () => NOW)
  await s.getState().load('430103')
  await s.getState().pickHall(hall.id)
  const slot = new Date('2026-11-26T10:30:00+08:00').toISOString()
  f.taken.add(slot) // someone else, after the slots were read
  const readsBefore = f.reads()
  expect(await s.getState().book(content, slot)).toBeUndefined()
  expect(s.getState().fieldErrors).toEqual({ start: '该时段已约满，请选择其他时段' })
  expect(s.getState().error).toBeUndefined()
  await new Promise((r) => setTimeout(r, 0))
  expect(f.reads()).toBe(readsBefore + 1)
  expect(s.getState().slots.find((x) => x.start === slot)?.free).toBe(false)
  // now the app knows: refused before sending
  await s.getState().book(content, slot)
  expect(f.sent).toHaveLength(1)

  const next = new Date('2026-11-26T11:00:00+08:00').toISOString()
  const b = await s.getState().book(content, next)
  expect(b).toMatchObject({ id: 'YY12345678', status: 'booked', start: next })
  expect(s.getState().bookings.map((x) => x.status)).toEqual(['booked'])
  await s.getState().cancel(b!.id)
  expect(s.getState().bookings.map((x) => x.status)).toEqual(['cancelled'])
})
