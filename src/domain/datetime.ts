// Dates and times as people read them: Beijing time on every device whatever its time zone, in zh-cn
// ("12月15日（周二）", "3 分钟前"). Pure: the current time is a parameter. China has kept UTC+8 without
// daylight saving since 1991, so Beijing time is the instant plus 8 hours, read in dayjs' UTC mode: the
// device's zone and its daylight saving never enter (a local-time shift would, near a DST change).
import dayjs, { type Dayjs } from 'dayjs'
import relativeTime from 'dayjs/plugin/relativeTime'
import utc from 'dayjs/plugin/utc'
import 'dayjs/locale/zh-cn'

dayjs.extend(utc)
dayjs.extend(relativeTime)

const BEIJING_HOURS = 8
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i

/** An ISO instant (with Z or an offset) as Beijing wall-clock time. */
function beijing(iso: string): Dayjs {
  const d = dayjs.utc(iso)
  if (!ISO_INSTANT.test(iso.trim()) || !d.isValid()) throw new RangeError(`无效的时间：${iso}`)
  return d.add(BEIJING_HOURS, 'hour').locale('zh-cn')
}

/** A calendar date 'YYYY-MM-DD' (taken as Beijing's), or the Beijing day of an ISO instant. */
function beijingDay(dateOrInstant: string): Dayjs {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(dateOrInstant)) return beijing(dateOrInstant).startOf('day')
  const d = dayjs.utc(dateOrInstant).locale('zh-cn')
  // dayjs rolls 02-30 over to March: refuse instead
  if (!d.isValid() || d.format('YYYY-MM-DD') !== dateOrInstant) throw new RangeError(`不存在的日期：${dateOrInstant}`)
  return d
}

/** A calendar date: "12月15日（周二）", with the year when it is not the current one ("2027年1月7日（周四）"). */
export function formatDate(date: string, now: string): string {
  const d = beijingDay(date)
  return d.format(d.year() === beijingDay(now).year() ? 'M月D日（ddd）' : 'YYYY年M月D日（ddd）')
}

/** An instant in Beijing time: "11月26日 10:00", with the year when it is not the current one. */
export function formatTime(iso: string, now: string): string {
  const d = beijing(iso)
  return d.format(d.year() === beijingDay(now).year() ? 'M月D日 HH:mm' : 'YYYY年M月D日 HH:mm')
}

/**
 * How long ago, for "… 保存": "刚刚" under a minute (or up to 5 minutes ahead: another device's clock),
 * "3 分钟前", "2 小时前" within a day, else the time itself.
 */
export function timeAgo(iso: string, now: string): string {
  const then = beijing(iso)
  const ms = beijing(now).diff(then)
  if (ms > -300_000 && ms < 60_000) return '刚刚'
  if (ms > 0 && ms < 86_400_000) return then.from(beijing(now))
  return formatTime(iso, now)
}

/** An instant with how long ago it was: "11月26日 10:03（3 分钟前）"; older than a day, the time alone. */
export function timeWithAgo(iso: string, now: string): string {
  const at = formatTime(iso, now)
  const ago = timeAgo(iso, now)
  return ago === at ? at : `${at}（${ago}）`
}

/** When a draft was last changed, on whichever device: "11月26日 10:03 保存（3 分钟前）". */
export function savedText(iso: string, now: string): string {
  const at = formatTime(iso, now)
  const ago = timeAgo(iso, now)
  return ago === at ? `${at} 保存` : `${at} 保存（${ago}）`
}
