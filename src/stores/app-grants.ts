// The 授权与查看记录 store singleton (pages/account only): not built with the first load (src/stores/app.ts).
import { acting } from '@/services/app'
import { platform } from '@/services/app-client'
import { createGrantsStore } from './grants'

export const useGrants = createGrantsStore(platform, acting)
