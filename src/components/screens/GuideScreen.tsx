// 一次告知: everything about a bundle told once, before any question.
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { BundleTemplate, Matter } from '@/domain'
import { LICENCE_NAMES } from '@/domain/engine/labels'
import { pickByRegion } from '@/domain/rules'
import { AppButton } from '../Button'
import { Heading } from '../Heading'
import { DELIVERY_LABELS, HANDLING_LABELS, days, yuan } from '../format'
import { BackLink } from '../BackLink'
import { Notice } from '../Notice'

export interface GuideScreenProps {
  template: BundleTemplate
  region: string
  regionName: string
  /** longest chain of 法定办结时限 for what applies so far */
  legalDays: number
  /** an open draft exists: the button says 继续办理 */
  resumable: boolean
  onStart: () => void
  /** opened in 朋友圈's single-page preview: nothing can be started there, WeChat's bar leads into the app */
  preview?: boolean
  onBack: () => void
}

const CASE_TYPE = { instant: '即办件', promised: '承诺件' } as const
const SCOPE = { none: '本地办理', province: '全省通办', 'cross-province': '跨省通办' } as const

function MatterGuide({ matter, region }: { matter: Matter; region: string }) {
  const rows: [string, string][] = [
    ['事项基本编码', matter.baseCode],
    ...(matter.implementationCode ? [['实施编码', matter.implementationCode] as [string, string]] : []),
    ['事项类型', matter.type],
    ['办件类型', CASE_TYPE[matter.caseType]],
    ['实施机关', pickByRegion(matter.authority, region) ?? matter.department],
    ['法定办结时限', days(matter.legalLimitDays)],
    ['承诺办结时限', days(matter.promisedLimitDays)],
    ['到办事现场次数', `${matter.visits} 次`],
    ['收费', matter.fees.length ? matter.fees.map((f) => `${f.item} ${yuan(f.amountYuan)}${f.basis ? `（${f.basis}）` : ''}`).join('；') : '不收费'],
    ['适用范围', matter.scope],
    ['中介服务', matter.intermediaryServices.length ? matter.intermediaryServices.join('、') : '无'],
    ['办理结果', matter.result.name + (matter.result.licence ? '（可发电子证照）' : '')],
    ...(matter.validity ? [['有效期限', matter.validity] as [string, string]] : []),
    ['告知承诺', [matter.promiseFlags.businessPermit ? '涉企经营许可可告知承诺' : '', matter.promiseFlags.certificate ? '证明事项可告知承诺' : ''].filter(Boolean).join('；') || '不适用'],
    ['办理地点', `${matter.location.address}（${matter.location.hours}）`],
    ['咨询电话', matter.contacts.consult],
    ['监督投诉电话', matter.contacts.complaint],
  ]
  return (
    <View className='ui-guide' id={`guide-${matter.id}`}>
      {rows.map(([k, v]) => (
        <View key={k} className='ui-row'>
          <Text className='ui-row__key'>{k}</Text>
          <Text className='ui-row__value'>{v}</Text>
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

export function GuideScreen({ template, region, regionName, legalDays, resumable, onStart, onBack, preview }: GuideScreenProps) {
  const [open, setOpen] = useState<Record<string, boolean>>({})
  const fees = template.matters.flatMap((m) => m.fees).reduce((sum, f) => sum + f.amountYuan, 0)
  // in plain words: what the citizen may do instead of bringing the paper (not the reform's jargon)
  const materialTags = (m: BundleTemplate['materials'][number]) =>
    [
      m.licence ? `可用电子${LICENCE_NAMES[m.licence]}` : '',
      m.producedBy ? '办理中自动生成，不用准备' : '',
      m.windowVerified ? '窗口核验过的，不用再交' : '',
      m.upload ? '可以拍照上传' : '',
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
          <Text className='ui-row__value'>{fees === 0 ? '不收费' : `合计 ${fees} 元`}</Text>
        </View>
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
            <Text> · 承诺 {days(m.promisedLimitDays)}</Text>
            <Text> · 法定 {days(m.legalLimitDays)}</Text>
            {m.appliesWhen !== undefined ? <Text className='ui-tag'>视情况办理</Text> : <Text className='ui-tag ui-tag--strong'>必办</Text>}
          </View>
          <AppButton variant='link' ariaExpanded={!!open[m.id]} ariaControls={`guide-${m.id}`} onTap={() => setOpen((o) => ({ ...o, [m.id]: !o[m.id] }))}>
            {open[m.id] ? '收起办事指南' : '查看完整办事指南'}
          </AppButton>
          {open[m.id] ? <MatterGuide matter={m} region={region} /> : null}
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

      <View className='ui-sticky'>
        {preview ? (
          <Notice tone='info'>这是朋友圈里的预览页。点屏幕下方的“前往小程序”，即可开始办理。</Notice>
        ) : (
          <AppButton block onTap={onStart}>
            {resumable ? '继续办理' : '开始办理'}
          </AppButton>
        )}
      </View>
    </View>
  )
}
