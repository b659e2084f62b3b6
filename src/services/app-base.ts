// What every service singleton stands on: Taro storage, the tokens kept in it, and the grant window staff act
// under. src/services/app.ts gathers the singletons; app-client.ts builds the platform client on these.
import { taroStorage } from './taro-storage'
import { createTokenStore } from './tokens'

export const storage = taroStorage
export const tokens = createTokenStore(storage)
/** window staff acting for a citizen: the grant in use (memory only; the staff console sets it) */
export const acting: { grantId?: string } = {}

/**
 * H5: what follows runs in a task of its own (a hidden page goes on at once: its timers wait a second or more).
 * WeChat's logic thread does not hold up its screen.
 */
const yieldToMain =
  process.env.TARO_ENV === 'h5' ? () => new Promise<void>((resolve) => (document.hidden ? resolve() : setTimeout(resolve))) : undefined

/** how the app reaches the platform: its address, the tokens, the grant named on signed-in calls */
export const clientOptions = { baseUrl: API_BASE, session: tokens, actingGrant: () => acting.grantId, yieldToMain }
