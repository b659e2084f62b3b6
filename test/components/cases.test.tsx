/** @jest-environment jsdom */
// Every state of 我的办件, the case page (timeline, 补正, refusal, fee, results, rating, follow-up, withdrawal),
// the 补正 screen and 消息, rendered from case records through the domain's view builder.
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { caseListItem, caseView, followUpOf, remediesOf, sortCases, type CaseSummary } from '@/domain/case'
import type { CaseRecord } from '@/services/contract'
import { CaseListScreen } from '@/components/cases/CaseListScreen'
import { CaseScreen } from '@/components/cases/CaseScreen'
import { MessagesScreen } from '@/components/cases/MessagesScreen'
import { SupplementScreen } from '@/components/cases/SupplementScreen'
import { caseMatter, caseRecord } from '../support/cases'

const SUBMITTED = '2026-11-26T02:00:00.000Z'
const ACCEPTED = '2026-11-26T03:00:00.000Z'
const day = (date: string) => `${date}T04:00:00.000Z`
const summary = (o: Partial<CaseRecord> = {}): CaseSummary => {
  const { content: _c, ...rest } = caseRecord(o)
  return rest
}
const accepted = (o: Parameters<typeof caseMatter>[0] = {}) =>
  caseMatter({
    status: 'in-review',
    acceptedAt: ACCEPTED,
    stepIndex: 1,
    timeline: [
      { status: 'submitted', at: SUBMITTED, note: '申请已提交' },
      { status: 'accepted', at: ACCEPTED, note: '部门已受理' },
      { status: 'in-review', at: ACCEPTED, note: '材料审查' },
    ],
    ...o,
  })

describe('我的办件', () => {
  const renderList = (cases: CaseSummary[], now: string) => {
    const onOpen = jest.fn()
    render(<CaseListScreen cases={sortCases(cases).map((c) => caseListItem(c, now))} unread={2} onOpen={onOpen} onMessages={jest.fn()} onHome={jest.fn()} />)
    return onOpen
  }

  test('green, yellow and red with words; the overdue text names 12345; a case awaiting the citizen comes first with a badge', async () => {
    const green = summary({ id: 'HN2026112600001', bundleName: '新生儿出生', matters: [accepted()] })
    const todo = summary({ id: 'HN2026112600002', bundleName: '开办餐饮店', submittedAt: '2026-11-20T02:00:00.000Z', matters: [accepted({ status: 'supplement', pauses: [{ from: day('2026-11-27'), reason: '补正' }] })] })
    const onOpen = renderList([green, todo], day('2026-11-27'))
    const cards = screen.getAllByRole('heading', { level: 2 })
    expect(cards.map((h) => h.textContent)).toEqual(['开办餐饮店', '新生儿出生'])
    expect(screen.getByText('有 1 件需要您处理')).toBeInTheDocument()
    expect(screen.getByText('待您处理')).toBeInTheDocument()
    expect(screen.getByText('待您补正')).toBeInTheDocument()
    expect(screen.getByText('审查中')).toBeInTheDocument()
    // the paused one says why its clock stands still; the other counts down
    expect(screen.getByText('补正期间不计时，剩余 4 个工作日（12月3日（周四）前）')).toBeInTheDocument()
    expect(screen.getByText('剩余 4 个工作日（12月3日（周四）前）')).toBeInTheDocument()
    expect(screen.getAllByText('绿牌')).toHaveLength(1)
    expect(screen.getAllByText('暂停计时')).toHaveLength(1)
    await userEvent.click(screen.getByRole('button', { name: '去处理办件 HN2026112600002（待您补正）' }))
    expect(onOpen).toHaveBeenCalledWith('HN2026112600002')
    expect(screen.getByRole('button', { name: '消息，2 条未读' })).toBeInTheDocument()
  })

  test('yellow then red as time passes', () => {
    const c = summary({ matters: [accepted()] })
    const { unmount } = render(<CaseListScreen cases={[caseListItem(c, day('2026-12-02'))]} onOpen={jest.fn()} onHome={jest.fn()} />)
    expect(screen.getByText('黄牌')).toBeInTheDocument()
    expect(screen.getByText('即将到期：剩余 1 个工作日（12月3日（周四）前）')).toBeInTheDocument()
    unmount()
    render(<CaseListScreen cases={[caseListItem(c, day('2026-12-07'))]} onOpen={jest.fn()} onHome={jest.fn()} />)
    expect(screen.getByText('红牌')).toBeInTheDocument()
    expect(screen.getByText('已超过承诺时限 2 个工作日，可拨打 12345 反映')).toBeInTheDocument()
  })

  test('not yet accepted, done and awaiting a rating, withdrawn, empty', () => {
    const waiting = summary({ id: 'A1' })
    const done = summary({ id: 'A2', matters: [accepted({ status: 'delivered', outcome: 'approved', decidedAt: day('2026-11-30') })] })
    const gone = summary({ id: 'A3', withdrawnAt: day('2026-11-27'), matters: [caseMatter({ status: 'withdrawn' })] })
    const { unmount } = render(<CaseListScreen cases={[waiting, done, gone].map((c) => caseListItem(c, day('2026-12-01')))} onOpen={jest.fn()} onHome={jest.fn()} />)
    expect(screen.getByText('待受理')).toBeInTheDocument()
    expect(screen.getAllByText('受理后开始计时，承诺 5 个工作日内办结')).toHaveLength(1)
    expect(screen.getByText('已办结，待评价')).toBeInTheDocument()
    expect(screen.getByText('在承诺时限内办结（用时 2 个工作日）')).toBeInTheDocument()
    expect(screen.getByText('已撤回')).toBeInTheDocument()
    expect(screen.getByText('未受理，不计时')).toBeInTheDocument()
    unmount()
    render(<CaseListScreen cases={[]} onOpen={jest.fn()} onHome={jest.fn()} />)
    expect(screen.getByText('暂无办件。')).toBeInTheDocument()
  })
})

describe('办件详情', () => {
  const renderCase = (c: CaseSummary, now: string, over: Partial<Parameters<typeof CaseScreen>[0]> = {}) => {
    const p = { onSupplement: jest.fn(), onPay: jest.fn(), onWithdraw: jest.fn(), onRate: jest.fn(), onCases: jest.fn(), ...over }
    render(<CaseScreen view={caseView(c, now)} {...p} />)
    return p
  }
  const stages = (name: string) =>
    within(screen.getByRole('list', { name: `${name}的办理环节` }))
      .getAllByRole('listitem')
      .map((li) => li.textContent)

  test("each matter's own stages with dates, department contact and the clock from 受理", () => {
    const c = summary({ matters: [accepted({ hasSiteCheck: true }), caseMatter({ matterId: 'sign', name: '户外招牌设置', department: '城市管理局', hasSiteCheck: false })] })
    renderCase(c, day('2026-11-27'))
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('开办餐饮店')
    expect(stages('食品经营许可')).toEqual(['✓提交11月26日 10:00', '✓受理11月26日 11:00', '✓审查11月26日 11:00', '●现场核查进行中', '○决定未开始', '○办结未开始', '○送达未开始'])
    expect(stages('户外招牌设置')[1]).toBe('●受理进行中')
    expect(screen.getAllByText(/咨询：市场监督管理局 0731-12315（示例）/)).toHaveLength(1)
    expect(screen.getByText('受理后开始计时，承诺 5 个工作日内办结')).toBeInTheDocument()
    expect(screen.getByRole('list', { name: '食品经营许可的办理记录' })).toHaveTextContent('部门已受理')
  })

  test('补正: the notice lists every item at once, says the clock stopped, and leads to the fix screen', async () => {
    const c = summary({
      matters: [accepted({ status: 'supplement', pauses: [{ from: day('2026-11-27'), reason: '补正' }] })],
      supplement: { message: '平面图看不清，请重新上传', fields: ['seats'], materials: ['layout'], requestedAt: day('2026-11-27'), labels: { seats: '座位数', layout: '经营场所平面图' } },
    })
    const p = renderCase(c, day('2026-12-01'))
    const notice = screen.getByRole('group', { name: '补正通知' })
    expect(notice).toHaveTextContent('一次性告知以下 2 项')
    expect(notice).toHaveTextContent('座位数')
    expect(notice).toHaveTextContent('经营场所平面图')
    expect(notice).toHaveTextContent('部门说明：平面图看不清，请重新上传')
    expect(screen.getByText('补正后继续计时办理')).toBeInTheDocument()
    expect(screen.getAllByText('暂停计时').length).toBeGreaterThan(0)
    expect(screen.getAllByText(/^补正期间不计时，剩余 4 个工作日/).length).toBeGreaterThan(0)
    await userEvent.click(screen.getByRole('button', { name: '去补正' }))
    expect(p.onSupplement).toHaveBeenCalled()
  })

  test('不予受理 and 不予许可: the reason and the remedies with their last days', () => {
    const at = '2026-11-26T06:00:00.000Z'
    const c = summary({
      matters: [
        caseMatter({ status: 'rejected', refusal: { stage: 'acceptance', reason: '经营场所不在本辖区', at, remedies: remediesOf(at, '长沙市市场监督管理局') } }),
        accepted({ matterId: 'fire', name: '消防安全检查', status: 'concluded', outcome: 'refused', decidedAt: at, refusal: { stage: 'decision', reason: '疏散通道不符合要求', at, remedies: remediesOf(at, '长沙市消防救援支队') } }),
      ],
    })
    renderCase(c, day('2026-11-27'))
    const rejected = screen.getByRole('group', { name: '不予受理' })
    expect(rejected).toHaveTextContent('理由：经营场所不在本辖区')
    expect(rejected).toHaveTextContent('行政复议：自知道该决定之日起 60 日内（2027年1月25日（周一）前）')
    expect(rejected).toHaveTextContent('行政诉讼：自知道该决定之日起 6 个月内（2027年5月26日（周三）前）')
    expect(screen.getByRole('group', { name: '不予许可' })).toHaveTextContent('疏散通道不符合要求')
    expect(stages('食品经营许可')).toEqual(['✓提交11月26日 10:00', '✕不予受理11月26日 14:00'])
  })

  test('待缴费: amount and basis, the clock waits, pay; once paid the electronic receipt', async () => {
    const fee = { items: [{ item: '不动产登记费', amountYuan: 80, basis: '发改价格规〔2016〕2559号' }], amountYuan: 80, status: 'due' as const, dueSince: ACCEPTED }
    const due = summary({ matters: [accepted({ status: 'accepted', fee, pauses: [{ from: ACCEPTED, reason: '缴费' }] })] })
    const p = renderCase(due, day('2026-11-30'))
    expect(screen.getByText('待缴费：80 元')).toBeInTheDocument()
    expect(screen.getByText('不动产登记费 80 元（收费依据：发改价格规〔2016〕2559号）')).toBeInTheDocument()
    expect(screen.getByText('未缴费期间不计时，缴费后部门继续办理。')).toBeInTheDocument()
    expect(screen.getByText('缴费后继续计时办理')).toBeInTheDocument()
    expect(screen.getAllByText(/^缴费期间不计时，剩余/).length).toBeGreaterThan(0)
    await userEvent.click(screen.getByRole('button', { name: '缴纳 80 元（食品经营许可费用）' }))
    expect(p.onPay).toHaveBeenCalledWith('food')
  })

  test('a sample amount of the catalogue is marked 示例 on the case too; a published one is not', () => {
    const fee = { items: [{ item: '遗体火化费', amountYuan: 400, sample: true }, { item: '不动产登记费', amountYuan: 80 }], amountYuan: 480, status: 'due' as const, dueSince: ACCEPTED }
    renderCase(summary({ matters: [accepted({ status: 'accepted', fee, pauses: [{ from: ACCEPTED, reason: '缴费' }] })] }), day('2026-11-30'))
    expect(screen.getByText(/^遗体火化费 400 元/)).toHaveTextContent('遗体火化费 400 元示例')
    expect(screen.getByText(/^不动产登记费 80 元/)).not.toHaveTextContent('示例')
  })

  test('paid: receipt shown, no pay button', () => {
    const fee = { items: [{ item: '登记费', amountYuan: 80 }], amountYuan: 80, status: 'paid' as const, dueSince: ACCEPTED, paidAt: day('2026-11-27'), receipt: { number: '示例票据ABC', issuedAt: day('2026-11-27'), payer: '刘*', amountYuan: 80 } }
    renderCase(summary({ matters: [accepted({ fee })] }), day('2026-11-27'))
    expect(screen.getByRole('group', { name: '电子票据' })).toHaveTextContent('票据号 示例票据ABC · 交款人 刘* · 80 元')
    expect(screen.queryByRole('button', { name: /缴纳/ })).toBeNull()
  })

  test('results: an e-licence in the 卡包, EMS with its events, pickup with hall, hours and a QR pickup code', async () => {
    const hall = { id: 'hall-430104', name: '岳麓区政务服务中心', address: '岳麓区金星中路 1 号', hours: '工作日 9:00-17:00', phone: '0731-88888888（示例）' }
    const decided = { status: 'concluded' as const, outcome: 'approved' as const, decidedAt: day('2026-11-30') }
    const c = summary({
      matters: [
        accepted({ ...decided, result: { name: '食品经营许可证', issuedAt: day('2026-11-30'), licence: { kind: 'foodLicence', title: '食品经营许可证', number: '示例FO001' }, ems: { waybill: 'EMS示例1', events: [{ at: day('2026-12-01'), text: '已揽收' }] } } }),
        accepted({ ...decided, matterId: 'sign', name: '户外招牌设置', result: { name: '户外招牌设置审核意见书', issuedAt: day('2026-11-30'), pickup: { hall, code: '123456' } } }),
      ],
    })
    renderCase(c, day('2026-12-01'))
    expect(screen.getByText(/电子证照“食品经营许可证”（示例FO001）已放入您的卡包/)).toBeInTheDocument()
    expect(screen.getByRole('group', { name: '邮寄进度' })).toHaveTextContent('EMS 运单号 EMS示例1')
    expect(screen.getByRole('group', { name: '邮寄进度' })).toHaveTextContent('12月1日 12:00 已揽收')
    const pickup = screen.getByRole('group', { name: '领取' })
    expect(pickup).toHaveTextContent('岳麓区政务服务中心（岳麓区金星中路 1 号）')
    expect(pickup).toHaveTextContent('办公时间：工作日 9:00-17:00')
    expect(await screen.findByRole('img', { name: '取件码 123456 的二维码' })).toBeInTheDocument()
    expect(screen.getByText('待领取')).toBeInTheDocument()
  })

  test('rating: five levels; 不满意 asks for an indicator; the rule refuses none; a given rating shows its follow-up', async () => {
    const done = summary({ matters: [accepted({ status: 'delivered', outcome: 'approved', decidedAt: day('2026-11-30') })] })
    const p = renderCase(done, day('2026-12-01'), { ratingErrors: { indicators: '选择“不满意”时，请至少选择一项不满意的方面' } })
    expect(screen.getAllByRole('radio').map((r) => r.textContent)).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意'])
    expect(screen.queryByRole('group', { name: /哪些方面不满意/ })).toBeNull()
    await userEvent.click(screen.getByRole('radio', { name: '不满意' }))
    await userEvent.click(screen.getByRole('checkbox', { name: '办事效率' }))
    await userEvent.type(screen.getByRole('textbox', { name: /意见和建议/ }), '等太久')
    await userEvent.click(screen.getByRole('button', { name: '提交评价' }))
    expect(p.onRate).toHaveBeenCalledWith({ level: 2, indicators: ['efficiency'], comment: '等太久' })
  })

  test('a rating that could not be sent says so inside the rating form, with what was chosen kept', async () => {
    const done = summary({ matters: [accepted({ status: 'delivered', outcome: 'approved', decidedAt: day('2026-11-30') })] })
    renderCase(done, day('2026-12-01'), { ratingError: '网络连接失败，请检查网络后重试' })
    const form = screen.getByRole('heading', { name: '评价本次办理' }).closest('#rating') as HTMLElement
    expect(within(form).getByRole('alert')).toHaveTextContent('网络连接失败，请检查网络后重试')
  })

  test('a bad rating: the follow-up with its due dates, then the department answer; the rater is told identity is protected', () => {
    const at = day('2026-12-01')
    const followUp = { ...followUpOf(at, false), callback: { at: day('2026-12-02'), note: '已电话回访' }, answer: { at: day('2026-12-03'), text: '已优化预约流程', department: '市场监督管理局' } }
    const c = summary({ matters: [accepted({ status: 'delivered', outcome: 'approved', decidedAt: day('2026-11-30') })], evaluation: { level: 2, indicators: ['efficiency'], comment: '等太久', at, followUp } })
    renderCase(c, day('2026-12-03'))
    const mine = screen.getByRole('group', { name: '我的评价' })
    expect(mine).toHaveTextContent('不满意')
    expect(mine).toHaveTextContent('不满意的方面：办事效率')
    expect(mine).toHaveTextContent('回访：已于 12月2日 12:00 回访（已电话回访）')
    expect(mine).toHaveTextContent('市场监督管理局答复（12月3日 12:00）：已优化预约流程')
    expect(mine).toHaveTextContent('您的身份信息不会提供给办理部门的工作人员')
    expect(screen.queryByRole('button', { name: '提交评价' })).toBeNull()
  })

  test('open follow-up shows the due dates (7 days)', () => {
    const at = day('2026-12-01')
    const c = summary({ matters: [accepted({ status: 'delivered', outcome: 'approved', decidedAt: day('2026-11-30') })], evaluation: { level: 1, indicators: ['usability'], at, followUp: followUpOf(at, false) } })
    renderCase(c, day('2026-12-02'))
    expect(screen.getByText('已办结，差评回访中')).toBeInTheDocument()
    expect(screen.getByText(/回访：部门将在 12月8日（周二） 前联系您/)).toBeInTheDocument()
    expect(screen.getByText(/整改：12月8日（周二） 前完成整改并答复（7 日）/)).toBeInTheDocument()
  })

  test('withdrawal asks for a confirmation first; not offered once decided', async () => {
    const p = renderCase(summary({ matters: [accepted()] }), day('2026-11-27'))
    await userEvent.click(screen.getByRole('button', { name: '撤回申请' }))
    expect(p.onWithdraw).not.toHaveBeenCalled()
    const dialog = screen.getByRole('alertdialog', { name: '确认撤回申请' })
    await userEvent.click(within(dialog).getByRole('button', { name: '不撤回' }))
    expect(screen.queryByRole('alertdialog')).toBeNull()
    await userEvent.click(screen.getByRole('button', { name: '撤回申请' }))
    await userEvent.click(screen.getByRole('button', { name: '确认撤回' }))
    expect(p.onWithdraw).toHaveBeenCalledTimes(1)
  })

  test('decided or withdrawn: no withdrawal offered; a withdrawn case says so', () => {
    const { unmount } = renderCaseReturn(summary({ matters: [accepted({ status: 'concluded', outcome: 'approved', decidedAt: day('2026-11-30') })] }))
    expect(screen.queryByRole('button', { name: '撤回申请' })).toBeNull()
    unmount()
    renderCaseReturn(summary({ withdrawnAt: day('2026-11-27'), matters: [caseMatter({ status: 'withdrawn' })] }))
    expect(screen.getByText('您已于 11月27日 12:00 撤回申请，部门不再办理。')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: '撤回申请' })).toBeNull()
  })

  function renderCaseReturn(c: CaseSummary) {
    return render(<CaseScreen view={caseView(c, day('2026-12-01'))} onSupplement={jest.fn()} onPay={jest.fn()} onWithdraw={jest.fn()} onRate={jest.fn()} onCases={jest.fn()} />)
  }
})

test('补正 screen: only the named items, prefilled; errors at the field; upload and send', async () => {
  const onInput = jest.fn()
  const onPick = jest.fn()
  const onSubmit = jest.fn()
  render(
    <SupplementScreen
      caseId='HN2026112600001'
      message='平面图看不清'
      fields={[{ id: 'seats', label: '座位数', type: 'text', section: 's' }]}
      materials={[{ id: 'layout', name: '经营场所平面图', upload: { accept: ['pdf', 'jpg'], maxSizeMB: 5, maxCount: 1 } }]}
      values={{ seats: '40' }}
      files={{ layout: [{ name: '平面图.pdf', status: 'done' }] }}
      fieldErrors={{ seats: '请填写座位数' }}
      materialErrors={{}}
      onInput={onInput}
      onPick={onPick}
      onRemove={jest.fn()}
      onSubmit={onSubmit}
      onBack={jest.fn()}
    />,
  )
  expect(screen.getByText('只需修改以下 2 项，其他内容保持不变。')).toBeInTheDocument()
  const seats = screen.getByRole('textbox', { name: /座位数/ })
  expect(seats).toHaveValue('40')
  expect(seats).toHaveAccessibleDescription(/请填写座位数/)
  await userEvent.type(seats, '5')
  expect(onInput).toHaveBeenLastCalledWith('seats', '405')
  expect(screen.getByText('平面图.pdf')).toBeInTheDocument()
  await userEvent.click(screen.getByRole('button', { name: '上传文件：经营场所平面图' }))
  expect(onPick).toHaveBeenCalledWith('layout')
  await userEvent.click(screen.getByRole('button', { name: '提交补正' }))
  expect(onSubmit).toHaveBeenCalled()
})

test('消息: unread marked in words; tapping opens the case; all read', async () => {
  const onOpen = jest.fn()
  const onReadAll = jest.fn()
  render(
    <MessagesScreen
      messages={[
        { id: 'm2', caseId: 'HN2026112600001', title: '请补正材料', body: '市场监督管理局：平面图看不清', read: false, when: '11月27日 12:00' },
        { id: 'm1', caseId: 'HN2026112600001', title: '食品经营许可已受理', body: '承诺 5 个工作日内办结', read: true, when: '11月26日 11:00' },
      ]}
      unread={1}
      onOpen={onOpen}
      onReadAll={onReadAll}
      onBack={jest.fn()}
    />,
  )
  expect(screen.getByRole('status')).toHaveTextContent('1 条未读')
  expect(screen.getAllByText('未读')).toHaveLength(1)
  await userEvent.click(screen.getByRole('button', { name: '查看办件 HN2026112600001：请补正材料' }))
  expect(onOpen).toHaveBeenCalledWith('m2', 'HN2026112600001')
  await userEvent.click(screen.getByRole('button', { name: '全部标为已读' }))
  expect(onReadAll).toHaveBeenCalled()
})
