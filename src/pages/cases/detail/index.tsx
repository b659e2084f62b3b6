// 办件详情: the case refreshed from the platform on every visit; 补正, 缴费, 撤回 and 评价 from here.
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useDeferredValue, useMemo, useState } from 'react'
import { CaseScreen, type CaseScreenProps } from '@/components/cases/CaseScreen'
import { useCases } from '@/stores/app-cases'
import { caseView } from '@/domain/case'
import { ROUTES } from '@/stores/routes'
import { Frame, Loading } from '../../Frame'
import { back, go, home } from '../../nav'
import { shownAt } from '../now'
import { useSame } from '../../use-same'

type Handlers = Pick<CaseScreenProps, 'onSupplement' | 'onPay' | 'onWithdraw' | 'onRate' | 'onCases'>

export default function CaseDetailPage() {
  const router = useRouter()
  const caseId = router.params.case ? decodeURIComponent(router.params.case) : undefined
  const latest = useCases((s) => (caseId ? s.cases[caseId] : undefined))
  // the case arrives in one piece: its screen renders in the background, in slices, while 正在加载… stays
  // (on H5 no long task blocks a tap; the render was the page's longest task)
  const rec = useDeferredValue(latest)
  const loadError = useCases((s) => (caseId ? s.errors[caseId] : undefined))
  const busy = useCases((s) => (caseId ? !!s.busy[caseId] : false))
  const [loaded, setLoaded] = useState(false)
  const [actionError, setActionError] = useState<string>()
  const [ratingErrors, setRatingErrors] = useState<Record<string, string>>()
  const [ratingError, setRatingError] = useState<string>()
  // the screen (memo) renders again only when what it shows changed: not as the load settles, nor when the
  // fresh copy of a kept case says the same
  const view = useSame(useMemo(() => (rec ? caseView(rec, shownAt(rec.asOf)) : undefined), [rec]))
  const handlers = useMemo((): Handlers | undefined => {
    if (!caseId) return undefined
    const cases = () => useCases.getState()
    const onPay = async (matterId: string) => {
      setActionError(undefined)
      const order = await cases().order(caseId, matterId, process.env.TARO_ENV === 'h5' ? 'h5' : 'wechat')
      if ('ok' in order) return setActionError(order.message)
      if (order.status === 'paid') return void cases().load(caseId)
      // a build-time check, so the WeChat build has no web global here
      if (process.env.TARO_ENV === 'h5') {
        // the platform's cashier page, which comes back to this case
        window.location.assign(order.cashierUrl)
        return
      }
      try {
        await Taro.requestPayment({ timeStamp: order.wechat.timeStamp, nonceStr: order.wechat.nonceStr, package: order.wechat.package, signType: order.wechat.signType, paySign: order.wechat.paySign })
      } catch {
        return setActionError('支付未完成，您可以稍后再缴费')
      }
      const r = await cases().paid(caseId, order.orderId)
      if (!r.ok) setActionError(r.message)
    }
    return {
      onSupplement: () => go(`${ROUTES.supplement}?case=${encodeURIComponent(caseId)}`),
      onPay: (m) => void onPay(m),
      onWithdraw: async () => {
        const r = await cases().withdraw(caseId)
        setActionError(r.ok ? undefined : r.message)
      },
      onRate: async (input) => {
        const r = await cases().rate(caseId, input)
        setRatingErrors(r.ok ? undefined : r.fieldErrors)
        // a refusal at a field is shown there; anything else in the form, where the citizen tapped
        setRatingError(r.ok || r.fieldErrors ? undefined : r.message)
      },
      onCases: () => back(ROUTES.cases),
    }
  }, [caseId])

  useDidShow(() => {
    if (caseId) void useCases.getState().load(caseId).finally(() => setLoaded(true))
  })

  if (!caseId || !handlers) return <Loading atOnce error='没有找到这件办件' onHome={home} />
  if (!view) return <Loading atOnce error={loaded && !latest ? loadError ?? '没有找到这件办件' : undefined} onRetry={() => void useCases.getState().load(caseId)} onHome={home} />

  return (
    <Frame atOnce>
      <CaseScreen
        view={view}
        busy={busy}
        actionError={actionError}
        ratingErrors={ratingErrors}
        ratingError={ratingError}
        staleNote={loadError ? `暂时无法获取最新进度（${loadError}），以下为上次获取的记录。` : undefined}
        {...handlers}
      />
    </Frame>
  )
}
