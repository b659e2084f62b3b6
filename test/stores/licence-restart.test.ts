// A reload mid-journey resumes with every answer: the e-licences agreed to for a draft are recorded with it
// (their data stays in memory only), and a restored session is signed in only once its e-licences are known,
// so no step judges a material on an empty list.
import type { LicenceSummary } from '@/services/contract'
import { memoryStorage } from '@/services/storage'
import { createTokenStore } from '@/services/tokens'
import { createDraftStore, DRAFTS_KEY } from '@/stores/draft'
import { readDrafts } from '@/stores/draft-read'
import { createSessionStore, type SessionClient } from '@/stores/session'
import { profile } from '../components/fixtures'

const idCard: LicenceSummary = { kind: 'idCard', title: '居民身份证', holder: '张*', number: '4301**', issuer: '公安', issuedAt: '2020-01-01', consented: true }

test('an agreed e-licence is recorded once with the draft, persisted, without marking the draft changed', () => {
  const storage = memoryStorage()
  let t = 0
  const drafts = createDraftStore({ read: readDrafts, storage, now: () => `2026-11-26T02:00:0${t++}.000Z` })
  const id = drafts.getState().start({ bundleId: 'b', templateVersion: 1, region: '430100', applicantKind: 'person' })
  const before = drafts.getState().drafts[id].updatedAt
  drafts.getState().addLicence(id, 'birthCertificate')
  drafts.getState().addLicence(id, 'birthCertificate')
  drafts.getState().addLicence(id, 'marriage')
  expect(drafts.getState().drafts[id].licences).toEqual(['birthCertificate', 'marriage'])
  // not a change of content: background sync has nothing to push
  expect(drafts.getState().drafts[id].updatedAt).toBe(before)
  expect(JSON.parse(storage.getItem(DRAFTS_KEY) as string).state.drafts[id].licences).toEqual(['birthCertificate', 'marriage'])
})

test('a restored session is signed in only once its e-licences are known', async () => {
  const tokenStorage = memoryStorage()
  const tokens = createTokenStore(tokenStorage)
  tokens.setTokens({ accessToken: 'a', refreshToken: 'r', expiresIn: 60, refreshExpiresIn: 600 })
  let release!: (l: LicenceSummary[]) => void
  const client = {
    me: jest.fn(async () => profile),
    listLicences: jest.fn(() => new Promise<LicenceSummary[]>((r) => (release = r))),
  } as unknown as SessionClient
  const store = createSessionStore({ client, tokens })
  const restoring = store.getState().restore()
  await new Promise((r) => setTimeout(r, 0))
  expect(client.me).toHaveBeenCalled()
  expect(store.getState().status).toBe('restoring')
  release([idCard])
  await restoring
  expect(store.getState().status).toBe('signed-in')
  expect(store.getState().licences).toEqual([idCard])
})

test('e-licences that cannot be listed do not stop the sign-in', async () => {
  const tokens = createTokenStore(memoryStorage())
  tokens.setTokens({ accessToken: 'a', refreshToken: 'r', expiresIn: 60, refreshExpiresIn: 600 })
  const client = { me: jest.fn(async () => profile), listLicences: jest.fn(async () => Promise.reject(new Error('down'))) } as unknown as SessionClient
  const store = createSessionStore({ client, tokens })
  await store.getState().restore()
  expect(store.getState().status).toBe('signed-in')
  expect(store.getState().licences).toEqual([])
})
