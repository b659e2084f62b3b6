// services/storage.ts imports @tarojs/taro (unusable in jest) beside memoryStorage: stub the module.
import { memoryStorage } from '@/services/storage'
import { createPreferencesStore, PREFERENCES_KEY } from '@/stores/preferences'

test('elder mode and region are kept on the device', () => {
  const kv = memoryStorage()
  const a = createPreferencesStore(kv)
  expect(a.getState().elderMode).toBe(false)
  a.getState().setElderMode(true)
  a.getState().setRegion({ code: '430200', name: '株洲市' })
  expect(kv.getItem(PREFERENCES_KEY)).toContain('430200')
  const b = createPreferencesStore(kv)
  expect(b.getState()).toMatchObject({ elderMode: true, region: { code: '430200', name: '株洲市' } })
  b.getState().reset()
  expect(b.getState().region).toBeUndefined()
})

test("WeChat's large font setting turns 长辈版 on, until the citizen chooses", () => {
  const store = createPreferencesStore(memoryStorage())
  store.getState().adoptSystemFontSize(17)
  expect(store.getState().elderMode).toBe(false)
  store.getState().adoptSystemFontSize(23.8)
  expect(store.getState().elderMode).toBe(true)
  store.getState().setElderMode(false)
  store.getState().adoptSystemFontSize(23.8)
  expect(store.getState().elderMode).toBe(false)
})
