// 帮代办 at the window: the citizen reads the summary above and signs on this device before the window submits.
import { View } from '@tarojs/components'
import { Heading } from '@/components/Heading'
import { SignaturePad } from '@/components/SignaturePad'
import { useSubmission } from '@/stores/app-submit'

export function SignatureSection({ draftId }: { draftId: string }) {
  const signature = useSubmission((s) => s.signatures[draftId])
  const phase = useSubmission((s) => s.byDraft[draftId]?.phase)
  const message = useSubmission((s) => s.byDraft[draftId]?.message)
  const refused = phase === 'rejected' && message && /签名/.test(message) ? message : undefined
  return (
    <View className='ui-section'>
      <View className='ui-card'>
        <Heading level={2}>申请人确认并签名</Heading>
        <View className='ui-help'>请申请人核对以上内容；确认无误后在下框内签名。签名随申请一并提交，记录在办件中。</View>
        <SignaturePad id='applicant-signature' label='申请人签名' value={signature} onChange={(s) => useSubmission.getState().sign(draftId, s)} error={refused} />
      </View>
    </View>
  )
}
