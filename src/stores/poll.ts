// Asking again and again while a page is shown: start() asks at once and then every `everyMs`; stop() (the page
// hidden or closed) ends it. One timer at most; a call still under way is not doubled.
export interface Timers {
  setInterval: (fn: () => void, ms: number) => unknown
  clearInterval: (id: unknown) => void
}

const realTimers: Timers = {
  setInterval: (fn, ms) => setInterval(fn, ms),
  clearInterval: (id) => clearInterval(id as ReturnType<typeof setInterval>),
}

export function createPoller(ask: () => Promise<unknown>, everyMs: number, timers: Timers = realTimers) {
  let timer: unknown
  let asking = false
  const once = () => {
    if (asking) return
    asking = true
    void ask()
      .catch(() => undefined)
      .finally(() => {
        asking = false
      })
  }
  return {
    start() {
      once()
      if (timer === undefined) timer = timers.setInterval(once, everyMs)
    },
    stop() {
      if (timer !== undefined) timers.clearInterval(timer)
      timer = undefined
    },
    get running() {
      return timer !== undefined
    },
  }
}
