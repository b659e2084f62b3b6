/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { CaseConfirmation, burdenText } from '@/components/CaseConfirmation'
import { qrMatrix, qrSvg } from '@/components/qr'
import { base64Ascii } from '@/components/svg'
import { deliveryTextOf, dueTextOf, nextStepOf, type KeptCase } from '@/stores/cases'
import { caseMatter, caseRecord } from '../support/cases'

const burden = {
  separate: { fields: 31, materials: 14, visits: 4 },
  bundle: { fields: 12, materials: 3, visits: 0, uploads: 3, originals: 0, deferred: 0, promises: 2, places: [] },
  savedPercent: { fields: 61, materials: 79, visits: 100 },
}

function renderIt(over = {}) {
  const p = {
    caseId: 'HN2026112600001',
    bundleName: '开办餐饮店',
    submittedText: '11月26日 10:00',
    dueText: '12月3日（周四）前办结（5 个工作日，节假日不计）',
    matters: [
      { id: 'food', name: '食品经营许可', department: '市场监管', nextStep: '承诺件：长沙市市场监督管理局受理后 5 个工作日内办结' },
      { id: 'sign', name: '户外招牌设置', department: '城管', nextStep: '即办件：当场办结' },
    ],
    deliveryText: '免费邮寄（EMS）',
    burden,
    onCopy: jest.fn(),
    onCases: jest.fn(),
    onHome: jest.fn(),
    ...over,
  }
  render(<CaseConfirmation {...p} />)
  return p
}

test('case number large and copyable, QR code, due date, next steps, delivery and the burden report', async () => {
  const p = renderIt()
  expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('提交成功')
  expect(screen.getByText('HN2026112600001')).toHaveClass('ui-case-no')
  const qr = await screen.findByRole('img', { name: /HN2026112600001 的二维码/ })
  expect(qr.outerHTML).toContain('data:image/svg+xml;base64,')
  expect(screen.getByText(/12月3日（周四）前办结/)).toBeInTheDocument()
  expect(screen.getByText(/食品经营许可（市场监管）/)).toBeInTheDocument()
  expect(screen.getByText(/承诺件：长沙市/)).toBeInTheDocument()
  expect(screen.getByText('免费邮寄（EMS）')).toBeInTheDocument()
  // promises are not uploads: said apart
  expect(screen.getByText('填写 12 项而不是 31 项，上传 3 份材料而不是 14 份，作出告知承诺 2 项，跑 0 次')).toBeInTheDocument()
  // its name is what it shows (label in name), the number its description
  expect(screen.getByRole('button', { name: '复制编号' })).toHaveAccessibleDescription('HN2026112600001')
  await userEvent.click(screen.getByRole('button', { name: '复制编号' }))
  expect(p.onCopy).toHaveBeenCalled()
  await userEvent.click(screen.getByRole('button', { name: '查看我的办件' }))
  expect(p.onCases).toHaveBeenCalled()
  await userEvent.click(screen.getByRole('button', { name: '返回首页' }))
  expect(p.onHome).toHaveBeenCalled()
})

test('copied state and no burden section when the platform gave none', () => {
  renderIt({ copied: true, burden: undefined })
  expect(screen.getByRole('button', { name: '已复制' })).toHaveAccessibleDescription('HN2026112600001')
  expect(screen.queryByText(/这次为您省去了/)).toBeNull()
})

test('burden text says what the citizen actually does: each visit with where it goes, originals apart from uploads', () => {
  const bundle = { fields: 5, materials: 2, visits: 1, uploads: 1, originals: 1, deferred: 0, promises: 0, places: ['到长沙市政务服务中心领取办理结果'] }
  expect(burdenText({ ...burden, bundle })).toBe('填写 5 项而不是 31 项，提交 2 份材料而不是 14 份（上传 1 份、窗口核验原件 1 份），跑 1 次：到长沙市政务服务中心领取办理结果')
})

test('the QR matrix has finder patterns and the SVG is one path; base64 matches the standard', () => {
  const m = qrMatrix('HN2026112600001')
  // version 1 (21 modules) plus a quiet zone of 4 on each side
  expect(m.size).toBe(29)
  // top-left finder: a dark 7×7 ring starting at the quiet zone
  expect(m.dark[4].slice(4, 11).every(Boolean)).toBe(true)
  expect(m.dark[5][5]).toBe(false)
  expect(m.dark[0].some(Boolean)).toBe(false)
  const svg = qrSvg('HN2026112600001')
  expect(svg.match(/<path/g)).toHaveLength(1)
  expect(base64Ascii(svg)).toBe(Buffer.from(svg, 'ascii').toString('base64'))
  expect(base64Ascii('ab')).toBe('YWI=')
  expect(base64Ascii('a')).toBe('YQ==')
})

const { content: _content, ...record } = caseRecord({
  bundleId: 'b',
  draftId: 'd',
  region: '430100',
  applicantName: '张*',
  matters: [
    caseMatter({ matterId: 'food', name: '食品经营许可', department: '市场监管', authority: '长沙市市场监督管理局', caseType: 'promised', promisedLimitDays: 5, hasSiteCheck: true, timeline: [] }),
    caseMatter({ matterId: 'sign', name: '户外招牌设置', department: '城管', authority: '', caseType: 'instant', promisedLimitDays: 0, hasSiteCheck: false, timeline: [] }),
  ],
  delivery: { method: 'pickup', hallId: 'hall-430100' },
  guidance: { matterIds: [], departments: [], fieldCount: 1, materialCount: 1, visits: 0, workingDays: 5, estimated: true },
})
const kept: KeptCase = record

test('the page texts: next steps per matter, due date (with the estimate note when the holidays are not published), delivery', () => {
  expect(nextStepOf(kept.matters[0])).toMatch(/长沙市市场监督管理局受理后 5 个工作日内办结，期间工作人员会联系您预约现场核查/)
  expect(nextStepOf(kept.matters[1])).toMatch(/^即办件：城管受理后当场办结/)
  expect(dueTextOf(kept, '2026-11-26T02:00:00.000Z')).toBe('12月3日（周四）前办结（5 个工作日，节假日不计）')
  expect(dueTextOf({ ...kept, committedDays: 0 }, '2026-11-26T02:00:00.000Z')).toBe('当场办结')
  // counted through 2027, whose notice is not out: the citizen is told it is an estimate, and why
  expect(dueTextOf({ ...kept, submittedAt: '2026-12-28T02:00:00.000Z', dueDate: '2027-01-05' }, '2026-12-28T02:00:00.000Z')).toBe(
    '2027年1月5日（周二）前办结（5 个工作日，节假日不计），预计（2027 年放假安排尚未公布）',
  )
  // the pickup hall is named from GET /regions (its id is not a matter's), never guessed from a matter
  expect(deliveryTextOf(kept, '长沙市政务服务中心（长沙市岳麓区市民之家）')).toMatch(/^窗口自取：长沙市政务服务中心（长沙市岳麓区市民之家）。办结后会通知您领取/)
  expect(deliveryTextOf(kept)).toMatch(/^窗口自取。办结后会通知您领取/)
  expect(deliveryTextOf({ ...kept, handling: 'offline' }, '长沙市政务服务中心')).toMatch(/^线上预填、线下办理；窗口自取：长沙市政务服务中心。/)
  expect(deliveryTextOf({ ...kept, delivery: { method: 'electronic' } })).toMatch(/电子证照/)
  expect(deliveryTextOf({ ...kept, delivery: undefined })).toBeUndefined()
})
