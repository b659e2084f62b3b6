// A view model computed again from a fresh copy of the same data (a case fetched on every visit) is usually
// equal to the one shown: the previous object is kept then, so a memo'd screen does not render it all again.
import { useRef } from 'react'

/** `value`, or the previous one when it has the same JSON (plain view data: strings, numbers, arrays). */
export function useSame<T>(value: T): T {
  const last = useRef<{ input: T; json: string; value: T }>()
  const prev = last.current
  // compared once per new object (the caller memoises it), not on every render
  if (prev && prev.input === value) return prev.value
  const json = JSON.stringify(value) ?? ''
  last.current = { input: value, json, value: prev?.json === json ? prev.value : value }
  return last.current.value
}
