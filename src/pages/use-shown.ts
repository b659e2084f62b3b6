// Whether this page is the one shown: pages below the top one stay mounted (H5 keeps them in the DOM).
import { useDidHide, useDidShow } from '@tarojs/taro'
import { useState } from 'react'

export function useShown(): boolean {
  const [shown, setShown] = useState(true)
  useDidShow(() => setShown(true))
  useDidHide(() => setShown(false))
  return shown
}
