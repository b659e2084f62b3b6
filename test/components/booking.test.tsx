/** @jest-environment jsdom */
// 预约到窗口办理 as a screen: halls with address and hours, only free slots offered, the chosen slot sent; a
// booking shows its number marked 示例, the slot, the hall and the QR, and can be cancelled.
import { fireEvent, render, screen } from '@testing-library/react'
import { hallSlots, slotEnd, type BookingView } from '@/domain/assist/booking'
import { BookingScreen, type BookingScreenProps } from '@/components/booking/BookingScreen'

const HOURS = '工作日 9:00-12:00，13:30-17:00（法定节假日除外）'
const slots = hallSlots(HOURS, '2026-11-26').map((start, i) => ({ start, free: i >= 3 && i !== 4 }))
const hall = { id: 'hall-430103', name: '长沙市天心区政务服务中心', address: '天心区政务服务中心二楼', hours: HOURS }
const booking: BookingView = {
  id: 'YY12345678', bundleId: 'kaiban-canyin', bundleName: '开办餐饮店', hallId: hall.id, hallName: hall.name, hallAddress: hall.address,
  start: slots[3].start, end: slotEnd(slots[3].start), status: 'booked', createdAt: '2026-11-26T02:00:00.000Z', qrText: 'HNYJS:BOOKING:YY12345678',
}

function screenWith(over: Partial<BookingScreenProps> = {}) {
  const props: BookingScreenProps = {
    loading: false, fieldErrors: {}, busy: false, bundleName: '开办餐饮店', halls: [hall], dates: ['2026-11-26', '2026-11-27'], slots: [], bookings: [],
    onHall: jest.fn(), onDate: jest.fn(), onBook: jest.fn(), onCancel: jest.fn(), onOpenCase: jest.fn(), onBack: jest.fn(), ...over,
  }
  return { props, ...render(<BookingScreen {...props} />) }
}

test('halls with address and hours; only free slots are offered and the chosen one is sent', () => {
  const { props } = screenWith({ hallId: hall.id, date: '2026-11-26', slots })
  expect(screen.getByRole('radio', { name: /长沙市天心区政务服务中心/ })).toBeTruthy()
  expect(screen.getByText(`${hall.address} · ${HOURS}`)).toBeTruthy()
  expect(screen.getByRole('radio', { name: '11月26日 周四' })).toBeTruthy()
  const offered = screen.getAllByRole('radio').map((r) => r.textContent)
  expect(offered).not.toContain('9:00-9:30')
  expect(offered).not.toContain('11:00-11:30')
  expect(offered).toContain('10:30-11:00')
  expect(screen.getByText('已约满或已过的 4 个时段未列出')).toBeTruthy()
  fireEvent.click(screen.getByRole('button', { name: '确认预约' }))
  expect(props.onBook).toHaveBeenLastCalledWith(undefined)
  fireEvent.click(screen.getByRole('radio', { name: '10:30-11:00' }))
  fireEvent.click(screen.getByRole('button', { name: '确认预约' }))
  expect(props.onBook).toHaveBeenLastCalledWith(slots[3].start)
})

test('the platform’s refusal shows at the slots; a day with nothing free says so', () => {
  screenWith({ hallId: hall.id, date: '2026-11-26', slots, fieldErrors: { start: '该时段已约满，请选择其他时段' } })
  expect(screen.getByText('该时段已约满，请选择其他时段')).toBeTruthy()
  screenWith({ hallId: hall.id, date: '2026-11-27', slots: slots.map((s) => ({ ...s, free: false })) })
  expect(screen.getByText('这一天已没有可预约的时段，请选择其他日期。')).toBeTruthy()
})

test('a booking: number marked 示例, slot, hall, QR; cancel', async () => {
  const { props } = screenWith({ bundleName: undefined, bookings: [booking] })
  expect(screen.getByRole('heading', { level: 1, name: '我的预约' })).toBeTruthy()
  expect(screen.getByText('YY1234 5678')).toBeTruthy()
  expect(screen.getByLabelText('示例数据')).toBeTruthy()
  expect(screen.getByText('11月26日 周四 10:30-11:00')).toBeTruthy()
  expect(await screen.findByRole('img', { name: /^预约号 YY12345678 的二维码/ })).toBeTruthy()
  fireEvent.click(screen.getByRole('button', { name: '取消预约 YY12345678' }))
  expect(props.onCancel).toHaveBeenCalledWith(booking)
  // the form gives way when the page is for bookings only
  expect(screen.queryByRole('button', { name: '确认预约' })).toBeNull()
})

test('a booking done shows its case and offers no cancel', () => {
  const { props } = screenWith({ bundleName: undefined, bookings: [{ ...booking, status: 'done', caseId: 'HN2026112600001', qrText: undefined }] })
  expect(screen.getByRole('heading', { name: '开办餐饮店 · 已办理' })).toBeTruthy()
  expect(screen.queryByRole('button', { name: /取消预约/ })).toBeNull()
  fireEvent.click(screen.getByRole('button', { name: '查看办件 HN2026112600001' }))
  expect(props.onOpenCase).toHaveBeenCalledWith('HN2026112600001')
})
