// 一次告知: everything about a bundle told once, before any question.
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { BundleTemplate, Fee, Matter, ParamValue } from '@/domain'
import { pickByRegion } from '@/domain/rules'
import { AppButton } from '../Button'
import { Heading } from '../Heading'
import { DELIVERY_LABELS, HANDLING_LABELS, days, isSample, yuan } from '../format'
import { SampleMark } from '../SampleMark'
import { BackLink } from '../BackLink'
import { Notice } from '../Notice'

export interface GuideScreenProps {
  template: BundleTemplate
  region: string
  regionName: string
  /** the template's parameters for the region (thresholds, fee amounts) */
  params: Record<string, ParamValue>
  /** names of e-licence kinds (GET /licence-kinds) */
  licenceNames: Record<string, { name: string }>
  /** longest chain of 法定办结时限 for what applies so far */
  legalDays: number
  /** an open draft exists: the button says 继续办理 */
  resumable: boolean
  /** who files: a firm the person acts for (chosen in 我的), shown above 开始办理 */
  subject?: string
  onStart: () => void
  /** opened in 朋友圈's single-page preview: nothing can be started there, WeChat's bar leads into the app */
  preview?: boolean
  /** 有疑问？在线咨询 (ask the window about this bundle) */
  onConsult?: () => void
  onBack: () => void
}

const CASE_TYPE = { instant: '即办件', promised: '承诺件' } as const
const SCOPE = { none: '本地办理', province: '全省通办', 'cross-province': '跨省通办' } as const

type Row = [string, string, boolean?]

function feeText(f: Fee, params: Record<string, ParamValue>): string {
  const amount = typeof f.amountYuan === 'number' ? f.amountYuan : params[f.amountYuan.param]
  return `${f.item} ${typeof amount === 'number' ? yuan(amount) : '按当地标准'}${f.when ? '（视情况收取）' : ''}${f.basis ? `（${f.basis}）` : ''}`
}

function MatterGuide({ matter, region, params }: { matter: Matter; region: string; params: Record<string, ParamValue> }) {
  const unit = matter.limitUnit ?? 'workday'
  const promisedWhen = matter.promisedLimitWhen?.length ? '；视情况可缩短（如选择告知承诺）' : ''
  const rows: Row[] = [
    ['事项基本编码', matter.baseCode, isSample(matter.provenance.baseCode)],
    ...(matter.implementationCode ? [['实施编码', matter.implementationCode] as Row] : []),
    ['事项类型', matter.type === '行政备案' ? '行政备案（收到即办结，无需审批）' : matter.type],
    ['办件类型', CASE_TYPE[matter.caseType]],
    ['实施机关', pickByRegion(matter.authority, region) ?? matter.department],
    ['法定办结时限', days(matter.legalLimitDays, unit)],
    ['承诺办结时限', days(matter.promisedLimitDays, unit) + promisedWhen],
    ...(matter.pausedPeriods?.length
      ? [['不计入办理时限', matter.pausedPeriods.map((p) => `${p.name}${p.maxDays ? `（最长 ${days(p.maxDays, p.unit)}）` : ''}`).join('、')] as Row]
      : []),
    ['到办事现场次数', `${matter.visits} 次`],
    ...matter.fees.map((f) => ['收费', feeText(f, params), isSample(f.provenance)] as Row),
    ...(matter.fees.length ? [] : [['收费', '不收费'] as Row]),
    ...(matter.contributions ?? []).map((c) => ['缴费（社保、医保，不属于收费）', `${c.item}：${c.amountText}`, isSample(c.provenance)] as Row),
    ['适用范围', matter.scope],
    ['中介服务', matter.intermediaryServices.length ? matter.intermediaryServices.join('、') : '无'],
    ['办理结果', matter.result.name + (matter.result.licence ? '（可发电子证照）' : '')],
    ...(matter.validity ? [['有效期限', matter.validity] as Row] : []),
    ['告知承诺', [matter.promiseFlags.businessPermit ? '涉企经营许可可告知承诺' : '', matter.promiseFlags.certificate ? '证明事项可告知承诺' : ''].filter(Boolean).join('；') || '不适用'],
    ['办理地点', `${matter.location.address}（${matter.location.hours}）`],
    ['咨询电话', matter.contacts.consult, isSample(matter.provenance.contacts)],
    ['监督投诉电话', matter.contacts.complaint, isSample(matter.provenance.contacts)],
  ]
  return (
    <View className='ui-guide' id={`guide-${matter.id}`}>
      {rows.map(([k, v, sample], i) => (
        <View key={`${k}-${i}`} className='ui-row'>
          <Text className='ui-row__key'>{k}</Text>
          <Text className='ui-row__value'>
            {v}
            {sample ? <SampleMark /> : null}
          </Text>
        </View>
      ))}
      <View className='ui-row ui-row--block'>
        <Text className='ui-row__key'>设定依据</Text>
        {matter.legalBasis.map((b) => (
          <View key={b} className='ui-row__value'>
            {b}
          </View>
        ))}
      </View>
      <View className='ui-row ui-row--block'>
        <Text className='ui-row__key'>受理条件</Text>
        {matter.conditions.map((c) => (
          <View key={c} className='ui-row__value'>
            {c}
          </View>
        ))}
      </View>
      <View className='ui-row ui-row--block'>
        <Text className='ui-row__key'>办理程序</Text>
        {matter.steps.map((s, i) => (
          <View key={s.name} className='ui-row__value'>
            {i + 1}. {s.name}（{s.limit.value} {s.limit.unit === 'hour' ? '小时' : '个工作日'}）：{s.standard}
          </View>
        ))}
      </View>
    </View>
  )
}

export function GuideScreen({ template, region, regionName, params, licenceNames, legalDays, resumable, subject, onStart, onBack, preview, onConsult }: GuideScreenProps) {
  const [open, setOpen] = useState<Record<string, boolean>>({})
  const allFees = template.matters.flatMap((m) => m.fees)
  const fixed = allFees.every((f) => typeof f.amountYuan === 'number' && !f.when)
  const fees = allFees.reduce((sum, f) => sum + (typeof f.amountYuan === 'number' ? f.amountYuan : 0), 0)
  const contributes = template.matters.some((m) => m.contributions?.length)
  const samples =
    template.matters.some((m) => isSample(m.provenance.baseCode) || isSample(m.provenance.contacts) || m.fees.some((f) => isSample(f.provenance))) ||
    Object.values(template.params ?? {}).some((p) => isSample(p.provenance))
  const materialTags = (m: BundleTemplate['materials'][number]) =>
    [
      m.licence ? `可用电子${licenceNames[m.licence]?.name ?? '证照'}` : '',
      // in plain words: what the citizen may do instead of bringing the paper (not the reform's jargon)
      m.producedBy ? '办理中自动生成，不用准备' : '',
      m.shared ? `部门共享获取，无需提供（${m.shared.by}）` : '',
      m.upload ? '可以拍照上传' : '',
      m.original ? '可以带原件到窗口核验' : '',
      m.promise ? '可以签承诺书代替' : '',
      m.deferrable ? '可以先办，之后补交' : '',
    ].filter(Boolean)

  return (
    <View className='ui-page'>
      <BackLink onTap={onBack} />
      <Heading level={1}>{template.name}</Heading>
      {/* a bereaved family is spoken to as people first (as GOV.UK's Tell Us Once does) */}
      {template.category === '身后事' ? <View className='ui-lead'>对您亲人的离世，我们深表哀悼。下面这些事可以一次办好；填到一半可以先离开，回来时接着办。</View> : null}
      <View className='ui-lead'>{template.description}</View>
      <View className='ui-card ui-facts'>
        <View className='ui-row'>
          <Text className='ui-row__key'>承诺办结</Text>
          <Text className='ui-row__value ui-strong'>{days(template.promisedLimitDays)}</Text>
        </View>
        <View className='ui-row'>
          <Text className='ui-row__key'>法定时限</Text>
          <Text className='ui-row__value'>{days(legalDays)}（分别办理时最长）</Text>
        </View>
        <View className='ui-row'>
          <Text className='ui-row__key'>到现场次数</Text>
          <Text className='ui-row__value'>{template.visits === 0 ? '0 次（全程网办）' : `最多 ${template.visits} 次`}</Text>
        </View>
        <View className='ui-row'>
          <Text className='ui-row__key'>收费</Text>
          <Text className='ui-row__value'>{fixed ? (fees === 0 ? '不收费' : `合计 ${fees} 元`) : '视情况收费，回答问题后按您的情况列出'}</Text>
        </View>
        {contributes ? (
          <View className='ui-row'>
            <Text className='ui-row__key'>缴费</Text>
            <Text className='ui-row__value'>含社会保险缴费（按年度缴费基数和比例，不属于办事收费）</Text>
          </View>
        ) : null}
        <View className='ui-row'>
          <Text className='ui-row__key'>办理方式</Text>
          <Text className='ui-row__value'>{template.handling.map((h) => HANDLING_LABELS[h]).join('或')}</Text>
        </View>
        <View className='ui-row'>
          <Text className='ui-row__key'>通办范围</Text>
          <Text className='ui-row__value'>{SCOPE[template.tongban.scope]}</Text>
        </View>
        <View className='ui-row'>
          <Text className='ui-row__key'>办理地区</Text>
          <Text className='ui-row__value'>{regionName}</Text>
        </View>
      </View>
      {template.figures?.length ? (
        <View className='ui-card'>
          {template.figures.map((f) => (
            <View key={f} className='ui-bullet'>
              {f}
            </View>
          ))}
        </View>
      ) : null}

      <Heading level={2}>包含的事项（{template.matters.length} 项）</Heading>
      <View className='ui-help'>标“视情况办理”的事项，会根据您对问题的回答决定是否需要办理。</View>
      {template.matters.map((m) => (
        <View key={m.id} className='ui-card ui-matter'>
          <Heading level={3}>{m.name}</Heading>
          <View className='ui-matter__meta'>
            <Text>{m.department}</Text>
            <Text> · 承诺 {days(m.promisedLimitDays, m.limitUnit)}</Text>
            <Text> · 法定 {days(m.legalLimitDays, m.limitUnit)}</Text>
            {m.appliesWhen !== undefined ? <Text className='ui-tag'>视情况办理</Text> : <Text className='ui-tag ui-tag--strong'>必办</Text>}
          </View>
          <AppButton variant='link' ariaExpanded={!!open[m.id]} ariaControls={`guide-${m.id}`} onTap={() => setOpen((o) => ({ ...o, [m.id]: !o[m.id] }))}>
            {open[m.id] ? '收起办事指南' : '查看完整办事指南'}
          </AppButton>
          {open[m.id] ? <MatterGuide matter={m} region={region} params={params} /> : null}
        </View>
      ))}

      <Heading level={2}>可能需要的材料</Heading>
      <View className='ui-help'>回答问题后，会列出您实际需要的材料；能用电子证照的无需上传。</View>
      <View className='ui-card'>
        {template.materials.map((m) => (
          <View key={m.id} className='ui-material-line'>
            <View className='ui-strong'>{m.name}</View>
            <View className='ui-tags'>
              {materialTags(m).map((t) => (
                <Text key={t} className='ui-tag'>
                  {t}
                </Text>
              ))}
            </View>
          </View>
        ))}
      </View>

      <Heading level={2}>办理结果领取</Heading>
      <View className='ui-card'>
        {template.delivery.map((d) => (
          <View key={d} className='ui-bullet'>
            {DELIVERY_LABELS[d]}
          </View>
        ))}
      </View>

      {onConsult && !preview ? (
        <View className='ui-card'>
          <View>有疑问？写下您的问题，办理窗口 5 个工作日内答复。</View>
          <AppButton variant='secondary' onTap={onConsult}>
            在线咨询
          </AppButton>
        </View>
      ) : null}

      {samples ? (
        <View className='ui-help' id='sample-note'>
          标“示例”的事项编码、电话、金额和标准是本演示平台的示例数据，不是官方公布的信息；正式办理以湖南省政务服务网公布的为准。
        </View>
      ) : null}

      <View className='ui-sticky'>
        {preview ? (
          <Notice tone='info'>这是朋友圈里的预览页。点屏幕下方的“前往小程序”，即可开始办理。</Notice>
        ) : (
          <>
          {subject ? <View className='ui-help'>{subject}</View> : null}
          <AppButton block onTap={onStart}>
            {resumable ? '继续办理' : '开始办理'}
          </AppButton>
          </>
        )}
      </View>
    </View>
  )
}
