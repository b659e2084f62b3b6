// Lists in pages: `?limit=` (1–100, default 50) and `?cursor=` (the `nextCursor` of the page before). The
// cursor is the sort key of the last item shown, so items added meanwhile never shift a page.
import type { Ctx } from './core'
import { fail } from './http'

export const PAGE_DEFAULT = 50
export const PAGE_MAX = 100

/** `sorted` must already be in `order` of `key`; keys are unique. */
function paginate<T>(ctx: Ctx, sorted: T[], key: (item: T) => string, order: 'asc' | 'desc'): { items: T[]; nextCursor?: string } {
  const limitText = ctx.query.get('limit')
  const limit = limitText === null || limitText === '' ? PAGE_DEFAULT : Number(limitText)
  if (!Number.isInteger(limit) || limit < 1 || limit > PAGE_MAX) fail('BAD_REQUEST', `limit 应为 1 至 ${PAGE_MAX} 的整数`, { fieldErrors: { limit: `应为 1 至 ${PAGE_MAX} 的整数` } })
  const cursorText = ctx.query.get('cursor')
  let after: string | undefined
  if (cursorText) {
    after = Buffer.from(cursorText, 'base64url').toString('utf8')
    if (!after || Buffer.from(after, 'utf8').toString('base64url') !== cursorText) fail('BAD_REQUEST', 'cursor 不正确：请使用上一页返回的 nextCursor', { fieldErrors: { cursor: '不正确' } })
  }
  const rest = after === undefined ? sorted : sorted.filter((x) => (order === 'asc' ? key(x) > after! : key(x) < after!))
  const items = rest.slice(0, limit)
  return rest.length > limit ? { items, nextCursor: Buffer.from(key(items[items.length - 1]), 'utf8').toString('base64url') } : { items }
}

/**
 * One page of a list: sorted by `key` in `order` (keys unique), cut by `?limit=`/`?cursor=`, each item shown by
 * `view`. `more` is `{ nextCursor }` when another page follows, else empty: spread it into the response.
 */
export function listPage<T, V>(ctx: Ctx, items: T[], key: (item: T) => string, order: 'asc' | 'desc', view: (item: T) => V): { items: V[]; more: { nextCursor?: string } } {
  const sign = order === 'asc' ? 1 : -1
  const sorted = [...items].sort((a, b) => (key(a) < key(b) ? -sign : key(a) > key(b) ? sign : 0))
  const page = paginate(ctx, sorted, key, order)
  return { items: page.items.map(view), more: page.nextCursor ? { nextCursor: page.nextCursor } : {} }
}
