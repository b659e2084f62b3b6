// H5 reads the saved drafts with a reader that loads late (stores/draft-reader.ts). Until it has, nothing may
// overwrite what the device holds, and what the citizen does meanwhile is kept beside the drafts read.
import { memoryStorage } from '@/services/storage'
import { createDraftStore, DRAFTS_KEY, draftsReady, type DraftReader } from '@/stores/draft'
import { readDrafts } from '@/stores/draft-read'

const input = { bundleId: 'test-shop', templateVersion: 3, region: '430100', applicantKind: 'person' as const }

/** a device that holds one draft with a value typed in an earlier visit */
function deviceWithDraft() {
  const storage = memoryStorage()
  const before = createDraftStore({ read: readDrafts, storage, newId: () => 'saved-1' })
  const id = before.getState().start(input)
  before.getState().setValue(id, 'shopName', '湘味小馆')
  return { storage, saved: storage.getItem(DRAFTS_KEY) as string }
}

/** a reader the test hands over when it chooses */
function lateReader() {
  let give: (r: DraftReader) => void = () => undefined
  const loaded = new Promise<DraftReader>((resolve) => (give = resolve))
  let asked = 0
  return {
    loadReader: () => {
      asked++
      return loaded
    },
    give: () => give(readDrafts),
    asked: () => asked,
  }
}

test('no drafts saved: the store is ready at once and the reader is never loaded', () => {
  const reader = lateReader()
  const store = createDraftStore({ storage: memoryStorage(), loadReader: reader.loadReader })
  expect(store.getState().ready).toBe(true)
  expect(reader.asked()).toBe(0)
  const id = store.getState().start(input)
  expect(store.getState().drafts[id]).toBeDefined()
})

test('drafts saved: not ready until read, and the saved drafts come back whole', async () => {
  const { storage } = deviceWithDraft()
  const reader = lateReader()
  const store = createDraftStore({ storage, loadReader: reader.loadReader })
  expect(store.getState().ready).toBe(false)
  expect(store.getState().drafts).toEqual({})
  reader.give()
  await draftsReady(store)
  expect(store.getState().drafts['saved-1'].content.values.shopName).toBe('湘味小馆')
})

test('a draft begun before the saved ones are read neither overwrites them nor is overwritten by them', async () => {
  const { storage, saved } = deviceWithDraft()
  const reader = lateReader()
  const store = createDraftStore({ storage, loadReader: reader.loadReader, newId: () => 'new-1' })
  const id = store.getState().start({ ...input, bundleId: 'other-bundle' })
  store.getState().setValue(id, 'name', '张三')
  // nothing written yet: the device still holds exactly what it held
  expect(storage.getItem(DRAFTS_KEY)).toBe(saved)

  reader.give()
  await draftsReady(store)
  const drafts = store.getState().drafts
  expect(drafts['saved-1'].content.values.shopName).toBe('湘味小馆')
  expect(drafts[id].content.values.name).toBe('张三')
  // and both are written now
  const written = JSON.parse(storage.getItem(DRAFTS_KEY) as string).state.drafts
  expect(Object.keys(written).sort()).toEqual([id, 'saved-1'].sort())
  expect(written[id].content.values.name).toBe('张三')
})

test('an edit after the read is saved with the drafts read', async () => {
  const { storage } = deviceWithDraft()
  const reader = lateReader()
  const store = createDraftStore({ storage, loadReader: reader.loadReader })
  reader.give()
  await draftsReady(store)
  store.getState().setValue('saved-1', 'shopName', '湘味小馆（新店）')
  const again = createDraftStore({ read: readDrafts, storage })
  expect(again.getState().drafts['saved-1'].content.values.shopName).toBe('湘味小馆（新店）')
})

test('a reader that cannot be fetched leaves the saved drafts untouched and says drafts are not being saved', async () => {
  const { storage, saved } = deviceWithDraft()
  const store = createDraftStore({ storage, loadReader: () => Promise.reject(new Error('chunk failed')), newId: () => 'new-1' })
  await draftsReady(store)
  expect(store.getState().saveFailed).toBe(true)
  const id = store.getState().start({ ...input, bundleId: 'other-bundle' })
  store.getState().setValue(id, 'name', '张三')
  expect(storage.getItem(DRAFTS_KEY)).toBe(saved)
})
