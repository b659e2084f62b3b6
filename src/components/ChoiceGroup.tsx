// Single or multiple choice built from View (H5 has no Radio/Checkbox here): role radio/checkbox,
// aria-checked, keyboard focus, Enter/Space to choose, arrows to move between radios.
import { Text, View } from '@tarojs/components'
import { FieldMessages } from './FieldMessages'
import type { ReactNode } from 'react'
import { focusById } from './reveal'

export interface ChoiceOption {
  value: string
  label: string
  help?: string
  /** extra content under the option (e.g. a consequence) */
  detail?: ReactNode
}

export interface ChoiceGroupProps {
  id: string
  /** the question: becomes the group's accessible name */
  legend: ReactNode
  /** the legend is the page's heading (one question per page) */
  legendAsHeading?: boolean
  help?: ReactNode
  options: ChoiceOption[]
  multiple?: boolean
  value: string | string[] | undefined
  onChange: (value: string | string[]) => void
  error?: string
  /** "（选填）" */
  optional?: boolean
  large?: boolean
  /** two options shown next to each other (two values to compare) */
  sideBySide?: boolean
}

type Key = { key?: string; preventDefault?: () => void }

export function ChoiceGroup(props: ChoiceGroupProps) {
  const { id, legend, legendAsHeading, help, options, multiple, value, onChange, error, optional, large, sideBySide } = props
  const selected = Array.isArray(value) ? value : value === undefined ? [] : [value]
  const helpId = help ? `${id}-help` : undefined
  const errorId = error ? `${id}-error` : undefined
  const describedBy = [helpId, errorId].filter(Boolean).join(' ') || undefined

  const choose = (v: string) => {
    if (multiple) onChange(selected.includes(v) ? selected.filter((x) => x !== v) : [...selected, v])
    else onChange(v)
  }
  const focusOption = (index: number) => focusById(`${id}-opt-${index}`)
  const onKey = (e: Key, index: number, v: string) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault?.()
      choose(v)
    } else if (!multiple && (e.key === 'ArrowDown' || e.key === 'ArrowRight' || e.key === 'ArrowUp' || e.key === 'ArrowLeft')) {
      e.preventDefault?.()
      const next = (index + (e.key === 'ArrowDown' || e.key === 'ArrowRight' ? 1 : options.length - 1)) % options.length
      choose(options[next].value)
      focusOption(next)
    }
  }
  // one tab stop for a radio group: the chosen option, else the first
  const tabStop = multiple ? -1 : Math.max(0, options.findIndex((o) => selected.includes(o.value)))

  return (
    <View className={`ui-choice ${error ? 'ui-choice--error' : ''} ${large ? 'ui-choice--large' : ''} ${sideBySide ? 'ui-choice--sides' : ''}`}>
      <View
        id={`${id}-legend`}
        className={legendAsHeading ? 'ui-h1 ui-choice__legend' : 'ui-label ui-choice__legend'}
        role={legendAsHeading ? 'heading' : undefined}
        aria-level={legendAsHeading ? 1 : undefined}
        tabIndex={legendAsHeading ? -1 : undefined}
      >
        {legend}
        {optional ? <Text className='ui-optional'>（选填）</Text> : null}
      </View>
      <FieldMessages help={help} helpId={helpId} error={error} errorId={errorId} />
      <View role={multiple ? 'group' : 'radiogroup'} aria-labelledby={`${id}-legend`} aria-describedby={describedBy} aria-invalid={error ? true : undefined} className='ui-choice__options'>
        {options.map((o, index) => {
          const checked = selected.includes(o.value)
          const optHelpId = o.help ? `${id}-opt-${index}-help` : undefined
          return (
            <View key={o.value} className='ui-choice__item'>
              <View
                id={`${id}-opt-${index}`}
                role={multiple ? 'checkbox' : 'radio'}
                aria-checked={checked}
                aria-describedby={optHelpId}
                tabIndex={multiple || index === tabStop ? 0 : -1}
                className={`ui-choice__option ${checked ? 'ui-choice__option--checked' : ''}`}
                onClick={() => choose(o.value)}
                onKeyDown={(e: Key) => onKey(e, index, o.value)}
              >
                <View className={`ui-choice__mark ${multiple ? 'ui-choice__mark--box' : ''}`} aria-hidden>
                  {checked ? (multiple ? '✓' : '●') : ''}
                </View>
                <Text className='ui-choice__label'>{o.label}</Text>
              </View>
              {o.help ? (
                <View id={optHelpId} className='ui-help ui-choice__help'>
                  {o.help}
                </View>
              ) : null}
              {checked && o.detail ? <View className='ui-choice__detail'>{o.detail}</View> : null}
            </View>
          )
        })}
      </View>
    </View>
  )
}
