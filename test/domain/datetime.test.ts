// Times shown to people are Beijing time in zh-cn on every device, whatever its time zone.
import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { estimateNote } from '@/domain/calendar'
import { dueDateText } from '@/domain/calendar/due-text'
import { formatDate, formatTime, savedText, timeAgo, timeWithAgo } from '@/domain/datetime'

const run = promisify(execFile)
const NOW = '2026-11-27T02:00:00.000Z' // 2026-11-27 10:00 in Beijing

describe('formatDate', () => {
  test.each([
    ['2026-12-15', '12月15日（周二）'],
    ['2026-11-28', '11月28日（周六）'],
    ['2027-01-07', '2027年1月7日（周四）'],
    ['2025-10-01', '2025年10月1日（周三）'],
  ])('%s → %s', (date, text) => {
    expect(formatDate(date, NOW)).toBe(text)
  })

  test('an instant is dated by Beijing time', () => {
    // 16:30 UTC on 30 September is 1 October in Beijing
    expect(formatDate('2025-09-30T16:30:00Z', '2025-09-30')).toBe('10月1日（周三）')
  })

  test('an impossible date is refused', () => {
    expect(() => formatDate('2026-02-30', NOW)).toThrow(RangeError)
  })
})

describe('formatTime', () => {
  test.each([
    ['2026-11-26T02:00:00.000Z', '11月26日 10:00'],
    ['2026-11-26T16:05:00Z', '11月27日 00:05'],
    ['2026-11-26T10:05:00+08:00', '11月26日 10:05'],
    ['2025-12-31T16:00:00Z', '1月1日 00:00'],
    ['2025-12-31T15:59:00Z', '2025年12月31日 23:59'],
  ])('%s → %s', (iso, text) => {
    expect(formatTime(iso, NOW)).toBe(text)
  })

  test.each(['2026-11-26', 'yesterday', '2026-11-26T10:00:00'])('%s is not an instant', (bad) => {
    expect(() => formatTime(bad, NOW)).toThrow(RangeError)
  })
})

describe('timeAgo (我的草稿: "3 分钟前保存")', () => {
  test.each([
    ['2026-11-27T01:59:30Z', '刚刚'],
    ['2026-11-27T02:02:00Z', '刚刚'], // another device's clock a little ahead
    ['2026-11-27T01:57:00Z', '3 分钟前'],
    ['2026-11-27T01:15:00Z', '1 小时前'],
    ['2026-11-26T21:00:00Z', '5 小时前'],
    ['2026-11-26T02:00:00Z', '11月26日 10:00'],
    ['2026-11-27T03:00:00Z', '11月27日 11:00'], // an hour ahead is no "ago"
  ])('%s → %s', (iso, text) => {
    expect(timeAgo(iso, NOW)).toBe(text)
  })
})

test('我的草稿 says when a draft was last changed, in Beijing time, with how long ago within a day', () => {
  expect(savedText('2026-11-27T01:57:00Z', NOW)).toBe('11月27日 09:57 保存（3 分钟前）')
  expect(savedText('2026-11-27T01:59:59Z', NOW)).toBe('11月27日 09:59 保存（刚刚）')
  expect(savedText('2026-11-25T02:00:00Z', NOW)).toBe('11月25日 10:00 保存')
  expect(timeWithAgo('2026-11-27T00:00:00Z', NOW)).toBe('11月27日 08:00（2 小时前）')
})

test('a due date says when it is an estimate, and why', () => {
  expect(dueDateText('2026-12-15', '2026-12-01', NOW)).toBe('12月15日（周二）前办结')
  expect(dueDateText('2027-01-07', '2026-12-30T02:00:00Z', NOW, '（5 个工作日，节假日不计）')).toBe('2027年1月7日（周四）前办结（5 个工作日，节假日不计），预计（2027 年放假安排尚未公布）')
})

test('estimateNote names the years without a published schedule', () => {
  expect(estimateNote('2026-12-30', '2027-01-07')).toBe('预计（2027 年放假安排尚未公布）')
  expect(estimateNote('2026-12-01', '2026-12-15')).toBe('')
  expect(estimateNote('2026-06-01', '2028-01-05')).toBe('预计（2027、2028 年放假安排尚未公布）')
})

describe('the device time zone never changes what is shown', () => {
  // jest keeps its own process.env, so each zone runs in a child process (test/support/datetime-samples.ts).
  const expected = ['3月8日 02:30', '11月27日 00:05', '12月15日（周二）', '10月1日（周三）', '3 分钟前', '3 小时前', '2 小时前']
  const zones: [string, number][] = [
    ['Asia/Shanghai', -480],
    ['UTC', 0],
    ['America/New_York', 300],
    ['Europe/London', 0],
    ['Asia/Kolkata', -330],
    ['Pacific/Kiritimati', -840],
    ['America/St_Johns', 210],
  ]

  test.each(zones)('TZ=%s', async (zone, offset) => {
    const script = path.join(__dirname, '../support/datetime-samples.ts')
    const { stdout } = await run(process.execPath, ['--import', 'tsx', script], { env: { ...process.env, TZ: zone }, cwd: path.join(__dirname, '../..') })
    expect(JSON.parse(stdout)).toEqual({ offset, samples: expected })
  }, 30_000)
})
