// The case store singleton for 我的办件 (a tab page, main package) and the journey's confirmation.
import { platform, storage } from '@/services/app'
import { createCaseStore } from './cases'

export const useCases = createCaseStore({ client: platform, storage })
