// 消息 (tab, main package): every event of the citizen's cases, newest first; tapping one marks it read and
// opens its case (or the 在线咨询 question it answers). Signed out, it says what comes here and offers sign-in.
import { MessagesScreen } from '@/components/cases/MessagesScreen'
import { formatTime } from '@/domain/datetime'
import { useMessages, useSession } from '@/stores/app'
import { questionUrl } from '@/stores/consult-url'
import { caseUrl } from '@/stores/routes'
import { Frame } from '../Frame'
import { go, nowIso, signIn } from '../nav'
import { useSignedInLoad } from '../use-signed-in'

export default function MessagesTab() {
  const { messages, unread, status, error } = useMessages()
  const signedOut = useSession((s) => s.status === 'signed-out')
  useSignedInLoad(() => void useMessages.getState().load())
  return (
    <Frame tab='messages'>
      <MessagesScreen
        messages={signedOut ? [] : messages.map((m) => ({ ...m, when: formatTime(m.at, nowIso()) }))}
        unread={signedOut ? 0 : unread}
        loading={!signedOut && (status === 'loading' || status === 'idle')}
        error={signedOut ? undefined : error}
        onOpen={(id, caseId) => {
          void useMessages.getState().markRead([id])
          go(caseUrl(caseId))
        }}
        onOpenQuestion={(id, questionId) => {
          void useMessages.getState().markRead([id])
          go(questionUrl(questionId))
        }}
        onReadAll={() => void useMessages.getState().markRead()}
        onSignIn={signedOut ? () => signIn() : undefined}
      />
    </Frame>
  )
}
