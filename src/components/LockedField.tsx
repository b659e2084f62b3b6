// A value the platform supplied (实名信息, 电子证照): shown, masked when sensitive, with its source, not editable.
import { View } from '@tarojs/components'
import { Icon } from './Icon'

export function LockedField({ id, label, value, source }: { id: string; label: string; value: string; source: string }) {
  return (
    <View className='ui-locked' id={id} role='group' aria-labelledby={`${id}-label`} aria-describedby={`${id}-source`}>
      <View id={`${id}-label`} className='ui-label'>
        {label}
      </View>
      <View className='ui-locked__value'>{value}</View>
      <View id={`${id}-source`} className='ui-locked__source'>
        {/* an SVG, not the emoji: Chromium without an emoji font drew 🔒 as an empty box */}
        <Icon name='lock' tone='muted' size='sm' /> {source}，不可修改
      </View>
    </View>
  )
}
