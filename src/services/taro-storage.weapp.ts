// WeChat: Taro's sync storage (1 MB a key, 10 MB in all) behind KeyValueStorage (taro-storage.ts: H5).
import Taro from '@tarojs/taro'
import { syncStorage } from './storage'

// Taro's sync APIs on WeChat are plain functions (no `this`)
export const taroStorage = syncStorage({ get: Taro.getStorageSync, set: Taro.setStorageSync, remove: Taro.removeStorageSync })
