// H5: localStorage behind KeyValueStorage, in the format Taro's H5 storage API writes ({"data": value}), so what
// an earlier build saved (drafts, tokens, preferences) reads the same, without Taro's storage module in the first
// load. taro-storage.weapp.ts: Taro's API on WeChat.
import { syncStorage } from './storage'

export const taroStorage = syncStorage({
  get(key) {
    const item: unknown = JSON.parse(localStorage.getItem(key) || '')
    // like Taro: only what was stored in its format counts
    return item && typeof item === 'object' && Object.prototype.hasOwnProperty.call(item, 'data') ? (item as { data: unknown }).data : undefined
  },
  set: (key, value) => localStorage.setItem(key, JSON.stringify({ data: value })),
  remove: (key) => localStorage.removeItem(key),
})
