// listPage: the one way the platform's lists are sorted, cut into pages and shown (我的咨询, the window's
// questions, 我的草稿): every item once across the pages, in order, even when items are added between pages.
import type { Ctx } from '../../mock/server/core'
import { listPage } from '../../mock/server/pages'

const ctx = (query: string) => ({ query: new URLSearchParams(query) }) as Ctx
const items = ['c', 'a', 'e', 'b', 'd'].map((k) => ({ k }))
const key = (x: { k: string }) => x.k

test('sorted by the key in either order, shown by the view, nextCursor while more follow', () => {
  const first = listPage(ctx('limit=2'), items, key, 'desc', (x) => x.k.toUpperCase())
  expect(first.items).toEqual(['E', 'D'])
  expect(first.more.nextCursor).toEqual(expect.any(String))
  const second = listPage(ctx(`limit=2&cursor=${first.more.nextCursor}`), items, key, 'desc', (x) => x.k)
  expect(second.items).toEqual(['c', 'b'])
  const last = listPage(ctx(`limit=2&cursor=${second.more.nextCursor}`), items, key, 'desc', (x) => x.k)
  expect(last).toEqual({ items: ['a'], more: {} })
  expect(listPage(ctx(''), items, key, 'asc', key)).toEqual({ items: ['a', 'b', 'c', 'd', 'e'], more: {} })
})

test('an item added before the cursor does not shift the next page; the input list is not reordered', () => {
  const input = [...items]
  const first = listPage(ctx('limit=2'), input, key, 'asc', key)
  expect(input.map(key)).toEqual(['c', 'a', 'e', 'b', 'd'])
  const next = listPage(ctx(`limit=2&cursor=${first.more.nextCursor}`), [{ k: '0' }, ...input], key, 'asc', key)
  expect(next.items).toEqual(['c', 'd'])
})

test('a bad limit or cursor is refused with the field named', () => {
  expect(() => listPage(ctx('limit=0'), items, key, 'asc', key)).toThrow(/limit/)
  expect(() => listPage(ctx('cursor=***'), items, key, 'asc', key)).toThrow(/cursor/)
})
