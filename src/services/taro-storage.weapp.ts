// WeChat: Taro's sync storage (1 MB a key, 10 MB in all) behind KeyValueStorage (taro-storage.ts: H5, the same
// contract over localStorage; written twice because a shared wrapper made the WeChat main package bigger).
import Taro from '@tarojs/taro'
import type { KeyValueStorage } from './storage'

export const taroStorage: KeyValueStorage = {
  getItem(key) {
    try {
      const value: unknown = Taro.getStorageSync(key)
      if (value === '' || value === undefined || value === null) return null
      return typeof value === 'string' ? value : JSON.stringify(value)
    } catch {
      return null
    }
  },
  setItem(key, value) {
    try {
      Taro.setStorageSync(key, value)
      return true
    } catch {
      return false
    }
  },
  removeItem(key) {
    try {
      Taro.removeStorageSync(key)
    } catch {
      // nothing to do: the key is gone or storage is unavailable
    }
  },
}
