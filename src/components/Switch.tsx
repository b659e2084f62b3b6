import { Text, View } from '@tarojs/components'

/** An on/off switch (role=switch) with its label inside the control. */
export function Switch({ id, label, checked, onChange, help }: { id: string; label: string; checked: boolean; onChange: (on: boolean) => void; help?: string }) {
  const toggle = () => onChange(!checked)
  return (
    <View
      id={id}
      role='switch'
      aria-checked={checked}
      aria-describedby={help ? `${id}-help` : undefined}
      tabIndex={0}
      className={`ui-switch ${checked ? 'ui-switch--on' : ''}`}
      onClick={toggle}
      onKeyDown={(e: { key?: string; preventDefault?: () => void }) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault?.()
          toggle()
        }
      }}
    >
      <Text className='ui-switch__label'>{label}</Text>
      <View className='ui-switch__track' aria-hidden>
        <View className='ui-switch__thumb' />
      </View>
      <Text className='ui-switch__state' aria-hidden>
        {checked ? '开' : '关'}
      </Text>
      {help ? (
        <Text id={`${id}-help`} className='ui-visually-hidden'>
          {help}
        </Text>
      ) : null}
    </View>
  )
}
