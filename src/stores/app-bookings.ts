// The booking store singleton (pages/account only): not built with the first load (src/stores/app.ts).
import { platform } from '@/services/app-client'
import { createBookingStore } from './booking'

export const useBookings = createBookingStore(platform)
