import { PropsWithChildren, useEffect } from 'react'
import Taro from '@tarojs/taro'
import { usePreferences, useSession } from './stores/app'
import './app.css'

function App({ children }: PropsWithChildren) {
  // signed-in state comes back from the saved tokens; browsing never waits for it
  useEffect(() => {
    void useSession.getState().restore()
    // WeChat 关怀模式 or a large font setting: start in 长辈版 unless the citizen chose otherwise
    if (process.env.TARO_ENV === 'weapp') {
      try {
        usePreferences.getState().adoptSystemFontSize((Taro.getAppBaseInfo() as { fontSizeSetting?: number }).fontSizeSetting)
      } catch {
        // older base library: the switch on the home page still works
      }
    }
  }, [])
  return children
}

export default App
