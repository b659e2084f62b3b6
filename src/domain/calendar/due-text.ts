// A due date as the citizen reads it. Its own module: the calendar (engine, mock) needs no dayjs, and the
// home page's "3 分钟前保存" (datetime.ts) needs no holiday table.
import { formatDate } from '../datetime'
import { estimateNote, toBeijingDate } from './index'

/**
 * "12月15日（周二）前办结", then `detail`, then for a date counted through a year whose holidays are not
 * published yet "，预计（2027 年放假安排尚未公布）". `from`: where counting began (date or ISO instant).
 */
export function dueDateText(due: string, from: string, now: string, detail = ''): string {
  const note = estimateNote(toBeijingDate(from), due)
  return `${formatDate(due, now)}前办结${detail}${note ? `，${note}` : ''}`
}
