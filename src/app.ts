import { PropsWithChildren, useEffect } from 'react'
import { useSession } from './stores/app'
import './app.css'

function App({ children }: PropsWithChildren) {
  // signed-in state comes back from the saved tokens; browsing never waits for it
  useEffect(() => {
    void useSession.getState().restore()
  }, [])
  return children
}

export default App
