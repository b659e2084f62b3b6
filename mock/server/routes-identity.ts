// Identity routes: WeChat code, SMS code, staff password, refresh, logout, profile; and e-licences.
import { randomBytes } from 'node:crypto'
import { maskIdNumber, maskMobile, maskName } from '../../src/domain/mask'
import type { LicenceKind } from '../../src/domain/template/types'
import { validateMobile } from '../../src/domain/validators'
import type { LicenceConsentResponse, LicenceListResponse, MyFirmsResponse, OkResponse, SmsSendResponse } from '../../src/services/contract'
import type { LicenceFixture } from '../fixtures/users'
import { me, type Core, type Ctx, type Route } from './core'
import { firmsOf } from './firms'
import { errorReply, fail, HttpError, json } from './http'
import { Checker } from './input'
import { checkPassword, type UserRecord } from './state'

/** The fixed development SMS code (documented in docs/platform-api.md). */
export const DEV_SMS_CODE = '123456'
const SMS_TTL_MS = 5 * 60_000
const SMS_COOLDOWN_MS = 60_000
const SMS_MAX_TRIES = 5

interface SmsCode {
  code: string
  sentAt: number
  tries: number
}

function maskNumber(s: string): string {
  if (/^\d{17}[\dX]$/i.test(s)) return maskIdNumber(s)
  if (s.length <= 6) return '*'.repeat(s.length)
  return Array.from(s).slice(0, 4).join('') + '****' + Array.from(s).slice(-4).join('')
}

/** The citizen's e-licences as lists show them (numbers masked; data only once consented). */
export function licenceSummaries(core: Core, u: UserRecord, consented: Set<string>) {
  return u.licences.map((l) => summary(l, consented.has(l.kind), core.catalogue.licenceName(l.kind)))
}

function summary(l: LicenceFixture, consented: boolean, title: string) {
  // a firm's name and code are public (企业信用信息公示); a person's are not
  const firm = l.kind === 'businessLicence' || l.kind === 'foodLicence' || (l.kind === 'property' && /公司|店|厂|中心/.test(l.holder))
  return {
    kind: l.kind,
    title,
    holder: firm ? l.holder : maskName(l.holder),
    number: firm ? l.number : maskNumber(l.number),
    issuer: l.issuer,
    issuedAt: l.issuedAt,
    consented,
  }
}

export function identityRoutes(core: Core): Route[] {
  const consentAnswer = (u: UserRecord, consentId: string): LicenceConsentResponse => {
    const rec = core.state.consents.get(consentId)
    const l = u.licences.find((x) => x.kind === rec?.kind)
    if (!rec || !l) return fail('NOT_FOUND', '未查到这次授权')
    return { kind: l.kind, title: core.catalogue.licenceName(l.kind), data: l.data, consentId, consentedAt: rec.at }
  }

  const sms = new Map<string, SmsCode>()

  const mobileOf = (c: Checker, v: unknown): string | undefined => {
    const s = c.string(v, 'mobile', { max: 20 })
    if (s === undefined) return undefined
    const r = validateMobile(s)
    if (!r.ok) c.err('mobile', r.message)
    return r.ok ? r.value : undefined
  }

  /** the `code` of a WeChat sign-in body */
  const codeOf = (body: unknown): string => {
    const c = new Checker()
    const b = c.object(body, '')
    const code = b && c.string(b.code, 'code', { min: 1, max: 128 })
    c.done()
    return code as string
  }

  /**
   * WeChat DevTools' codes are random: unknown ones sign in as the configured fixture (MOCK_WECHAT_FALLBACK_CODE),
   * for a caller on this machine only — never for one elsewhere on the network.
   */
  const devFallback = (what: string, ctx: Ctx) => {
    if (!core.wechatFallbackCode || !ctx.loopback) return undefined
    const user = core.state.userByWechatCode(core.wechatFallbackCode)
    if (user) core.log.info(`未登记的${what}：按开发设置以 ${core.wechatFallbackCode} 登录`)
    return user
  }

  return [
    {
      method: 'POST',
      pattern: '/auth/wechat',
      auth: 'none',
      body: 'json',
      handler(ctx) {
        const code = codeOf(ctx.body)
        const user = core.state.userByWechatCode(code) ?? devFallback('微信登录凭证', ctx)
        if (!user) return fail('UNAUTHORIZED', '微信登录凭证无效或已过期，请重新进入小程序')
        core.log.info(`微信登录：用户 ${user.profile.userId}`)
        return json(200, core.auth.issue(user, core.now()))
      },
    },
    {
      // 手机号快速验证: a real platform exchanges the button's code for the number with WeChat
      // (phonenumber.getPhoneNumber); the mock's codes are `dev-phone-<fixture mobile>`
      method: 'POST',
      pattern: '/auth/wechat/phone',
      auth: 'none',
      body: 'json',
      handler(ctx) {
        const mobile = /^dev-phone-(1\d{10})$/.exec(codeOf(ctx.body))?.[1]
        const user = mobile ? core.state.userByMobile(mobile) : devFallback('手机号验证凭证', ctx)
        if (!user && mobile) return fail('UNAUTHORIZED', '该手机号尚未在省一体化平台完成实名注册，请使用微信一键登录或到政务服务窗口办理')
        if (!user) return fail('UNAUTHORIZED', '手机号验证凭证无效或已过期，请重新获取')
        core.log.info(`手机号快速验证登录：用户 ${user.profile.userId}`)
        return json(200, core.auth.issue(user, core.now()))
      },
    },
    {
      method: 'POST',
      pattern: '/auth/sms/send',
      auth: 'none',
      body: 'json',
      handler(ctx) {
        const c = new Checker()
        const b = c.object(ctx.body, '')
        const mobile = b && mobileOf(c, b.mobile)
        c.done()
        const now = core.now()
        // nothing here depends on whether the number is registered: the answers are the same
        const prev = sms.get(mobile as string)
        if (prev && now - prev.sentAt < SMS_COOLDOWN_MS) {
          fail('RATE_LIMITED', `验证码已发送，请 ${Math.ceil((SMS_COOLDOWN_MS - (now - prev.sentAt)) / 1000)} 秒后再获取`)
        }
        core.guards.sms.send(mobile as string, ctx.client, now)
        sms.set(mobile as string, { code: DEV_SMS_CODE, sentAt: now, tries: 0 })
        core.guards.sms.sent(mobile as string, ctx.client, now)
        // the mock's "SMS gateway" is this log line; the number is masked
        core.log.info(`短信验证码已发送至 ${maskMobile(mobile as string)}：${DEV_SMS_CODE}（开发环境固定验证码）`)
        const res: SmsSendResponse = { sent: true, cooldownSeconds: SMS_COOLDOWN_MS / 1000, expiresInSeconds: SMS_TTL_MS / 1000 }
        return json(200, res)
      },
    },
    {
      method: 'POST',
      pattern: '/auth/sms/verify',
      auth: 'none',
      body: 'json',
      handler(ctx) {
        const c = new Checker()
        const b = c.object(ctx.body, '')
        const mobile = b && mobileOf(c, b.mobile)
        const code = b && c.string(b.code, 'code', { pattern: /^\d{6}$/, patternMessage: '验证码应为 6 位数字' })
        c.done()
        const now = core.now()
        // a locked number is refused even with the right code; registered or not, the answers are the same
        core.guards.sms.verify(mobile as string, ctx.client, now)
        const sent = sms.get(mobile as string)
        if (!sent || now - sent.sentAt > SMS_TTL_MS) {
          core.guards.sms.wrong(mobile as string, ctx.client, now)
          return fail('UNAUTHORIZED', '验证码已失效，请重新获取')
        }
        if (sent.code !== code) {
          sent.tries++
          core.guards.sms.wrong(mobile as string, ctx.client, now)
          if (sent.tries >= SMS_MAX_TRIES) sms.delete(mobile as string)
          return fail('UNAUTHORIZED', sent.tries >= SMS_MAX_TRIES ? '验证码错误次数过多，请重新获取' : '验证码不正确')
        }
        sms.delete(mobile as string)
        const user = core.state.userByMobile(mobile as string)
        if (!user) return fail('UNAUTHORIZED', '该手机号尚未在省一体化平台完成实名注册，请使用微信登录或到政务服务窗口办理')
        core.log.info(`短信登录：用户 ${user.profile.userId}`)
        return json(200, core.auth.issue(user, now))
      },
    },
    {
      method: 'POST',
      pattern: '/auth/staff',
      auth: 'none',
      body: 'json',
      // the password check runs on the thread pool, after the locks: the event loop stays free
      async prepare(ctx) {
        const c = new Checker()
        const b = c.object(ctx.body, '')
        const account = b && c.string(b.account, 'account', { min: 1, max: 64 })
        const password = b && c.string(b.password, 'password', { min: 1, max: 128 })
        c.done()
        const guard = core.guards.staff
        const release = guard.admit(account as string, ctx.client, core.now())
        try {
          const user = core.state.userByAccount(account as string)
          // an unknown account costs the same hashing as a known one
          const ok = await checkPassword(password as string, user?.passwordHash)
          if (!user || !ok) {
            guard.failed(account as string, ctx.client, core.now())
            fail('UNAUTHORIZED', '账号或密码不正确')
          }
          guard.succeeded(account as string)
          ctx.user = user
        } finally {
          release()
        }
      },
      handler(ctx) {
        const user = me(ctx)
        core.log.info(`工作人员登录：${user.profile.userId}`)
        return json(200, core.auth.issue(user, core.now()))
      },
    },
    {
      method: 'POST',
      pattern: '/auth/refresh',
      auth: 'none',
      body: 'json',
      handler(ctx) {
        const c = new Checker()
        const b = c.object(ctx.body, '')
        const token = b && c.string(b.refreshToken, 'refreshToken', { min: 1, max: 200 })
        c.done()
        const out = core.auth.refresh(token as string, core.now())
        return out instanceof HttpError ? errorReply(out) : json(200, out)
      },
    },
    {
      method: 'POST',
      pattern: '/auth/logout',
      auth: 'user',
      handler(ctx) {
        if (ctx.session) core.auth.revoke(ctx.session)
        const res: OkResponse = { ok: true }
        return json(200, res)
      },
    },
    {
      method: 'GET',
      pattern: '/me',
      auth: 'user',
      handler: (ctx) => json(200, me(ctx).profile),
    },
    {
      method: 'GET',
      pattern: '/me/firms',
      auth: 'citizen',
      handler(ctx) {
        const res: MyFirmsResponse = { firms: firmsOf(me(ctx)) }
        return json(200, res)
      },
    },
    // ---------- e-licences ----------
    {
      method: 'GET',
      pattern: '/licences',
      auth: 'citizen',
      acting: { audit: () => ({ action: 'read', what: '查看电子证照目录' }) },
      handler(ctx) {
        const u = me(ctx)
        const consented = new Set(core.state.consents.values().filter((x) => x.userId === u.profile.userId).map((x) => x.kind))
        const res: LicenceListResponse = { licences: licenceSummaries(core, u, consented) }
        return json(200, res)
      },
    },
    {
      method: 'POST',
      pattern: '/licences/:kind/consent',
      auth: 'citizen',
      // under a grant the citizen's authorisation is the consent for the grant's bundle only
      acting: {
        scope: (ctx) => ({ bundleId: String((ctx.body as { bundleId?: unknown } | undefined)?.bundleId ?? '（未指明）') }),
        // the citizen reads the record in brackets: the licence's name, not its key ("居民身份证", not "idCard")
        audit: (ctx) => ({ action: 'read', what: '调用电子证照', record: core.catalogue.licenceName(ctx.params.kind) }),
      },
      body: 'json-optional',
      idempotency: 'optional',
      handler(ctx) {
        const u = me(ctx)
        const c = new Checker()
        const b = ctx.body === undefined ? {} : c.object(ctx.body, '')
        const purpose = b && c.string(b.purpose, 'purpose', { optional: true, max: 200 })
        const bundleId = b && c.string(b.bundleId, 'bundleId', { optional: true, max: 80 })
        c.done()
        const kind: LicenceKind = ctx.params.kind
        const l = u.licences.find((x) => x.kind === kind)
        if (!l) return fail('NOT_FOUND', `未查到您的电子${core.catalogue.licenceName(kind)}`)
        const at = new Date(core.now()).toISOString()
        const id = `c-${randomBytes(9).toString('base64url')}`
        core.state.consents.set(id, { id, userId: u.profile.userId, kind, purpose, bundleId, at })
        return { ...json(200, consentAnswer(u, id)), ref: id }
      },
      replay: (id, ctx) => consentAnswer(me(ctx), id),
    },
  ]
}
