// The app's service singletons: one platform client over Taro's transport (with upload progress), its
// tokens in Taro storage, and the file picker. Stores are built on these in src/stores/app.ts.
import { createTaroTransport } from './http/taro-transport'
import { createPlatformClient } from './platform'
import { taroStorage } from './taro-storage'
import { createProgressRegistry, withUploadProgress } from './upload-transport'
import { createTokenStore } from './tokens'

export const storage = taroStorage
export const uploadProgress = createProgressRegistry()
export const tokens = createTokenStore(storage)
/** window staff acting for a citizen: the grant in use (memory only; the staff console sets it) */
export const acting: { grantId?: string } = {}
export const platform = createPlatformClient({
  baseUrl: API_BASE,
  transport: withUploadProgress(createTaroTransport(), uploadProgress),
  session: tokens,
  actingGrant: () => acting.grantId,
})
export { pickFiles } from './files'
