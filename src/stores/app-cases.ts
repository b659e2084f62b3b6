// Singletons for the case screens (我的办件, 办件详情, 补正). Loaded by the cases subpackage and by the journey's
// confirmation; the home page needs only the message count (src/stores/app.ts).
import { pickFiles, platform, storage } from '@/services/app'
import { createCaseStore } from './cases'
import { createSupplementStore } from './supplement'

export const useCases = createCaseStore({ client: platform, storage })
export const useSupplement = createSupplementStore({ client: platform, picker: pickFiles })
