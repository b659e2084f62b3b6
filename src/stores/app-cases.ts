// The case store singleton for the case screens (我的办件, 办件详情) and the journey's confirmation. The home
// page needs only the message count (src/stores/app.ts); the 补正 screen's store is in ./app-supplement.
import { platform, storage } from '@/services/app'
import { createCaseStore } from './cases'

export const useCases = createCaseStore({ client: platform, storage })
