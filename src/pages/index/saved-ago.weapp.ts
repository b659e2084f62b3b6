// "3 分钟前保存" on the home page, WeChat: the package holds dayjs already (saved-ago.ts loads it late on H5).
import { timeAgo } from '@/domain/datetime'

export function useSavedAgo(now: string, _wanted: boolean): (iso: string) => string {
  return (iso) => `${timeAgo(iso, now)}保存`
}
