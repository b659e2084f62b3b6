/** @jest-environment jsdom */
// The screens render what template format 2 can say: repeatable groups, pattern and date errors at the field,
// exclusive options, answers taken from data, stops that say where to go, fees apart from contributions,
// samples marked, several parties. Each screen is driven by the real engine over a format-2 bundle.
import { fireEvent, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import type { AnswerValue, GroupItem, GuideDraft } from '@/domain'
import { guide } from '@/domain/engine'
import { ConfirmScreen } from '@/components/screens/ConfirmScreen'
import { DeliveryScreen } from '@/components/screens/DeliveryScreen'
import { FormScreen } from '@/components/screens/FormScreen'
import { QuestionScreen } from '@/components/screens/QuestionScreen'
import { ReviewScreen } from '@/components/screens/ReviewScreen'
import { MaterialCard } from '@/components/MaterialCard'
import { PartiesPanel } from '@/components/PartiesPanel'
import { StopPanel } from '@/components/StopPanel'
import { summaryText } from '@/stores/journey'
import { NOW, ctx, rideHailing } from '../fixtures/templates'

const t = rideHailing()
const PROFILE = { profile: { sex: '男', birthDate: '1990-03-07' } }
const ANSWERS = { 'vehicle-age': 3, 'operate-as': 'person', extras: ['none'] }
const guidance = (d: Partial<GuideDraft> = {}, region = '430104', regionName = '长沙市') =>
  guide(t, { answers: ANSWERS, values: {}, materials: {}, ...d }, ctx({ region, regionName }), PROFILE)

function FormHarness({ onContinue = () => undefined }: { onContinue?: () => void }) {
  const [values, setValues] = useState<Record<string, string>>({})
  const [items, setItems] = useState<GroupItem[]>([])
  const g = guidance({ values, items: { drivers: items } })
  return (
    <FormScreen
      bundleName='网约车从业'
      sections={g.fields.sections}
      licenceOffers={[]}
      onConsent={() => undefined}
      onValue={(id, v) => setValues((x) => ({ ...x, [id]: v }))}
      onItemAdd={() => setItems((x) => [...x, { key: `k${x.length + 1}`, values: {} }])}
      onItemRemove={(_, key) => setItems((x) => x.filter((i) => i.key !== key))}
      onItemValue={(_, key, fieldId, v) => setItems((x) => x.map((i) => (i.key === key ? { ...i, values: { ...i.values, [fieldId]: v } } : i)))}
      onContinue={onContinue}
      onBack={() => undefined}
    />
  )
}

describe('the form', () => {
  test('a refused pattern and a date bound show at the field, with the template’s words', async () => {
    render(<FormHarness />)
    const vin = screen.getByRole('textbox', { name: '车辆识别代号（VIN）' })
    await userEvent.type(vin, 'ABC')
    await userEvent.tab()
    expect(vin).toHaveAttribute('aria-invalid', 'true')
    expect(vin).toHaveAccessibleDescription('错误： 车辆识别代号应为 17 位大写字母或数字，不含 I、O、Q')
    expect(vin).toHaveValue('ABC')
    // a date is picked (the browser's date input), not typed; the bound is said at the field as soon as it is
    const date = screen.getByLabelText('车辆注册日期')
    expect(date).toHaveAttribute('type', 'date')
    fireEvent.input(date, { target: { value: '2099-01-01' } })
    expect(date).toHaveAccessibleDescription('错误： 车辆注册日期不能晚于今天')
  })

  test('a repeatable group: add an item, its own fields and errors, remove it; too few is said on 继续', async () => {
    const onContinue = jest.fn()
    render(<FormHarness onContinue={onContinue} />)
    expect(screen.getByRole('heading', { level: 3, name: '驾驶员（0 / 最多 3）' })).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: '继续' }))
    expect(onContinue).not.toHaveBeenCalled()
    expect(screen.getAllByText('请至少填写 1 位驾驶员').length).toBeGreaterThan(0)

    await userEvent.click(screen.getByRole('button', { name: '添加驾驶员' }))
    await userEvent.click(screen.getByRole('button', { name: '添加驾驶员' }))
    const second = screen.getByRole('group', { name: '驾驶员 2' })
    const name = within(second).getByRole('textbox', { name: '驾驶员姓名' })
    await userEvent.type(name, '李四')
    expect(name).toHaveValue('李四')
    // the first item is untouched, the second has its own value
    expect(within(screen.getByRole('group', { name: '驾驶员 1' })).getByRole('textbox', { name: '驾驶员姓名' })).toHaveValue('')
    await userEvent.click(within(second).getByRole('button', { name: '删除驾驶员 2' }))
    expect(screen.queryByRole('group', { name: '驾驶员 2' })).not.toBeInTheDocument()
    // at the minimum, the last item cannot be removed
    expect(within(screen.getByRole('group', { name: '驾驶员 1' })).queryByRole('button', { name: /删除/ })).not.toBeInTheDocument()
  })
})

function QuestionHarness({ questionId, initial }: { questionId: string; initial: Record<string, AnswerValue> }) {
  const [answers, setAnswers] = useState<Record<string, AnswerValue>>(initial)
  const g = guidance({ answers })
  const view = g.questions.visible.find((v) => v.question.id === questionId)!
  return (
    <QuestionScreen
      bundleName='网约车从业'
      view={view}
      position={{ index: 1, total: 3 }}
      summary={summaryText(g.summary)}
      stop={g.stop}
      onAnswer={(v) => setAnswers((a) => ({ ...a, [questionId]: v as AnswerValue }))}
      onContinue={() => undefined}
      onBack={() => undefined}
    />
  )
}

describe('questions', () => {
  test('the template’s “以上都没有” is offered once and stands alone', async () => {
    render(<QuestionHarness questionId='extras' initial={{ 'vehicle-age': 3, 'operate-as': 'person', extras: ['modified'] }} />)
    expect(screen.getAllByRole('checkbox', { name: '以上都没有' })).toHaveLength(1)
    await userEvent.click(screen.getByRole('checkbox', { name: '以上都没有' }))
    expect(screen.getByRole('checkbox', { name: '以上都没有' })).toHaveAttribute('aria-checked', 'true')
    expect(screen.getByRole('checkbox', { name: '改装过' })).toHaveAttribute('aria-checked', 'false')
    await userEvent.click(screen.getByRole('checkbox', { name: '新能源车' }))
    expect(screen.getByRole('checkbox', { name: '以上都没有' })).toHaveAttribute('aria-checked', 'false')
  })

  test('an answer taken from the platform’s data says so, for the citizen to check', () => {
    render(<QuestionHarness questionId='age' initial={{}} />)
    expect(screen.getByText('已根据您的信息填好（来自实名信息），请核对；如有不同，请直接修改。')).toBeInTheDocument()
    expect(screen.getByRole('textbox', { name: '您今年多少周岁？' })).toHaveValue('35')
  })

  test('help names the region and the parameter; a dead end says where to go, and the summary counts nothing behind it', () => {
    render(<QuestionHarness questionId='vehicle-age' initial={{ 'vehicle-age': 7 }} />)
    expect(screen.getByRole('textbox', { name: '车辆注册登记多少年了？' })).toHaveAccessibleDescription(expect.stringContaining('长沙市规定网约车使用年限不超过 6 年。'))
    const stop = screen.getByRole('alert')
    expect(stop).toHaveTextContent('去哪里办：长沙市交通运输局')
    expect(stop).toHaveTextContent('地址：长沙市政务服务中心二楼交通运输窗口')
    expect(stop).toHaveTextContent('电话：12345')
    expect(screen.getByText('根据您的回答，这件事暂不能在线办理：请看下面的说明')).toBeInTheDocument()
  })
})

test('a stop with no place of its own names the region’s hall, and keeps the draft for later', async () => {
  const onSave = jest.fn()
  const stop = { id: 'x', kind: 'go-to-window' as const, reason: '需要当面核实。', whatToDo: '请到窗口办理。' }
  render(<StopPanel stop={stop} hall={{ name: '长沙市政务服务中心', address: '长沙市岳麓区岳麓大道', phone: '12345', hours: '工作日' }} onSaveAndLeave={onSave} />)
  expect(screen.getByRole('alert')).toHaveTextContent('去哪里办：长沙市政务服务中心地址：长沙市岳麓区岳麓大道电话：12345时间：工作日')
  expect(screen.getByText('您已回答的内容已保存在“我的草稿”，情况变化后可以回来继续。')).toBeInTheDocument()
  await userEvent.click(screen.getByRole('button', { name: '保存并稍后再办' }))
  expect(onSave).toHaveBeenCalled()
})

test('核对信息: fees with samples marked and their total, contributions apart, data-filled answers to check, each driver', () => {
  const items = { drivers: [{ key: 'k1', values: { 'driver-name': '张三' } }] }
  const g = guidance({ answers: { ...ANSWERS, 'operate-as': 'company', extras: ['modified'] }, items }, '430202', '株洲市')
  render(<ReviewScreen bundleName='网约车从业' guidance={g} summary={summaryText(g.summary)} dueText='10月15日（周三）前办结' fileNames={{}} onChange={() => undefined} onBack={() => undefined} />)
  const fees = screen.getByRole('heading', { level: 2, name: '费用' }).nextSibling as HTMLElement
  expect(fees).toHaveTextContent('运输证工本费20 元示例')
  expect(fees).toHaveTextContent('改装车辆技术鉴定费300 元示例')
  expect(fees).toHaveTextContent('收费合计：320 元')
  expect(fees).toHaveTextContent('另需缴纳（社会保险，不属于办事收费）驾驶员职工社会保险费按当年缴费基数和比例，由公司缴纳')
  expect(screen.getByText(/35岁（来自实名信息，请核对）/)).toBeInTheDocument()
  expect(screen.getByText('驾驶员 1：驾驶员姓名')).toBeInTheDocument()
  expect(screen.getByText(/不计入办理时限的期间：网络预约出租汽车运输证核发（车辆检测）/)).toBeInTheDocument()
  expect(screen.getByText('驾驶员驾驶证（驾驶员 1（张三））')).toBeInTheDocument()
})

test('materials: the minimum number of files is said; another party’s promise is theirs to make', () => {
  const photos = guidance().materials.find((m) => m.id === 'vehicle-photos')!
  const handlers = { onMode: jest.fn(), onConsent: jest.fn(), onPick: jest.fn(), onRetry: jest.fn(), onDismiss: jest.fn(), onRemove: jest.fn(), onPromise: jest.fn() }
  const { unmount } = render(<MaterialCard view={photos} usedBy={['运输证']} attached={[]} uploading={[]} refusals={[]} consented={false} {...handlers} />)
  expect(screen.getByText('支持 JPG、PNG 格式，单个文件不超过 5 MB，至少 4 个、最多 8 个')).toBeInTheDocument()
  unmount()
  const parties = rideHailing((x) => {
    x.parties = [
      { id: 'owner', label: '车主', confirms: false },
      { id: 'driver', label: '驾驶员', confirms: true },
    ]
    x.materials.find((m) => m.id === 'safety-promise')!.party = 'driver'
  })
  const promise = guide(parties, { answers: ANSWERS, values: {}, materials: { 'safety-promise': { mode: 'promise', agreedAt: '' } } }, ctx(), PROFILE).materials.find((m) => m.id === 'safety-promise')!
  render(<MaterialCard view={promise} usedBy={['运输证']} attached={[]} uploading={[]} refusals={[]} consented={false} {...handlers} />)
  expect(screen.getByText('由驾驶员作出承诺')).toBeInTheDocument()
  expect(screen.getByText('驾驶员在本人账号中确认本申请时阅读并作出这项承诺，您不能代为勾选。')).toBeInTheDocument()
  expect(screen.queryByRole('checkbox', { name: /自愿作出承诺/ })).not.toBeInTheDocument()
})

test('several parties: who has confirmed, a code for who has not', async () => {
  const onInvite = jest.fn()
  const parties = [
    { id: 'seller', label: '卖方', initiator: true, confirms: false },
    { id: 'buyer', label: '买方', initiator: false, confirms: true },
  ]
  const { rerender } = render(<PartiesPanel parties={parties} codes={{}} onInvite={onInvite} onRefresh={() => undefined} />)
  expect(screen.getByText('待确认')).toBeInTheDocument()
  await userEvent.click(screen.getByRole('button', { name: '生成确认码：买方' }))
  expect(onInvite).toHaveBeenCalledWith('buyer')
  rerender(<PartiesPanel parties={parties} codes={{ buyer: { code: 'ABCD2345', expiresText: '12月3日' } }} onInvite={onInvite} onRefresh={() => undefined} />)
  expect(screen.getByText('ABCD2345')).toBeInTheDocument()
  rerender(<PartiesPanel parties={[parties[0], { ...parties[1], confirmation: { party: 'buyer', name: '陈*', at: NOW } }]} codes={{}} onInvite={onInvite} onRefresh={() => undefined} />)
  expect(screen.getByText('✓ 已确认（陈*）')).toBeInTheDocument()
  expect(screen.queryByRole('button', { name: '刷新确认情况' })).not.toBeInTheDocument()
})

test('the co-applicant: a code of the wrong shape is refused at the field; the promises they make are shown before they confirm', async () => {
  const onLookup = jest.fn()
  const onConfirm = jest.fn()
  const { rerender } = render(<ConfirmScreen onLookup={onLookup} onConfirm={onConfirm} onBack={() => undefined} />)
  const code = screen.getByRole('textbox', { name: '确认码' })
  await userEvent.type(code, 'AB1')
  await userEvent.click(screen.getByRole('button', { name: '查看申请' }))
  expect(code).toHaveAccessibleDescription(expect.stringContaining('确认码为 8 位字母或数字'))
  expect(onLookup).not.toHaveBeenCalled()
  await userEvent.type(code, 'CD2345')
  await userEvent.click(screen.getByRole('button', { name: '查看申请' }))
  expect(onLookup).toHaveBeenCalledWith('AB1CD2345'.slice(0, 8))
  const viewed = { bundleName: '二手房转移登记及水电气过户', partyLabel: '买方', initiatorName: '刘*（卖方）', matters: ['不动产转移登记（存量房买卖）'], promises: [{ materialId: 'p', name: '买方家庭住房情况承诺书', text: '买方承诺：……' }] }
  rerender(<ConfirmScreen viewed={viewed} onLookup={onLookup} onConfirm={onConfirm} onBack={() => undefined} />)
  expect(screen.getByText('确认即表示您作出以下承诺')).toBeInTheDocument()
  expect(screen.getByText('买方承诺：……')).toBeInTheDocument()
  await userEvent.click(screen.getByRole('button', { name: '我已阅读，确认这份申请' }))
  expect(onConfirm).toHaveBeenCalled()
})

test('delivery: results that belong to another party are said to, before any address', () => {
  render(
    <DeliveryScreen
      bundleName='二手房'
      methods={['ems', 'pickup']}
      handlings={['online']}
      halls={[]}
      regions={[]}
      recipientLabel='买方'
      onMethod={() => undefined}
      onAddress={() => undefined}
      onHall={() => undefined}
      onHandling={() => undefined}
      onContinue={() => undefined}
      onBack={() => undefined}
    />,
  )
  expect(screen.getByText(/办理结果（如新的不动产权证书）属于买方：邮寄请填写买方的收件人和地址/)).toBeInTheDocument()
})
