// 线上预填、线下办理: halls' free slots, the citizen's bookings (a slot + the prefilled application), and the
// window opening one by its number. A booking holds a staff grant limited to its bundle, its hall and its
// time; the window files through the same acting routes as any grant (filing.ts marks the booking done).
import { randomBytes, randomInt } from 'node:crypto'
import {
  bookingCancelRefusal,
  bookingDates,
  bookingExpiry,
  bookingOpenRefusal,
  bookingQrText,
  bookingStatus,
  BOOKING_NUMBER,
  hallSlots,
  secondBookingRefusal,
  slotEnd,
  slotRefusal,
  standingBooking,
} from '../../src/domain/assist/booking'
import { maskIdNumber, maskName } from '../../src/domain/mask'
import type { BookingListResponse, BookingView, OpenBookingResponse, SlotListResponse } from '../../src/services/contract'
import { CreateBookingRequestSchema } from '../../src/services/contract-schema'
import { auditBy, findHall, grantView, stampOf } from './assist'
import { me, type Core, type Ctx, type Route } from './core'
import { fail, json } from './http'
import { Checker, parseBody } from './input'
import type { StoredBooking, StoredGrant } from './state'

export function bookingRoutes(core: Core): Route[] {
  const nowIso = () => new Date(core.now()).toISOString()

  const view = (b: StoredBooking, audience: 'citizen' | 'staff'): BookingView => {
    const hall = findHall(core, b.hallId)
    const status = bookingStatus(b, nowIso())
    const v: BookingView = {
      id: b.id,
      bundleId: b.bundleId,
      bundleName: core.catalogue.lookup(b.bundleId)?.template.name ?? b.bundleId,
      hallId: b.hallId,
      hallName: b.hallName,
      hallAddress: hall?.hall.address ?? '',
      start: b.start,
      end: slotEnd(b.start),
      status,
      createdAt: b.createdAt,
      ...(b.caseId ? { caseId: b.caseId } : {}),
    }
    if (audience === 'citizen' && status === 'booked') v.qrText = bookingQrText(b.id)
    if (audience === 'staff') {
      const c = core.state.users.get(b.citizenId)
      if (c) v.citizen = { name: maskName(c.profile.name), idNumber: maskIdNumber(c.profile.idNumber) }
    }
    return v
  }

  const hallOr404 = (id: string) => findHall(core, id) ?? fail('NOT_FOUND', '没有找到该服务大厅，请重新选择')

  const ownBooking = (ctx: Ctx): StoredBooking => {
    const b = core.state.bookings.get(ctx.params.id)
    if (!b || b.citizenId !== me(ctx).profile.userId) return fail('NOT_FOUND', '预约不存在')
    return b
  }

  const newNumber = (): string => {
    for (;;) {
      const id = `YY${randomInt(10_000_000, 100_000_000)}`
      if (!core.state.bookings.has(id)) return id
    }
  }

  return [
    {
      method: 'GET',
      pattern: '/halls/:id/slots',
      auth: 'none',
      handler(ctx) {
        const h = hallOr404(ctx.params.id)
        const now = nowIso()
        const dates = bookingDates(now)
        const c = new Checker()
        const date = c.string(ctx.query.get('date') || dates[0], 'date', { pattern: /^\d{4}-\d{2}-\d{2}$/, patternMessage: '日期格式应为 YYYY-MM-DD' })
        c.done('查询参数不正确')
        const slots = dates.includes(date!)
          ? hallSlots(h.hall.hours, date!).map((start) => ({
              start,
              end: slotEnd(start),
              free: !slotRefusal({ hours: h.hall.hours, start, now, taken: !!core.state.bookings.findBy(`slot:${h.hall.id}:${start}`) }),
            }))
          : []
        const res: SlotListResponse = { hall: { ...h.hall, region: h.region }, dates, date: date!, slots }
        return json(200, res)
      },
    },
    {
      method: 'POST',
      pattern: '/bookings',
      auth: 'citizen',
      body: 'json',
      idempotency: 'optional',
      handler(ctx) {
        const u = me(ctx)
        const { hallId, start, content } = parseBody(CreateBookingRequestSchema, ctx.body)
        const h = findHall(core, hallId)
        if (!h) return fail('VALIDATION', '没有找到该服务大厅，请重新选择', { fieldErrors: { hallId: '没有找到该服务大厅，请重新选择' } })
        const bundle = core.catalogue.lookup(content.bundleId)
        if (!bundle) return fail('VALIDATION', '该一件事不存在或已下线', { fieldErrors: { 'content.bundleId': '该一件事不存在或已下线' } })
        const now = nowIso()
        const iso = Number.isNaN(Date.parse(start)) ? start : new Date(Date.parse(start)).toISOString()
        // the rulebook's words, at the field
        const refusal = slotRefusal({ hours: h.hall.hours, start: iso, now, taken: !!core.state.bookings.findBy(`slot:${h.hall.id}:${iso}`) })
        if (refusal) return fail(refusal.includes('约满') ? 'CONFLICT' : 'VALIDATION', refusal, { fieldErrors: { start: refusal } })
        const held = core.state.heldBookings(u.profile.userId, content.bundleId)
        const standing = standingBooking(held, u.profile.userId, content.bundleId, now)
        if (standing) return fail('CONFLICT', secondBookingRefusal(standing.id))
        const id = newNumber()
        // a lapsed one gives its key up to the new one, in the same commit
        for (const b of held) core.state.bookings.set(b.id, { ...b, lapsedAt: now })
        const grantId = `g-${randomBytes(9).toString('base64url')}`
        const grant: StoredGrant = {
          id: grantId,
          citizenId: u.profile.userId,
          grantee: 'staff',
          via: 'app',
          scope: { kind: 'bundle', bundleId: content.bundleId },
          hallId: h.hall.id,
          createdAt: now,
          expiresAt: bookingExpiry(iso),
          // the promises (告知承诺) in it are the citizen's own, made in their app; they sign at the window
          promiseAuthorised: true,
          bookingId: id,
        }
        const b: StoredBooking = { id, citizenId: u.profile.userId, bundleId: content.bundleId, hallId: h.hall.id, hallName: h.hall.name, start: iso, status: 'booked', content, grantId, createdAt: now }
        core.state.grants.set(grantId, grant)
        core.state.bookings.set(id, b)
        return { ...json(201, view(b, 'citizen')), ref: id }
      },
      replay: (id) => {
        const b = core.state.bookings.get(id)
        return b ? view(b, 'citizen') : fail('NOT_FOUND', '预约不存在')
      },
    },
    {
      method: 'GET',
      pattern: '/bookings',
      auth: 'citizen',
      handler(ctx) {
        const uid = me(ctx).profile.userId
        const mine = core.state.bookings
          .values()
          .filter((b) => b.citizenId === uid)
          // newest first; the same instant in a stable order (a restart reloads in another)
          .sort((a, b) => (a.createdAt !== b.createdAt ? (a.createdAt < b.createdAt ? 1 : -1) : a.id < b.id ? 1 : -1))
        const res: BookingListResponse = { bookings: mine.map((b) => view(b, 'citizen')) }
        return json(200, res)
      },
    },
    {
      method: 'POST',
      pattern: '/bookings/:id/cancel',
      auth: 'citizen',
      body: 'json-optional',
      handler(ctx) {
        const b = ownBooking(ctx)
        if (b.status === 'cancelled') return json(200, view(b, 'citizen'))
        const now = nowIso()
        const refusal = bookingCancelRefusal(b, now)
        if (refusal) return fail('CONFLICT', refusal)
        const cancelled: StoredBooking = { ...b, status: 'cancelled', cancelledAt: now }
        core.state.bookings.set(b.id, cancelled)
        // the window's access ends with it
        const g = core.state.grants.get(b.grantId)
        if (g && !g.revokedAt) core.state.grants.set(g.id, { ...g, revokedAt: now })
        return json(200, view(cancelled, 'citizen'))
      },
    },
    {
      method: 'POST',
      pattern: '/staff/bookings/open',
      auth: 'staff',
      body: 'json',
      handler(ctx) {
        const staff = me(ctx)
        const c = new Checker()
        const body = c.object(ctx.body, '')
        const number = body && c.string(body.number, 'number', { max: 20 })
        c.done()
        const typed = number!.trim().toUpperCase()
        if (!BOOKING_NUMBER.test(typed)) return fail('VALIDATION', '预约号为 YY 加 8 位数字', { fieldErrors: { number: '预约号为 YY 加 8 位数字' } })
        const b = core.state.bookings.get(typed)
        if (!b) return fail('NOT_FOUND', '没有找到该预约，请核对预约号')
        const now = nowIso()
        const refusal = bookingOpenRefusal(b, staff.profile.hallId, now)
        if (refusal) return fail('FORBIDDEN', refusal)
        const g = core.state.grants.get(b.grantId)
        if (!g) return fail('FORBIDDEN', '没有找到申请人的授权，请申请人重新预约')
        // the first window to open it holds it; it stays limited to the booking's bundle, hall and time
        const held: StoredGrant = g.redeemedAt ? g : { ...g, redeemedAt: now, redeemedBy: staff.profile.userId, usedBy: stampOf(core, staff) }
        if (held !== g) core.state.grants.set(g.id, held)
        const bundleName = core.catalogue.lookup(b.bundleId)?.template.name ?? b.bundleId
        auditBy(core, staff, { citizenIds: [b.citizenId], grantId: g.id, basis: 'grant', action: 'read', what: '打开预约，查看预填的申请', record: b.id, purpose: `线上预填、线下办理“${bundleName}”`, route: 'POST /staff/bookings/open' })
        const res: OpenBookingResponse = { booking: view(b, 'staff'), grant: grantView(core, held, 'staff'), content: b.content }
        return json(200, res)
      },
    },
  ]
}

