// One material and how it will be met: e-licence (after consent), produced in this bundle, reused, upload
// (checked at pick time, progress, retry, remove, the platform's verdict), 告知承诺, or 容缺 稍后补交.
import { Text, View } from '@tarojs/components'
import type { MaterialMode, MaterialView } from '@/domain'
import { MATERIAL_MODE_LABELS } from '@/domain/engine/labels'
import { AppButton } from './Button'
import { ChoiceGroup, type ChoiceOption } from './ChoiceGroup'
import { Heading } from './Heading'
import { TextField } from './TextField'
import { DEFER_REASON_MAX } from '@/domain/assist'

export interface AttachedFile {
  fileId: string
  name: string
  sizeText: string
}

export interface UploadingFile {
  key: string
  name: string
  sizeText: string
  status: 'uploading' | 'failed'
  progress: number
  error?: string
  retryable?: boolean
}

export interface MaterialCardProps {
  view: MaterialView
  /** names of the matters that need it */
  usedBy: string[]
  attached: AttachedFile[]
  uploading: UploadingFile[]
  /** refused at pick time */
  refusals: string[]
  /** the citizen agreed to the e-licence's use in this session */
  consented: boolean
  /** the e-licence's name (GET /licence-kinds), e.g. 居民身份证 */
  licenceName?: string
  consentBusy?: boolean
  promiseUnavailable?: string
  /** shown after 继续 */
  error?: string
  onMode: (mode: MaterialMode) => void
  onConsent: () => void
  onPick: () => void
  onRetry: (key: string) => void
  onDismiss: (key: string) => void
  onRemove: (fileId: string) => void
  onPromise: (agreed: boolean) => void
  /** window staff filing for the citizen: 原件已核验 on a scanned upload, the reason for a 容缺 */
  atWindow?: {
    verified: boolean
    onVerified: (verified: boolean) => void
    deferReason: string
    onDeferReason: (reason: string) => void
    /** the rulebook's word on what the window marked */
    error?: string
  }
}

const TYPE_NAMES = { pdf: 'PDF', jpg: 'JPG', png: 'PNG', heic: 'HEIC' } as const

export function MaterialCard(props: MaterialCardProps) {
  const { view, usedBy, attached, uploading, refusals, consented, licenceName = '证照', consentBusy, promiseUnavailable, error, onMode, onConsent, onPick, onRetry, onDismiss, onRemove, onPromise, atWindow } = props
  const m = view.material
  // one card per material, or per item of a repeatable group (`id~key`)
  const id = `m-${view.id.replace('~', '--')}`
  const chosen = view.chosen
  const rule = m.upload

  const detail = (mode: MaterialMode) => {
    switch (mode) {
      case 'licence':
        return consented ? (
          <View className='ui-ok'>✓ 已关联电子{licenceName}，无需上传</View>
        ) : (
          <View>
            <View className='ui-help'>经您同意后，平台将调取您的电子{licenceName}用于本次申请。</View>
            <AppButton variant='secondary' onTap={onConsent} busy={consentBusy}>
              同意使用电子{licenceName}
            </AppButton>
          </View>
        )
      case 'in-bundle':
        return <View className='ui-ok'>✓ 本次办理的前一个事项会产生此材料，无需提供</View>
      case 'shared':
        return <View className='ui-ok'>✓ 由{m.shared?.by ?? '相关部门'}共享获取，您无需提供</View>
      case 'original':
        return <View className='ui-help'>办理时请带上{m.name}原件到窗口核验{m.original?.note ? `（${m.original.note}）` : ''}。这需要您到现场一次。</View>
      case 'upload':
        return rule ? (
          <View>
            <View className='ui-help' id={`${id}-rule`}>
              支持 {rule.accept.map((t) => TYPE_NAMES[t]).join('、')} 格式，单个文件不超过 {rule.maxSizeMB} MB，
              {rule.minCount && rule.minCount > 1 ? `至少 ${rule.minCount} 个、` : ''}最多 {rule.maxCount} 个
            </View>
            {attached.map((f) => (
              <View key={f.fileId} className='ui-file ui-file--done'>
                <View className='ui-file__name'>{f.name}</View>
                <View className='ui-file__meta'>
                  {f.sizeText} · <Text className='ui-ok'>平台已接收，格式检查通过</Text>
                </View>
                <AppButton variant='link' ariaLabel={`删除 ${f.name}`} onTap={() => onRemove(f.fileId)}>
                  删除
                </AppButton>
              </View>
            ))}
            {uploading.map((u) => (
              <View key={u.key} className={`ui-file ui-file--${u.status}`}>
                <View className='ui-file__name'>{u.name}</View>
                {u.status === 'uploading' ? (
                  <View className='ui-progress' role='progressbar' aria-label={`${u.name} 上传进度`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={u.progress}>
                    <View className='ui-progress__bar' style={{ width: `${u.progress}%` }} />
                    <Text className='ui-progress__text'>上传中 {u.progress}%</Text>
                  </View>
                ) : (
                  <View className='ui-error' role='alert'>
                    上传未成功：{u.error}
                  </View>
                )}
                {u.status === 'failed' ? (
                  <View className='ui-inline'>
                    {u.retryable ? (
                      <AppButton variant='secondary' ariaLabel={`重试上传 ${u.name}`} onTap={() => onRetry(u.key)}>
                        重试
                      </AppButton>
                    ) : null}
                    <AppButton variant='link' ariaLabel={`移除 ${u.name}`} onTap={() => onDismiss(u.key)}>
                      移除
                    </AppButton>
                  </View>
                ) : null}
              </View>
            ))}
            {refusals.map((r) => (
              <View key={r} className='ui-error' role='alert'>
                {r}
              </View>
            ))}
            {attached.length + uploading.length < rule.maxCount ? (
              <AppButton variant='secondary' onTap={onPick} ariaDescribedBy={`${id}-rule`} ariaLabel={`选择文件：${m.name}`}>
                选择文件
              </AppButton>
            ) : null}
            {atWindow && attached.length ? (
              <ChoiceGroup
                id={`${id}-verified`}
                legend='原件核验（窗口）'
                options={[{ value: 'verified', label: '原件已核验：扫描件与申请人出示的原件一致' }]}
                multiple
                value={atWindow.verified ? ['verified'] : []}
                onChange={(v) => atWindow.onVerified(Array.isArray(v) && v.includes('verified'))}
                error={atWindow.error}
              />
            ) : null}
          </View>
        ) : null
      case 'promise':
        // another party's promise (二手房: the buyer's) is theirs to make, in their own account
        if (view.party)
          return (
            <View className='ui-promise'>
              <View className='ui-label'>由{view.party.label}作出承诺</View>
              <View className='ui-promise__text' id={`${id}-promise`}>
                {m.promise?.text}
              </View>
              <View className='ui-help'>
                {view.party.label}在本人账号中确认本申请时阅读并作出这项承诺，您不能代为勾选。
              </View>
            </View>
          )
        return (
          <View className='ui-promise'>
            <View className='ui-label'>承诺内容（请阅读）</View>
            <View className='ui-promise__text' id={`${id}-promise`}>
              {m.promise?.text}
            </View>
            <View className='ui-help'>作出承诺后，无需提供此项证明；承诺不实的，将承担相应法律责任并记入信用记录。</View>
            <ChoiceGroup
              id={`${id}-agree`}
              legend='是否作出承诺'
              options={[{ value: 'agree', label: '我已阅读上述内容，自愿作出承诺' }]}
              multiple
              value={view.choice?.mode === 'promise' && view.choice.agreedAt ? ['agree'] : []}
              onChange={(v) => onPromise(Array.isArray(v) && v.includes('agree'))}
            />
          </View>
        )
      case 'defer':
        return (
          <View className='ui-notice ui-notice--warning'>
            <View className='ui-strong'>稍后补交的后果</View>
            <View>{m.deferrable?.consequence}</View>
            {atWindow ? <TextField id={`${id}-defer-reason`} label='容缺受理的理由（窗口填写）' help='申请人何时补交、为何暂缺' value={atWindow.deferReason} onInput={atWindow.onDeferReason} error={atWindow.error} maxLength={DEFER_REASON_MAX} /> : null}
          </View>
        )
    }
  }

  const options: ChoiceOption[] = view.modes.map((mode) => ({
    value: mode,
    label: mode === 'defer' ? '稍后补交（容缺受理）' : mode === 'promise' ? '告知承诺：以承诺代替证明' : mode === 'upload' ? (view.modes.includes('promise') ? '提供证明材料（上传）' : '上传材料') : MATERIAL_MODE_LABELS[mode],
    help: mode === 'defer' ? m.deferrable?.consequence : undefined,
  }))

  return (
    <View className={`ui-card ui-material ${error ? 'ui-material--error' : ''}`} id={id}>
      <Heading level={2}>
        {m.name}
        {view.item ? `（${view.item.label}）` : ''}
      </Heading>
      {m.description ? <View className='ui-help'>{m.description}</View> : null}
      <View className='ui-caption'>用于：{usedBy.join('、')}</View>
      {view.modes.length > 1 ? (
        <ChoiceGroup id={`${id}-mode`} legend='提交方式' options={options} value={chosen} error={error} onChange={(v) => onMode(v as MaterialMode)} />
      ) : error ? (
        <View className='ui-error' id={`${id}-error`}>
          {error}
        </View>
      ) : null}
      {chosen ? <View className='ui-material__detail'>{detail(chosen)}</View> : null}
      {promiseUnavailable ? <View className='ui-help'>{promiseUnavailable}</View> : null}
    </View>
  )
}
