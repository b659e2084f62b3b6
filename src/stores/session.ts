// Who is signed in: the real-name profile, the e-licences the platform holds for them, and the consents given
// in this session. Tokens live in the TokenStore the platform client uses; the profile is fetched again on
// start (never written to storage: it carries the ID number).
import { create } from 'zustand'
import type { ActingFor, LicenceKind, PrefillData } from '@/domain'
import { recordsPrefill, type LicenceSummary, type Profile, type SharedRecordResponse } from '@/services/contract'
import { asFirm, type FirmAuthority } from '@/domain/firm'
import type { KeyValueStorage } from '@/services/storage'
import type { PlatformClient } from '@/services/platform'
import { isPlatformError } from '@/services/platform/errors'
import type { TokenStore } from '@/services/tokens'
import { SELF } from './draft'

/**
 * Window staff (帮代办) or a relative (亲情帮办) filing for a citizen on this device: the journey runs with the
 * citizen's profile and e-licences as the platform gave them under the grant; every call names the grant
 * (services/app `acting`).
 */
export interface ActingSession {
  actor: 'staff' | 'relative'
  grantId: string
  /** masked */
  citizenName: string
  scopeLabel: string
  promiseAuthorised: boolean
}

export type SessionStatus = 'unknown' | 'restoring' | 'signed-out' | 'signing-in' | 'signed-in'

/** the citizen's choice to act for a firm, kept on the device for that person only */
export const FIRM_CHOICE_KEY = 'yjs.firm-choice.v1'

export type SessionClient = Pick<PlatformClient, 'me' | 'myFirms' | 'listLicences' | 'consentLicence' | 'loginWechat' | 'loginWechatPhone' | 'sendSmsCode' | 'loginSms' | 'logout'> &
  Partial<Pick<PlatformClient, 'refresh' | 'openDeceasedRecord' | 'sharedRecord'>>

export interface SessionState {
  status: SessionStatus
  profile?: Profile
  licences: LicenceSummary[]
  /** data of e-licences the citizen agreed to use, by kind (memory only) */
  licenceData: Partial<Record<LicenceKind, Record<string, string>>>
  /** records the platform shared with the citizen (a deceased's), by handle (memory only) */
  sharedRecords: Record<string, SharedRecordResponse>
  /** a Chinese message for the last failed sign-in step */
  error?: string
  /** epoch ms before which no new SMS code may be asked for */
  smsCooldownUntil?: number
  acting?: ActingSession
  /** firms the person may act for (法定代表人 / 经办人), as the platform says */
  firms: FirmAuthority[]
  /** the firm the person is acting for now; undefined: for themselves */
  firm?: FirmAuthority
  /** act for one of `firms` (its 统一社会信用代码), or for oneself (undefined) */
  chooseFirm(uscc: string | undefined): void
  restore(): Promise<void>
  sendSmsCode(mobile: string): Promise<boolean>
  loginSms(mobile: string, code: string): Promise<boolean>
  /** code from wx.login (Taro.login) */
  loginWechat(code: string): Promise<boolean>
  /** code from the phone-number button (手机号快速验证) */
  loginWechatPhone(code: string): Promise<boolean>
  /** asks the platform for an e-licence's data after the citizen agreed; true when attached */
  consentLicence(kind: LicenceKind, bundleId?: string): Promise<boolean>
  /**
   * asks for a deceased's shared records by their ID number (sent in the body only, never kept); the handle,
   * or the message to show (the ID number's problem at the field, or the platform's refusal)
   */
  openDeceasedRecord(idNumber: string, bundleId: string): Promise<{ handle: string } | { error: string; field?: boolean }>
  /** reads a draft's shared records again after a reload; false when the platform no longer shares them */
  loadSharedRecord(handle: string): Promise<boolean>
  logout(): Promise<void>
  /** the window (or a relative) starts filing for the citizen of a grant it holds */
  actFor(acting: ActingSession, profile: Profile, licences: LicenceSummary[]): void
  /** acting stops: nothing of the citizen stays in the session; a relative is back in their own account */
  stopActing(): Promise<void>
  clearError(): void
  /** epoch ms when the sign-in ends unless used or extended (from the tokens) */
  sessionEndsAt?: number
  /** 继续使用: refreshes the sign-in (its full lifetime again); false when it could not */
  extend(): Promise<boolean>
  reset(): void
}

const message = (e: unknown, fallback: string) => (isPlatformError(e) ? e.message : fallback)

export function createSessionStore(deps: {
  client: SessionClient
  tokens: TokenStore
  now?: () => number
  storage?: KeyValueStorage
  /** the check of saved tokens waits for this (H5: the opening page's first paint) */
  afterFirstPaint?: () => Promise<void>
}) {
  const { client, tokens, storage } = deps
  const now = deps.now ?? (() => Date.now())
  const initial = { status: 'unknown' as SessionStatus, profile: undefined, licences: [], licenceData: {}, sharedRecords: {}, error: undefined, smsCooldownUntil: undefined, acting: undefined, firms: [], firm: undefined }

  let waitingForPaint: Promise<void> | undefined
  const store = create<SessionState>()((set, get) => {
    async function loadSignedIn(profile?: Profile): Promise<void> {
      // the profile and the e-licences are asked for together: a page waiting for the sign-in waits one round trip less
      const licencesAsked = client.listLicences().catch((): LicenceSummary[] => [])
      const me = profile ?? (await client.me())
      // e-licences are a convenience: the journey works without them (upload instead)
      const licences = await licencesAsked
      let firms: FirmAuthority[] = []
      try {
        if (me.role === 'citizen') firms = await client.myFirms()
      } catch {
        // acting for a firm waits for the list; acting for oneself does not
      }
      const firm = firms.find((f) => f.uscc === savedFirmOf(me.userId))
      // signed in with the e-licences known, so no page judges a material before the list is there
      set({ status: 'signed-in', profile: me, licences, firms, firm, error: undefined })
    }

    async function signIn(run: () => Promise<{ profile: Profile }>, fallback: string): Promise<boolean> {
      set({ status: 'signing-in', error: undefined })
      try {
        const res = await run()
        await loadSignedIn(res.profile)
        return true
      } catch (e) {
        set({ status: 'signed-out', error: message(e, fallback) })
        return false
      }
    }

    function savedFirmOf(userId: string): string | undefined {
      try {
        const saved = JSON.parse(storage?.getItem(FIRM_CHOICE_KEY) ?? 'null') as unknown
        return saved && typeof saved === 'object' && (saved as { userId?: unknown }).userId === userId ? String((saved as { uscc?: unknown }).uscc) : undefined
      } catch {
        return undefined
      }
    }

    return {
      ...initial,
      chooseFirm(uscc) {
        const { profile, firms } = get()
        const firm = firms.find((f) => f.uscc === uscc)
        set({ firm })
        if (!profile) return
        if (firm) storage?.setItem(FIRM_CHOICE_KEY, JSON.stringify({ userId: profile.userId, uscc: firm.uscc }))
        else storage?.removeItem(FIRM_CHOICE_KEY)
      },
      async restore() {
        if (get().status === 'signed-in' || get().status === 'restoring') return
        if (!tokens.hasTokens()) {
          set({ status: 'signed-out' })
          return
        }
        if (deps.afterFirstPaint) {
          await (waitingForPaint ??= deps.afterFirstPaint())
          // meanwhile another call began the check, or a sign-in or sign-out happened
          if ((get().status !== 'unknown' && get().status !== 'signed-out') || !tokens.hasTokens()) return
        }
        set({ status: 'restoring' })
        try {
          await loadSignedIn()
        } catch (e) {
          // offline with saved tokens: still signed in as far as we know; the profile comes later
          if (isPlatformError(e) && (e.kind === 'offline' || e.kind === 'timeout' || e.kind === 'server')) set({ status: 'signed-in', error: e.message })
          else set({ status: 'signed-out' })
        }
      },
      async sendSmsCode(mobile) {
        set({ error: undefined })
        try {
          const res = await client.sendSmsCode(mobile)
          set({ smsCooldownUntil: now() + res.cooldownSeconds * 1000 })
          return true
        } catch (e) {
          set({ error: message(e, '验证码发送失败，请稍后重试') })
          return false
        }
      },
      loginSms: (mobile, code) => signIn(() => client.loginSms(mobile, code), '登录失败，请稍后重试'),
      loginWechat: (code) => signIn(() => client.loginWechat(code), '微信登录失败，请稍后重试'),
      loginWechatPhone: (code) => signIn(() => client.loginWechatPhone(code), '手机号登录失败，请稍后重试或使用微信一键登录'),
      async consentLicence(kind, bundleId) {
        try {
          const res = await client.consentLicence(kind, { purpose: '一件事一次办申请', bundleId })
          set((s) => ({
            licenceData: { ...s.licenceData, [kind]: res.data },
            licences: s.licences.map((l) => (l.kind === kind ? { ...l, consented: true } : l)),
            error: undefined,
          }))
          return true
        } catch (e) {
          set({ error: message(e, '电子证照暂时无法调取，请稍后重试或选择上传') })
          return false
        }
      },
      async openDeceasedRecord(idNumber, bundleId) {
        const open = client.openDeceasedRecord
        if (!open) return { error: '暂时无法查询逝者的信息，请按实际情况回答下面的问题' }
        try {
          const res = await open({ idNumber, bundleId })
          set((s) => ({ sharedRecords: { ...s.sharedRecords, [res.handle]: res } }))
          return { handle: res.handle }
        } catch (e) {
          const field = isPlatformError(e) && e.code === 'VALIDATION'
          return { error: message(e, '暂时无法查询逝者的信息，请稍后重试，或按实际情况回答下面的问题'), field }
        }
      },
      async loadSharedRecord(handle) {
        if (get().sharedRecords[handle] || !client.sharedRecord) return !!get().sharedRecords[handle]
        try {
          const res = await client.sharedRecord(handle)
          set((s) => ({ sharedRecords: { ...s.sharedRecords, [res.handle]: res } }))
          return true
        } catch {
          return false
        }
      },
      async logout() {
        await client.logout()
        set({ ...initial, status: 'signed-out' })
      },
      actFor(acting, profile, licences) {
        set({ ...initial, status: 'signed-in', profile, licences, acting })
      },
      async stopActing() {
        const was = get().acting
        if (!was) return
        set({ ...initial, status: 'signed-out' })
        // the relative's own tokens never changed: their own profile comes back
        if (was.actor === 'relative') await get().restore()
      },
      clearError: () => set({ error: undefined }),
      reset: () => set({ ...initial }),
      sessionEndsAt: tokens.sessionEndsAt?.(),
      async extend() {
        try {
          return (await client.refresh?.()) === true
        } catch {
          return false
        }
      },
    }
  })

  // the client dropped the tokens (refresh failed): the citizen must sign in again; drafts stay
  tokens.onSet?.(() => store.setState({ sessionEndsAt: tokens.sessionEndsAt() }))
  tokens.onClear(() => {
    store.setState({ sessionEndsAt: undefined })
    if (store.getState().status === 'signed-in') store.setState({ ...initial, status: 'signed-out' })
  })
  return store
}

export type SessionStoreHook = ReturnType<typeof createSessionStore>

// ---------- selectors ----------

export const selectSignedIn = (s: SessionState) => s.status === 'signed-in'

/** kinds of e-licence the platform holds for the applicant */
export function heldLicenceKinds(s: Pick<SessionState, 'licences'>): LicenceKind[] {
  return s.licences.map((l) => l.kind)
}

/**
 * E-licences the citizen agreed to use: in this session (with their data), or earlier (the platform keeps the
 * consent; a reload loses only the data, which the form asks for again).
 */
export function consentedLicences(s: Pick<SessionState, 'licences' | 'licenceData'>): Partial<Record<LicenceKind, true>> {
  const out: Partial<Record<LicenceKind, true>> = {}
  for (const l of s.licences) if (l.consented) out[l.kind] = true
  for (const k of Object.keys(s.licenceData) as LicenceKind[]) out[k] = true
  return out
}

/** what the engine may prefill from: the profile and the e-licences the citizen agreed to use */
/** `firm`: the 统一社会信用代码 a draft is filed for: the firm's name and code, the person as 经办人 */
export function prefillData(s: Pick<SessionState, 'profile' | 'licenceData'> & { firms?: FirmAuthority[]; shared?: SharedRecordResponse }, firm?: string): PrefillData | undefined {
  const p = s.profile && asFirm(s.profile, firm ? s.firms?.find((f) => f.uscc === firm) : undefined)
  if (!p) return undefined
  const profile: PrefillData['profile'] = {
    name: p.name,
    idNumber: p.idNumber,
    mobile: p.mobile,
    address: p.address,
    sex: p.sex,
    birthDate: p.birthDate,
  }
  if (p.firmName) profile.firmName = p.firmName
  if (p.uscc) profile.uscc = p.uscc
  if (p.legalRepresentative) profile.legalRepresentative = p.legalRepresentative
  return { profile, licences: s.licenceData, ...(s.shared ? { records: recordsPrefill(s.shared) } : {}) }
}

/** Who files a draft begun now: the citizen, or the window or a relative acting under a grant. */
export function actingFor(acting: ActingSession | undefined): ActingFor {
  return acting ? { actor: acting.actor, promiseAuthorised: acting.promiseAuthorised, authorisationId: acting.grantId } : SELF
}
