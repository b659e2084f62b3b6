// 一次表单: the merged fields by section; prefilled values locked with their source; each error at its field,
// checked when the citizen leaves the field and again on 继续. Typed values are kept whatever happens.
import { View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { FieldSectionView, FieldView, LicenceKind, PrefillOffer } from '@/domain'
import { foldOptional } from '@/domain/engine/elder'
import { AppButton } from '../Button'
import { ChoiceGroup } from '../ChoiceGroup'
import { DateField } from '../DateField'
import { ErrorSummary } from '../ErrorSummary'
import { displayValue } from '../format'
import { Heading } from '../Heading'
import { LockedField } from '../LockedField'
import { Notice } from '../Notice'
import { PrefillOfferCard } from '../PrefillOfferCard'
import { TextField, type InputKind } from '../TextField'
import { focusById, scrollToId } from '../reveal'
import { BackLink } from '../BackLink'

export interface FormScreenProps {
  bundleName: string
  sections: FieldSectionView[]
  /** data the platform holds that differs from what was typed: offered, never put in its place */
  offers?: PrefillOffer[]
  /** e-licences that could fill fields, not yet agreed to, with their names */
  licenceOffers: { kind: LicenceKind; name: string }[]
  onConsent: (kind: LicenceKind) => void
  onValue: (fieldId: string, value: string) => void
  /** repeatable groups (股东, 继承人, 员工): add an item, remove one, type in one */
  onItemAdd?: (groupId: string) => void
  onItemRemove?: (groupId: string, key: string) => void
  onItemValue?: (groupId: string, key: string, fieldId: string, value: string) => void
  onContinue: () => void
  onBack: () => void
  /** the device could not save (storage full) */
  saveFailed?: boolean
  summary?: string
  consentError?: string
  /** messages of a refused submission, by field id: shown at the field until its value changes */
  serverErrors?: Record<string, string>
  /** a field to focus when the page opens (the first one the platform refused) */
  focusId?: string
  /** 长辈版: optional fields nothing was typed in go behind one 选填项（可不填） control */
  foldOptional?: boolean
}

const KIND: Partial<Record<FieldView['field']['type'], InputKind>> = { idNumber: 'idcard', mobile: 'tel', number: 'digit', bankAccount: 'number' }

/** `field~itemKey` for a field of a group's item */
export const fieldDomId = (id: string) => `f-${id.replace('~', '--')}`

/** H5: focus the field (a choice: its first option); WeChat: scroll to it */
function focusField(id: string) {
  const ids = [fieldDomId(id), `${fieldDomId(id)}-opt-0`]
  if (!focusById(...ids)) scrollToId(...ids)
}

export function FormScreen(props: FormScreenProps) {
  const { bundleName, sections, offers = [], licenceOffers, onConsent, onValue, onItemAdd, onItemRemove, onItemValue, onContinue, onBack, saveFailed, summary, consentError, serverErrors, focusId } = props
  // chosen once when the page opens, so a field being typed in does not jump out of the fold
  const [foldedIds] = useState(() => new Set(props.foldOptional ? foldOptional(sections.flatMap((s) => s.fields), serverErrors).folded.map((f) => f.id) : []))
  const [foldOpen, setFoldOpen] = useState(false)
  const [touched, setTouched] = useState<Record<string, boolean>>({})
  const [showAll, setShowAll] = useState(false)
  const [attempt, setAttempt] = useState(0)
  const groups = sections.flatMap((s) => s.groups)
  const all = [...sections.flatMap((s) => s.fields), ...groups.flatMap((g) => g.items.flatMap((i) => i.fields))]
  const groupErrors = groups.filter((g) => g.error).map((g) => ({ id: `${g.id}-add`, message: g.error as string }))
  const errors = showAll ? [...all.filter((f) => f.error).map((f) => ({ id: f.id, message: f.error as string })), ...groupErrors] : []
  const errorOf = (f: FieldView) => (showAll || touched[f.id] ? f.error : undefined) ?? serverErrors?.[f.id]
  const folded = sections.flatMap((s) => s.fields).filter((f) => foldedIds.has(f.id))
  // an error inside the fold opens it: nothing the citizen must see stays hidden
  const showFold = foldOpen || folded.some((f) => errorOf(f))
  useEffect(() => {
    if (focusId) focusField(focusId)
  }, [focusId])

  const cont = () => {
    setShowAll(true)
    if (all.some((f) => f.error) || groupErrors.length) {
      setAttempt((n) => n + 1)
      return
    }
    onContinue()
  }

  const renderField = (f: FieldView, change: (value: string) => void = (v) => onValue(f.id, v)) => {
    const id = fieldDomId(f.id)
    if (f.prefill) return <LockedField key={f.id} id={id} label={f.field.label} value={displayValue(f.field, f.value)} source={f.prefill.sourceLabel} />
    if (f.field.type === 'select')
      return (
        <ChoiceGroup
          key={f.id}
          id={id}
          legend={f.field.label}
          help={f.help ?? f.field.help}
          optional={!f.required}
          options={(f.field.options ?? []).map((o) => ({ value: o.value, label: o.label, help: o.help }))}
          value={f.value || undefined}
          error={errorOf(f)}
          onChange={(v) => {
            change(String(v))
            setTouched((t) => ({ ...t, [f.id]: true }))
          }}
        />
      )
    const blur = (_: string, towardsButton: boolean) => {
      // a tap on 继续 shows every error itself; showing this one first would move the button from under the finger
      if (!towardsButton) setTouched((t) => ({ ...t, [f.id]: true }))
    }
    if (f.field.type === 'date')
      return (
        <DateField
          key={f.id}
          id={id}
          label={f.field.label}
          help={f.help ?? f.field.help}
          optional={!f.required}
          value={f.value}
          min={f.minDate}
          max={f.maxDate}
          error={errorOf(f)}
          warning={f.warning}
          onChange={(v) => {
            change(v)
            setTouched((t) => ({ ...t, [f.id]: true }))
          }}
          onBlur={blur}
        />
      )
    return (
      <TextField
        key={f.id}
        id={id}
        label={f.field.label}
        help={f.help ?? f.field.help}
        optional={!f.required}
        placeholder={f.field.placeholder}
        unit={f.field.unit}
        maxLength={f.field.maxLength}
        value={f.value}
        kind={KIND[f.field.type] ?? 'text'}
        error={errorOf(f)}
        warning={f.warning}
        onInput={change}
        onBlur={blur}
      />
    )
  }

  return (
    <View className='ui-page'>
      <BackLink onTap={onBack} />
      <View className='ui-caption'>{bundleName}</View>
      <ErrorSummary errors={errors} onSelect={focusField} attempt={attempt} />
      <View className='ui-h1' role='heading' aria-level={1}>
        填写申请信息
      </View>
      <View className='ui-lead'>各部门需要的信息只填一次。已从您的实名信息和电子证照中获取的内容已自动填好。</View>
      {saveFailed ? (
        <Notice tone='warning' live='status'>
          本机存储空间不足，填写内容暂未保存到本机，请勿关闭页面。
        </Notice>
      ) : null}
      {licenceOffers.map(({ kind, name }) => (
        <View key={kind} className='ui-card ui-offer'>
          <View className='ui-lead'>可使用您的电子{name}自动填写相关信息。</View>
          <AppButton variant='secondary' onTap={() => onConsent(kind)}>
            同意使用电子{name}
          </AppButton>
        </View>
      ))}
      {offers.map((o) => (
        <PrefillOfferCard key={o.sourceLabel} offer={o} fields={all} onUse={() => o.fields.forEach((f) => onValue(f.id, f.value))} />
      ))}
      {consentError ? (
        <Notice tone='error' live='alert'>
          {consentError}
        </Notice>
      ) : null}
      {sections.map((s) => (
        <View key={s.section.id} className='ui-section'>
          <Heading level={2}>{s.section.title}</Heading>
          {s.section.description ? <View className='ui-help'>{s.section.description}</View> : null}
          {s.fields.filter((f) => !foldedIds.has(f.id)).map((f) => renderField(f))}
          {s.groups.map((g) => (
            <View key={g.id} className='ui-group' role='group' aria-labelledby={`${fieldDomId(g.id)}-title`}>
              <Heading level={3} id={`${fieldDomId(g.id)}-title`}>
                {g.group.label}（{g.items.length} / 最多 {g.group.maxItems}）
              </Heading>
              {g.group.help ? <View className='ui-help'>{g.group.help}</View> : null}
              {g.items.map((item) => (
                <View key={item.key} className='ui-card ui-group__item' role='group' aria-label={item.label}>
                  <View className='ui-label ui-strong'>{item.label}</View>
                  {item.fields.map((f) => renderField(f, (v) => onItemValue?.(g.id, item.key, f.field.id, v)))}
                  {g.canRemove ? (
                    <AppButton variant='link' ariaLabel={`删除${item.label}`} onTap={() => onItemRemove?.(g.id, item.key)}>
                      删除这一项
                    </AppButton>
                  ) : null}
                </View>
              ))}
              {showAll && g.error ? (
                <View className='ui-error' role='alert'>
                  {g.error}
                </View>
              ) : null}
              {g.canAdd ? (
                <AppButton variant='secondary' id={fieldDomId(`${g.id}-add`)} onTap={() => onItemAdd?.(g.id)}>
                  添加{g.group.itemLabel}
                </AppButton>
              ) : null}
            </View>
          ))}
        </View>
      ))}
      {folded.length ? (
        <View className='ui-section'>
          <AppButton variant='secondary' block id='optional-fold' ariaExpanded={showFold} ariaControls={showFold ? 'optional-fields' : undefined} onTap={() => setFoldOpen(!showFold)}>
            {showFold ? '收起选填项' : `选填项（可不填）· ${folded.length} 项`}
          </AppButton>
          {showFold ? (
            <View id='optional-fields' role='group' aria-label='选填项'>
              {folded.map((f) => renderField(f))}
            </View>
          ) : null}
        </View>
      ) : null}
      {summary ? <View className='ui-help'>{summary}</View> : null}
      <AppButton block onTap={cont}>
        继续
      </AppButton>
    </View>
  )
}
