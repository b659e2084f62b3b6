// H5: draft sync loads when there is something for it to do (a citizen signed in, or a synced draft on the
// device whose deletion must reach the platform), and not for a visitor.
import { create } from 'zustand'

interface Session {
  status: string
  acting?: object
}
interface Drafts {
  drafts: Record<string, { remote?: object }>
  /** the saved drafts have been read (H5 reads them late) */
  ready: boolean
}

const started = jest.fn()

function load(session: Session, drafts: Drafts['drafts'] = {}, ready = true) {
  let mod!: typeof import('@/stores/sync-start')
  const useSession = create<Session>(() => session)
  const useDrafts = create<Drafts>(() => ({ drafts, ready }))
  jest.isolateModules(() => {
    jest.doMock('@/stores/app', () => ({ useSession, useDrafts }))
    jest.doMock('@/services/first-paint', () => ({ afterFirstPaint: () => Promise.resolve() }))
    jest.doMock('@/stores/app-sync', () => ({ startDraftSync: started, catchUpDrafts: jest.fn(), useSync: create(() => ({})) }))
    mod = require('@/stores/sync-start')
  })
  return { mod, useSession, useDrafts }
}

const settle = () => new Promise((r) => setTimeout(r, 0))

beforeEach(() => started.mockClear())

test('a visitor: not loaded until a citizen signs in, then started once', async () => {
  const { mod, useSession } = load({ status: 'signed-out' }, { a: {} })
  mod.startDraftSyncWhenSignedIn()
  await settle()
  expect(started).not.toHaveBeenCalled()
  expect(mod.useSyncModule.getState().sync).toBeUndefined()
  useSession.setState({ status: 'signed-in' })
  useSession.setState({ status: 'signed-in' })
  await settle()
  expect(started).toHaveBeenCalledTimes(1)
  expect(mod.useSyncModule.getState().sync).toBeDefined()
})

test('a synced draft on the device: started at once, signed in or not', async () => {
  const { mod } = load({ status: 'signed-out' }, { a: {}, b: { remote: { version: 1 } } })
  mod.startDraftSyncWhenSignedIn()
  await settle()
  expect(started).toHaveBeenCalledTimes(1)
})

test('signed in before the saved drafts are read: sync starts only once they are (a pull never lands before them)', async () => {
  const { mod, useDrafts } = load({ status: 'signed-in' }, {}, false)
  mod.startDraftSyncWhenSignedIn()
  await settle()
  expect(started).not.toHaveBeenCalled()
  useDrafts.setState({ ready: true, drafts: { a: {} } })
  await settle()
  expect(started).toHaveBeenCalledTimes(1)
})

test('a synced draft among the drafts read late: started once they are read', async () => {
  const { mod, useDrafts } = load({ status: 'signed-out' }, {}, false)
  mod.startDraftSyncWhenSignedIn()
  await settle()
  expect(started).not.toHaveBeenCalled()
  useDrafts.setState({ ready: true, drafts: { b: { remote: { version: 1 } } } })
  await settle()
  expect(started).toHaveBeenCalledTimes(1)
})

test('a window acting for a citizen: drafts stay on its device, sync does not start', async () => {
  const { mod, useSession } = load({ status: 'signed-in', acting: { grantId: 'g' } })
  mod.startDraftSyncWhenSignedIn()
  mod.catchUpDraftsNow()
  useSession.setState({ status: 'signed-in', acting: { grantId: 'g2' } })
  await settle()
  expect(started).not.toHaveBeenCalled()
})
