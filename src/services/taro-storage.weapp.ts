// WeChat: Taro's sync storage (1 MB a key, 10 MB in all) behind KeyValueStorage (taro-storage.ts: H5).
import Taro from '@tarojs/taro'
import { syncStorage } from './storage'

export const taroStorage = syncStorage({ get: (key) => Taro.getStorageSync(key), set: (key, value) => Taro.setStorageSync(key, value), remove: (key) => Taro.removeStorageSync(key) })
