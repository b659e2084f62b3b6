// A value the platform supplied (实名信息, 电子证照): shown, masked when sensitive, with its source, not editable.
import { Text, View } from '@tarojs/components'

export function LockedField({ id, label, value, source }: { id: string; label: string; value: string; source: string }) {
  return (
    <View className='ui-locked' id={id} role='group' aria-labelledby={`${id}-label`} aria-describedby={`${id}-source`}>
      <View id={`${id}-label`} className='ui-label'>
        {label}
      </View>
      <View className='ui-locked__value'>{value}</View>
      <View id={`${id}-source`} className='ui-locked__source'>
        <Text aria-hidden>🔒 </Text>
        {source}，不可修改
      </View>
    </View>
  )
}
