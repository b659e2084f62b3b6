// A draft changed on two devices: the citizen chooses which copy to keep. Nothing is merged silently.
import { View } from '@tarojs/components'
import { AppButton } from './Button'
import { Heading } from './Heading'

export interface DraftConflictProps {
  bundleName: string
  mineText: string
  theirsText: string
  onKeepMine: () => void
  onTakeTheirs: () => void
}

export function DraftConflict(p: DraftConflictProps) {
  return (
    <View className='ui-stop' role='alert'>
      <Heading level={2}>“{p.bundleName}”在另一台设备上也有修改</Heading>
      <View className='ui-help'>两份草稿不一致，请选择保留哪一份。未选择的一份将被替换。</View>
      <View className='ui-bullet'>本机：{p.mineText}</View>
      <View className='ui-bullet'>另一台设备：{p.theirsText}</View>
      <View className='ui-inline'>
        <AppButton onTap={p.onKeepMine}>保留本机的</AppButton>
        <AppButton variant='secondary' onTap={p.onTakeTheirs}>
          使用另一台设备的
        </AppButton>
      </View>
    </View>
  )
}
