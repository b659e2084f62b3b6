// 到窗口办理: booking a slot at a hall for a prefilled application (?draft=<id>), and the citizen's bookings.
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useEffect } from 'react'
import { View } from '@tarojs/components'
import { useShallow } from 'zustand/react/shallow'
import { BackLink } from '@/components/BackLink'
import { BookingScreen } from '@/components/booking/BookingScreen'
import { Heading } from '@/components/Heading'
import { SignInPrompt } from '@/components/SignInPrompt'
import { useCatalogue, useDrafts, usePreferences, useSession } from '@/stores/app'
import { useBookings } from '@/stores/app-bookings'
import { queryKey } from '@/stores/catalogue'
import { caseUrl, ROUTES, urlOf } from '@/stores/routes'
import { Frame } from '../../Frame'
import { back, go, leave } from '../../nav'

const ALL = {}

export default function BookingPage() {
  const profile = useSession((s) => s.profile)
  const acting = useSession((s) => s.acting)
  const region = usePreferences((s) => s.region)
  const draftId = useRouter().params.draft
  const draft = useDrafts((s) => (draftId ? s.drafts[draftId] : undefined))
  const b = useBookings(useShallow((s) => ({ status: s.status, halls: s.halls, hallId: s.hallId, dates: s.dates, date: s.date, slots: s.slots, bookings: s.bookings, busy: s.busy, error: s.error, fieldErrors: s.fieldErrors })))
  const bundleName = useCatalogue((s) => s.lists[queryKey(ALL)]?.bundles.find((x) => x.id === draft?.content.bundleId)?.name)
  const signedIn = profile?.role === 'citizen' && !acting
  const load = () => {
    if (signedIn) void useBookings.getState().load(draft?.content.region ?? profile?.region ?? region)
  }
  useEffect(() => {
    if (draft && !bundleName) void useCatalogue.getState().loadBundles(ALL)
  }, []) // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(load, [signedIn]) // eslint-disable-line react-hooks/exhaustive-deps
  useDidShow(load)

  if (!signedIn)
    return (
      <Frame>
        <View className='ui-page'>
          <BackLink onTap={() => leave()} />
          <Heading level={1}>{draftId ? '预约到窗口办理' : '我的预约'}</Heading>
          <SignInPrompt onSignIn={() => go(ROUTES.login)} />
        </View>
      </Frame>
    )
  const store = useBookings.getState()
  // one standing booking per application: booked, the form gives way to the booking's QR
  const booked = draft && b.bookings.some((x) => x.status === 'booked' && x.bundleId === draft.content.bundleId)
  return (
    <Frame>
      <BookingScreen
        loading={b.status === 'loading' || b.status === 'idle'}
        error={b.error}
        fieldErrors={b.fieldErrors}
        busy={b.busy}
        bundleName={draft && draft.status === 'open' && !booked ? (bundleName ?? draft.content.bundleId) : undefined}
        halls={b.halls}
        hallId={b.hallId}
        dates={b.dates}
        date={b.date}
        slots={b.slots}
        bookings={b.bookings}
        onHall={(id) => void store.pickHall(id)}
        onDate={(d) => void store.pickDate(d)}
        onBook={async (start) => {
          if (!draft) return
          const made = await store.book(draft.content, start)
          if (made) void Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
        }}
        onCancel={async (booking) => {
          const res = await Taro.showModal({ title: '取消预约', content: `取消后该时段将让给其他申请人，窗口也不能再打开您预填的申请。确定取消预约 ${booking.id} 吗？`, confirmText: '确定取消', cancelText: '不取消' })
          if (res.confirm) await store.cancel(booking.id)
        }}
        onOpenCase={(id) => go(caseUrl(id))}
        // back to the application it was opened from (WeChat's 10-page stack may have replaced that page)
        onBack={() => (draft?.status === 'open' ? back(urlOf({ step: 'review' }, draft)) : leave())}
      />
    </Frame>
  )
}
