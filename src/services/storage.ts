// Key-value storage the stores persist through. Never throws: a full or broken storage must not crash
// the app, so writes report success instead. The app uses taroStorage (./taro-storage: localStorage on H5, Taro's
// storage on WeChat).

export interface KeyValueStorage {
  /** null when absent (Taro returns '' for a missing key) */
  getItem(key: string): string | null
  /** false when the write failed, e.g. storage full */
  setItem(key: string, value: string): boolean
  removeItem(key: string): void
}

/** In-memory storage for tests and for when the platform storage is unavailable. */
export function memoryStorage(initial: Record<string, string> = {}, capacityChars = Infinity): KeyValueStorage {
  const data = new Map(Object.entries(initial))
  const used = () => [...data].reduce((sum, [k, v]) => sum + k.length + v.length, 0)
  return {
    getItem: (key) => data.get(key) ?? null,
    setItem(key, value) {
      const before = data.get(key)
      data.set(key, value)
      if (used() > capacityChars) {
        if (before === undefined) data.delete(key)
        else data.set(key, before)
        return false
      }
      return true
    },
    removeItem: (key) => void data.delete(key),
  }
}
