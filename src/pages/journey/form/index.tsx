// 一次表单. Sign-in is asked for here, where prefill first needs it; the login page returns to this step.
import { useState } from 'react'
import { FormScreen } from '@/components/screens/FormScreen'
import { SignInPrompt } from '@/components/SignInPrompt'
import { Frame, Loading } from '../../Frame'
import { useCatalogue, useDrafts, usePreferences, useSession } from '@/stores/app'
import { licenceNamesOf } from '@/domain/template/licence-kinds'
import { afterStep, licencesToOffer, placeBefore, summaryText } from '@/stores/journey'
import { heldLicenceKinds } from '@/stores/session'
import { useShallow } from 'zustand/react/shallow'
import { View } from '@tarojs/components'
import { home, signIn } from '../../nav'
import { useStep } from '../use-step'
import { useSubmission } from '@/stores/app-submit'
import { selectSubmitStatus } from '@/stores/submission'
import { BackLink } from '@/components/BackLink'

export default function FormPage() {
  const { draft, template, guidance, templateError, retry, goTo, backTo, router } = useStep('form')
  // a refused submission sends the citizen here (`field`, `return=review`) with the platform's messages
  const serverErrors = useSubmission((s) => (draft ? selectSubmitStatus(draft.id)(s).errors?.fieldErrors : undefined))
  const session = useSession(useShallow((s) => ({ status: s.status, licences: s.licences, licenceData: s.licenceData, consentLicence: s.consentLicence, error: s.error })))
  const saveFailed = useDrafts((s) => s.saveFailed)
  const [consentError, setConsentError] = useState<string>()
  const licenceKinds = useCatalogue((s) => s.licenceKinds)
  const licenceNames = licenceNamesOf(licenceKinds)
  const elderMode = usePreferences((s) => s.elderMode)

  if (!draft) return <Loading error='没有找到这份申请，请从首页重新开始' onHome={home} />
  if (!template || !guidance) return <Loading error={templateError} onRetry={retry} onHome={home} />
  const back = () => backTo(placeBefore(guidance, { step: 'form' }))

  if (session.status !== 'signed-in') {
    return (
      <Frame>
        <View className='ui-page'>
          <BackLink onTap={back} />
          <View className='ui-caption'>{template.name}</View>
          <View className='ui-h1' role='heading' aria-level={1}>
            填写申请信息
          </View>
          <SignInPrompt onSignIn={() => signIn()} busy={session.status === 'restoring' || session.status === 'unknown'} />
        </View>
      </Frame>
    )
  }

  return (
    <Frame>
      <FormScreen
        bundleName={template.name}
        sections={guidance.fields.sections}
        offers={guidance.fields.offers}
        licenceOffers={licencesToOffer(guidance, heldLicenceKinds(session), session.licenceData).map((kind) => ({ kind, name: licenceNames[kind]?.name ?? kind }))}
        consentError={consentError}
        onConsent={async (kind) => {
          const ok = await session.consentLicence(kind, template.id)
          if (ok) useDrafts.getState().addLicence(draft.id, kind)
          setConsentError(ok ? undefined : useSession.getState().error)
        }}
        serverErrors={serverErrors}
        focusId={router.params.field}
        foldOptional={elderMode}
        onValue={(id, value) => {
          useDrafts.getState().setValue(draft.id, id, value)
          useSubmission.getState().clearFieldError(draft.id, id)
        }}
        onItemAdd={(groupId) => useDrafts.getState().addItem(draft.id, groupId)}
        onItemRemove={(groupId, key) => useDrafts.getState().removeItem(draft.id, groupId, key)}
        onItemValue={(groupId, key, fieldId, value) => {
          useDrafts.getState().setItemValue(draft.id, groupId, key, fieldId, value)
          useSubmission.getState().clearFieldError(draft.id, `${fieldId}~${key}`)
        }}
        onContinue={() => (router.params.return === 'review' ? backTo({ step: 'review' }) : goTo(afterStep(guidance, 'form')))}
        onBack={back}
        saveFailed={saveFailed}
        summary={summaryText(guidance.summary)}
      />
    </Frame>
  )
}
