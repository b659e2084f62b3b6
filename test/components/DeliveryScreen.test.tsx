/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import type { DeliveryChoice } from '@/domain'
import { DeliveryScreen } from '@/components/screens/DeliveryScreen'
import { deliveryFor, hallOptions } from '@/stores/journey'
import { template } from './fixtures'
import { ANSWERED, guidanceFor } from './helpers'

function Harness({ onContinue }: { onContinue: () => void }) {
  const [delivery, setDelivery] = useState<DeliveryChoice>()
  const [handling, setHandling] = useState<'online' | 'offline'>()
  const g = guidanceFor({ answers: ANSWERED, delivery, handling })
  const halls = hallOptions(
    [{ code: '430100', name: '长沙市', hall: { id: 'hall-430100', name: '长沙市政务服务中心', address: '长沙市岳麓区岳麓大道', hours: '工作日', phone: '12345' } }],
    '430100',
  )
  const defaults = { recipient: '张三', mobile: '13812345678', region: '430100', detail: '麓山南路 1 号' }
  return (
    <DeliveryScreen
      bundleName='开办测试小店'
      methods={template.delivery}
      handlings={template.handling}
      delivery={delivery}
      handling={handling}
      halls={halls}
      regions={[
        { value: '430100', label: '长沙市' },
        { value: '430200', label: '株洲市' },
      ]}
      error={g.delivery.error}
      handlingError={g.delivery.handlingError}
      onMethod={(m) => setDelivery((d) => deliveryFor(m, d, defaults, halls))}
      onAddress={(patch) => setDelivery((d) => ({ ...d!, address: { ...d!.address!, ...patch } }))}
      onHall={(hallId) => setDelivery({ method: 'pickup', hallId })}
      onHandling={setHandling}
      onContinue={onContinue}
      onBack={() => undefined}
    />
  )
}

test('EMS starts from the profile address, which stays editable; an emptied field blocks 继续 with a message', async () => {
  const onContinue = jest.fn()
  render(<Harness onContinue={onContinue} />)
  await userEvent.click(screen.getByRole('radio', { name: '全程网办' }))
  await userEvent.click(screen.getByRole('radio', { name: '免费邮寄（EMS）' }))
  expect(screen.getByRole('textbox', { name: '收件人' })).toHaveValue('张三')
  expect(screen.getByRole('textbox', { name: '详细地址' })).toHaveValue('麓山南路 1 号')
  await userEvent.clear(screen.getByRole('textbox', { name: '收件人' }))
  await userEvent.click(screen.getByRole('button', { name: '继续' }))
  expect(onContinue).not.toHaveBeenCalled()
  expect(screen.getAllByText('请填写收件人').length).toBeGreaterThan(0)
  await userEvent.type(screen.getByRole('textbox', { name: '收件人' }), '李四')
  await userEvent.click(screen.getByRole('button', { name: '继续' }))
  expect(onContinue).toHaveBeenCalledTimes(1)
})

test('pickup names the hall; electronic needs nothing more; handling must be chosen when both are offered', async () => {
  const onContinue = jest.fn()
  render(<Harness onContinue={onContinue} />)
  await userEvent.click(screen.getByRole('radio', { name: '窗口自取' }))
  expect(screen.getByRole('radio', { name: /长沙市政务服务中心（长沙市岳麓区岳麓大道）/ })).toHaveAttribute('aria-checked', 'true')
  await userEvent.click(screen.getByRole('radio', { name: '仅电子证照（不领取纸质结果）' }))
  await userEvent.click(screen.getByRole('button', { name: '继续' }))
  expect(onContinue).not.toHaveBeenCalled()
  expect(screen.getAllByText('请选择办理方式').length).toBeGreaterThan(0)
  await userEvent.click(screen.getByRole('radio', { name: '线上预填、线下办理' }))
  await userEvent.click(screen.getByRole('button', { name: '继续' }))
  expect(onContinue).toHaveBeenCalledTimes(1)
})
