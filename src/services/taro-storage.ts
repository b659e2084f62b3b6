// H5: localStorage behind KeyValueStorage, in the format Taro's H5 storage API writes ({"data": value}), so what
// an earlier build saved (drafts, tokens, preferences) reads the same, without Taro's storage module in the first
// load. taro-storage.weapp.ts: Taro's API on WeChat.
import type { KeyValueStorage } from './storage'

/** the value Taro's H5 getStorageSync returns: what was stored in its format, else nothing */
function taroValue(key: string): unknown {
  const item: unknown = JSON.parse(localStorage.getItem(key) || '')
  return item && typeof item === 'object' && Object.prototype.hasOwnProperty.call(item, 'data') ? (item as { data: unknown }).data : undefined
}

export const taroStorage: KeyValueStorage = {
  getItem(key) {
    try {
      const value = taroValue(key)
      return value === '' || value === undefined || value === null ? null : typeof value === 'string' ? value : JSON.stringify(value)
    } catch {
      return null
    }
  },
  setItem(key, value) {
    try {
      localStorage.setItem(key, JSON.stringify({ data: value }))
      return true
    } catch {
      return false
    }
  },
  removeItem(key) {
    try {
      localStorage.removeItem(key)
    } catch {
      // nothing to do: storage is unavailable
    }
  },
}
