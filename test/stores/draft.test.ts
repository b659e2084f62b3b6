// services/storage.ts imports @tarojs/taro (unusable in jest) beside memoryStorage: stub the module.
import { memoryStorage } from '@/services/storage'
import { createDraftStore, DRAFTS_KEY, selectOpenDrafts } from '@/stores/draft'
import { readDrafts } from '@/stores/draft-read'
import { isDirty } from '@/stores/sync'

const input = { bundleId: 'test-shop', templateVersion: 3, region: '430100', applicantKind: 'person' as const }

function make(storage = memoryStorage()) {
  let t = 0
  let n = 0
  const store = createDraftStore({ read: readDrafts, storage, now: () => new Date(Date.UTC(2026, 10, 26, 2, 0, t++)).toISOString(), newId: () => `d${++n}` })
  return { store, storage }
}

test('every change is written to storage at once and read back by a new store', () => {
  const { store, storage } = make()
  const id = store.getState().start(input)
  store.getState().setAnswer(id, 'tobacco', true)
  store.getState().setValue(id, 'shopName', '湘味小馆')
  store.getState().setPlace(id, { step: 'questions', questionId: 'area' })
  const saved = JSON.parse(storage.getItem(DRAFTS_KEY) as string)
  expect(saved.state.drafts[id].content.answers).toEqual({ tobacco: true })
  expect(saved.state.drafts[id].content.values).toEqual({ shopName: '湘味小馆' })

  const again = createDraftStore({ read: readDrafts, storage })
  const d = again.getState().drafts[id]
  expect(d.content.answers.tobacco).toBe(true)
  expect(d.place).toMatchObject({ step: 'questions', questionId: 'area', at: expect.any(String) })
  expect(d.acting).toEqual({ actor: 'self', promiseAuthorised: true })
})

test('start resumes the open draft for the same bundle instead of making a second one', () => {
  const { store } = make()
  const a = store.getState().start(input)
  const b = store.getState().start(input)
  expect(b).toBe(a)
  const c = store.getState().start({ ...input, bundleId: 'other' })
  expect(c).not.toBe(a)
  expect(selectOpenDrafts(store.getState()).map((d) => d.id).sort()).toEqual([a, c].sort())
})

test('a full storage does not throw: the draft stays in memory and saveFailed tells the screen', () => {
  const storage = memoryStorage({}, 1500)
  const { store } = make(storage)
  const id = store.getState().start(input)
  expect(() => store.getState().setValue(id, 'shopName', '很长的名字'.repeat(400))).not.toThrow()
  expect(store.getState().saveFailed).toBe(true)
  expect(store.getState().drafts[id].content.values.shopName).toContain('很长的名字')
  // a smaller value fits again: the flag clears
  store.getState().setValue(id, 'shopName', '小店')
  expect(store.getState().saveFailed).toBe(false)
})

test("Taro's empty string for a missing key reads as no saved drafts", () => {
  const storage = { getItem: () => '', setItem: () => true, removeItem: () => undefined }
  const store = createDraftStore({ read: readDrafts, storage })
  expect(store.getState().drafts).toEqual({})
})

test('uploaded files are added to the material and kept by name; removing one keeps the others', () => {
  const { store } = make()
  const id = store.getState().start(input)
  store.getState().addFile(id, 'lease', 'f1', { name: '合同.pdf', size: 1000, type: 'pdf', uploadedAt: 'x' })
  store.getState().addFile(id, 'lease', 'f2', { name: '合同2.pdf', size: 1000, type: 'pdf', uploadedAt: 'x' })
  expect(store.getState().drafts[id].content.materials.lease).toEqual({ mode: 'upload', fileIds: ['f1', 'f2'] })
  store.getState().removeFile(id, 'lease', 'f1')
  expect(store.getState().drafts[id].content.materials.lease).toEqual({ mode: 'upload', fileIds: ['f2'] })
  expect(Object.keys(store.getState().drafts[id].files)).toEqual(['f2'])
})

test('a submitted draft no longer changes; pending submission and remote version have room on the record', () => {
  const { store } = make()
  const id = store.getState().start(input)
  store.getState().setPending(id, { idempotencyKey: 'k1', startedAt: 'now', templateVersion: 3 })
  store.getState().setRemote(id, { version: 2, syncedAt: 'now' })
  expect(store.getState().drafts[id].pending?.idempotencyKey).toBe('k1')
  store.getState().markSubmitted(id, 'HN1')
  store.getState().setAnswer(id, 'tobacco', true)
  const d = store.getState().drafts[id]
  expect(d.status).toBe('submitted')
  expect(d.pending).toBeUndefined()
  expect(d.content.answers).toEqual({})
  expect(store.getState().start(input)).not.toBe(id)
})

test('reset empties the store for the next test', () => {
  const { store } = make()
  store.getState().start(input)
  store.getState().reset()
  expect(store.getState().drafts).toEqual({})
})

test('drafts read back from the device are parsed with the DraftContent schema; a bad entry costs only itself', () => {
  const good = { bundleId: 'test-shop', templateVersion: 3, region: '430100', applicantKind: 'person', answers: { tobacco: true }, values: { shopName: '湘味小馆' }, materials: {} }
  const saved = {
    version: 1, // written by the app before drafts were parsed
    state: {
      drafts: {
        ok: { id: 'ok', content: good, place: { step: 'form' }, acting: { actor: 'self', promiseAuthorised: true }, files: {}, createdAt: 'a', updatedAt: 'b', status: 'open' },
        // one value of the wrong type and an unknown material mode: the rest is kept
        damaged: { id: 'damaged', content: { ...good, values: { shopName: '小店', area: 42 }, materials: { lease: { mode: 'magic' }, plan: { mode: 'defer' } } }, place: { step: 'nowhere' }, acting: 'me' },
        // no bundle to belong to
        lost: { id: 'lost', content: { answers: {} } },
        junk: 'not a draft',
      },
    },
  }
  const storage = memoryStorage({ [DRAFTS_KEY]: JSON.stringify(saved) })
  const store = createDraftStore({ read: readDrafts, storage })
  const drafts = store.getState().drafts
  expect(Object.keys(drafts).sort()).toEqual(['damaged', 'ok'])
  expect(drafts.ok.content).toEqual(good)
  expect(drafts.ok.place).toEqual({ step: 'form' })
  expect(drafts.damaged.content.values).toEqual({ shopName: '小店' })
  expect(drafts.damaged.content.materials).toEqual({ plan: { mode: 'defer' } })
  expect(drafts.damaged.place).toEqual({ step: 'questions' })
  expect(drafts.damaged.acting).toEqual({ actor: 'self', promiseAuthorised: true })
  // written back in the current version
  store.getState().setValue('ok', 'shopName', '湘味')
  expect(JSON.parse(storage.getItem(DRAFTS_KEY) as string).version).toBe(2)
})

test('what sync keeps with a draft survives being read back: the base of the next merge, the place and its time, confirmations, the account', () => {
  const content = { bundleId: 'test-shop', templateVersion: 3, region: '430100', applicantKind: 'person', answers: { tobacco: true }, values: { shopName: '湘味小馆' }, materials: {} }
  const confirmations = [{ party: 'buyer', name: '李*华', at: '2026-11-26T02:00:00.000Z' }]
  const draft = {
    id: 'synced',
    content,
    place: { step: 'form', questionId: 'area', at: '2026-11-26T02:03:00.000Z' },
    acting: { actor: 'self', promiseAuthorised: true },
    files: {},
    createdAt: '2026-11-26T01:00:00.000Z',
    updatedAt: '2026-11-26T02:03:00.000Z',
    status: 'open',
    remote: { version: 4, syncedAt: '2026-11-26T02:04:00.000Z', base: content, placeAt: '2026-11-26T02:03:00.000Z', confirmations },
    ownerId: 'u-liuyang',
  }
  const damagedBase = { ...draft, id: 'older', remote: { version: 2, syncedAt: '2026-11-26T02:04:00.000Z', base: { answers: 'x' } } }
  const storage = memoryStorage({ [DRAFTS_KEY]: JSON.stringify({ version: 2, state: { drafts: { synced: draft, older: damagedBase } } }) })
  const drafts = createDraftStore({ read: readDrafts, storage }).getState().drafts
  expect(drafts.synced).toEqual(draft)
  // unchanged since the platform last saw it: nothing to push
  expect(isDirty(drafts.synced)).toBe(false)
  // a base that does not parse is left out (then changed-by-time decides), the rest stays
  expect(drafts.older.remote).toEqual({ version: 2, syncedAt: '2026-11-26T02:04:00.000Z' })
  expect(drafts.older.ownerId).toBe('u-liuyang')
})
