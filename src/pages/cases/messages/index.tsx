// 消息: tapping a message marks it read and opens its case.
import { useDidShow } from '@tarojs/taro'
import { MessagesScreen } from '@/components/cases/MessagesScreen'
import { useMessages } from '@/stores/app'
import { formatTime } from '@/domain/datetime'
import { caseUrl } from '@/stores/routes'
import { Frame } from '../../Frame'
import { go, home, nowIso } from '../../nav'

export default function MessagesPage() {
  const { messages, unread, status, error } = useMessages()
  useDidShow(() => void useMessages.getState().load())
  return (
    <Frame>
      <MessagesScreen
        messages={messages.map((m) => ({ ...m, when: formatTime(m.at, nowIso()) }))}
        unread={unread}
        loading={status === 'loading'}
        error={error}
        onOpen={(id, caseId) => {
          void useMessages.getState().markRead([id])
          go(caseUrl(caseId))
        }}
        onReadAll={() => void useMessages.getState().markRead()}
        onBack={home}
      />
    </Frame>
  )
}
