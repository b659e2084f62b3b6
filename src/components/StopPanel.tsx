import { View } from '@tarojs/components'
import type { StopView } from '@/domain'
import { AppButton } from './Button'
import { Heading } from './Heading'

const TITLES: Record<StopView['kind'], string> = {
  'not-eligible': '暂不符合办理条件',
  'go-to-window': '需要到窗口办理',
  'other-bundle': '有更合适的一件事',
}

/** A dead end: why, and what to do instead. */
export function StopPanel({ stop, onOtherBundle, onChangeAnswer }: { stop: StopView; onOtherBundle?: (id: string) => void; onChangeAnswer?: () => void }) {
  return (
    <View className='ui-stop' role='alert' id='stop-panel'>
      <Heading level={2}>{TITLES[stop.kind]}</Heading>
      <View className='ui-stop__reason'>{stop.reason}</View>
      <View className='ui-stop__todo'>怎么办：{stop.whatToDo}</View>
      {stop.otherBundleId && onOtherBundle ? (
        <AppButton variant='secondary' block onTap={() => onOtherBundle(stop.otherBundleId as string)}>
          查看可办理的一件事
        </AppButton>
      ) : null}
      {onChangeAnswer ? (
        <AppButton variant='link' onTap={onChangeAnswer}>
          修改我的回答
        </AppButton>
      ) : null}
    </View>
  )
}
