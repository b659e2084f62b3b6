// The citizen's 授权 and 谁查看了我的信息: grants they gave (a window's one-time 授权码, a relative's 亲情帮办),
// revoking one, and the audit of every access by staff or a relative. The rulebook checks a request before
// it is sent; the platform checks it again with the same words.
import { create } from 'zustand'
import { grantRequestErrors, type GrantScope, type Relation } from '@/domain/assist'
import type { AuditEntry, GrantView, HallView, SubjectResponse } from '@/services/contract'
import { isPlatformError, type PlatformClient } from '@/services/platform'

export type GrantsClient = Pick<PlatformClient, 'listGrants' | 'createGrant' | 'revokeGrant' | 'listAudit' | 'listHalls' | 'listReceivedGrants' | 'actingSubject'>

export interface WindowGrantInput {
  scope: GrantScope
  hallId?: string
  minutes?: number
  /** the citizen's written authorisation for 告知承诺 made for them */
  promiseAuthorised?: boolean
}

export interface RelativeGrantInput {
  scope: GrantScope
  relativeMobile: string
  relation?: Relation
  days?: number
  promiseAuthorised?: boolean
}

export interface GrantsState {
  status: 'idle' | 'loading' | 'ready' | 'failed'
  grants: GrantView[]
  /** grants relatives gave me */
  received: GrantView[]
  audit: AuditEntry[]
  halls: HallView[]
  error?: string
  /** field → message of the last refused grant request */
  fieldErrors: Record<string, string>
  busy: boolean
  load(region?: string): Promise<void>
  /** the new grant, or undefined with fieldErrors / error set */
  createWindowGrant(input: WindowGrantInput): Promise<GrantView | undefined>
  createRelativeGrant(input: RelativeGrantInput, ownMobile?: string): Promise<GrantView | undefined>
  revoke(id: string): Promise<void>
  /**
   * 亲情帮办: the elder's profile and e-licences under a grant they gave me (then every call names it), or
   * undefined with `error` set (the grant ended, …)
   */
  actFor(grant: GrantView): Promise<SubjectResponse | undefined>
  /** stops naming the grant: calls are the relative's own again */
  stopActing(): void
}

const message = (e: unknown, fallback: string) => (isPlatformError(e) ? e.message : fallback)

/** `acting`: the grant the client names on signed-in calls (services/app), shared with the window's console */
export function createGrantsStore(client: GrantsClient, acting: { grantId?: string } = {}) {
  return create<GrantsState>()((set, get) => {
    async function send(fieldErrors: Record<string, string>, run: () => Promise<GrantView>): Promise<GrantView | undefined> {
      if (Object.keys(fieldErrors).length) {
        set({ fieldErrors, error: undefined })
        return undefined
      }
      if (get().busy) return undefined
      set({ busy: true, fieldErrors: {}, error: undefined })
      try {
        const g = await run()
        set((s) => ({ grants: [g, ...s.grants.filter((x) => x.id !== g.id)] }))
        return g
      } catch (e) {
        set({ fieldErrors: (isPlatformError(e) && e.fieldErrors) || {}, error: message(e, '授权没有成功，请稍后重试') })
        return undefined
      } finally {
        set({ busy: false })
      }
    }

    return {
      status: 'idle',
      grants: [],
      received: [],
      audit: [],
      halls: [],
      fieldErrors: {},
      busy: false,
      async load(region) {
        set({ status: 'loading', error: undefined })
        try {
          const [grants, received, audit, halls] = await Promise.all([client.listGrants(), client.listReceivedGrants(), client.listAudit(), client.listHalls(region)])
          set({ status: 'ready', grants, received, audit, halls })
        } catch (e) {
          set({ status: 'failed', error: message(e, '暂时无法读取授权记录，请稍后重试') })
        }
      },
      createWindowGrant(input) {
        const errors = grantRequestErrors({ grantee: 'staff', hallId: input.hallId, minutes: input.minutes })
        return send(errors, () => client.createGrant({ grantee: 'staff', scope: input.scope, hallId: input.hallId, minutes: input.minutes, promiseAuthorised: !!input.promiseAuthorised }))
      },
      createRelativeGrant(input, ownMobile) {
        const errors = grantRequestErrors({ grantee: 'relative', relativeMobile: input.relativeMobile, relation: input.relation, days: input.days, ownMobile })
        return send(errors, () => client.createGrant({ grantee: 'relative', scope: input.scope, relativeMobile: input.relativeMobile, relation: input.relation, days: input.days, promiseAuthorised: !!input.promiseAuthorised }))
      },
      async actFor(grant) {
        acting.grantId = grant.id
        try {
          const subject = await client.actingSubject()
          set({ error: undefined })
          return subject
        } catch (e) {
          acting.grantId = undefined
          set({ error: message(e, '暂时无法为亲属办理，请稍后重试') })
          return undefined
        }
      },
      stopActing() {
        acting.grantId = undefined
      },
      async revoke(id) {
        try {
          const g = await client.revokeGrant(id)
          set((s) => ({ grants: s.grants.map((x) => (x.id === id ? g : x)), error: undefined }))
        } catch (e) {
          set({ error: message(e, '撤销没有成功，请稍后重试') })
        }
      },
    }
  })
}
