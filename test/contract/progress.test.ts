// After submission, against the real mock: each matter walks its own steps on the simulated clock; the
// department routes (受理, 不予受理, 补正, 决定, 送达); the clock paused by 补正 and by an unpaid fee; withdrawal;
// results (e-licence, EMS, pickup); 好差评 with its follow-up; messages and the outbox.
import fs from 'node:fs'
import path from 'node:path'
import { checkRating, remediesOf } from '@/domain/case'
import type { BundleTemplate } from '@/domain/template/types'
import type { CaseRecord, MatterStatus } from '@/services/contract'
import { newDraftId, newIdempotencyKey, PlatformError } from '@/services/platform'
import { CATALOGUE, catalogueTemplate, fillDraft, raw, signIn, start, tmpDir, uploader, type Running, type TestClient } from './support/harness'

let r: Running
let c: TestClient
let staff: TestClient
let who: Awaited<ReturnType<typeof signIn>>
let t: BundleTemplate

// a bundle of our own with known shape: A (promised, 受理 1 wd → 现场核查 1 wd → 决定 1 wd, result an e-licence),
// B (即办件, one step of 1 h), C (promised, after A, 受理 2 h → 审查 1 wd, a fee of 80 元); committed 5 working days
beforeAll(async () => {
  const source = catalogueTemplate('kaiban-canyin')
  const [a, b, c3] = source.matters
  const wd = (value: number) => ({ value, unit: 'workday' as const })
  t = {
    ...source,
    id: 'progress-test',
    promisedLimitDays: 5,
    matters: [
      { ...a, id: 'A', name: '事项甲', department: '市场监督管理局', appliesWhen: undefined, after: undefined, caseType: 'promised', legalLimitDays: 20, promisedLimitDays: 5, fees: [], result: { name: '食品小经营许可证', licence: 'foodLicence' }, steps: [{ name: '受理', limit: wd(1), standard: '材料齐全' }, { name: '现场核查', limit: wd(1), standard: '符合条件' }, { name: '许可决定', limit: wd(1), standard: '符合条件' }] },
      { ...b, id: 'B', name: '事项乙', department: '税务局', appliesWhen: undefined, after: undefined, caseType: 'instant', legalLimitDays: 0, promisedLimitDays: 0, fees: [], steps: [{ name: '当场办结', limit: { value: 1, unit: 'hour' }, standard: '材料齐全' }] },
      { ...(c3 ?? a), id: 'C', name: '事项丙', department: '不动产登记中心', appliesWhen: undefined, after: ['A'], caseType: 'promised', legalLimitDays: 20, promisedLimitDays: 3, fees: [{ item: '登记费', amountYuan: 80, basis: '发改价格规〔2016〕2559号', provenance: { sample: true } }], steps: [{ name: '受理', limit: { value: 2, unit: 'hour' }, standard: '材料齐全' }, { name: '审查', limit: wd(1), standard: '符合条件' }] },
    ],
  }
  const used = new Set(t.matters.flatMap((m) => m.materials.map((x) => x.ref)))
  const fields = new Set(t.matters.flatMap((m) => m.fields))
  t.materials = t.materials.filter((m) => used.has(m.id) && (!m.producedBy || t.matters.some((x) => x.id === m.producedBy)))
  t.matters = t.matters.map((m) => ({ ...m, materials: m.materials.filter((x) => t.materials.some((y) => y.id === x.ref)) }))
  t.fields = t.fields.filter((f) => fields.has(f.id))
  t.departments = [...new Set(t.matters.map((m) => m.department))]
  t.stops = []
  const dir = tmpDir('yjs-cat-')
  fs.mkdirSync(path.join(dir, 'bundles'))
  fs.writeFileSync(path.join(dir, 'bundles', 't.json'), JSON.stringify(t))
  fs.copyFileSync(path.join(CATALOGUE, 'regions.json'), path.join(dir, 'regions.json'))
  // e-licence kinds are catalogue data (the issued licence takes its name from them)
  fs.copyFileSync(path.join(CATALOGUE, 'licences.json'), path.join(dir, 'licences.json'))
  r = await start({ catalogueDir: dir })
  const ids = (await r.client().listBundles()).map((x) => x.id)
  if (!ids.length) throw new Error(r.logs.join('\n'))
  expect(ids).toEqual(['progress-test'])
  c = r.client()
  who = await signIn(c, 'dev-no-licence')
  staff = r.client()
  await staff.loginStaff('staff03', 'Window@2026')
})
afterAll(() => r.stop())

async function submit(delivery?: CaseRecord['delivery']): Promise<CaseRecord> {
  const content = await fillDraft(t, { ...who, upload: uploader(c, t.id), prefer: ['upload', 'shared', 'promise'] })
  return c.submitCase({ draftId: newDraftId(), content: { ...content, ...(delivery ? { delivery } : {}) } }, newIdempotencyKey())
}

const statuses = (cs: CaseRecord) => Object.fromEntries(cs.matters.map((m) => [m.matterId, m.status])) as Record<string, MatterStatus>
const matter = (cs: CaseRecord, id: string) => cs.matters.find((m) => m.matterId === id)!
const pay = async (cs: CaseRecord, matterId = 'C') => {
  const order = await c.createPayment(cs.id, { matterId, channel: 'h5' })
  return c.completePayment(order.orderId)
}

test('each matter walks its own steps on the clock; a fee holds its matter until paid; the result is issued', async () => {
  const cs = await submit()
  expect(cs.limit).toEqual({ value: 5, unit: 'workday' })
  expect(statuses(cs)).toEqual({ A: 'submitted', B: 'submitted', C: 'submitted' })
  expect(matter(cs, 'A').contact.phone).toBeTruthy()
  await staff.admin.advanceClock({ hours: 1 })
  // B (one step of 1 h) is accepted and decided on the spot; A's 受理 takes a working day, C's two hours
  let now = await c.getCase(cs.id)
  expect(statuses(now)).toEqual({ A: 'submitted', B: 'concluded', C: 'submitted' })
  expect(matter(now, 'B').result!.pickup!.code).toMatch(/^\d{6}$/)
  await staff.admin.advanceClock({ hours: 1 })
  now = await c.getCase(cs.id)
  // C accepted: its fee is due and its clock waits
  expect(statuses(now).C).toBe('accepted')
  expect(matter(now, 'C').fee).toMatchObject({ amountYuan: 80, status: 'due' })
  expect(matter(now, 'C').pauses).toEqual([{ from: '2026-11-26T04:00:00.000Z', reason: '缴费' }])
  await staff.admin.advanceClock({ workingDays: 1 })
  now = await c.getCase(cs.id)
  expect(statuses(now)).toEqual({ A: 'site-check', B: 'concluded', C: 'accepted' })
  expect(matter(now, 'A').acceptedAt).toBe('2026-11-27T02:00:00.000Z')
  // paying exactly once: the same order twice, completed twice, one receipt
  const o1 = await c.createPayment(now.id, { matterId: 'C', channel: 'wechat' })
  const o2 = await c.createPayment(now.id, { matterId: 'C', channel: 'h5' })
  expect(o2.orderId).toBe(o1.orderId)
  expect(o1.wechat.package).toMatch(/^prepay_id=/)
  const cashier = await raw(r.url, 'GET', o1.cashierUrl.replace('/api/v1', ''))
  expect(cashier.text).toContain('¥ 80.00')
  const p1 = await c.completePayment(o1.orderId)
  const p2 = await c.completePayment(o1.orderId)
  expect(p2).toEqual(p1)
  now = await c.getCase(cs.id)
  const fee = matter(now, 'C').fee!
  expect(fee).toMatchObject({ status: 'paid', paidAt: '2026-11-27T04:00:00.000Z' })
  expect(fee.receipt).toMatchObject({ amountYuan: 80 })
  expect(matter(now, 'C').pauses).toEqual([{ from: '2026-11-26T04:00:00.000Z', to: '2026-11-27T04:00:00.000Z', reason: '缴费' }])
  expect(statuses(now).C).toBe('in-review')
  await expect(c.createPayment(now.id, { matterId: 'A', channel: 'h5' })).rejects.toMatchObject({ kind: 'conflict', message: '该事项不收费' })
  await staff.admin.advanceClock({ workingDays: 2 })
  now = await c.getCase(cs.id)
  // A decided after its three steps; C waited for A, then concluded
  expect(statuses(now)).toMatchObject({ A: 'concluded', C: 'concluded' })
  const a = matter(now, 'A')
  expect(a.timeline.map((e) => e.note)).toEqual(['申请已提交', '部门已受理', '现场核查', '许可决定', '已办结：准予许可'])
  expect(a.result).toMatchObject({ name: '食品小经营许可证', licence: { kind: 'foodLicence', title: '食品经营许可证' } })
  // pickup (the harness fills 窗口自取): the hall and a pickup code
  expect(a.result!.pickup!.code).toMatch(/^\d{6}$/)
  // the e-licence is the citizen's now, usable in later bundles
  expect((await c.listLicences()).map((l) => l.kind)).toContain('foodLicence')
  // handing over at the window delivers it
  const delivered = await staff.dept.deliver(cs.id, { matterId: 'A' })
  expect(matter(delivered, 'A').status).toBe('delivered')
  expect(matter(delivered, 'A').result!.pickup!.collectedAt).toBeTruthy()
  await expect(staff.dept.deliver(cs.id, { matterId: 'A' })).rejects.toMatchObject({ kind: 'conflict' })
})

test('EMS: a waybill and its events on the clock, then signed for', async () => {
  const cs = await submit({ method: 'ems', address: { recipient: '赵敏', mobile: '13807310004', region: '430104', detail: '五一大道 1 号' } })
  await staff.dept.accept(cs.id, { matterId: 'A' })
  const d = await staff.dept.decide(cs.id, { matterId: 'A', outcome: 'approved' })
  expect(matter(d, 'A').result!.ems).toMatchObject({ events: [] })
  expect(matter(d, 'A').result!.ems!.waybill).toMatch(/^EMS示例/)
  await staff.admin.advanceClock({ hours: 3 })
  expect(matter(await c.getCase(cs.id), 'A').result!.ems!.events.map((e) => e.text)).toEqual(['市场监督管理局已揽收'])
  await staff.admin.advanceClock({ hours: 50 })
  const after = matter(await c.getCase(cs.id), 'A')
  expect(after.result!.ems!.events).toHaveLength(4)
  expect(after.status).toBe('delivered')
  expect(after.timeline.at(-1)!.note).toBe('结果已送达（EMS 已签收）')
})

test('department routes: 受理 and 不予受理 with remedies; 不予许可 with remedies; refusals of impossible steps', async () => {
  const cs = await submit()
  const { now } = await staff.admin.getClock()
  const rejected = await staff.dept.reject(cs.id, { matterId: 'B', reason: '经营场所不在本辖区' })
  const b = matter(rejected, 'B')
  expect(b.status).toBe('rejected')
  expect(b.refusal).toEqual({ stage: 'acceptance', reason: '经营场所不在本辖区', at: now, remedies: remediesOf(now, b.authority) })
  expect(remediesOf('2026-11-26T02:00:00.000Z', b.authority).map((x) => [x.name, x.until])).toEqual([
    ['行政复议', '2027-01-25'],
    ['行政诉讼', '2027-05-26'],
  ])
  await expect(staff.dept.accept(cs.id, { matterId: 'B' })).rejects.toMatchObject({ kind: 'conflict' })
  await staff.dept.accept(cs.id, { matterId: 'C' })
  await expect(staff.dept.reject(cs.id, { matterId: 'C', reason: 'x' })).rejects.toMatchObject({ kind: 'conflict', message: expect.stringContaining('不予许可') })
  await expect(staff.dept.decide(cs.id, { matterId: 'C', outcome: 'approved' })).rejects.toMatchObject({ kind: 'conflict', message: '事项丙的费用尚未缴纳，不能作出决定' })
  await pay(cs)
  // C comes after A
  await expect(staff.dept.decide(cs.id, { matterId: 'C', outcome: 'approved' })).rejects.toMatchObject({ kind: 'conflict', message: '暂不能作出决定（需先办结：事项甲）' })
  await staff.dept.accept(cs.id, { matterId: 'A' })
  await staff.dept.decide(cs.id, { matterId: 'A', outcome: 'approved' })
  await expect(staff.dept.decide(cs.id, { matterId: 'C', outcome: 'refused' })).rejects.toMatchObject({ kind: 'validation' })
  const refused = await staff.dept.decide(cs.id, { matterId: 'C', outcome: 'refused', reason: '登记信息与不动产登记簿不一致' })
  expect(matter(refused, 'C')).toMatchObject({ status: 'concluded', outcome: 'refused', refusal: { stage: 'decision', reason: '登记信息与不动产登记簿不一致' } })
  expect(matter(refused, 'C').refusal!.remedies).toHaveLength(2)
  expect(matter(refused, 'C').result).toBeUndefined()
  await expect(staff.dept.accept(cs.id, { matterId: 'nope' })).rejects.toMatchObject({ kind: 'not-found' })
  // citizens cannot act for a department
  const asCitizen = await raw(r.url, 'POST', `/dept/cases/${cs.id}/accept`, { headers: { Authorization: `Bearer ${c.tokens.current!.accessToken}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ matterId: 'A' }) })
  expect(asCitizen.status).toBe(403)
})

test('补正: the clock stops while it waits; resubmitting is exactly once; a second 补正 needs new items; none on a closed case', async () => {
  const cs = await submit()
  await staff.dept.accept(cs.id, { matterId: 'A' })
  const field = t.fields.find((f) => !f.prefill && cs.content.values[f.id] !== undefined && ['text', 'textarea', 'address'].includes(f.type) && t.matters[0].fields.includes(f.id))!
  const material = Object.keys(cs.content.materials).find((id) => cs.content.materials[id].mode === 'upload' && t.matters[0].materials.some((m) => m.ref === id))!
  const asked = await staff.dept.requestSupplement(cs.id, { matterId: 'A', message: '请补充清晰的材料', fields: [field.id], materials: [material] })
  expect(asked.status).toBe('supplement')
  expect(asked.supplement).toMatchObject({ message: '请补充清晰的材料', fields: [field.id], materials: [material], matterIds: ['A'] })
  expect(asked.supplement!.labels![field.id]).toBe(field.label)
  const dueBefore = asked.dueDate
  await staff.admin.advanceClock({ workingDays: 2 })
  const held = await c.getCase(cs.id)
  expect(statuses(held).A).toBe('supplement')
  // two working days in 补正 do not count: the due date moved by two working days
  expect(held.dueDate > dueBefore).toBe(true)
  expect(matter(held, 'A').pauses[0]).toMatchObject({ reason: '补正' })
  await expect(staff.dept.requestSupplement(cs.id, { matterId: 'A', message: '再补一次', fields: [field.id] })).rejects.toMatchObject({ kind: 'conflict' })

  const fileId = await uploader(c, t.id)(material, t.materials.find((m) => m.id === material)!.upload!.accept)
  const key = newIdempotencyKey()
  const body = { values: { [field.id]: '补正后的内容' }, materials: { [material]: { mode: 'upload' as const, fileIds: [fileId] } } }
  const extra = Object.keys(cs.content.values).find((k) => k !== field.id)!
  const tooMuch = (await c.submitSupplement(cs.id, { ...body, values: { ...body.values, [extra]: 'x' } }, newIdempotencyKey()).catch((e) => e)) as PlatformError
  expect(tooMuch.fieldErrors).toEqual({ [extra]: '本次补正不需要修改这一项' })
  const [first, second] = await Promise.all([c.submitSupplement(cs.id, body, key), c.submitSupplement(cs.id, body, key).catch(async () => c.submitSupplement(cs.id, body, key))])
  expect(second).toEqual(first)
  // a replay renders the case as it is now (the answer is not stored twice)
  expect(second).toEqual(await c.getCase(cs.id))
  expect(first.content.values[field.id]).toBe('补正后的内容')
  expect(matter(first, 'A').timeline.at(-1)).toMatchObject({ status: 'site-check', note: '申请人已补正，现场核查' })
  expect(matter(first, 'A').timeline.filter((e) => e.note.startsWith('申请人已补正'))).toHaveLength(1)
  expect(matter(first, 'A').pauses[0].to).toBeTruthy()
  await expect(c.submitSupplement(cs.id, body, newIdempotencyKey())).rejects.toMatchObject({ kind: 'conflict', message: '该办件当前不需要补正' })

  // the same items again are refused (一次性告知); new items are accepted and both are recorded
  await expect(staff.dept.requestSupplement(cs.id, { matterId: 'A', message: '还是这份', materials: [material] })).rejects.toMatchObject({
    kind: 'conflict',
    message: '该事项已一次性告知过这些补正内容，再次要求补正须列明新的补正事项',
  })
  const other = t.fields.find((f) => f.id !== field.id && !f.prefill && cs.content.values[f.id] !== undefined && ['text', 'textarea', 'address'].includes(f.type) && t.matters[0].fields.includes(f.id))!
  const again = await staff.dept.requestSupplement(cs.id, { matterId: 'A', message: '另需补充', fields: [other.id] })
  expect(again.supplements!.map((s) => s.message)).toEqual(['请补充清晰的材料', '另需补充'])
  await c.submitSupplement(cs.id, { values: { [other.id]: '补正后的新内容' }, materials: {} }, newIdempotencyKey())

  await c.withdrawCase(cs.id).catch(() => undefined)
  const closed = await submit()
  await staff.dept.accept(closed.id, { matterId: 'A' })
  await staff.dept.decide(closed.id, { matterId: 'A', outcome: 'approved' })
  await staff.admin.advanceClock({ workingDays: 3 })
  await pay(closed)
  await staff.admin.advanceClock({ workingDays: 2 })
  expect(statuses(await c.getCase(closed.id))).toMatchObject({ A: 'concluded', B: 'concluded', C: 'concluded' })
  await expect(staff.dept.requestSupplement(closed.id, { message: 'x', fields: [field.id] })).rejects.toMatchObject({ kind: 'conflict', message: '办件已办结，不能再要求补正' })
})

test('撤回: before a decision, after a confirmation in the app; idempotent; not once decided', async () => {
  const cs = await submit()
  const w1 = await c.withdrawCase(cs.id)
  expect(w1.status).toBe('withdrawn')
  expect(w1.withdrawnAt).toBe((await staff.admin.getClock()).now)
  expect(w1.matters.every((m) => m.status === 'withdrawn')).toBe(true)
  const w2 = await c.withdrawCase(cs.id)
  expect(w2).toEqual(w1)
  await staff.admin.advanceClock({ workingDays: 3 })
  expect((await c.getCase(cs.id)).status).toBe('withdrawn')
  await expect(staff.dept.accept(cs.id, { matterId: 'A' })).rejects.toMatchObject({ kind: 'conflict', message: '申请人已撤回该办件' })

  const decided = await submit()
  await staff.admin.advanceClock({ hours: 1 })
  await expect(c.withdrawCase(decided.id)).rejects.toMatchObject({ kind: 'conflict', message: '已有事项作出决定，不能撤回申请' })
})

test('好差评: after 办结 only, once; 不满意 needs an indicator (the same rule and message as the app); a follow-up the citizen sees; raters hidden from departments', async () => {
  const cs = await submit()
  await expect(c.evaluateCase(cs.id, { level: 5, indicators: [] })).rejects.toMatchObject({ kind: 'conflict', message: '办件办结后才能评价' })
  await staff.admin.advanceClock({ workingDays: 1 })
  await pay(cs)
  await staff.admin.advanceClock({ workingDays: 3 })
  const noIndicator = (await c.evaluateCase(cs.id, { level: 2, indicators: [] }).catch((e) => e)) as PlatformError
  const rule = checkRating({ level: 2, indicators: [] })
  expect(rule.ok).toBe(false)
  expect(noIndicator).toMatchObject({ kind: 'validation', message: !rule.ok ? rule.message : '' })
  expect(noIndicator.fieldErrors).toEqual({ indicators: '选择“不满意”时，请至少选择一项不满意的方面' })
  await expect(c.evaluateCase(cs.id, { level: 9, indicators: [] })).rejects.toMatchObject({ kind: 'validation', message: '请选择满意程度' })
  const e = await c.evaluateCase(cs.id, { level: 2, indicators: ['efficiency', 'efficiency'], comment: '等了很久' })
  expect(e).toMatchObject({ level: 2, indicators: ['efficiency'], comment: '等了很久' })
  // three departments and a 现场核查: complex, 15 natural days
  expect(e.followUp).toMatchObject({ complex: true, callbackDue: expect.any(String), rectifyDue: expect.any(String) })
  await expect(c.evaluateCase(cs.id, { level: 5, indicators: [] })).rejects.toMatchObject({ kind: 'conflict', message: '该办件已评价，每件只能评价一次' })

  // departments see the rating without the case number or the applicant
  const staffView = await staff.dept.getCase(cs.id)
  expect(staffView.evaluation).toBeUndefined()
  const ratings = await staff.dept.listRatings()
  const mine = ratings.find((x) => x.evaluation.at === e.at)!
  expect(JSON.stringify(mine)).not.toContain(cs.id)
  expect(JSON.stringify(mine)).not.toContain('赵')
  await staff.dept.followUp(mine.ratingId, { kind: 'callback', text: '已电话回访' })
  await staff.dept.followUp(mine.ratingId, { kind: 'answer', text: '已优化现场核查预约流程', department: '市场监督管理局' })
  const seen = await c.getCase(cs.id)
  expect(seen.evaluation!.followUp).toMatchObject({ callback: { note: '已电话回访' }, answer: { text: '已优化现场核查预约流程', department: '市场监督管理局' } })
  await expect(staff.dept.followUp(mine.ratingId, { kind: 'answer', text: 'again' })).rejects.toMatchObject({ kind: 'conflict' })
  const messages = await c.listMessages()
  expect(messages.messages.some((m) => m.caseId === cs.id && m.kind === 'rating-answered')).toBe(true)
})

test('红黄牌 and messages: a stalled case turns yellow then red, each told once; messages read; SMS or subscription in the outbox', async () => {
  const sub = await c.subscribe({ answers: { 'sample-tmpl-accepted-0001': 'accept', 'sample-tmpl-concluded-0003': 'reject', 'not-ours': 'accept' } })
  expect(sub.credits).toEqual({ 'sample-tmpl-accepted-0001': 1 })
  const cs = await submit()
  await staff.dept.accept(cs.id, { matterId: 'A' })
  await staff.admin.stallCase(cs.id, true)
  const seen: string[] = []
  for (let i = 0; i < 8; i++) {
    seen.push((await c.getCase(cs.id)).deadline)
    await staff.admin.advanceClock({ workingDays: 1 })
  }
  expect([...new Set(seen)]).toEqual(['on-time', 'yellow', 'red'])
  const { messages, unread } = await c.listMessages()
  const ofCase = messages.filter((m) => m.caseId === cs.id)
  expect(ofCase.filter((m) => m.kind === 'yellow')).toHaveLength(1)
  expect(ofCase.filter((m) => m.kind === 'red')).toHaveLength(1)
  expect(ofCase.find((m) => m.kind === 'red')!.body).toMatch(/已超过承诺时限 \d+ 个工作日，可拨打 12345 反映/)
  expect(unread).toBeGreaterThan(0)
  await c.markMessagesRead([ofCase[0].id])
  expect((await c.listMessages()).unread).toBe(unread - 1)
  await c.markMessagesRead()
  expect((await c.listMessages()).unread).toBe(0)
  const outbox = await staff.admin.outbox(cs.id)
  // the one 'accept' carried the first 受理 message by WeChat; later ones went by SMS, masked
  expect(outbox.filter((o) => o.channel === 'wechat-subscribe').map((o) => o.kind)).toEqual(['accepted'])
  expect(outbox.some((o) => o.channel === 'sms' && o.to === '138****0004')).toBe(true)
  expect(JSON.stringify(outbox)).not.toContain('13807310004')
  const asCitizen = await raw(r.url, 'GET', '/dev/outbox', { headers: { Authorization: `Bearer ${c.tokens.current!.accessToken}` } })
  expect(asCitizen.status).toBe(403)
})

test('the clock refuses nonsense', async () => {
  await expect(staff.admin.advanceClock({})).rejects.toMatchObject({ kind: 'bad-request' })
  await expect(staff.admin.advanceClock({ hours: -1 })).rejects.toMatchObject({ kind: 'bad-request' })
  await expect(staff.admin.advanceClock({ workingDays: 1.5 })).rejects.toMatchObject({ kind: 'bad-request' })
})
