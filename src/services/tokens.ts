// Where the platform client keeps its tokens: the app's storage, under one key. Listeners hear when the
// client clears them (a refresh failed), so the session store can show the citizen as signed out.
import type { TokenPair } from './contract'
import type { SessionStore } from './platform'
import type { KeyValueStorage } from './storage'

export const TOKENS_KEY = 'yjs.tokens.v1'

export interface TokenStore extends SessionStore {
  hasTokens(): boolean
  onClear(listener: () => void): () => void
  /** epoch ms when the sign-in ends unless refreshed (the refresh token's expiry); undefined when unknown */
  sessionEndsAt(): number | undefined
  /** new tokens were saved (sign-in or refresh): the session's end moved */
  onSet(listener: () => void): () => void
}

interface Saved {
  accessToken: string
  refreshToken: string
  endsAt?: number
}

export function createTokenStore(kv: KeyValueStorage, key = TOKENS_KEY, now: () => number = () => Date.now()): TokenStore {
  let cached: Saved | null | undefined
  const listeners = new Set<() => void>()
  const setListeners = new Set<() => void>()
  const read = (): Saved | null => {
    if (cached !== undefined) return cached
    const raw = kv.getItem(key)
    try {
      const parsed = raw ? (JSON.parse(raw) as Saved) : null
      cached = parsed && typeof parsed.accessToken === 'string' ? parsed : null
    } catch {
      cached = null
    }
    return cached
  }
  return {
    getAccessToken: () => read()?.accessToken ?? null,
    getRefreshToken: () => read()?.refreshToken ?? null,
    setTokens(tokens: TokenPair) {
      const endsAt = typeof tokens.refreshExpiresIn === 'number' ? now() + tokens.refreshExpiresIn * 1000 : undefined
      cached = { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, endsAt }
      // in memory even when storage is full: the session lasts until the app closes
      kv.setItem(key, JSON.stringify(cached))
      setListeners.forEach((l) => l())
    },
    sessionEndsAt: () => {
      const endsAt = read()?.endsAt
      return typeof endsAt === 'number' ? endsAt : undefined
    },
    onSet(listener) {
      setListeners.add(listener)
      return () => setListeners.delete(listener)
    },
    clear() {
      const had = read() !== null
      cached = null
      kv.removeItem(key)
      if (had) listeners.forEach((l) => l())
    },
    hasTokens: () => read() !== null,
    onClear(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
