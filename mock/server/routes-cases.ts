// Cases (submission, 补正, withdrawal, payment, 好差评, messages) and the simulation controls that drive them
// (clock, stall, outbox, faults, reset). Every handler runs as one transaction (index.ts): a case moved on by
// the clock, its messages, outbox entries and an issued licence are committed together with the answer.
import { randomBytes } from 'node:crypto'
import { bookedOnlineRefusal, standingBooking } from '../../src/domain/assist/booking'
import { checkRating, followUpOf, isBadRating, isComplexCase, paymentRefusal, ratingRefusal, withdrawRefusal } from '../../src/domain/case'
import { maskName } from '../../src/domain/mask'
import type { CaseListResponse, ClockResponse, Evaluation, MessageListResponse, OutboxResponse, PaymentOrder } from '../../src/services/contract'
import { applySupplement, checkSubmission, createCase, lifeHooks, refreshCase, view } from './cases'
import { me, type Core, type Ctx, type Route } from './core'
import { validateFaultConfig } from './faults'
import { fail, json } from './http'
import { SubmitCaseRequestSchema, SupplementSubmitRequestSchema } from '../../src/services/contract-schema'
import { filingUnderGrant, withoutStamps } from './filing'
import { Checker, parseBody } from './input'
import { addWorkingDaysMs, feePaid, findMatter, withdraw } from './lifecycle'
import { recordSubscription } from './notify'
import { listPage } from './pages'
import { currentConfirmations } from './routes-parties'
import { ownerGroup, type StoredCase, type StoredDraft } from './state'
import { draftKey } from './drafts'

const CASE_ID = /^HN\d{13}$/

/**
 * The case the route names, if the caller may see it (someone else's case answers like no case), brought up
 * to now, as a private copy the route may change before it saves it (a refused change leaves no trace).
 */
export function findCase(core: Core, ctx: Ctx, ownerOnly: boolean): StoredCase {
  const id = ctx.params.id
  if (!CASE_ID.test(id)) fail('NOT_FOUND', '办件不存在')
  const c = core.state.cases.get(id)
  const u = ctx.user
  // no user: a simulation control (access checked by the route). Staff and reviewers: the department routes
  // then check the case's hall (routes-dept.ts)
  const allowed = c && (!u || u.profile.userId === c.ownerId || (!ownerOnly && u.profile.role !== 'citizen'))
  // the same answer for someone else's case as for no case: ids do not leak
  if (!c || !allowed) return fail('NOT_FOUND', '办件不存在')
  return structuredClone(refreshCase(core, c))
}

/** A replayed key shows the case as it is now (the answer is not stored twice). */
export function replayCase(core: Core, id: string, opts: { staff?: boolean } = {}) {
  const c = core.state.cases.get(id)
  return c ? view(core, refreshCase(core, c), opts) : fail('NOT_FOUND', '办件不存在')
}

const ORDER_ID = /^pay-[A-Za-z0-9_-]{16,40}$/

function cashierPage(o: PaymentOrder, returnTo: string): string {
  const esc = (x: string) => x.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>统一公共支付平台（模拟收银台）</title>
<style>body{font-family:system-ui,sans-serif;margin:0;background:#f5f6f8;color:#1f2329}main{max-width:480px;margin:0 auto;padding:24px}h1{font-size:22px}.card{background:#fff;border-radius:8px;padding:16px;margin:16px 0}.amount{font-size:32px;font-weight:700;color:#8c0c22}button{width:100%;min-height:48px;font-size:18px;border:0;border-radius:8px;background:#146c2e;color:#fff}a{color:#0b4fb8}</style></head>
<body><main><h1>统一公共支付平台</h1><p>模拟收银台：不会真实扣款</p><div class="card"><div>${esc(o.description)}</div><div class="amount">¥ ${o.amountYuan.toFixed(2)}</div><div>订单号 ${esc(o.orderId)}</div></div>
${o.status === 'paid' ? '<p role="status">该订单已支付，无需重复支付。</p>' : '<button id="pay" type="button">确认支付</button><p id="msg" role="status"></p>'}
<p><a href="${esc(returnTo)}">返回办件</a></p></main>
<script>var b=document.getElementById('pay');if(b)b.onclick=function(){b.disabled=true;fetch(location.pathname.replace(/cashier$/,'complete'),{method:'POST'}).then(function(r){if(!r.ok)throw new Error();location.href=${JSON.stringify(returnTo)}}).catch(function(){b.disabled=false;document.getElementById('msg').textContent='支付未完成，请重试'})}</script></body></html>`
}

export function caseRoutes(core: Core, hooks: { reset(): void }): Route[] {
  const orderOf = (id: string) => {
    const o = ORDER_ID.test(id) ? core.state.payments.get(id) : undefined
    if (!o) return fail('NOT_FOUND', '订单不存在')
    return o
  }
  const findCase_ = (ctx: Ctx, ownerOnly: boolean) => findCase(core, ctx, ownerOnly)

  const replayOwn = (id: string) => replayCase(core, id)


  const clock = (): ClockResponse => ({ now: new Date(core.now()).toISOString(), offsetMs: core.state.meta.get().clockOffsetMs })

  return [
    {
      method: 'POST',
      pattern: '/cases',
      auth: 'citizen',
      acting: {
        scope: (ctx) => ({ bundleId: String((ctx.body as { content?: { bundleId?: unknown } })?.content?.bundleId ?? '（未指明）') }),
        audit: (_ctx, r) => ({ action: 'write', what: '代为提交申请', record: (r.json as { id?: string })?.id }),
      },
      body: 'json',
      idempotency: 'required',
      handler(ctx) {
        const { draftId, content: sent, acting: claimed, signature } = parseBody(SubmitCaseRequestSchema, ctx.body)
        // stamps of the window (who verified, who accepted 容缺) are the platform's to write
        const content = withoutStamps(sent)
        const user = me(ctx)
        const key = draftKey(user.profile.userId, draftId)
        const draft = core.state.drafts.get(key)
        // a draft becomes one case; a second submission of it (with a new key) is refused
        if (draft?.status === 'submitted') return fail('CONFLICT', `该草稿已提交，办件编号 ${draft.caseId}`, { caseId: draft.caseId })
        // who acts is the platform's to say (the grant), never the body's
        const filing = ctx.actor ? filingUnderGrant(core, ctx, signature) : undefined
        if (!ctx.actor && claimed && claimed.actor !== 'self') return fail('VALIDATION', '代办须经申请人授权：请使用亲情帮办，或到服务大厅窗口办理')
        // 线上预填、线下办理: while a booking of this bundle stands, only the window files it (under its grant), once
        const standing = standingBooking(core.state.heldBookings(user.profile.userId, content.bundleId), user.profile.userId, content.bundleId, new Date(core.now()).toISOString())
        if (standing && ctx.actor?.grant.bookingId !== standing.id) return fail('CONFLICT', bookedOnlineRefusal(standing.id))
        const acting = filing?.acting ?? claimed
        // co-applicants' confirmations count only for exactly the content submitted
        const checked = checkSubmission(core, user, content, acting, undefined, draft ? currentConfirmations(draft, content) : [])
        const created = createCase(core, user, draftId, filing ? filing.stamp(checked) : checked, acting, filing?.by ?? {})
        filing?.done(created)
        const now = new Date(core.now()).toISOString()
        const submitted: StoredDraft = draft
          ? { ...draft, version: draft.version + 1, content, updatedAt: now, status: 'submitted', caseId: created.id }
          : { id: draftId, ownerId: user.profile.userId, version: 1, content, createdAt: now, updatedAt: now, status: 'submitted', caseId: created.id }
        // the case, its number, the draft's status and (in index.ts) the idempotency answer: one commit
        core.state.drafts.set(key, submitted)
        core.log.info(`新办件 ${created.id}：${created.bundleName}，${created.matters.length} 个事项${ctx.actor ? `（${ctx.actor.grant.grantee === 'staff' ? '窗口代办' : '亲情帮办'}）` : ''}`)
        return { ...json(201, view(core, created)), ref: created.id }
      },
      replay: replayOwn,
    },
    {
      method: 'GET',
      pattern: '/cases',
      auth: 'citizen',
      handler(ctx) {
        const uid = me(ctx).profile.userId
        const page = listPage(ctx, core.state.cases.inGroup(ownerGroup(uid)), (c) => c.id, 'desc', (c) => view(core, refreshCase(core, c)))
        const res: CaseListResponse = { cases: page.items, ...page.more }
        return json(200, res)
      },
    },
    {
      method: 'GET',
      pattern: '/cases/:id',
      auth: 'citizen',
      acting: { scope: (ctx) => ({ caseId: ctx.params.id }), audit: (ctx) => ({ action: 'read', what: '查看办件', record: ctx.params.id }) },
      handler: (ctx) => json(200, view(core, findCase_(ctx, true))),
    },
    {
      method: 'POST',
      pattern: '/cases/:id/supplement',
      auth: 'citizen',
      body: 'json',
      idempotency: 'required',
      handler(ctx) {
        const found = findCase_(ctx, true)
        const { values, materials } = parseBody(SupplementSubmitRequestSchema, ctx.body)
        const updated = applySupplement(core, me(ctx), found, values, materials)
        core.log.info(`办件 ${updated.id} 已补正`)
        return { ...json(200, view(core, updated)), ref: updated.id }
      },
      replay: replayOwn,
    },
    {
      method: 'POST',
      pattern: '/cases/:id/evaluation',
      auth: 'citizen',
      body: 'json',
      idempotency: 'optional',
      handler(ctx) {
        const found = findCase_(ctx, true)
        const c = new Checker()
        const b = c.object(ctx.body, '')
        const level = b && c.int(b.level, 'level')
        const indicators = b && c.stringArray(b.indicators, 'indicators', true, 4)
        const comment = b && c.string(b.comment, 'comment', { optional: true, max: 2000 })
        c.done()
        const refused = ratingRefusal(found)
        if (refused) return fail('CONFLICT', refused)
        // one rulebook: the rating screen checks the same
        const checked = checkRating({ level, indicators: indicators ?? [], comment })
        if (!checked.ok) return fail('VALIDATION', checked.message, { fieldErrors: checked.errors as Record<string, string> })
        const at = new Date(core.now()).toISOString()
        const evaluation: Evaluation = { ...checked.value, at, ...(isBadRating(checked.value.level) ? { followUp: followUpOf(at, isComplexCase(found.matters)) } : {}) }
        found.evaluation = evaluation
        found.ratingId = `r-${randomBytes(9).toString('base64url')}`
        core.state.cases.set(found.id, found)
        if (evaluation.followUp) core.log.info(`差评回访已生成，回访与整改期限 ${evaluation.followUp.rectifyDue}`)
        return { ...json(201, evaluation), ref: found.id }
      },
      replay: (id) => core.state.cases.get(id)?.evaluation ?? fail('NOT_FOUND', '办件不存在'),
    },
    {
      method: 'POST',
      pattern: '/cases/:id/withdraw',
      auth: 'citizen',
      body: 'json-optional',
      idempotency: 'optional',
      handler(ctx) {
        const found = findCase_(ctx, true)
        const refused = withdrawRefusal(found)
        if (refused) return fail('CONFLICT', refused)
        // withdrawing a withdrawn case answers the same case (idempotent)
        if (!found.withdrawnAt) {
          withdraw(found, core.now(), lifeHooks(core))
          core.state.cases.set(found.id, found)
          core.log.info(`办件 ${found.id} 已由申请人撤回`)
        }
        return { ...json(200, view(core, found)), ref: found.id }
      },
      replay: replayOwn,
    },
    {
      method: 'POST',
      pattern: '/cases/:id/payments',
      auth: 'citizen',
      body: 'json',
      idempotency: 'optional',
      handler(ctx) {
        const found = findCase_(ctx, true)
        const c = new Checker()
        const b = c.object(ctx.body, '')
        const matterId = b && c.string(b.matterId, 'matterId', { max: 80 })
        const channel = b && c.oneOf(b.channel, 'channel', ['wechat', 'h5'] as const)
        c.done()
        const m = found.matters.find((x) => x.matterId === matterId)
        const refused = paymentRefusal(m)
        if (refused) return fail(m ? 'CONFLICT' : 'NOT_FOUND', refused)
        // one order per matter: asking again (a double tap, a retry) answers the same order
        const existing = core.state.payments.values().find((o) => o.caseId === found.id && o.matterId === matterId)
        const returnTo = `/#/pages/cases/detail/index?case=${found.id}`
        if (existing) return { ...json(200, strip(existing)), ref: existing.orderId }
        const orderId = `pay-${randomBytes(12).toString('base64url')}`
        const nonce = randomBytes(8).toString('hex')
        const order: PaymentOrder = {
          orderId,
          caseId: found.id,
          matterId: m!.matterId,
          amountYuan: m!.fee!.amountYuan,
          description: `${found.bundleName} · ${m!.fee!.items.map((i) => i.item).join('、')}`,
          status: m!.fee!.status === 'paid' ? 'paid' : 'open',
          createdAt: new Date(core.now()).toISOString(),
          // simulated: a real platform gets these from WeChat Pay's unified order and signs them
          wechat: { timeStamp: String(Math.floor(core.now() / 1000)), nonceStr: nonce, package: `prepay_id=mock${orderId.slice(4)}`, signType: 'RSA', paySign: `mock-sign-${nonce}` },
          cashierUrl: `/api/v1/payments/${orderId}/cashier?return=${encodeURIComponent(returnTo)}`,
        }
        core.state.payments.set(orderId, { ...order, ownerId: found.ownerId })
        core.log.info(`办件 ${found.id} 生成缴费订单（${channel === 'wechat' ? '微信支付' : '收银台'}）`)
        return { ...json(201, order), ref: orderId }
      },
      replay: (id) => strip(orderOf(id)),
    },
    {
      method: 'GET',
      pattern: '/payments/:orderId/cashier',
      auth: 'none',
      handler(ctx) {
        const o = orderOf(ctx.params.orderId)
        const back = ctx.query.get('return') ?? '/'
        // only a path on this origin: the cashier never sends the citizen elsewhere
        const returnTo = /^\/(?!\/)[^\s]*$/.test(back) ? back : '/'
        return { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }, raw: Buffer.from(cashierPage(o, returnTo)) }
      },
    },
    {
      // stands in for the payment platform's notification (WeChat Pay's notify_url, the cashier's callback).
      // Idempotent by the order's state: the receipt, the case's fee and the order are one commit, so a repeat
      // after a lost answer (or a crash) finds the order paid and answers it as it is.
      method: 'POST',
      pattern: '/payments/:orderId/complete',
      auth: 'none',
      handler(ctx) {
        const o = orderOf(ctx.params.orderId)
        const stored = core.state.cases.get(o.caseId)
        if (!stored) return fail('NOT_FOUND', '订单不存在')
        const c = structuredClone(refreshCase(core, stored))
        if (c.withdrawnAt) return fail('CONFLICT', '该办件已撤回，无需缴费')
        const m = findMatter(c, o.matterId)
        if (o.status !== 'paid') {
          const at = new Date(core.now()).toISOString()
          const owner = core.state.users.get(c.ownerId)
          const payer = owner?.profile.kind === 'firm' && owner.profile.firmName ? owner.profile.firmName : maskName(owner?.profile.name ?? '')
          feePaid(c, m, core.now(), { number: `示例票据${o.orderId.slice(4, 14).toUpperCase()}`, issuedAt: at, payer, amountYuan: o.amountYuan })
          core.state.cases.set(c.id, c)
          core.state.payments.set(o.orderId, { ...o, status: 'paid', paidAt: at })
          core.log.info(`办件 ${c.id} 已缴费 ${o.amountYuan} 元（模拟支付）`)
        }
        return json(200, strip(core.state.payments.get(o.orderId)!))
      },
    },
    {
      method: 'GET',
      pattern: '/messages',
      auth: 'citizen',
      handler(ctx) {
        const uid = me(ctx).profile.userId
        // bring the citizen's cases up to now first: their events are messages
        for (const c of core.state.cases.inGroup(ownerGroup(uid))) refreshCase(core, c)
        const mine = core.state.messages.inGroup(ownerGroup(uid))
        // newest first; the cursor key (time, then id) is unique and sorts the same way
        const page = listPage(ctx, mine, (m) => `${m.at} ${m.id}`, 'desc', ({ ownerId: _o, ...m }) => m)
        const res: MessageListResponse = { messages: page.items, unread: mine.filter((m) => !m.read).length, ...page.more }
        return json(200, res)
      },
    },
    {
      method: 'POST',
      pattern: '/messages/read',
      auth: 'citizen',
      body: 'json-optional',
      handler(ctx) {
        const uid = me(ctx).profile.userId
        const c = new Checker()
        const b = ctx.body === undefined ? {} : c.object(ctx.body, '')
        const ids = b && c.stringArray(b.ids, 'ids', true, 500)
        c.done()
        for (const m of core.state.messages.inGroup(ownerGroup(uid))) if (!m.read && (!ids || ids.includes(m.id))) core.state.messages.set(m.id, { ...m, read: true })
        return json(200, { ok: true })
      },
    },
    {
      method: 'POST',
      pattern: '/subscriptions',
      auth: 'citizen',
      body: 'json',
      handler(ctx) {
        const c = new Checker()
        const b = c.object(ctx.body, '')
        const answers = b && c.object(b.answers, 'answers')
        if (answers) for (const [k, v] of Object.entries(answers)) if (typeof v !== 'string' || k.length > 80) c.err(`answers.${k}`, '应为 accept / reject / ban / filter')
        c.done()
        const credits = recordSubscription(core, me(ctx).profile.userId, answers as Record<string, string>)
        return json(200, { credits })
      },
    },

    // ---------- simulation controls: the admin token, from this machine (no staff power) ----------
    {
      method: 'GET',
      pattern: '/admin/cases',
      auth: 'simulation',
      handler(ctx) {
        const status = ctx.query.get('status')
        const bundleId = ctx.query.get('bundleId')
        const cases = core.state.cases
          .values()
          .map((c) => refreshCase(core, c))
          .filter((c) => (!status || c.status === status) && (!bundleId || c.bundleId === bundleId))
        const page = listPage(ctx, cases, (c) => c.id, 'asc', (c) => view(core, c))
        const res: CaseListResponse = { cases: page.items, ...page.more }
        return json(200, res)
      },
    },
    {
      method: 'POST',
      pattern: '/admin/cases/:id/stall',
      auth: 'simulation',
      body: 'json',
      handler(ctx) {
        const found = findCase_(ctx, false)
        const c = new Checker()
        const b = c.object(ctx.body, '')
        const stalled = b && b.stalled
        if (b && typeof stalled !== 'boolean') c.err('stalled', '应为 true 或 false')
        c.done()
        found.stalled = stalled as boolean
        core.state.cases.set(found.id, found)
        return json(200, view(core, found))
      },
    },
    {
      method: 'GET',
      pattern: '/dev/outbox',
      auth: 'simulation',
      handler(ctx) {
        const caseId = ctx.query.get('caseId')
        const entries = core.state.outbox.values().filter((o) => !caseId || o.caseId === caseId)
        const page = listPage(ctx, entries, (o) => `${o.at} ${o.id}`, 'asc', ({ userId: _u, ...o }) => o)
        const res: OutboxResponse = { outbox: page.items, ...page.more }
        return json(200, res)
      },
    },
    {
      method: 'GET',
      pattern: '/admin/clock',
      auth: 'simulation',
      handler: () => json(200, clock()),
    },
    {
      method: 'POST',
      pattern: '/admin/clock/advance',
      auth: 'simulation',
      body: 'json',
      handler(ctx) {
        const c = new Checker()
        const b = c.object(ctx.body, '')
        const hours = b && c.number(b.hours, 'hours', { optional: true, min: 0, max: 24 * 366 })
        const workingDays = b && c.int(b.workingDays, 'workingDays', { optional: true, min: 0, max: 250 })
        if (b && hours === undefined && workingDays === undefined && !Object.keys(c.errors).length) c.err('hours', '请给出 hours 或 workingDays')
        c.done()
        const now = core.now()
        let target = now + (hours ?? 0) * 3600_000
        // same time of day, n working days later (Beijing calendar)
        if (workingDays) target = addWorkingDaysMs(target, workingDays)
        const meta = core.state.meta.get()
        core.state.meta.update({ clockOffsetMs: meta.clockOffsetMs + (target - now) })
        for (const c2 of core.state.cases.values()) refreshCase(core, c2)
        core.log.info(`模拟时钟前进至 ${new Date(core.now()).toISOString()}`)
        return json(200, clock())
      },
    },
    {
      method: 'GET',
      pattern: '/admin/faults',
      auth: 'simulation',
      handler: () => json(200, core.faults.get()),
    },
    {
      method: 'POST',
      pattern: '/admin/faults',
      auth: 'simulation',
      body: 'json',
      handler(ctx) {
        const r = validateFaultConfig(ctx.body)
        if (!r.ok) return fail('BAD_REQUEST', '故障注入配置不正确', { fieldErrors: r.errors })
        core.log.warn(`故障注入：${JSON.stringify(r.config)}`)
        return json(200, core.faults.set(r.config))
      },
    },
    {
      method: 'DELETE',
      pattern: '/admin/faults',
      auth: 'simulation',
      handler: () => json(200, core.faults.clear()),
    },
    {
      method: 'POST',
      pattern: '/admin/reset',
      auth: 'simulation',
      handler() {
        hooks.reset()
        return json(200, { ok: true })
      },
    },
  ]
}


function strip<T extends { ownerId: string }>(o: T): Omit<T, 'ownerId'> {
  const { ownerId: _o, ...rest } = o
  return rest
}
