import { View } from '@tarojs/components'
import type { ClockView } from '@/domain/case'

/** 红黄牌: the card's name and the time left in words, so colour is never the only signal. */
export function ClockBadge({ clock, id }: { clock: ClockView; id?: string }) {
  return (
    <View id={id} className={`ui-clock ui-clock--${clock.card} ${clock.running ? '' : 'ui-clock--idle'}`}>
      <View className='ui-clock__card'>{clock.cardLabel}</View>
      <View className='ui-clock__text'>{clock.text}</View>
    </View>
  )
}
