// The case store singleton for 我的办件 (a tab page, main package), 办件详情 and the journey's confirmation.
// The 补正 screen's store is in ./app-supplement.
import { storage } from '@/services/app'
import { platform } from '@/services/app-client'
import { afterFirstPaint } from '@/services/first-paint'
import { createCaseStore } from './cases'

export const useCases = createCaseStore({ client: platform, storage, afterFirstPaint })
