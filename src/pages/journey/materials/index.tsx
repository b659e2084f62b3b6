// Materials: each says how it will be met; the citizen chooses, agrees, uploads or promises.
import { useState } from 'react'
import { MaterialsScreen } from '@/components/screens/MaterialsScreen'
import { SignInPrompt } from '@/components/SignInPrompt'
import { useCatalogue, useDrafts, useSession } from '@/stores/app'
import { useUploads } from '@/stores/app-uploads'
import { licenceNamesOf } from '@/domain/template/licence-kinds'
import { afterStep, choiceFor, materialErrors, placeBefore, promiseUnavailableReason, summaryText } from '@/stores/journey'
import { consentedLicences } from '@/stores/session'
import { formatSize } from '@/stores/uploads'
import { useShallow } from 'zustand/react/shallow'
import type { LicenceKind } from '@/domain'
import { actingMaterialErrors } from '@/domain/assist'
import { Frame, Loading } from '../../Frame'
import { home, nowIso, signIn } from '../../nav'
import { useStep } from '../use-step'

export default function MaterialsPage() {
  const { draft, template, guidance, templateError, retry, goTo, backTo } = useStep('materials')
  const session = useSession(useShallow((s) => ({ status: s.status, licences: s.licences, licenceData: s.licenceData, consentLicence: s.consentLicence, promiseBarred: !!s.profile?.promiseBarred })))
  const uploads = useUploads(useShallow((s) => ({ items: s.items, refusals: s.refusals, pick: s.pick, retry: s.retry, dismiss: s.dismiss })))
  const [busy, setBusy] = useState<LicenceKind>()
  const [notice, setNotice] = useState<string>()
  const licenceKinds = useCatalogue((s) => s.licenceKinds)
  const licenceNames = licenceNamesOf(licenceKinds)

  if (!draft) return <Loading error='没有找到这份申请，请从首页重新开始' onHome={home} />
  if (!template || !guidance) return <Loading error={templateError} onRetry={retry} onHome={home} />
  if (session.status !== 'signed-in')
    return (
      <Frame>
        <SignInPrompt onSignIn={() => signIn()} />
      </Frame>
    )

  const drafts = useDrafts.getState()
  const matterName = new Map(guidance.matters.map((m) => [m.id, m.matter.name]))
  const items = Object.values(uploads.items).filter((i) => i.draftId === draft.id)
  const consented = consentedLicences(session)
  const errors = materialErrors(guidance, items.filter((i) => i.status === 'uploading').map((i) => i.materialId))

  // the window's marks on what it saw (原件已核验) and what it accepts later (容缺), by the rulebook
  const markErrors = actingMaterialErrors(draft.content.materials, draft.acting)
  const windowMarks = (materialId: string) => {
    const choice = draft.content.materials[materialId]
    return {
      verified: choice?.mode === 'upload' && !!choice.verified,
      onVerified: (verified: boolean) => {
        if (choice?.mode !== 'upload') return
        const { verified: _was, ...rest } = choice
        drafts.setMaterial(draft.id, materialId, verified ? { ...rest, verified: { at: nowIso() } } : rest)
      },
      deferReason: choice?.mode === 'defer' ? (choice.reason ?? '') : '',
      onDeferReason: (reason: string) => drafts.setMaterial(draft.id, materialId, { mode: 'defer', reason }),
      error: markErrors[materialId],
    }
  }

  const cards = guidance.materials.map((view) => {
    const m = view.material
    // the draft's key: the material's id, or `${id}~${itemKey}` for one item of a repeatable group
    const slot = view.id
    const fileIds = view.choice?.mode === 'upload' ? view.choice.fileIds : []
    return {
      view,
      usedBy: view.usedBy.map((id) => matterName.get(id) ?? id),
      attached: fileIds.map((fileId) => ({ fileId, name: draft.files[fileId]?.name ?? '已上传文件', sizeText: draft.files[fileId] ? formatSize(draft.files[fileId].size) : '' })),
      uploading: items
        .filter((i) => i.materialId === slot)
        .map((i) => ({ key: i.key, name: i.name, sizeText: formatSize(i.size), status: i.status, progress: i.progress, error: i.error, retryable: i.retryable })),
      refusals: uploads.refusals[`${draft.id}/${slot}`] ?? [],
      consented: !!(m.licence && consented[m.licence]),
      licenceName: m.licence ? licenceNames[m.licence]?.name : undefined,
      consentBusy: busy === m.licence,
      promiseUnavailable: promiseUnavailableReason(view, draft.acting, session.promiseBarred),
      onMode: (mode: Parameters<typeof choiceFor>[0]) => drafts.setMaterial(draft.id, slot, choiceFor(mode, slot, useDrafts.getState().drafts[draft.id])),
      onConsent: async () => {
        if (!m.licence) return
        setBusy(m.licence)
        const ok = await session.consentLicence(m.licence, template.id)
        setBusy(undefined)
        if (ok) {
          drafts.setMaterial(draft.id, slot, { mode: 'licence' })
          drafts.addLicence(draft.id, m.licence)
        }
        setNotice(ok ? undefined : useSession.getState().error)
      },
      onPick: () => {
        if (view.choice?.mode !== 'upload') drafts.setMaterial(draft.id, slot, choiceFor('upload', slot, draft))
        void uploads.pick(draft.id, template.id, m, fileIds.length, slot)
      },
      onRetry: (key: string) => void uploads.retry(key),
      onDismiss: uploads.dismiss,
      onRemove: (fileId: string) => drafts.removeFile(draft.id, slot, fileId),
      onPromise: (agreed: boolean) => drafts.setMaterial(draft.id, slot, { mode: 'promise', agreedAt: agreed ? nowIso() : '' }),
      atWindow: draft.acting.actor === 'staff' ? windowMarks(slot) : undefined,
    }
  })

  return (
    <Frame>
      <MaterialsScreen
        bundleName={template.name}
        cards={cards}
        errors={errors}
        notice={notice}
        summary={summaryText(guidance.summary)}
        onContinue={() => goTo(afterStep(guidance, 'materials'))}
        onBack={() => backTo(placeBefore(guidance, { step: 'materials' }))}
      />
    </Frame>
  )
}
