// 核对信息: everything kept, each with a 修改 link, then the submit area (exactly once, template changes confirmed first).
import { ReviewScreen } from '@/components/screens/ReviewScreen'
import { DELIVERY_LABELS } from '@/components/format'
import { dueDateText } from '@/domain/calendar/due-text'
import { hallName, placeBefore, summaryText, urlOf } from '@/stores/journey'
import { useEffect } from 'react'
import { useCatalogue } from '@/stores/app'
import { Frame, Loading } from '../../Frame'
import { go, home } from '../../nav'
import { View } from '@tarojs/components'
import { AppButton } from '@/components/Button'
import { Heading } from '@/components/Heading'
import { ROUTES } from '@/stores/routes'
import { useStep } from '../use-step'
import { SubmitSection } from '../submit/SubmitSection'
import { SignatureSection } from '../submit/SignatureSection'
import { PartiesSection } from '../submit/PartiesSection'

export default function ReviewPage() {
  const { draft, template, guidance, templateError, retry, goTo, backTo, now } = useStep('review')
  const regions = useCatalogue((s) => s.regions)
  const loadRegions = useCatalogue((s) => s.loadRegions)
  useEffect(() => {
    void loadRegions()
  }, [loadRegions])
  if (!draft) return <Loading error='没有找到这份申请，请从首页重新开始' onHome={home} />
  if (!template || !guidance) return <Loading error={templateError} onRetry={retry} onHome={home} />
  const d = draft.content.delivery
  const fileNames: Record<string, string[]> = {}
  for (const f of Object.values(draft.files)) (fileNames[f.materialId] ??= []).push(f.name)
  const hall = d?.method === 'pickup' ? hallName(regions, d.hallId) : undefined
  return (
    <Frame>
      <ReviewScreen
        bundleName={template.name}
        guidance={guidance}
        summary={summaryText(guidance.summary)}
        dueText={dueDateText(guidance.deadline.expectedDate, now, now)}
        delivery={d ? { method: d.method as keyof typeof DELIVERY_LABELS, text: d.method === 'ems' ? `${d.address?.recipient ?? ''} ${d.address?.detail ?? ''}` : hall } : undefined}
        handling={draft.content.handling}
        fileNames={fileNames}
        onChange={(step, questionId) => (step === 'questions' ? go(urlOf({ step, questionId }, draft, { return: 'review' })) : goTo({ step }))}
        onBack={() => backTo(placeBefore(guidance, { step: 'review' }))}
      >
        {draft.acting.actor === 'staff' ? <SignatureSection draftId={draft.id} /> : null}
        <PartiesSection draftId={draft.id} guidance={guidance} now={now} />
        <SubmitSection draft={draft} guidance={guidance} />
        {draft.acting.actor === 'self' && draft.status === 'open' ? (
          <View className='ui-card'>
            <Heading level={2}>不在线提交，到窗口办理</Heading>
            <View className='ui-help'>预约一个时段到服务大厅：窗口工作人员打开您预填的申请，核验材料原件后由您签名当场提交，不用再填一遍。</View>
            <AppButton variant='secondary' onTap={() => go(`${ROUTES.booking}?draft=${encodeURIComponent(draft.id)}`)}>
              到窗口办理（预约）
            </AppButton>
          </View>
        ) : null}
      </ReviewScreen>
    </Frame>
  )
}
