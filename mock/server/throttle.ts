// Limits on guessing: staff passwords (per account and per client) and SMS codes (per number and per
// client). Counters live in memory, bounded in size; a restart forgets them (docs/platform-api.md).
import { toBeijingDate } from '../../src/domain/calendar'
import { fail } from './http'

/** Events per key within a sliding window; the oldest keys go first when there are too many. */
export class SlidingCounter {
  private readonly events = new Map<string, number[]>()

  constructor(
    readonly windowMs: number,
    private readonly maxKeys = 10_000,
  ) {}

  count(key: string, now: number): number {
    return this.fresh(key, now).length
  }

  /** when the latest event happened */
  last(key: string, now: number): number | undefined {
    const list = this.fresh(key, now)
    return list[list.length - 1]
  }

  /** when the `n`-th latest event happened (1 = the latest) */
  nth(key: string, now: number, n: number): number | undefined {
    const list = this.fresh(key, now)
    return list[list.length - n]
  }

  add(key: string, now: number): void {
    const list = this.fresh(key, now)
    list.push(now)
    if (list.length > 1000) list.shift()
    this.events.delete(key)
    this.events.set(key, list)
    if (this.events.size > this.maxKeys) this.events.delete(this.events.keys().next().value as string)
  }

  clear(key: string): void {
    this.events.delete(key)
  }

  private fresh(key: string, now: number): number[] {
    const list = this.events.get(key)
    if (!list) return []
    const kept = list.filter((t) => now - t < this.windowMs)
    if (!kept.length) this.events.delete(key)
    else if (kept.length !== list.length) this.events.set(key, kept)
    return kept
  }
}

/** Counts per key for one Beijing calendar day; a new day starts from zero. */
export class DailyCounter {
  private day = ''
  private readonly counts = new Map<string, number>()

  constructor(private readonly maxKeys = 10_000) {}

  count(key: string, now: number): number {
    this.roll(now)
    return this.counts.get(key) ?? 0
  }

  add(key: string, now: number): number {
    this.roll(now)
    const n = (this.counts.get(key) ?? 0) + 1
    this.counts.delete(key)
    this.counts.set(key, n)
    if (this.counts.size > this.maxKeys) this.counts.delete(this.counts.keys().next().value as string)
    return n
  }

  private roll(now: number): void {
    const day = toBeijingDate(new Date(now).toISOString())
    if (day !== this.day) {
      this.day = day
      this.counts.clear()
    }
  }
}

export interface StaffLimits {
  /** wrong passwords in a row before the account is locked */
  accountFailures: number
  accountLockMs: number
  /** wrong passwords per client (any account) before each further try must wait, doubling from 1 s */
  clientFreeFailures: number
  clientWindowMs: number
  clientMaxWaitMs: number
  /** password checks one client may have running at once */
  clientInFlight: number
}

export interface SmsLimits {
  sendsPerNumberPerDay: number
  sendsPerClientPerHour: number
  /** wrong codes per number in a Beijing day before the number is locked until midnight */
  wrongPerNumberPerDay: number
  wrongPerClientPerHour: number
}

export const STAFF_LIMITS: StaffLimits = {
  accountFailures: 5,
  accountLockMs: 15 * 60_000,
  clientFreeFailures: 10,
  clientWindowMs: 15 * 60_000,
  clientMaxWaitMs: 15 * 60_000,
  clientInFlight: 2,
}

export const SMS_LIMITS: SmsLimits = {
  sendsPerNumberPerDay: 10,
  sendsPerClientPerHour: 20,
  wrongPerNumberPerDay: 10,
  wrongPerClientPerHour: 30,
}

const HOUR = 3600_000

function minutes(ms: number): number {
  return Math.max(1, Math.ceil(ms / 60_000))
}

function seconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000))
}

/**
 * Staff sign-in: an account is locked after `accountFailures` wrong passwords (known or unknown names alike,
 * so a lock tells nothing); a client's failures past `clientFreeFailures` make it wait, doubling each time.
 * Refusals cost no hashing.
 */
export class StaffGuard {
  private readonly accountFails: SlidingCounter
  private readonly clientFails: SlidingCounter
  private readonly running = new Map<string, number>()

  constructor(readonly limits: StaffLimits) {
    this.accountFails = new SlidingCounter(limits.accountLockMs)
    this.clientFails = new SlidingCounter(limits.clientWindowMs)
  }

  /** 429 when this try may not run now; otherwise a function to call when the check is over. */
  admit(account: string, client: string, now: number): () => void {
    const l = this.limits
    const a = accountKey(account)
    if (this.accountFails.count(a, now) >= l.accountFailures) {
      const until = (this.accountFails.nth(a, now, l.accountFailures) ?? now) + l.accountLockMs
      fail('RATE_LIMITED', `该账号连续登录失败次数过多，已暂时锁定，请 ${minutes(until - now)} 分钟后再试`)
    }
    const c = this.clientFails.count(client, now)
    if (c >= l.clientFreeFailures) {
      const wait = Math.min(l.clientMaxWaitMs, 1000 * 2 ** (c - l.clientFreeFailures))
      const until = (this.clientFails.last(client, now) ?? now) + wait
      if (now < until) fail('RATE_LIMITED', `登录尝试过于频繁，请 ${seconds(until - now)} 秒后再试`)
    }
    const busy = this.running.get(client) ?? 0
    if (busy >= l.clientInFlight) fail('RATE_LIMITED', '登录尝试过于频繁，请稍后再试')
    this.running.set(client, busy + 1)
    let released = false
    return () => {
      if (released) return
      released = true
      const n = (this.running.get(client) ?? 1) - 1
      if (n > 0) this.running.set(client, n)
      else this.running.delete(client)
    }
  }

  failed(account: string, client: string, now: number): void {
    this.accountFails.add(accountKey(account), now)
    this.clientFails.add(client, now)
  }

  succeeded(account: string): void {
    this.accountFails.clear(accountKey(account))
  }
}

function accountKey(account: string): string {
  return account.trim().toLowerCase().slice(0, 64)
}

/**
 * SMS codes: sends limited per number (60 s apart, so many a day) and per client; wrong codes counted per
 * number for the day (then the number is locked until midnight, Beijing time) and per client. Every answer
 * is the same for a registered and an unregistered number.
 */
export class SmsGuard {
  private readonly sendsPerNumber = new DailyCounter()
  private readonly sendsPerClient: SlidingCounter
  private readonly wrongPerNumber = new DailyCounter()
  private readonly wrongPerClient: SlidingCounter

  constructor(readonly limits: SmsLimits) {
    this.sendsPerClient = new SlidingCounter(HOUR)
    this.wrongPerClient = new SlidingCounter(HOUR)
  }

  private lockedNumber(mobile: string, now: number): void {
    if (this.wrongPerNumber.count(mobile, now) >= this.limits.wrongPerNumberPerDay) fail('RATE_LIMITED', '该手机号今日验证码错误次数过多，已暂停短信登录，请明天再试或使用微信登录')
  }

  /** before a code is sent */
  send(mobile: string, client: string, now: number): void {
    this.lockedNumber(mobile, now)
    if (this.sendsPerNumber.count(mobile, now) >= this.limits.sendsPerNumberPerDay) fail('RATE_LIMITED', '该手机号今日获取验证码次数已达上限，请明天再试')
    if (this.sendsPerClient.count(client, now) >= this.limits.sendsPerClientPerHour) {
      const oldest = this.sendsPerClient.nth(client, now, this.limits.sendsPerClientPerHour) ?? now
      fail('RATE_LIMITED', `获取验证码过于频繁，请 ${minutes(oldest + HOUR - now)} 分钟后再试`)
    }
  }

  sent(mobile: string, client: string, now: number): void {
    this.sendsPerNumber.add(mobile, now)
    this.sendsPerClient.add(client, now)
  }

  /** before a code is checked: a locked number is refused even with the right code */
  verify(mobile: string, client: string, now: number): void {
    this.lockedNumber(mobile, now)
    if (this.wrongPerClient.count(client, now) >= this.limits.wrongPerClientPerHour) {
      const oldest = this.wrongPerClient.nth(client, now, this.limits.wrongPerClientPerHour) ?? now
      fail('RATE_LIMITED', `验证码错误次数过多，请 ${minutes(oldest + HOUR - now)} 分钟后再试`)
    }
  }

  wrong(mobile: string, client: string, now: number): void {
    this.wrongPerNumber.add(mobile, now)
    this.wrongPerClient.add(client, now)
  }
}

export interface Guards {
  staff: StaffGuard
  sms: SmsGuard
}

export function createGuards(o: { staff?: Partial<StaffLimits>; sms?: Partial<SmsLimits> } = {}): Guards {
  return { staff: new StaffGuard({ ...STAFF_LIMITS, ...o.staff }), sms: new SmsGuard({ ...SMS_LIMITS, ...o.sms }) }
}
