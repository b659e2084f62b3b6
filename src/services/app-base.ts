// What every service singleton stands on: Taro storage, the tokens kept in it, and the grant window staff act
// under. src/services/app.ts gathers the singletons; app-client.ts builds the platform client on these.
import { taroStorage } from './taro-storage'
import { createTokenStore } from './tokens'

export const storage = taroStorage
export const tokens = createTokenStore(storage)
/** window staff acting for a citizen: the grant in use (memory only; the staff console sets it) */
export const acting: { grantId?: string } = {}

/** how the app reaches the platform: its address, the tokens, the grant named on signed-in calls */
export const clientOptions = { baseUrl: API_BASE, session: tokens, actingGrant: () => acting.grantId }
