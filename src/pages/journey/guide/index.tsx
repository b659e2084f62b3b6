// 一次告知: the bundle's guide; 开始办理 starts (or resumes) the draft and asks the first question. It can be
// shared to a chat or to 朋友圈; a shared card opens here alone on the stack (WeChat's bar then offers home).
import Taro, { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { useEffect, useMemo } from 'react'
import { GuideScreen } from '@/components/screens/GuideScreen'
import { longestLegalWorkingDays } from '@/domain/engine'
import { resolveParams } from '@/domain/rules'
import { licenceNamesOf } from '@/domain/template/licence-kinds'
import { useCatalogue, useDrafts, usePreferences, useSession } from '@/stores/app'
import { latestTemplate, regionName } from '@/stores/catalogue'
import { selectOpenDraftsOf } from '@/stores/draft'
import { actingFor } from '@/stores/session'
import { ROUTES, urlOf } from '@/stores/journey'
import { consultUrl } from '@/stores/consult-url'
import { DEFAULT_REGION } from '@/stores/preferences'
import '@/stores/template-parser' // templates are parsed before this page reads them
import { useShallow } from 'zustand/react/shallow'
import { Frame, Loading } from '../../Frame'
import { back, go, home } from '../../nav'

/** 朋友圈 opens a shared page in single-page mode (scene 1154): no sign-in, no navigation */
function timelinePreview(): boolean {
  return process.env.TARO_ENV === 'weapp' && Taro.getEnterOptionsSync().scene === 1154
}

export default function GuidePage() {
  const { params } = useRouter()
  const bundleId = decodeURIComponent(params.bundle ?? '')
  const template = useCatalogue((s) => latestTemplate(s, bundleId))
  const status = useCatalogue((s) => s.templateStatus[bundleId])
  const loadTemplate = useCatalogue((s) => s.loadTemplate)
  const regions = useCatalogue((s) => s.regions)
  const prefRegion = usePreferences((s) => s.region)
  const profile = useSession((s) => s.profile)
  const drafts = useDrafts(useShallow(selectOpenDraftsOf(profile?.userId)))

  useEffect(() => {
    if (bundleId) void loadTemplate(bundleId)
  }, [bundleId, loadTemplate])

  const profileCity = profile?.region ? `${profile.region.slice(0, 4)}00` : undefined
  const region = prefRegion?.code ?? profileCity ?? DEFAULT_REGION.code
  // the signed-in applicant's kind, else the 个人/法人 tab the bundle was found under, else the bundle's first
  const asked = params.kind === 'firm' || params.kind === 'person' ? params.kind : undefined
  // acting for a firm (chosen in 我的): its bundles are filed as the firm
  const firm = useSession((x) => x.firm)
  const kind = (firm ? 'firm' : profile?.kind) ?? asked ?? template?.applicantKinds[0] ?? 'person'
  const acting = actingFor(useSession((x) => x.acting))
  const existing = drafts.find((d) => d.content.bundleId === bundleId && d.content.firm === (kind === 'firm' ? firm?.uscc : undefined) && d.acting.actor === acting.actor && d.acting.authorisationId === acting.authorisationId)

  const legalDays = useMemo(() => (template ? longestLegalWorkingDays(template) : 0), [template])
  const regionParams = useMemo(() => (template ? resolveParams(template.params, region) : {}), [template, region])
  const licenceKinds = useCatalogue((s) => s.licenceKinds)
  const loadLicenceKinds = useCatalogue((s) => s.loadLicenceKinds)
  useEffect(() => {
    void loadLicenceKinds()
  }, [loadLicenceKinds])

  const shareTitle = template ? `${template.name}｜湖南一件事一次办` : '湖南一件事一次办'
  useShareAppMessage(() => ({ title: shareTitle, path: `${ROUTES.guide}?bundle=${encodeURIComponent(bundleId)}` }))
  useShareTimeline(() => ({ title: shareTitle, query: `bundle=${encodeURIComponent(bundleId)}` }))

  if (!bundleId) return <Loading error='未指定要办理的事项' onHome={home} />
  if (!template) return <Loading error={status?.status === 'error' ? status.error : undefined} onRetry={() => void loadTemplate(bundleId)} onHome={home} />

  return (
    <Frame>
      <GuideScreen
        template={template}
        region={region}
        regionName={prefRegion?.name ?? regionName(regions, region) ?? DEFAULT_REGION.name}
        legalDays={legalDays}
        params={regionParams}
        licenceNames={licenceNamesOf(licenceKinds)}
        resumable={!!existing}
        subject={firm ? (kind === 'firm' && template.applicantKinds.includes('firm') ? `以${firm.firmName}名义办理（您是${firm.role}），可在“我的”中切换` : '这是个人事项，将以您本人名义办理') : undefined}
        preview={timelinePreview()}
        onBack={() => back(ROUTES.home)}
        // acting for a citizen (window, relative), the question would be the actor's: not offered
        onConsult={acting.actor === 'self' ? () => go(consultUrl(bundleId)) : undefined}
        onStart={() => {
          const applicantKind = template.applicantKinds.includes(kind) ? kind : template.applicantKinds[0]
          const forFirm = firm && applicantKind === 'firm' ? firm.uscc : undefined
          const id = useDrafts.getState().start({ bundleId, templateVersion: template.version, region, applicantKind, firm: forFirm, acting: actingFor(useSession.getState().acting), userId: profile?.userId })
          const d = useDrafts.getState().drafts[id]
          go(urlOf(d.place.step === 'guide' ? { step: 'questions' } : d.place, d))
        }}
      />
    </Frame>
  )
}
