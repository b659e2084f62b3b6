// 到窗口办理: the citizen books a free half-hour slot at a hall near them for the application they prefilled,
// then shows the booking's QR at the window; and sees (and cancels) their bookings.
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { BOOKING_STATUS_LABELS, dateText, slotText, slotTimeText, type BookingView } from '@/domain/assist/booking'
import { AppButton } from '../Button'
import { BackLink } from '../BackLink'
import { ChoiceGroup } from '../ChoiceGroup'
import { Heading } from '../Heading'
import { Notice } from '../Notice'
import { QrCode } from '../QrCode'
import { SampleMark } from '../SampleMark'

export interface BookingScreenProps {
  loading: boolean
  error?: string
  fieldErrors: Record<string, string>
  busy: boolean
  /** the prefilled application to book for; absent: only the citizen's bookings are shown */
  bundleName?: string
  halls: { id: string; name: string; address: string; hours: string }[]
  hallId?: string
  dates: string[]
  date?: string
  slots: { start: string; free: boolean }[]
  bookings: BookingView[]
  onHall: (hallId: string) => void
  onDate: (date: string) => void
  onBook: (start: string | undefined) => void
  onCancel: (booking: BookingView) => void
  onOpenCase: (caseId: string) => void
  onBack: () => void
}

/** "YY1234 5678": easier to read out at a window */
const grouped = (n: string) => n.replace(/^(YY\d{4})(\d{4})$/, '$1 $2')

export function BookingCard({ b, busy, onCancel, onOpenCase }: { b: BookingView; busy: boolean; onCancel: () => void; onOpenCase: (caseId: string) => void }) {
  const standing = b.status === 'booked'
  return (
    <View className='ui-card ui-booking' aria-label={`预约 ${b.bundleName}`}>
      {standing ? (
        <View>
          <Heading level={2}>请按预约时间到窗口出示此码</Heading>
          <Text className='ui-strong'>{b.bundleName}</Text> · {BOOKING_STATUS_LABELS[b.status]}
        </View>
      ) : (
        <Heading level={3}>{`${b.bundleName} · ${BOOKING_STATUS_LABELS[b.status]}`}</Heading>
      )}
      <View>
        预约号 <Text className='ui-strong'>{grouped(b.id)}</Text> <SampleMark />
      </View>
      <View>{slotText(b.start)}</View>
      <View>
        {b.hallName}
        <View className='ui-help'>{b.hallAddress}</View>
      </View>
      {standing && b.qrText ? <QrCode text={b.qrText} label={`预约号 ${b.id} 的二维码，供窗口扫描`} /> : null}
      {standing ? (
        <View className='ui-help'>请携带身份证和申请材料原件。窗口工作人员扫码后打开您在线预填的申请，核验原件后由您签名提交；办件会出现在“我的办件”中。预约时段结束 1 小时后预约失效。</View>
      ) : null}
      {b.caseId ? (
        <AppButton variant='secondary' onTap={() => onOpenCase(b.caseId!)} ariaLabel={`查看办件 ${b.caseId}`}>
          查看办件 {b.caseId}
        </AppButton>
      ) : null}
      {standing ? (
        <AppButton variant='danger' busy={busy} onTap={onCancel} ariaLabel={`取消预约 ${b.id}`}>
          取消预约
        </AppButton>
      ) : null}
    </View>
  )
}

export function BookingScreen(p: BookingScreenProps) {
  const [start, setStart] = useState<string>()
  const free = p.slots.filter((s) => s.free)
  const standing = p.bookings.filter((b) => b.status === 'booked')
  const others = p.bookings.filter((b) => b.status !== 'booked')
  const e = p.fieldErrors
  return (
    <View className='ui-page'>
      <BackLink onTap={p.onBack} />
      <Heading level={1}>{p.bundleName ? '预约到窗口办理' : '我的预约'}</Heading>
      {p.error ? (
        <Notice tone='error' live='alert'>
          {p.error}
        </Notice>
      ) : null}
      {p.loading ? <View className='ui-help'>正在读取…</View> : null}

      {standing.map((b) => (
        <BookingCard key={b.id} b={b} busy={p.busy} onCancel={() => p.onCancel(b)} onOpenCase={p.onOpenCase} />
      ))}

      {p.bundleName && !p.loading ? (
        <View className='ui-card'>
          <Heading level={2}>选择服务大厅和时段</Heading>
          <View className='ui-help'>“{p.bundleName}”已在线填好。预约后到窗口办理：工作人员打开您预填的申请，核验材料原件，您签名后当场提交，不用再填一遍。</View>
          <ChoiceGroup
            id='booking-hall'
            legend='服务大厅'
            options={p.halls.map((h) => ({ value: h.id, label: h.name, help: `${h.address} · ${h.hours}` }))}
            value={p.hallId}
            onChange={(v) => {
              setStart(undefined)
              p.onHall(v as string)
            }}
            error={e.hallId}
          />
          {p.hallId && p.dates.length ? (
            <ChoiceGroup
              id='booking-date'
              legend='日期'
              options={p.dates.map((d) => ({ value: d, label: dateText(d) }))}
              value={p.date}
              onChange={(v) => {
                setStart(undefined)
                p.onDate(v as string)
              }}
            />
          ) : null}
          {p.hallId && p.date ? (
            free.length ? (
              <ChoiceGroup
                id='booking-slot'
                legend='时段（每个时段接待一位申请人）'
                help={p.slots.length > free.length ? `已约满或已过的 ${p.slots.length - free.length} 个时段未列出` : undefined}
                options={free.map((s) => ({ value: s.start, label: slotTimeText(s.start) }))}
                value={start}
                onChange={(v) => setStart(v as string)}
                error={e.start}
              />
            ) : (
              <Notice tone='info'>{e.start ?? '这一天已没有可预约的时段，请选择其他日期。'}</Notice>
            )
          ) : null}
          <AppButton block busy={p.busy} onTap={() => p.onBook(start)}>
            确认预约
          </AppButton>
        </View>
      ) : null}

      {!p.loading && !p.bundleName && !p.bookings.length ? <View className='ui-help'>您还没有预约。在“核对申请信息”一步可以选择“到窗口办理”。</View> : null}
      {others.length ? (
        <View>
          <Heading level={2}>以往的预约</Heading>
          {others.map((b) => (
            <BookingCard key={b.id} b={b} busy={p.busy} onCancel={() => p.onCancel(b)} onOpenCase={p.onOpenCase} />
          ))}
        </View>
      ) : null}
    </View>
  )
}
