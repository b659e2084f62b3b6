// The window console's store singleton (pages/staff only): not built with the first load (src/stores/app.ts).
import { acting, platform } from '@/services/app'
import { createStaffStore } from './staff'

export const useStaff = createStaffStore({ client: platform, acting })
