// The case's rulebook: clock from 受理 paused by 补正/fees, 红黄牌, plain state, remedies, rating, second 补正.
import { addUnits, caseClock, caseState, checkRating, clockOfCase, followUpOf, isComplexCase, remediesOf, secondSupplementRefusal, sortCases, unitsBetween, withdrawRefusal, ratingRefusal, type CaseSummary } from '@/domain/case'
import { caseMatter, caseRecord } from '../support/cases'

const wd = (value: number) => ({ value, unit: 'workday' as const })
// Thursday 2026-11-26, 10:00 Beijing
const ACCEPTED = '2026-11-26T02:00:00.000Z'
const at = (date: string) => `${date}T02:00:00.000Z`

describe('caseClock', () => {
  test('does not run before 受理', () => {
    const c = caseClock({ limit: wd(5), paused: [], now: at('2026-12-10') })
    expect(c).toMatchObject({ state: 'not-started', card: 'on-time', left: 5, text: '受理后开始计时，承诺 5 个工作日内办结' })
  })

  test('counts working days from 受理: green, yellow at ≤ 1 day or ≤ 20%, red once overdue with the 12345 text', () => {
    const on = (date: string) => caseClock({ acceptedAt: ACCEPTED, limit: wd(5), paused: [], now: at(date) })
    expect(on('2026-11-26')).toMatchObject({ card: 'on-time', used: 0, left: 5, dueDate: '2026-12-03', text: '剩余 5 个工作日（12月3日（周四）前）' })
    expect(on('2026-12-01')).toMatchObject({ card: 'on-time', left: 2 })
    expect(on('2026-12-02')).toMatchObject({ card: 'yellow', left: 1, text: '即将到期：剩余 1 个工作日（12月3日（周四）前）' })
    expect(on('2026-12-03')).toMatchObject({ card: 'yellow', left: 0, text: '即将到期：今天到期（12月3日（周四））' })
    expect(on('2026-12-07')).toMatchObject({ card: 'red', overdue: 2, text: '已超过承诺时限 2 个工作日，可拨打 12345 反映' })
    // 20% of 10 days is 2: yellow with 2 left
    expect(caseClock({ acceptedAt: ACCEPTED, limit: wd(10), paused: [], now: at('2026-12-08') })).toMatchObject({ left: 2, card: 'yellow' })
  })

  test('stops during 补正 and says so; the due date moves by the paused working days', () => {
    const paused = [{ from: at('2026-11-27'), to: at('2026-12-02'), reason: '补正' }]
    const during = caseClock({ acceptedAt: ACCEPTED, limit: wd(5), paused: [{ from: at('2026-11-27'), reason: '补正' }], now: at('2026-12-01') })
    expect(during).toMatchObject({ state: 'paused', pausedBy: '补正', used: 1, left: 4 })
    expect(during.text).toMatch(/^补正期间不计时，剩余 4 个工作日/)
    const after = caseClock({ acceptedAt: ACCEPTED, limit: wd(5), paused, now: at('2026-12-02') })
    // Fri, Mon, Tue, Wed were paused (3 working days counted after Thu 27th up to Wed 2nd)
    expect(after).toMatchObject({ state: 'running', pausedDays: 3, used: 1, left: 4, dueDate: '2026-12-08' })
  })

  test('overlapping pauses (补正 and an unpaid fee) count once', () => {
    const paused = [
      { from: at('2026-11-26'), to: at('2026-12-01'), reason: '缴费' },
      { from: at('2026-11-30'), to: at('2026-12-03'), reason: '补正' },
    ]
    expect(caseClock({ acceptedAt: ACCEPTED, limit: wd(5), paused, now: at('2026-12-03') })).toMatchObject({ pausedDays: 5, used: 0 })
  })

  test('natural-day limits (日) count every day', () => {
    expect(unitsBetween('2026-11-26', '2026-12-06', 'day')).toBe(10)
    expect(addUnits('2026-11-26', 60, 'day').date).toBe('2027-01-25')
    expect(caseClock({ acceptedAt: ACCEPTED, limit: { value: 3, unit: 'day' }, paused: [], now: at('2026-11-30') })).toMatchObject({ card: 'red', overdue: 1, text: '已超过承诺时限 1 天，可拨打 12345 反映' })
  })

  test('a decided case keeps the time it took', () => {
    const c = caseClock({ acceptedAt: ACCEPTED, limit: wd(5), paused: [], now: at('2026-12-20'), endedAt: at('2026-12-01') })
    expect(c).toMatchObject({ state: 'stopped', card: 'on-time', used: 3, text: '在承诺时限内办结（用时 3 个工作日）' })
  })
})

const summary = (o: Partial<CaseSummary>): CaseSummary => {
  const { content: _c, ...rest } = caseRecord(o)
  return rest
}

describe('caseState', () => {
  test('plain words for each state, what awaits whom, and the citizen action', () => {
    expect(caseState(summary({}))).toMatchObject({ label: '待受理', awaiting: 'department' })
    expect(caseState(summary({ matters: [caseMatter({ status: 'in-review', acceptedAt: ACCEPTED })] }))).toMatchObject({ label: '审查中', awaitingText: '等待市场监督管理局审查办理' })
    expect(caseState(summary({ matters: [caseMatter({ status: 'supplement' })] }))).toMatchObject({ label: '待您补正', awaiting: 'citizen', action: 'supplement' })
    const fee = { items: [{ item: '登记费', amountYuan: 80 }], amountYuan: 80, status: 'due' as const, dueSince: ACCEPTED }
    expect(caseState(summary({ matters: [caseMatter({ status: 'accepted', fee })] }))).toMatchObject({ label: '待缴费', action: 'pay' })
    const concluded = caseMatter({ status: 'delivered', outcome: 'approved', decidedAt: ACCEPTED })
    expect(caseState(summary({ matters: [concluded] }))).toMatchObject({ label: '已办结，待评价', action: 'rate' })
    const pickup = caseMatter({ status: 'concluded', outcome: 'approved', result: { name: '许可证', issuedAt: ACCEPTED, pickup: { hall: { id: 'h', name: '岳麓区政务服务中心', address: 'x', hours: 'y', phone: 'z' }, code: '123456' } } })
    expect(caseState(summary({ matters: [pickup] }))).toMatchObject({ label: '待领取', action: 'pickup' })
    expect(caseState(summary({ matters: [caseMatter({ status: 'rejected' })] }))).toMatchObject({ label: '不予受理', awaiting: 'none' })
    expect(caseState(summary({ withdrawnAt: ACCEPTED, matters: [caseMatter({ status: 'withdrawn' })] }))).toMatchObject({ label: '已撤回' })
    const rated = summary({ matters: [concluded], evaluation: { level: 2, indicators: ['efficiency'], at: ACCEPTED, followUp: followUpOf(ACCEPTED, false) } })
    expect(caseState(rated)).toMatchObject({ label: '已办结，差评回访中', awaiting: 'department' })
  })

  test('cases needing the citizen come first, then the newest', () => {
    const a = summary({ id: 'A', submittedAt: '2026-11-20T00:00:00Z', matters: [caseMatter({ status: 'supplement' })] })
    const b = summary({ id: 'B', submittedAt: '2026-11-25T00:00:00Z' })
    const c = summary({ id: 'C', submittedAt: '2026-11-24T00:00:00Z' })
    expect(sortCases([c, b, a]).map((x) => x.id)).toEqual(['A', 'B', 'C'])
  })

  test('the case clock starts at the first 受理', () => {
    const s = summary({ matters: [caseMatter({ status: 'in-review', acceptedAt: '2026-11-27T02:00:00.000Z' }), caseMatter({ matterId: 'x', status: 'submitted' })] })
    expect(clockOfCase(s, at('2026-11-27'))).toMatchObject({ state: 'running', dueDate: '2026-12-04' })
  })

  test('withdrawal only before a decision; rating only once after 办结', () => {
    expect(withdrawRefusal(summary({}))).toBeUndefined()
    expect(withdrawRefusal(summary({ matters: [caseMatter({ status: 'concluded' })] }))).toBe('已有事项作出决定，不能撤回申请')
    expect(ratingRefusal(summary({}))).toBe('办件办结后才能评价')
    expect(ratingRefusal(summary({ matters: [caseMatter({ status: 'concluded' })] }))).toBeUndefined()
    expect(ratingRefusal(summary({ matters: [caseMatter({ status: 'concluded' })], evaluation: { level: 5, indicators: [], at: ACCEPTED } }))).toBe('该办件已评价，每件只能评价一次')
  })
})

describe('rules', () => {
  test('remedies: 行政复议 within 60 days, 行政诉讼 within 6 months of knowing', () => {
    expect(remediesOf('2026-08-31T02:00:00Z', '长沙市市场监督管理局').map((r) => [r.name, r.until])).toEqual([
      ['行政复议', '2026-10-30'],
      ['行政诉讼', '2027-02-28'],
    ])
  })

  test('rating: five levels; 不满意 and below need an indicator; comment at most 500 characters', () => {
    expect(checkRating({ level: 5, indicators: [] })).toEqual({ ok: true, value: { level: 5, indicators: [] } })
    expect(checkRating({ level: 1, indicators: [] })).toMatchObject({ ok: false, errors: { indicators: '选择“非常不满意”时，请至少选择一项不满意的方面' } })
    expect(checkRating({ level: 2, indicators: ['usability'], comment: '  太难用  ' })).toEqual({ ok: true, value: { level: 2, indicators: ['usability'], comment: '太难用' } })
    expect(checkRating({ indicators: [] })).toMatchObject({ ok: false, message: '请选择满意程度' })
    expect(checkRating({ level: 3, indicators: ['speed'] })).toMatchObject({ ok: false })
    expect(checkRating({ level: 3, indicators: [], comment: '好'.repeat(501) })).toMatchObject({ ok: false, errors: { comment: '评价内容不能超过 500 字，当前 501 字' } })
  })

  test('follow-up: 7 natural days, 15 for complex cases', () => {
    expect(followUpOf('2026-11-26T02:00:00Z', false)).toMatchObject({ callbackDue: '2026-12-03', rectifyDue: '2026-12-03' })
    expect(followUpOf('2026-11-26T02:00:00Z', true)).toMatchObject({ rectifyDue: '2026-12-11' })
    expect(isComplexCase([caseMatter({ hasSiteCheck: false })])).toBe(false)
    expect(isComplexCase([caseMatter()])).toBe(true)
  })

  test('a second 补正 for the same matter needs new items', () => {
    const first = [{ fields: ['seats'], materials: ['layout'], matterIds: ['food'] }]
    expect(secondSupplementRefusal(first, ['food'], ['seats'], [])).toBe('该事项已一次性告知过这些补正内容，再次要求补正须列明新的补正事项')
    expect(secondSupplementRefusal(first, ['food'], ['seats', 'area'], [])).toBeUndefined()
    expect(secondSupplementRefusal(first, ['sign'], ['seats'], [])).toBeUndefined()
  })
})
