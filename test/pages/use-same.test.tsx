/** @jest-environment jsdom */
// The case page keeps the view it shows when a fresh copy of the case says the same (its memo'd screen then
// does not render again), and shows a changed one at once.
import { renderHook } from '@testing-library/react'
import { useSame } from '@/pages/use-same'

test('nothing yet, then a view; an equal fresh view keeps the shown object; a changed one replaces it', () => {
  const { result, rerender } = renderHook(({ v }: { v?: { state: string; items: string[] } }) => useSame(v), { initialProps: {} as { v?: { state: string; items: string[] } } })
  expect(result.current).toBeUndefined()
  const shown = { state: '待补正', items: ['店名'] }
  rerender({ v: shown })
  expect(result.current).toBe(shown)
  rerender({ v: { state: '待补正', items: ['店名'] } })
  expect(result.current).toBe(shown)
  const changed = { state: '审查中', items: [] }
  rerender({ v: changed })
  expect(result.current).toBe(changed)
  rerender({ v: undefined })
  expect(result.current).toBeUndefined()
})
