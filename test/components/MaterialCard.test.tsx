/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { MaterialChoice, MaterialView } from '@/domain'
import { MaterialCard, type MaterialCardProps } from '@/components/MaterialCard'
import { ANSWERED, guidanceFor } from './helpers'

function view(id: string, materials: Record<string, MaterialChoice> = {}, licences: ('idCard' | 'businessLicence')[] = [], acting?: { actor: 'self' | 'relative'; promiseAuthorised: boolean }): MaterialView {
  return guidanceFor({ answers: ANSWERED, materials }, { licences, acting }).materials.find((m) => m.id === id)!
}

function card(props: Partial<MaterialCardProps> & { view: MaterialView }) {
  const handlers = {
    onMode: jest.fn(),
    onConsent: jest.fn(),
    onPick: jest.fn(),
    onRetry: jest.fn(),
    onDismiss: jest.fn(),
    onRemove: jest.fn(),
    onPromise: jest.fn(),
  }
  render(<MaterialCard usedBy={['食品经营许可']} attached={[]} uploading={[]} refusals={[]} consented={false} licenceName='居民身份证' {...handlers} {...props} />)
  return handlers
}

test('电子证照: offered first, attached only after the citizen agrees, then nothing to upload', async () => {
  const h = card({ view: view('idCard', {}, ['idCard']) })
  expect(screen.getByRole('radio', { name: '使用电子证照，无需上传' })).toHaveAttribute('aria-checked', 'true')
  await userEvent.click(screen.getByRole('button', { name: '同意使用电子居民身份证' }))
  expect(h.onConsent).toHaveBeenCalled()
})

test('电子证照 after consent shows as attached', () => {
  card({ view: view('idCard', {}, ['idCard']), consented: true })
  expect(screen.getByText('✓ 已关联电子居民身份证，无需上传')).toBeInTheDocument()
  expect(screen.queryByRole('button', { name: /选择文件/ })).not.toBeInTheDocument()
})

test('upload: the rule is stated, files show the verdict, progress, refusal, retry and remove', async () => {
  const h = card({
    view: view('lease', { lease: { mode: 'upload', fileIds: ['f1'] } }),
    attached: [{ fileId: 'f1', name: '租赁合同.pdf', sizeText: '120 KB' }],
    uploading: [
      { key: 'k1', name: '补充页.jpg', sizeText: '2.0 MB', status: 'uploading', progress: 40 },
      { key: 'k2', name: '第二页.pdf', sizeText: '1 MB', status: 'failed', progress: 0, error: '网络连接不可用，请检查网络后重试', retryable: true },
    ],
    refusals: ['“照片.gif”的格式不符合要求，只能上传 PDF、JPG 格式的文件'],
  })
  expect(screen.getByText('支持 PDF、JPG 格式，单个文件不超过 10 MB，最多 3 个')).toBeInTheDocument()
  expect(screen.getByText('平台已接收，格式检查通过')).toBeInTheDocument()
  expect(screen.getByRole('progressbar', { name: '补充页.jpg 上传进度' })).toHaveAttribute('aria-valuenow', '40')
  expect(screen.getByText('“照片.gif”的格式不符合要求，只能上传 PDF、JPG 格式的文件')).toBeInTheDocument()
  expect(screen.getByText('上传未成功：网络连接不可用，请检查网络后重试')).toBeInTheDocument()
  await userEvent.click(screen.getByRole('button', { name: '重试上传 第二页.pdf' }))
  expect(h.onRetry).toHaveBeenCalledWith('k2')
  await userEvent.click(screen.getByRole('button', { name: '删除 租赁合同.pdf' }))
  expect(h.onRemove).toHaveBeenCalledWith('f1')
  // three files in all: no room for another
  expect(screen.queryByRole('button', { name: '选择文件：租赁合同' })).not.toBeInTheDocument()
})

test('告知承诺: the promise text is shown to read, and agreeing is a separate, explicit choice', async () => {
  const h = card({ view: view('lease', { lease: { mode: 'promise', agreedAt: '' } }) })
  expect(screen.getByRole('radio', { name: '告知承诺：以承诺代替证明' })).toHaveAttribute('aria-checked', 'true')
  expect(screen.getByRole('radio', { name: '提供证明材料（上传）' })).toBeInTheDocument()
  expect(screen.getByText('本人承诺经营场所合法，租赁关系真实有效。')).toBeInTheDocument()
  await userEvent.click(screen.getByRole('checkbox', { name: '我已阅读上述内容，自愿作出承诺' }))
  expect(h.onPromise).toHaveBeenCalledWith(true)
})

test('a proxy without written authorisation is not offered 告知承诺 and is told why', () => {
  const v = view('lease', {}, [], { actor: 'relative', promiseAuthorised: false })
  card({ view: v, promiseUnavailable: '代办人须取得申请人书面授权后才能作出告知承诺，请提供证明材料。' })
  expect(screen.queryByRole('radio', { name: /告知承诺/ })).not.toBeInTheDocument()
  expect(screen.getByText('代办人须取得申请人书面授权后才能作出告知承诺，请提供证明材料。')).toBeInTheDocument()
})

test('容缺: 稍后补交 states its consequence before and after it is chosen', async () => {
  const h = card({ view: view('floorPlan', { floorPlan: { mode: 'defer' } }) })
  expect(screen.getByRole('radio', { name: '稍后补交（容缺受理）' })).toHaveAccessibleDescription('未在 30 日内补交的，许可将被撤销。')
  expect(screen.getByText('稍后补交的后果')).toBeInTheDocument()
  await userEvent.click(screen.getByRole('radio', { name: '上传材料' }))
  expect(h.onMode).toHaveBeenCalledWith('upload')
})

test('an error after 继续 is shown at the material', () => {
  card({ view: view('fireReport'), error: '请上传消防安全自查报告' })
  expect(screen.getByText('请上传消防安全自查报告')).toBeInTheDocument()
})
