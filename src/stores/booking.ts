// 线上预填、线下办理: the citizen picks a hall near them, a day and a free half-hour slot, and books it with the
// application they prefilled; the booking's QR is what the window scans. The rulebook (slotRefusal) checks a
// slot before it is sent; the platform checks it again with the same words.
import { create } from 'zustand'
import { slotRefusal } from '@/domain/assist/booking'
import type { DraftContent } from '@/domain/draft'
import type { BookingView, HallView, SlotView } from '@/services/contract'
import { isPlatformError, type PlatformClient } from '@/services/platform'

export type BookingClient = Pick<PlatformClient, 'listHalls' | 'hallSlots' | 'createBooking' | 'listBookings' | 'cancelBooking'>

export interface BookingState {
  status: 'idle' | 'loading' | 'ready' | 'failed'
  halls: HallView[]
  bookings: BookingView[]
  hallId?: string
  dates: string[]
  date?: string
  slots: SlotView[]
  busy: boolean
  error?: string
  /** field → message (hallId, start) */
  fieldErrors: Record<string, string>
  load(region?: string): Promise<void>
  pickHall(hallId: string): Promise<void>
  pickDate(date: string): Promise<void>
  /** the new booking, or undefined with fieldErrors / error set */
  book(content: DraftContent, start: string | undefined): Promise<BookingView | undefined>
  cancel(id: string): Promise<void>
}

const message = (e: unknown, fallback: string) => (isPlatformError(e) ? e.message : fallback)

export function createBookingStore(client: BookingClient, now: () => string = () => new Date().toISOString()) {
  return create<BookingState>()((set, get) => {
    async function loadSlots(hallId: string, date?: string): Promise<void> {
      try {
        const r = await client.hallSlots(hallId, date)
        // a later pick wins over an earlier answer arriving late
        if (get().hallId !== hallId || (date && get().date !== date)) return
        set({ dates: r.dates, date: r.date, slots: r.slots })
      } catch (e) {
        set({ error: message(e, '暂时无法读取可预约的时段，请稍后重试') })
      }
    }

    return {
      status: 'idle',
      halls: [],
      bookings: [],
      dates: [],
      slots: [],
      busy: false,
      fieldErrors: {},
      async load(region) {
        set({ status: 'loading', error: undefined })
        try {
          const [near, bookings] = await Promise.all([client.listHalls(region), client.listBookings()])
          // the halls of the citizen's city (nearest first); the whole list only when the city has none
          const city = near.filter((h) => region && h.region.startsWith(region.slice(0, 4)))
          set({ status: 'ready', halls: city.length ? city : near, bookings })
        } catch (e) {
          set({ status: 'failed', error: message(e, '暂时无法读取服务大厅，请稍后重试') })
        }
      },
      async pickHall(hallId) {
        set({ hallId, date: undefined, dates: [], slots: [], fieldErrors: {}, error: undefined })
        await loadSlots(hallId)
      },
      async pickDate(date) {
        const hallId = get().hallId
        if (!hallId) return
        set({ date, slots: [], fieldErrors: {} })
        await loadSlots(hallId, date)
      },
      async book(content, start) {
        const { hallId, halls, slots } = get()
        const hall = halls.find((h) => h.id === hallId)
        const errors: Record<string, string> = {}
        if (!hall) errors.hallId = '请选择办理的服务大厅'
        else if (!start) errors.start = '请选择预约时段'
        else {
          const refusal = slotRefusal({ hours: hall.hours, start, now: now(), taken: slots.find((s) => s.start === start)?.free === false })
          if (refusal) errors.start = refusal
        }
        if (Object.keys(errors).length) {
          set({ fieldErrors: errors, error: undefined })
          return undefined
        }
        if (get().busy) return undefined
        set({ busy: true, fieldErrors: {}, error: undefined })
        try {
          const b = await client.createBooking({ hallId: hallId!, start: start!, content })
          set((s) => ({ bookings: [b, ...s.bookings.filter((x) => x.id !== b.id)] }))
          return b
        } catch (e) {
          const fieldErrors = (isPlatformError(e) && e.fieldErrors) || {}
          set({ fieldErrors, error: Object.keys(fieldErrors).length ? undefined : message(e, '预约没有成功，请稍后重试') })
          // someone took the slot meanwhile: show what is free now
          if (fieldErrors.start) void loadSlots(hallId!, get().date)
          return undefined
        } finally {
          set({ busy: false })
        }
      },
      async cancel(id) {
        if (get().busy) return
        set({ busy: true, error: undefined })
        try {
          const b = await client.cancelBooking(id)
          set((s) => ({ bookings: s.bookings.map((x) => (x.id === id ? b : x)) }))
          if (get().hallId) void loadSlots(get().hallId!, get().date)
        } catch (e) {
          set({ error: message(e, '取消没有成功，请稍后重试') })
        } finally {
          set({ busy: false })
        }
      },
    }
  })
}
