// “示例” beside a value that is sample data, not a published fact (a made-up code, phone number, amount or
// threshold of the mock catalogue). Its title names the source of a sourced one where there is room.
import { Text } from '@tarojs/components'

export function SampleMark() {
  return (
    <Text className='ui-tag ui-tag--sample' aria-label='示例数据'>
      示例
    </Text>
  )
}
