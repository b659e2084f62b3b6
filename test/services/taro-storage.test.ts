/** @jest-environment jsdom */
// H5 storage is localStorage in the format Taro's H5 storage API wrote ({"data": value}): what an earlier build
// saved on the device (drafts, tokens, preferences) must read the same after the app stopped going through Taro.
import { taroStorage } from '@/services/taro-storage'

beforeEach(() => localStorage.clear())

test('reads what Taro’s H5 setStorageSync wrote, strings and objects alike', () => {
  localStorage.setItem('yjs.drafts.v3', JSON.stringify({ data: '{"state":{"drafts":{}},"version":3}' }))
  localStorage.setItem('yjs.object', JSON.stringify({ data: { a: 1 } }))
  expect(taroStorage.getItem('yjs.drafts.v3')).toBe('{"state":{"drafts":{}},"version":3}')
  expect(taroStorage.getItem('yjs.object')).toBe('{"a":1}')
})

test('writes in Taro’s format, so an older build on this device reads it back', () => {
  expect(taroStorage.setItem('yjs.tokens.v1', '{"access":"a"}')).toBe(true)
  expect(JSON.parse(localStorage.getItem('yjs.tokens.v1') as string)).toEqual({ data: '{"access":"a"}' })
  expect(taroStorage.getItem('yjs.tokens.v1')).toBe('{"access":"a"}')
  taroStorage.removeItem('yjs.tokens.v1')
  expect(localStorage.getItem('yjs.tokens.v1')).toBeNull()
})

test('nothing, an empty value or a value not in Taro’s format reads as nothing (as Taro’s getStorageSync)', () => {
  expect(taroStorage.getItem('missing')).toBeNull()
  localStorage.setItem('empty', JSON.stringify({ data: '' }))
  localStorage.setItem('raw', 'not json')
  localStorage.setItem('other', JSON.stringify({ value: 1 }))
  expect(taroStorage.getItem('empty')).toBeNull()
  expect(taroStorage.getItem('raw')).toBeNull()
  expect(taroStorage.getItem('other')).toBeNull()
})

test('a full storage refuses the write (false), it does not throw', () => {
  const setItem = jest.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
    throw new DOMException('quota', 'QuotaExceededError')
  })
  try {
    expect(taroStorage.setItem('k', 'v')).toBe(false)
  } finally {
    setItem.mockRestore()
  }
})
