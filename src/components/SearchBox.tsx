// The search bar: the field and its button on one line, and suggestions as the citizen types (a combobox on
// H5: arrows move through them, Enter opens one, Escape closes the list).
import { Input, Text, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import { AppButton } from './Button'
import { Icon } from './Icon'

export interface Suggestion {
  id: string
  name: string
}

export interface SearchBoxProps {
  id: string
  label: string
  placeholder?: string
  value: string
  onInput: (value: string) => void
  onSearch: (q: string) => void
  /** bundles matching what is typed so far */
  suggestions: Suggestion[]
  onPick: (id: string) => void
}

type Key = { key?: string; preventDefault?: () => void }

export function SearchBox(p: SearchBoxProps) {
  const [active, setActive] = useState(-1)
  const [closed, setClosed] = useState(false)
  // H5 hears Enter as a key (then Taro's confirm follows); WeChat's keyboard only confirms
  const enterHandled = useRef(false)
  const listId = `${p.id}-suggestions`
  const open = !closed && p.value.trim().length > 0 && p.suggestions.length > 0
  const optionId = (i: number) => `${p.id}-opt-${i}`
  const search = () => {
    setClosed(true)
    p.onSearch(p.value.trim())
  }
  const onKey = (e: Key) => {
    if (e.key === 'Enter') {
      enterHandled.current = true
      e.preventDefault?.()
      if (open && active >= 0) p.onPick(p.suggestions[active].id)
      else search()
      return
    }
    if (!open) return
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault?.()
      const n = p.suggestions.length
      setActive((a) => (e.key === 'ArrowDown' ? (a + 1) % n : (a - 1 + n) % n))
    } else if (e.key === 'Escape') {
      setClosed(true)
      setActive(-1)
    }
  }
  return (
    <View className='ui-search' role='search'>
      <View id={`${p.id}-label`} className='ui-label'>
        {p.label}
      </View>
      <View className='ui-search__row'>
        <View className='ui-search__field'>
          <Icon name='search' tone='muted' size='sm' className='ui-search__icon' />
          <Input
            id={p.id}
            className='ui-input ui-search__input'
            type='text'
            confirmType='search'
            value={p.value}
            placeholder={p.placeholder}
            maxlength={50}
            aria-labelledby={`${p.id}-label`}
            role='combobox'
            aria-autocomplete='list'
            aria-expanded={open}
            aria-controls={listId}
            aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
            onInput={(e) => {
              setClosed(false)
              setActive(-1)
              p.onInput(e.detail.value)
            }}
            onKeyDown={onKey}
            onConfirm={() => {
              if (enterHandled.current) {
                enterHandled.current = false
                return
              }
              search()
            }}
          />
        </View>
        <AppButton className='ui-search__go' onTap={search}>
          搜索
        </AppButton>
      </View>
      {open ? (
        <View id={listId} role='listbox' aria-label='搜索建议' className='ui-suggest'>
          {p.suggestions.map((s, i) => (
            <View
              key={s.id}
              id={optionId(i)}
              role='option'
              aria-selected={i === active}
              className={`ui-suggest__item ${i === active ? 'ui-suggest__item--active' : ''}`}
              onClick={() => p.onPick(s.id)}
            >
              <Icon name='search' tone='muted' size='sm' />
              <Text className='ui-suggest__text'>{s.name}</Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}

/** Bundles whose name or keywords contain the text (case and spaces ignored), names first, at most `max`. */
export function suggest<T extends { id: string; name: string; keywords?: string[] }>(bundles: T[], text: string, max = 5): Suggestion[] {
  const q = text.replace(/\s+/g, '').toLowerCase()
  if (!q) return []
  const byName = bundles.filter((b) => b.name.toLowerCase().includes(q))
  const byKeyword = bundles.filter((b) => !byName.includes(b) && (b.keywords ?? []).some((k) => k.toLowerCase().includes(q)))
  return [...byName, ...byKeyword].slice(0, max).map((b) => ({ id: b.id, name: b.name }))
}
