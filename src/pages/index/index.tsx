import { View, Text } from '@tarojs/components'

export default function HomePage() {
  return (
    <View className='home'>
      <Text className='home__title'>一件事一次办</Text>
    </View>
  )
}
