/** @jest-environment jsdom */
// H5: start-up's reads wait for the opening page's paint, the idle moment after it and the frame after that
// (its body's paint presented), or 2 s at most (a hidden tab never paints).
type PaintCallback = (list: { getEntriesByName: (name: string) => unknown[] }) => void

let paint: PaintCallback | undefined
let idleCallbacks: (() => void)[]
let animationFrames: (() => void)[]

beforeEach(() => {
  jest.useFakeTimers()
  jest.resetModules()
  paint = undefined
  idleCallbacks = []
  animationFrames = []
  Object.assign(globalThis, {
    PerformanceObserver: class {
      constructor(cb: PaintCallback) {
        paint = cb
      }
      observe() {}
      disconnect() {}
    },
    requestIdleCallback: (cb: () => void) => idleCallbacks.push(cb),
    requestAnimationFrame: (cb: () => void) => animationFrames.push(cb),
  })
})

afterEach(() => jest.useRealTimers())

async function state(p: Promise<void>): Promise<'waiting' | 'resolved'> {
  let done = false
  void p.then(() => (done = true))
  await Promise.resolve()
  await Promise.resolve()
  return done ? 'resolved' : 'waiting'
}

test('the reads wait for the first paint, an idle moment and the next frame', async () => {
  const { afterFirstPaint } = require('@/services/first-paint') as typeof import('@/services/first-paint')
  const waiting = afterFirstPaint()
  expect(await state(waiting)).toBe('waiting')
  paint?.({ getEntriesByName: () => [] })
  expect(idleCallbacks).toHaveLength(0)
  paint?.({ getEntriesByName: (name) => (name === 'first-contentful-paint' ? [{}] : []) })
  expect(await state(waiting)).toBe('waiting')
  idleCallbacks.shift()?.()
  // idle, but the body's paint may not be presented yet: a request now would count toward it
  expect(await state(waiting)).toBe('waiting')
  animationFrames.shift()?.()
  expect(await state(waiting)).toBe('resolved')
  // one wait for the whole start-up
  expect(afterFirstPaint()).toBe(waiting)
})

test('a page that never paints (a hidden tab) waits 2 s at most', async () => {
  const { afterFirstPaint } = require('@/services/first-paint') as typeof import('@/services/first-paint')
  const waiting = afterFirstPaint()
  jest.advanceTimersByTime(1999)
  expect(await state(waiting)).toBe('waiting')
  jest.advanceTimersByTime(1)
  expect(await state(waiting)).toBe('resolved')
})
