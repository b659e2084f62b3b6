// zustand persist over the app's KeyValueStorage (Taro storage on both platforms). A failed write (storage
// full) never throws: it is reported so the screen can say the draft is only in memory.
import { createJSONStorage, type PersistStorage, type StateStorage } from 'zustand/middleware'
import type { KeyValueStorage } from '@/services/storage'

/** `canWrite`: false holds a write back (the saved state has not been read yet: it must not be overwritten) */
export function stateStorage(kv: KeyValueStorage, onWrite?: (ok: boolean) => void, canWrite?: () => boolean): StateStorage {
  return {
    getItem: (name) => {
      const value = kv.getItem(name)
      // Taro answers '' for a missing key: treat as absent
      return value === '' ? null : value
    },
    setItem: (name, value) => {
      if (canWrite && !canWrite()) return
      let ok: boolean
      try {
        ok = kv.setItem(name, value)
      } catch {
        ok = false
      }
      onWrite?.(ok)
    },
    removeItem: (name) => kv.removeItem(name),
  }
}

export function jsonStorage<S>(kv: KeyValueStorage, onWrite?: (ok: boolean) => void, canWrite?: () => boolean): PersistStorage<S> | undefined {
  return createJSONStorage<S>(() => stateStorage(kv, onWrite, canWrite))
}
