import { View } from '@tarojs/components'
import type { Place, StopView } from '@/domain'
import { AppButton } from './Button'
import { Heading } from './Heading'

const TITLES: Record<StopView['kind'], string> = {
  'not-eligible': '暂不符合办理条件',
  'go-to-window': '需要到窗口办理',
  'other-bundle': '有更合适的一件事',
}

export interface StopPanelProps {
  stop: StopView
  /** where to go when the stop names no place itself: the region's service hall */
  hall?: Place
  onOtherBundle?: (id: string) => void
  onChangeAnswer?: () => void
  /** the draft is kept: leave now and come back to it from 我的草稿 */
  onSaveAndLeave?: () => void
}

/** A dead end: why, where to go (address, phone, hours), what to do instead; the answers so far are kept. */
export function StopPanel({ stop, hall, onOtherBundle, onChangeAnswer, onSaveAndLeave }: StopPanelProps) {
  const where = stop.where ?? (stop.kind === 'other-bundle' ? undefined : hall)
  return (
    <View className='ui-stop' role='alert' id='stop-panel'>
      <Heading level={2}>{TITLES[stop.kind]}</Heading>
      <View className='ui-stop__reason'>{stop.reason}</View>
      <View className='ui-stop__todo'>怎么办：{stop.whatToDo}</View>
      {where ? (
        <View className='ui-stop__where' id='stop-where'>
          <View className='ui-strong'>去哪里办：{where.name}</View>
          <View>地址：{where.address}</View>
          <View>电话：{where.phone}</View>
          {where.hours ? <View>时间：{where.hours}</View> : null}
        </View>
      ) : null}
      {stop.otherBundleId && onOtherBundle ? (
        <AppButton variant='secondary' block onTap={() => onOtherBundle(stop.otherBundleId as string)}>
          查看可办理的一件事
        </AppButton>
      ) : null}
      {onSaveAndLeave ? (
        <View>
          <View className='ui-help'>您已回答的内容已保存在“我的草稿”，情况变化后可以回来继续。</View>
          <AppButton variant='secondary' block onTap={onSaveAndLeave}>
            保存并稍后再办
          </AppButton>
        </View>
      ) : null}
      {onChangeAnswer ? (
        <AppButton variant='link' onTap={onChangeAnswer}>
          修改我的回答
        </AppButton>
      ) : null}
    </View>
  )
}
