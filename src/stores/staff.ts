// The window's console: the clerk's sign-in, the hall's queue and live grants, and the citizen a grant opens.
// What is scanned or typed is read by the domain (parseScan); the grant in use is named on every call the
// console makes for the citizen (`acting`), so the platform checks and records each one.
import { create } from 'zustand'
import { decisionRefusalText, parseScan, refusalText, supplementProblems, windowGrantErrors, type NoticeKind, type WindowGrantKind } from '@/domain/assist'
import { toBeijingDate } from '@/domain/calendar'
import type { CaseRecord } from '@/domain/case/types'
import type { MaterialMode } from '@/domain/draft'

/** a material of the case and how it was met */
export interface CaseMaterialItem {
  id: string
  name: string
  mode: MaterialMode
}
import type { GrantView, OpenBookingResponse, Profile, QueueCase, SubjectResponse, WindowGrantRequest } from '@/services/contract'
import type { UploadBody } from '@/services/http/transport'
import { isPlatformError, type PlatformClient } from '@/services/platform'

export type StaffClient = Pick<PlatformClient, 'loginStaff' | 'me' | 'logout' | 'staffQueue' | 'hallGrants' | 'openGrant' | 'requestSmsGrant' | 'actingSubject' | 'dept' | 'getBundle' | 'openBooking' | 'uploadProof' | 'registerWindowGrant'>

export interface StaffState {
  status: 'unknown' | 'signed-out' | 'signing-in' | 'signed-in'
  profile?: Profile
  /** a window clerk (受理) or a department's reviewer (决定) */
  role?: DeskRole
  hall?: { id: string; name: string; window?: string }
  queue: QueueCase[]
  /** a reviewer's queue: cases of this hall with a matter waiting for a decision */
  deciding: QueueCase[]
  grants: GrantView[]
  /** the citizen the console works for now, under `subject.grant` */
  subject?: SubjectResponse
  /** 线上预填、线下办理: the booking `subject` was opened from, with its prefilled application */
  booking?: OpenBookingResponse
  /** the case the window works on (一窗受理), as the department sees it, and its materials by name */
  current?: { record: CaseRecord; materials: CaseMaterialItem[] }
  /** the notice of the window's last action on `current`, to print */
  notice?: NoticeKind
  /** an SMS code was read out: the number it went to is asked for */
  smsCode?: string
  busy: boolean
  error?: string
  /** field → message */
  fieldErrors: Record<string, string>
  message?: string
  restore(): Promise<void>
  login(account: string, password: string): Promise<boolean>
  logout(): Promise<void>
  refresh(): Promise<void>
  /** what the scanner or the keyboard gave */
  open(text: string, mobile?: string): Promise<void>
  /** asks the platform to text the citizen a code for this bundle */
  requestSms(mobile: string, bundleId: string): Promise<void>
  /** works for the citizen of a live grant of this hall */
  use(grant: GrantView): Promise<void>
  /** stops working for the citizen (the grant stays theirs to revoke; it ends on its own) */
  close(): void
  /** 一窗受理: a case filed at this hall */
  openCase(caseId: string): Promise<void>
  accept(): Promise<void>
  reject(reason: string | undefined, note: string): Promise<void>
  askSupplement(message: string, materials: string[]): Promise<void>
  /** the reviewer decides one matter of `current`: 准予, or 不予许可 with a ground of the list and text */
  decide(matterId: string, outcome: 'approved' | 'refused', reason?: string, note?: string): Promise<void>
  closeCase(): void
  /** 窗口登记授权: the scan of the paper (户口簿 / 授权委托书) for the form */
  proof?: { kind: WindowGrantKind; fileId: string; name: string }
  /** the grant the window registered last */
  registered?: GrantView
  /** the registration form's field errors (apart from the console's other forms) */
  grantErrors: Record<string, string>
  attachProof(kind: WindowGrantKind, file: UploadBody['file']): Promise<void>
  /** checked by the rulebook first (nothing sent when it refuses); a proxy's grant opens the citizen at once */
  registerGrant(req: Omit<WindowGrantRequest, 'proofFileId' | 'bundleId'> & { bundleId?: string }, now: string): Promise<void>
}

const message = (e: unknown, fallback: string) => (isPlatformError(e) ? e.message : fallback)

export type DeskRole = 'staff' | 'reviewer'
const deskRole = (role: string): DeskRole | undefined => (role === 'staff' || role === 'reviewer' ? role : undefined)

export function createStaffStore(deps: { client: StaffClient; acting: { grantId?: string } }) {
  const { client, acting } = deps
  const initial = { status: 'unknown' as const, role: undefined, queue: [], deciding: [], grants: [], busy: false, fieldErrors: {}, grantErrors: {}, proof: undefined, registered: undefined }
  return create<StaffState>()((set, get) => {
    async function guarded(run: () => Promise<void>, fallback: string): Promise<void> {
      if (get().busy) return
      set({ busy: true, error: undefined, fieldErrors: {}, message: undefined })
      try {
        await run()
      } catch (e) {
        set({ error: message(e, fallback), fieldErrors: (isPlatformError(e) && e.fieldErrors) || {} })
        if (isPlatformError(e) && e.status === 403 && acting.grantId) {
          // the grant ended (revoked, expired): nothing more is shown of the citizen
          acting.grantId = undefined
          set({ subject: undefined, booking: undefined })
        }
      } finally {
        set({ busy: false })
      }
    }

    async function loadSubject(grant: GrantView): Promise<void> {
      acting.grantId = grant.id
      const subject = await client.actingSubject()
      const booking = get().booking
      set({ subject, current: undefined, smsCode: undefined, booking: booking?.grant.id === grant.id ? booking : undefined })
    }

    return {
      ...initial,
      async restore() {
        try {
          const me = await client.me()
          const role = deskRole(me.role)
          if (!role) return set({ status: 'signed-out' })
          set({ status: 'signed-in', profile: me, role })
          await get().refresh()
        } catch {
          set({ status: 'signed-out' })
        }
      },
      async login(account, password) {
        const errors: Record<string, string> = {}
        if (!account.trim()) errors.account = '请填写工作账号'
        if (!password) errors.password = '请填写密码'
        if (Object.keys(errors).length) {
          set({ fieldErrors: errors })
          return false
        }
        set({ status: 'signing-in', error: undefined, fieldErrors: {} })
        try {
          const r = await client.loginStaff(account.trim(), password)
          const role = deskRole(r.profile.role)
          if (!role) {
            await client.logout()
            set({ status: 'signed-out', error: '该账号不是窗口工作人员或审批人员账号' })
            return false
          }
          set({ status: 'signed-in', profile: r.profile, role })
          await get().refresh()
          return true
        } catch (e) {
          set({ status: 'signed-out', error: message(e, '登录没有成功，请稍后重试') })
          return false
        }
      },
      async logout() {
        acting.grantId = undefined
        await client.logout()
        set({ ...initial, status: 'signed-out' })
      },
      async refresh() {
        try {
          // grants are the window's: a reviewer reads cases by the hall's duty only
          const [q, grants] = await Promise.all([client.staffQueue(), get().role === 'reviewer' ? [] : client.hallGrants()])
          set({ queue: q.waiting, deciding: q.deciding ?? [], hall: q.hall, grants })
        } catch (e) {
          set({ error: message(e, '暂时无法读取本厅的待办，请稍后重试') })
        }
      },
      open(text, mobile) {
        const scan = parseScan(text)
        if (scan.kind === 'invalid') {
          set({ fieldErrors: { scan: scan.message } })
          return Promise.resolve()
        }
        if (scan.kind === 'case') return get().openCase(scan.caseId)
        if (get().role === 'reviewer') {
          // grants are the window's to open: a reviewer works by the hall's duty, on cases
          set({ fieldErrors: { scan: '审批人员请输入或扫描办件编号（以 HN 开头）' } })
          return Promise.resolve()
        }
        if (scan.kind === 'booking')
          return guarded(async () => {
            const opened = await client.openBooking(scan.number)
            set({ booking: opened })
            await loadSubject(opened.grant)
          }, '打开预约没有成功，请稍后重试')
        if (scan.kind === 'sms' && !mobile) {
          set({ smsCode: scan.code, fieldErrors: {} })
          return Promise.resolve()
        }
        return guarded(async () => {
          const opened = await client.openGrant({ code: scan.code, ...(mobile ? { mobile } : {}) })
          await loadSubject(opened.grant)
          set((s) => ({ grants: [opened.grant, ...s.grants.filter((g) => g.id !== opened.grant.id)] }))
        }, '打开授权没有成功，请稍后重试')
      },
      requestSms(mobile, bundleId) {
        return guarded(async () => {
          await client.requestSmsGrant({ mobile, bundleId })
          set({ message: '已发送。请申请人读出收到的 6 位短信授权码，在上方输入。' })
        }, '发送没有成功，请稍后重试')
      },
      use(grant) {
        return guarded(() => loadSubject(grant), '暂时无法读取申请人信息，请稍后重试')
      },
      async attachProof(kind, file) {
        if (get().busy) return
        set({ busy: true, grantErrors: {}, error: undefined })
        try {
          const up = await client.uploadProof(kind, file)
          set({ proof: { kind, fileId: up.fileId, name: up.name } })
        } catch (e) {
          set({ grantErrors: { proofFileId: (isPlatformError(e) && e.fieldErrors?.proofFileId) || message(e, '上传没有成功，请重新扫描后上传') } })
        } finally {
          set({ busy: false })
        }
      },
      async registerGrant(input, now) {
        const proof = get().proof
        const base = { kind: input.kind, idNumber: input.idNumber, bundleId: input.bundleId ?? '', proofFileId: proof?.kind === input.kind ? proof.fileId : '' }
        // only what the kind of paper asks for
        const req: WindowGrantRequest =
          input.kind === 'relative'
            ? { ...base, relativeMobile: input.relativeMobile, relation: input.relation }
            : { ...base, proxyName: input.proxyName, proxyIdNumber: input.proxyIdNumber, promiseAuthorised: !!input.promiseAuthorised }
        const errors = windowGrantErrors(req, toBeijingDate(now))
        if (Object.keys(errors).length) return set({ grantErrors: errors, registered: undefined })
        if (get().busy) return
        set({ busy: true, grantErrors: {}, error: undefined, registered: undefined })
        try {
          const g = await client.registerWindowGrant(req)
          set({ registered: g, proof: undefined })
          // a proxy is here now: the window works for the citizen under the paper at once
          if (g.grantee === 'staff') {
            await loadSubject(g)
            set((s) => ({ grants: [g, ...s.grants.filter((x) => x.id !== g.id)] }))
          }
        } catch (e) {
          const fields = isPlatformError(e) ? e.fieldErrors : undefined
          set(fields && Object.keys(fields).length ? { grantErrors: fields } : { error: message(e, '登记授权没有成功，请稍后重试') })
        } finally {
          set({ busy: false })
        }
      },
      close() {
        acting.grantId = undefined
        set({ subject: undefined, booking: undefined, smsCode: undefined, error: undefined, message: undefined })
      },
      openCase(caseId) {
        return guarded(async () => {
          const record = await client.dept.getCase(caseId)
          let names: Record<string, string> = {}
          try {
            names = materialNames(await client.getBundle(record.bundleId, record.templateVersion))
          } catch {
            // the ids stand in for the names
          }
          const materials = Object.entries(record.content.materials).map(([id, choice]) => ({ id, name: names[id] ?? id, mode: choice.mode }))
          set({ current: { record, materials }, notice: undefined })
        }, '暂时无法读取该办件，请稍后重试')
      },
      accept() {
        return guarded(async () => {
          const cur = get().current
          if (!cur) return
          let record = cur.record
          for (const m of record.matters.filter((x) => x.status === 'submitted')) record = await client.dept.accept(record.id, { matterId: m.matterId })
          set({ current: { ...cur, record }, notice: 'accepted', message: `已受理办件 ${record.id}` })
          void get().refresh()
        }, '受理没有成功，请稍后重试')
      },
      reject(reason, note) {
        const { text, errors } = refusalText(reason, note)
        if (!text) {
          set({ fieldErrors: errors })
          return Promise.resolve()
        }
        return guarded(async () => {
          const cur = get().current
          if (!cur) return
          let record = cur.record
          for (const m of record.matters.filter((x) => x.status === 'submitted')) record = await client.dept.reject(record.id, { matterId: m.matterId, reason: text })
          set({ current: { ...cur, record }, notice: 'rejected', message: `已决定不予受理办件 ${record.id}` })
          void get().refresh()
        }, '操作没有成功，请稍后重试')
      },
      askSupplement(text, materials) {
        const errors = supplementProblems(text, materials)
        if (Object.keys(errors).length) {
          set({ fieldErrors: errors })
          return Promise.resolve()
        }
        return guarded(async () => {
          const cur = get().current
          if (!cur) return
          const record = await client.dept.requestSupplement(cur.record.id, { message: text.trim(), materials })
          set({ current: { ...cur, record }, notice: 'supplement', message: `已一次性告知申请人补正（办件 ${record.id}）` })
          void get().refresh()
        }, '操作没有成功，请稍后重试')
      },
      decide(matterId, outcome, reason, note = '') {
        const refusal = outcome === 'refused' ? decisionRefusalText(reason, note) : undefined
        if (refusal && !refusal.text) {
          set({ fieldErrors: Object.fromEntries(Object.entries(refusal.errors).map(([k, v]) => [`${matterId}.${k}`, v])) })
          return Promise.resolve()
        }
        return guarded(async () => {
          const cur = get().current
          if (!cur) return
          const record = await client.dept.decide(cur.record.id, { matterId, outcome, ...(refusal?.text ? { reason: refusal.text } : {}) })
          const m = record.matters.find((x) => x.matterId === matterId)
          set({ current: { ...cur, record }, message: `${m?.name ?? '事项'}：${outcome === 'approved' ? '已准予许可' : '已决定不予许可'}` })
          void get().refresh()
        }, '决定没有作出，请稍后重试')
      },
      closeCase() {
        set({ current: undefined, notice: undefined, message: undefined })
      },
    }
  })
}

/** The names of a template's materials, read without the template schema (the console needs only them). */
function materialNames(template: unknown): Record<string, string> {
  const materials = (template as { materials?: unknown } | null)?.materials
  if (!Array.isArray(materials)) return {}
  const out: Record<string, string> = {}
  for (const m of materials as { id?: unknown; name?: unknown }[]) if (typeof m?.id === 'string' && typeof m.name === 'string') out[m.id] = m.name
  return out
}
