// The window console's store singleton (pages/staff only): not built with the first load (src/stores/app.ts).
import { acting } from '@/services/app'
import { platform } from '@/services/app-client'
import { createStaffStore } from './staff'

export const useStaff = createStaffStore({ client: platform, acting })
