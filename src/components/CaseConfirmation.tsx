// 提交成功: the case number (large, selectable, with a copy button) and its QR code, when it should be done,
// what happens next for each matter, how the result arrives, and what the bundle saved the citizen.
import { Text, View } from '@tarojs/components'
import type { Burden } from '@/domain'
import { AppButton } from './Button'
import { Heading } from './Heading'
import { Notice } from './Notice'
import { QrCode } from './QrCode'
import './submit.css'

export interface ConfirmationMatter {
  id: string
  name: string
  department: string
  nextStep: string
}

export interface CaseConfirmationProps {
  caseId: string
  bundleName: string
  submittedText: string
  dueText: string
  matters: ConfirmationMatter[]
  deliveryText?: string
  burden?: Burden
  copied?: boolean
  /** the platform could not be asked for news: the kept record is shown */
  staleNote?: string
  onCopy: () => void
  onCases: () => void
  onHome: () => void
}

/**
 * What the citizen actually did, against applying for each matter on its own: "填写 9 项而不是 18 项，提交 2 份材料
 * 而不是 8 份（上传 1 份、窗口核验原件 1 份），作出告知承诺 2 项，跑 1 次：到长沙市政务服务中心领取办理结果".
 */
export function burdenText(b: Burden): string {
  const d = b.bundle
  const how = [d.uploads ? `上传 ${d.uploads} 份` : '', d.originals ? `窗口核验原件 ${d.originals} 份` : '', d.deferred ? `稍后补交 ${d.deferred} 份` : ''].filter(Boolean)
  const materials = d.materials === d.uploads ? `上传 ${d.uploads} 份材料而不是 ${b.separate.materials} 份` : `提交 ${d.materials} 份材料而不是 ${b.separate.materials} 份（${how.join('、')}）`
  const promises = d.promises ? `，作出告知承诺 ${d.promises} 项` : ''
  const visits = d.visits ? `跑 ${d.visits} 次${d.places.length ? `：${d.places.join('；')}` : ''}` : '跑 0 次'
  return `填写 ${d.fields} 项而不是 ${b.separate.fields} 项，${materials}${promises}，${visits}`
}

export function CaseConfirmation(p: CaseConfirmationProps) {
  return (
    <View className='ui-page'>
      <Notice tone='success' live='status'>
        申请已提交
      </Notice>
      <View className='ui-caption'>{p.bundleName}</View>
      <Heading level={1}>提交成功</Heading>
      <View className='ui-card'>
        <View className='ui-help' id='case-no-label'>
          办件编号（查询进度时使用）
        </View>
        <Text className='ui-case-no' selectable aria-describedby='case-no-label' id='case-no'>
          {p.caseId}
        </Text>
        {/* named by its visible words (WCAG 2.5.3), the number as its description */}
        <AppButton variant='secondary' onTap={p.onCopy} ariaDescribedBy='case-no'>
          {p.copied ? '已复制' : '复制编号'}
        </AppButton>
        <View className='ui-qr-box'>
          <QrCode text={p.caseId} label={`办件编号 ${p.caseId} 的二维码`} />
          <View className='ui-help'>到窗口办理或查询时出示此二维码</View>
        </View>
        <View className='ui-help'>提交时间：{p.submittedText}</View>
      </View>
      {p.staleNote ? <Notice tone='warning'>{p.staleNote}</Notice> : null}
      <Heading level={2}>预计办结</Heading>
      <View className='ui-card ui-strong'>{p.dueText}</View>
      <Heading level={2}>接下来会发生什么</Heading>
      <View className='ui-card'>
        {p.matters.map((m) => (
          <View key={m.id} className='ui-material-line'>
            <View className='ui-strong'>
              {m.name}（{m.department}）
            </View>
            <View className='ui-help'>{m.nextStep}</View>
          </View>
        ))}
      </View>
      {p.deliveryText ? (
        <View>
          <Heading level={2}>办理结果怎样送达</Heading>
          <View className='ui-card'>{p.deliveryText}</View>
        </View>
      ) : null}
      {p.burden ? (
        <View>
          <Heading level={2}>这次为您省去了</Heading>
          <View className='ui-card'>
            <View className='ui-burden'>{burdenText(p.burden)}</View>
            <View className='ui-help'>与分别办理 {p.matters.length} 个事项相比</View>
          </View>
        </View>
      ) : null}
      <AppButton block onTap={p.onCases}>
        查看我的办件
      </AppButton>
      <AppButton block variant='secondary' onTap={p.onHome}>
        返回首页
      </AppButton>
    </View>
  )
}
