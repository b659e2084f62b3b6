// H5: resolves once the opening page has painted (the browser's first-contentful-paint), the main thread is then
// idle (the page's body renders in a transition after the frame: pages/Frame.tsx) and that body's paint has been
// presented, so reads that cannot change it (the check of saved tokens and what waits on it: badges, draft sync,
// a refresh of what the device keeps) leave the network and the main thread to it. A request sent before the
// body's paint would also count toward its time in Lighthouse's model. first-paint.weapp.ts: at once.
let painted: Promise<void> | undefined

/** A hidden tab (it never paints), a page without text or a browser without paint timing waits no longer. */
const LONGEST_WAIT_MS = 2000

export function afterFirstPaint(): Promise<void> {
  return (painted ??= new Promise<void>((resolve) => {
    // the next frame begins once the one painted meanwhile has been presented
    const nextFrame = () => requestAnimationFrame(() => resolve())
    // Safari has no idle callback; a main thread never idle is covered by the longest wait
    const whenIdle: (then: () => void) => unknown = typeof requestIdleCallback === 'function' ? requestIdleCallback : setTimeout
    try {
      const observer = new PerformanceObserver((list) => {
        if (!list.getEntriesByName('first-contentful-paint').length) return
        observer.disconnect()
        whenIdle(nextFrame)
      })
      observer.observe({ type: 'paint', buffered: true })
    } catch {
      // no paint timing (tests): nothing to wait for
      resolve()
    }
    setTimeout(resolve, LONGEST_WAIT_MS)
  }))
}
