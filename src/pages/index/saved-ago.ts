// "3 分钟前保存" on the home page. The relative time needs dayjs (5 KB gzip), which is not worth delaying the
// first paint for: on H5 it loads after the page shows, and until then the line says 已保存.
// (saved-ago.weapp.ts: WeChat has the code in its package already.)
import { useEffect, useState } from 'react'
import type { timeAgo as TimeAgo } from '@/domain/datetime'

let loaded: typeof TimeAgo | undefined

/** `wanted`: there is something to say it of (no drafts: nothing is loaded) */
export function useSavedAgo(now: string, wanted: boolean): (iso: string) => string {
  const [timeAgo, setTimeAgo] = useState(() => loaded)
  useEffect(() => {
    if (timeAgo || !wanted) return
    let live = true
    void import('@/domain/datetime').then((m) => {
      loaded = m.timeAgo
      if (live) setTimeAgo(() => m.timeAgo)
    })
    return () => {
      live = false
    }
  }, [timeAgo, wanted])
  return (iso) => (timeAgo ? `${timeAgo(iso, now)}保存` : '已保存')
}
