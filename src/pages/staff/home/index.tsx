// 窗口工作台: thin page over the staff store; the scanner is WeChat's camera, or on H5 a USB scanner typing.
import Taro, { useDidShow } from '@tarojs/taro'
import { useEffect } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { StaffConsole } from '@/components/staff/StaffConsole'
import { maskName } from '@/domain/mask'
import { useCatalogue, useDrafts, useSession } from '@/stores/app'
import { useCases } from '@/stores/app-cases'
import { useStaff } from '@/stores/app-staff'
import { StaffConsultDesk } from './consult'
import { useConsultDesk } from '@/stores/app-consult'
import { queryKey } from '@/stores/catalogue'
import { ROUTES, urlOf } from '@/stores/routes'
import { actingFor } from '@/stores/session'
import type { DraftContent } from '@/domain/draft'
import { pickFiles } from '@/services/files'
import { Frame } from '../../Frame'
import { go, nowIso } from '../../nav'

/** The window is done with the citizen: nothing of theirs stays on this device. */
function forget(grantId: string | undefined): void {
  void useSession.getState().stopActing()
  useCases.getState().forgetFiledFor('staff')
  const drafts = useDrafts.getState()
  for (const d of Object.values(drafts.drafts)) if (grantId && d.acting.authorisationId === grantId) drafts.remove(d.id)
}

/**
 * 线上预填、线下办理: the citizen's prefilled application on this device, at 核对申请信息. Opened again, the
 * window's own draft under the grant is resumed: what it changed since is not replaced.
 */
function openBooked(content: DraftContent, grantId: string): void {
  const drafts = useDrafts.getState()
  const held = Object.values(drafts.drafts).find((d) => d.acting.authorisationId === grantId && d.status === 'open')
  const id = held?.id ?? drafts.start({ bundleId: content.bundleId, templateVersion: content.templateVersion, region: content.region, applicantKind: content.applicantKind, firm: content.firm, acting: actingFor(useSession.getState().acting) })
  if (!held) {
    drafts.replaceContent(id, content)
    drafts.setPlace(id, { step: 'review' })
  }
  const d = useDrafts.getState().drafts[id]
  go(urlOf(d.place, d))
}

const ALL = {}

export default function StaffHomePage() {
  const s = useStaff(
    useShallow((x) => ({
      status: x.status,
      busy: x.busy,
      error: x.error,
      message: x.message,
      notice: x.notice,
      current: x.current,
      fieldErrors: x.fieldErrors,
      profile: x.profile,
      hall: x.hall,
      role: x.role,
      queue: x.queue,
      deciding: x.deciding,
      grants: x.grants,
      subject: x.subject,
      booking: x.booking,
      smsCode: x.smsCode,
      proof: x.proof,
      registered: x.registered,
      grantErrors: x.grantErrors,
    })),
  )
  const bundles = useCatalogue((x) => x.lists[queryKey(ALL)]?.bundles)
  const consultTally = useConsultDesk((x) => x.unanswered)
  useEffect(() => {
    if (useStaff.getState().status === 'unknown') void useStaff.getState().restore()
    if (!bundles) void useCatalogue.getState().loadBundles(ALL)
  }, []) // eslint-disable-line react-hooks/exhaustive-deps
  useDidShow(() => {
    if (useStaff.getState().status === 'signed-in') void useStaff.getState().refresh()
  })
  const store = useStaff.getState()
  return (
    <Frame>
      <StaffConsole
        now={nowIso()}
        signedIn={s.status === 'signed-in'}
        busy={s.busy || s.status === 'signing-in'}
        error={s.error}
        message={s.message}
        fieldErrors={s.fieldErrors}
        staffName={s.profile?.name}
        hall={s.hall}
        role={s.role}
        queue={s.queue}
        deciding={s.deciding}
        onDecide={(matterId, outcome, reason, note) => void store.decide(matterId, outcome, reason, note)}
        grants={s.grants}
        subject={s.subject}
        booking={s.booking?.grant.id === s.subject?.grant.id ? s.booking?.booking : undefined}
        current={s.current}
        onOpenCase={(id) => void store.openCase(id)}
        caseActions={{
          notice: s.notice,
          onAccept: () => void store.accept(),
          onReject: (reason, note) => void store.reject(reason, note),
          onSupplement: (message, materials) => void store.askSupplement(message, materials),
          // H5: the browser's print (print styles keep only the notice); WeChat has no printing
          onPrint: () => {
            if (process.env.TARO_ENV === 'h5') window.print()
            else void Taro.showToast({ title: '请在窗口电脑上打印', icon: 'none' })
          },
          onClose: store.closeCase,
        }}
        smsCode={s.smsCode}
        bundles={(bundles ?? []).map((b) => ({ id: b.id, name: b.name }))}
        canScan={process.env.TARO_ENV === 'weapp'}
        onLogin={(account, password) => void store.login(account, password)}
        onLogout={() => {
          forget(useStaff.getState().subject?.grant.id)
          void store.logout()
        }}
        onOpen={(text, mobile) => void store.open(text, mobile)}
        onScan={async () => {
          try {
            const r = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
            await store.open(r.result)
          } catch {
            // closed without a code: nothing to do
          }
        }}
        onRequestSms={(mobile, bundleId) => {
          if (!bundleId) return useStaff.setState({ fieldErrors: { bundleId: '请选择要代办的一件事' } })
          void store.requestSms(mobile, bundleId)
        }}
        onUse={(g) => void store.use(g)}
        onClose={() => {
          forget(useStaff.getState().subject?.grant.id)
          store.close()
        }}
        onFile={() => {
          const subject = useStaff.getState().subject
          const g = subject?.grant
          if (!subject || !g || g.scope.kind !== 'bundle') return
          useSession.getState().actFor({ actor: 'staff', grantId: g.id, citizenName: maskName(subject.profile.name), scopeLabel: g.scopeLabel, promiseAuthorised: g.promiseAuthorised }, subject.profile, subject.licences)
          const booked = useStaff.getState().booking
          if (booked?.grant.id === g.id) return openBooked(booked.content, g.id)
          go(`${ROUTES.guide}?bundle=${encodeURIComponent(g.scope.bundleId)}`)
        }}
        onRefresh={() => void store.refresh()}
        windowGrant={{
          fieldErrors: s.grantErrors,
          proof: s.proof,
          registered: s.registered,
          onPickProof: async (kind) => {
            const [f] = await pickFiles({ accept: ['jpg', 'png', 'pdf'], count: 1 })
            if (f) await store.attachProof(kind, { name: f.name, type: f.mime, data: f.data, path: f.path })
          },
          onRegister: (input) => void store.registerGrant(input, nowIso()),
        }}
        consult={s.status === 'signed-in' && s.role === 'staff' ? <StaffConsultDesk /> : undefined}
        consultTally={s.status === 'signed-in' && s.role === 'staff' ? consultTally : undefined}
      />
    </Frame>
  )
}
