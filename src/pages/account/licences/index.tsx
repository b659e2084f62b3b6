// 我的证照: the e-licence wallet of the signed-in citizen (or of the firm they act for).
import { useDidShow } from '@tarojs/taro'
import { LicencesScreen } from '@/components/screens/LicencesScreen'
import { formatDate } from '@/domain/datetime'
import { useSession } from '@/stores/app'
import { Frame } from '../../Frame'
import { leave, nowIso, signIn } from '../../nav'

export default function LicencesPage() {
  const status = useSession((s) => s.status)
  const licences = useSession((s) => s.licences)
  useDidShow(() => {
    void useSession.getState().restore()
  })
  const now = nowIso()
  return (
    <Frame>
      <LicencesScreen
        status={status === 'signed-in' ? 'signed-in' : status === 'signed-out' ? 'signed-out' : 'checking'}
        licences={licences.map((l) => ({ kind: l.kind, title: l.title, holder: l.holder, number: l.number, issuer: l.issuer, issuedText: formatDate(l.issuedAt, now), consented: l.consented }))}
        onSignIn={() => signIn()}
        onBack={leave}
      />
    </Frame>
  )
}
