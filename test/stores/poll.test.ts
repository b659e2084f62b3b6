// The console's poll: asked at once and then every interval while shown; stopped when hidden; never two timers,
// never two calls at the same time; a failed call does not stop it.
import { createPoller } from '@/stores/poll'

beforeEach(() => jest.useFakeTimers())
afterEach(() => jest.useRealTimers())

test('start asks now and every interval; stop ends it; start again resumes; a second start adds no timer', async () => {
  const ask = jest.fn(() => Promise.resolve())
  const p = createPoller(ask, 30_000)
  p.start()
  expect(ask).toHaveBeenCalledTimes(1)
  await jest.advanceTimersByTimeAsync(30_000)
  expect(ask).toHaveBeenCalledTimes(2)
  p.start()
  await jest.advanceTimersByTimeAsync(0)
  expect(ask).toHaveBeenCalledTimes(3)
  await jest.advanceTimersByTimeAsync(30_000)
  expect(ask).toHaveBeenCalledTimes(4)
  p.stop()
  expect(p.running).toBe(false)
  await jest.advanceTimersByTimeAsync(120_000)
  expect(ask).toHaveBeenCalledTimes(4)
  p.start()
  expect(p.running).toBe(true)
  expect(ask).toHaveBeenCalledTimes(5)
  p.stop()
})

test('a call still under way is not doubled; a failure is swallowed and the next tick asks again', async () => {
  let finish: () => void = () => undefined
  const ask = jest.fn(() => new Promise<void>((resolve) => (finish = resolve)))
  const p = createPoller(ask, 1000)
  p.start()
  await jest.advanceTimersByTimeAsync(3000)
  expect(ask).toHaveBeenCalledTimes(1)
  finish()
  await jest.advanceTimersByTimeAsync(1000)
  expect(ask).toHaveBeenCalledTimes(2)
  p.stop()
  const failing = jest.fn(() => Promise.reject(new Error('offline')))
  const q = createPoller(failing, 1000)
  q.start()
  await jest.advanceTimersByTimeAsync(1000)
  expect(failing).toHaveBeenCalledTimes(2)
  q.stop()
})
