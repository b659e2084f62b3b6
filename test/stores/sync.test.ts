jest.mock('@tarojs/taro', () => ({ __esModule: true, default: {} }))
import type { DraftRecord } from '@/services/contract'
import { PlatformError } from '@/services/platform'
import { memoryStorage } from '@/services/storage'
import { createDraftStore, selectOpenDraftsOf } from '@/stores/draft'
import { readDrafts } from '@/stores/draft-read'
import { createSyncStore, isDirty, SYNC_KEY, watchDrafts, type SyncClient } from '@/stores/sync'

const input = { bundleId: 'test-shop', templateVersion: 3, region: '430100', applicantKind: 'person' as const }

function clock() {
  let t = 0
  return () => new Date(Date.UTC(2026, 10, 26, 2, 0, 0, t++)).toISOString()
}

function record(id: string, version: number, values: Record<string, string>, extra: Partial<DraftRecord> = {}): DraftRecord {
  return { id, version, content: { ...input, answers: {}, values, materials: {} }, createdAt: '2026-11-25T00:00:00.000Z', updatedAt: '2026-11-25T01:00:00.000Z', status: 'open', ...extra }
}

/** a platform double that stores what it is sent (no merging: the real one is tested in test/stores/sync-devices.test.ts) */
const accepting = () => jest.fn(async (id: string, content: DraftRecord['content'], base: number, _meta?: Parameters<SyncClient['putDraft']>[3]) => ({ ...record(id, base + 1, {}), content }))

function setup(client: Partial<SyncClient>, signedIn = true) {
  const storage = memoryStorage()
  const now = clock()
  let n = 0
  const drafts = createDraftStore({ read: readDrafts, storage, now, newId: () => `draft-${String(++n).padStart(4, '0')}` })
  const user = { id: signedIn ? 'u-liuyang' : undefined }
  const sync = createSyncStore({ client: client as SyncClient, drafts, storage, signedIn: () => !!user.id, userId: () => user.id, now })
  return { storage, drafts, sync, now, user }
}

test('a change is pushed with the version it was based on; unchanged content is never pushed again', async () => {
  const putDraft = accepting()
  const { drafts, sync } = setup({ putDraft })
  const id = drafts.getState().start(input)
  drafts.getState().setValue(id, 'shopName', '湘味小馆')
  await sync.getState().push(id)
  expect(putDraft.mock.calls[0][2]).toBe(0)
  expect(putDraft.mock.calls[0][3]).toMatchObject({ acting: { actor: 'self' }, place: { step: 'questions' } })
  expect(drafts.getState().drafts[id].remote).toMatchObject({ version: 1, base: { values: { shopName: '湘味小馆' } } })
  expect(isDirty(drafts.getState().drafts[id])).toBe(false)
  await sync.getState().push(id)
  expect(putDraft).toHaveBeenCalledTimes(1)
  // typed and typed back: the same content as the platform's, nothing to send
  drafts.getState().setValue(id, 'shopName', '湘味小馆二店')
  drafts.getState().setValue(id, 'shopName', '湘味小馆')
  await sync.getState().push(id)
  expect(putDraft).toHaveBeenCalledTimes(1)
  drafts.getState().setValue(id, 'shopName', '湘味小馆二店')
  await sync.getState().push(id)
  expect(putDraft.mock.calls[1][2]).toBe(1)
  expect(putDraft.mock.calls[1][3]?.acting).toBeUndefined()
  expect(sync.getState().status[id]).toBe('synced')
})

test('moving to another step is pushed as a place, not an edit: the time of the last edit stays', async () => {
  const putDraft = accepting()
  const { drafts, sync } = setup({ putDraft })
  const id = drafts.getState().start(input)
  drafts.getState().setValue(id, 'shopName', '湘味小馆')
  await sync.getState().push(id)
  const edited = drafts.getState().drafts[id].updatedAt
  drafts.getState().setPlace(id, { step: 'form' })
  expect(drafts.getState().drafts[id].updatedAt).toBe(edited)
  expect(isDirty(drafts.getState().drafts[id])).toBe(true)
  await sync.getState().push(id)
  expect(putDraft.mock.calls[1][3]).toMatchObject({ place: { step: 'form' }, editedAt: edited })
  expect(isDirty(drafts.getState().drafts[id])).toBe(false)
})

test('signed out: nothing leaves the device', async () => {
  const putDraft = jest.fn()
  const { drafts, sync } = setup({ putDraft }, false)
  const id = drafts.getState().start(input)
  await sync.getState().push(id)
  expect(putDraft).not.toHaveBeenCalled()
})

test('the platform merged in another device’s change: the answer’s content becomes this device’s', async () => {
  const putDraft = accepting()
  const { drafts, sync } = setup({ putDraft })
  const id = drafts.getState().start(input)
  drafts.getState().setValue(id, 'shopName', '小馆')
  await sync.getState().push(id)
  drafts.getState().setValue(id, 'staff', '5')
  putDraft.mockImplementationOnce(async (i, content) => ({ ...record(i, 3, {}), content: { ...content, values: { ...content.values, address: '示例路 1 号' } }, editedAt: '2026-11-26T02:00:05.000Z' }))
  await sync.getState().push(id)
  const d = drafts.getState().drafts[id]
  expect(d.content.values).toEqual({ shopName: '小馆', staff: '5', address: '示例路 1 号' })
  expect(d.updatedAt).toBe('2026-11-26T02:00:05.000Z')
  expect(isDirty(d)).toBe(false)
})

test('a refused push (same item changed elsewhere) asks item by item; nothing is pushed until the citizen chooses', async () => {
  const putDraft = accepting()
  const { drafts, sync } = setup({ putDraft })
  const id = drafts.getState().start(input)
  drafts.getState().setValue(id, 'shopName', '小馆')
  drafts.getState().setValue(id, 'seats', '20')
  await sync.getState().push(id)
  const theirs = record(id, 2, { shopName: '另一台设备的小馆', seats: '20', address: '示例路' })
  putDraft.mockRejectedValueOnce(new PlatformError({ kind: 'conflict', status: 409, message: 'x', current: theirs, conflicts: ['values.shopName'] }))
  drafts.getState().setValue(id, 'shopName', '本机的小馆')
  drafts.getState().setValue(id, 'seats', '30')
  await sync.getState().push(id)
  expect(sync.getState().status[id]).toBe('conflict')
  expect(sync.getState().conflicts[id].items.map((c) => [c.key, c.mine, c.theirs])).toEqual([['values.shopName', '本机的小馆', '另一台设备的小馆']])
  // typing more while the question waits: kept, not pushed
  drafts.getState().setValue(id, 'phone', '13800000000')
  await sync.getState().push(id)
  expect(putDraft).toHaveBeenCalledTimes(2)
  await sync.getState().resolve(id, { 'values.shopName': 'mine' })
  expect(putDraft).toHaveBeenCalledTimes(3)
  expect(putDraft.mock.calls[2][2]).toBe(2)
  expect(putDraft.mock.calls[2][1].values).toEqual({ shopName: '本机的小馆', seats: '30', address: '示例路', phone: '13800000000' })
  expect(sync.getState().conflicts[id]).toBeUndefined()
  expect(isDirty(drafts.getState().drafts[id])).toBe(false)
})

test('pull adopts a draft begun on another device (its place, edit time and file names) and takes newer copies of unchanged drafts', async () => {
  const other = record('draft-from-h5', 3, { shopName: '手机上填的' }, { place: { step: 'form', at: '2026-11-25T01:00:00.000Z' }, editedAt: '2026-11-25T00:59:00.000Z' })
  other.content.materials = { licence: { mode: 'upload', fileIds: ['file-1'] } }
  const listDrafts = jest.fn().mockResolvedValue([other, record('draft-done', 2, {}, { status: 'submitted', caseId: 'HN2026112600001' })])
  const getUpload = jest.fn().mockResolvedValue({ fileId: 'file-1', name: '营业执照.pdf', size: 1000, type: 'pdf', bundleId: 'test-shop', materialId: 'licence', uploadedAt: 'x' })
  const { drafts, sync } = setup({ listDrafts, getUpload })
  await sync.getState().pull()
  const d = drafts.getState().drafts['draft-from-h5']
  expect(d).toMatchObject({ content: { values: { shopName: '手机上填的' } }, place: { step: 'form' }, updatedAt: '2026-11-25T00:59:00.000Z', remote: { version: 3 } })
  expect(isDirty(d)).toBe(false)
  expect(drafts.getState().drafts['draft-done']).toBeUndefined()
  await new Promise((r) => setTimeout(r, 0))
  expect(drafts.getState().drafts['draft-from-h5'].files['file-1'].name).toBe('营业执照.pdf')
  // a newer version of an unchanged draft replaces it
  listDrafts.mockResolvedValue([record('draft-from-h5', 4, { shopName: '又改了' })])
  await sync.getState().pull()
  expect(drafts.getState().drafts['draft-from-h5'].content.values.shopName).toBe('又改了')
  // changed here and there, different fields: merged, then pushed
  drafts.getState().setValue('draft-from-h5', 'staff', '4')
  listDrafts.mockResolvedValue([record('draft-from-h5', 5, { shopName: '第三次' })])
  await sync.getState().pull()
  expect(drafts.getState().drafts['draft-from-h5'].content.values).toEqual({ shopName: '第三次', staff: '4' })
  expect(drafts.getState().drafts['draft-from-h5'].remote?.version).toBe(5)
  expect(isDirty(drafts.getState().drafts['draft-from-h5'])).toBe(true)
  // the same field: asked
  drafts.getState().setValue('draft-from-h5', 'shopName', '本机')
  listDrafts.mockResolvedValue([record('draft-from-h5', 6, { shopName: '第四次', staff: '4' })])
  await sync.getState().pull()
  expect(drafts.getState().drafts['draft-from-h5'].content.values.shopName).toBe('本机')
  expect(sync.getState().conflicts['draft-from-h5'].items.map((c) => c.key)).toEqual(['values.shopName'])
})

test('pull marks a draft submitted on another device', async () => {
  const putDraft = accepting()
  const { drafts, sync } = setup({ putDraft, listDrafts: jest.fn().mockResolvedValue([record('draft-0001', 2, {}, { status: 'submitted', caseId: 'HN2026112600009' })]) })
  const id = drafts.getState().start(input)
  await sync.getState().pull()
  expect(drafts.getState().drafts[id]).toMatchObject({ status: 'submitted', caseId: 'HN2026112600009' })
})

const notFound = () => new PlatformError({ kind: 'not-found', status: 404, code: 'NOT_FOUND', message: '草稿不存在或已删除' })

test('a draft deleted on another device goes here too; changed here since, it is kept and created again', async () => {
  const listDrafts = jest.fn().mockResolvedValue([record('draft-a', 1, { x: '1' }), record('draft-b', 1, { y: '1' }, { content: { ...input, bundleId: 'other', answers: {}, values: { y: '1' }, materials: {} } })])
  const putDraft = accepting()
  const getDraft = jest.fn().mockRejectedValue(notFound())
  const { drafts, sync, storage } = setup({ listDrafts, putDraft, getDraft })
  const stop = watchDrafts(sync, drafts, storage, { delayMs: 60_000 })
  await sync.getState().pull()
  drafts.getState().setValue('draft-b', 'y', '2')
  listDrafts.mockResolvedValue([])
  await sync.getState().pull()
  expect(drafts.getState().drafts['draft-a']).toBeUndefined()
  expect(drafts.getState().drafts['draft-b'].content.values.y).toBe('2')
  expect(drafts.getState().drafts['draft-b'].remote).toBeUndefined()
  // not carried back to the platform as a deletion
  expect(sync.getState().tombstones).toEqual([])
  stop()
  await sync.getState().push('draft-b')
  expect(putDraft.mock.calls[0][2]).toBe(0)
  // each was asked for by id before it was taken for deleted
  expect(getDraft.mock.calls.map((c) => c[0]).sort()).toEqual(['draft-a', 'draft-b'])
})

test('a draft missing from the list but still on the platform (another device wrote while the pages were read) is kept and updated', async () => {
  const listDrafts = jest.fn().mockResolvedValue([record('draft-a', 1, { x: '1' })])
  const getDraft = jest.fn()
  const { drafts, sync } = setup({ listDrafts, getDraft })
  await sync.getState().pull()
  listDrafts.mockResolvedValue([])
  getDraft.mockResolvedValue(record('draft-a', 2, { x: '2' }))
  await sync.getState().pull()
  expect(drafts.getState().drafts['draft-a']).toMatchObject({ content: { values: { x: '2' } }, remote: { version: 2 } })
  // the platform cannot be asked (offline): kept until a pull can tell
  getDraft.mockRejectedValue(new PlatformError({ kind: 'offline', message: 'x' }))
  await sync.getState().pull()
  expect(drafts.getState().drafts['draft-a'].remote?.version).toBe(2)
  getDraft.mockRejectedValue(notFound())
  await sync.getState().pull()
  expect(drafts.getState().drafts['draft-a']).toBeUndefined()
})

test('a second draft of a bundle: with nothing typed the platform’s is continued; else the citizen chooses, never two', async () => {
  const theirs = record('draft-platform', 4, { shopName: '平台上的小馆', address: '示例路' }, { place: { step: 'materials', at: '2026-11-25T01:00:00.000Z' } })
  const listDrafts = jest.fn().mockResolvedValue([theirs])
  const putDraft = accepting()
  const { drafts, sync, storage } = setup({ listDrafts, putDraft })
  const id = drafts.getState().start(input)
  await sync.getState().pull()
  expect(Object.keys(drafts.getState().drafts)).toEqual(['draft-platform'])
  expect(sync.getState().replaced).toEqual({ [id]: 'draft-platform' })
  expect(JSON.parse(storage.getItem(SYNC_KEY) as string).replaced).toEqual({ [id]: 'draft-platform' })

  // a second device with answers typed before signing in
  const other = setup({ listDrafts, putDraft })
  const local = other.drafts.getState().start(input)
  other.drafts.getState().setValue(local, 'shopName', '本机的小馆')
  other.drafts.getState().setValue(local, 'staff', '3')
  await other.sync.getState().pull()
  expect(other.sync.getState().duplicates[local].id).toBe('draft-platform')
  expect(Object.keys(other.drafts.getState().drafts)).toEqual([local])
  await other.sync.getState().push(local)
  expect(putDraft).not.toHaveBeenCalled()
  // merging: different items taken from both, the shop name asked
  await other.sync.getState().mergeDuplicate(local)
  expect(Object.keys(other.drafts.getState().drafts)).toEqual(['draft-platform'])
  expect(other.sync.getState().conflicts['draft-platform'].items.map((c) => [c.key, c.mine, c.theirs])).toEqual([['values.shopName', '本机的小馆', '平台上的小馆']])
  await other.sync.getState().resolve('draft-platform', { 'values.shopName': 'theirs' })
  expect(putDraft.mock.calls[0][0]).toBe('draft-platform')
  expect(putDraft.mock.calls[0][2]).toBe(4)
  expect(putDraft.mock.calls[0][1].values).toEqual({ shopName: '平台上的小馆', address: '示例路', staff: '3' })
  expect(other.drafts.getState().drafts['draft-platform'].place.step).toBe('materials')
})

test('creating a draft the platform already holds one of (two offline devices) is an offer too', async () => {
  const theirs = record('draft-platform', 2, { shopName: '平台上的' })
  const putDraft = jest.fn().mockRejectedValueOnce(new PlatformError({ kind: 'conflict', status: 409, message: 'x', current: theirs }))
  const { drafts, sync } = setup({ putDraft })
  const id = drafts.getState().start(input)
  drafts.getState().setValue(id, 'shopName', '本机的')
  await sync.getState().push(id)
  expect(sync.getState().duplicates[id].id).toBe('draft-platform')
  sync.getState().continueTheirs(id)
  expect(drafts.getState().drafts[id]).toBeUndefined()
  expect(drafts.getState().drafts['draft-platform'].content.values.shopName).toBe('平台上的')
})

test('the watcher pushes after quiet, and carries a deletion to the platform (a pull does not bring it back)', async () => {
  const putDraft = accepting()
  const deleteDraft = jest.fn().mockRejectedValueOnce(new PlatformError({ kind: 'offline', message: 'x' })).mockResolvedValue({ ok: true })
  const listDrafts = jest.fn().mockResolvedValue([record('draft-0001', 1, {})])
  const { drafts, sync, storage } = setup({ putDraft, deleteDraft, listDrafts })
  jest.useFakeTimers()
  try {
    const stop = watchDrafts(sync, drafts, storage, { delayMs: 1000 })
    const id = drafts.getState().start(input)
    drafts.getState().setValue(id, 'a', '1')
    drafts.getState().setValue(id, 'a', '12')
    jest.advanceTimersByTime(999)
    expect(putDraft).not.toHaveBeenCalled()
    await jest.advanceTimersByTimeAsync(1)
    expect(putDraft).toHaveBeenCalledTimes(1)
    expect(putDraft.mock.calls[0][1].values.a).toBe('12')
    // the answer settled the draft: no second push
    await jest.advanceTimersByTimeAsync(5000)
    expect(putDraft).toHaveBeenCalledTimes(1)

    drafts.getState().remove(id)
    expect(JSON.parse(storage.getItem(SYNC_KEY) as string).tombstones).toEqual([id])
    await jest.advanceTimersByTimeAsync(1000)
    expect(deleteDraft).toHaveBeenCalledTimes(1) // offline: kept for later
    await sync.getState().pull()
    expect(drafts.getState().drafts[id]).toBeUndefined()
    await sync.getState().flush()
    expect(deleteDraft).toHaveBeenCalledTimes(2)
    expect(sync.getState().tombstones).toEqual([])
    stop()
  } finally {
    jest.useRealTimers()
  }
})

test('a shared device: a draft synced to one account is never pushed, pulled over or deleted for another, nor shown or resumed', async () => {
  const putDraft = accepting()
  const listDrafts = jest.fn().mockResolvedValue([])
  const { drafts, sync, user } = setup({ putDraft, listDrafts })
  const id = drafts.getState().start({ ...input, userId: 'u-liuyang' })
  drafts.getState().setValue(id, 'shopName', '刘洋的店')
  await sync.getState().push(id)
  expect(drafts.getState().drafts[id].ownerId).toBe('u-liuyang')
  // 刘洋 signs out; 陈静 signs in on the same phone
  user.id = 'u-chenjing'
  drafts.getState().setValue(id, 'shopName', '刘洋又改了')
  await sync.getState().flush()
  await sync.getState().pull()
  expect(putDraft).toHaveBeenCalledTimes(1)
  expect(drafts.getState().drafts[id].content.values.shopName).toBe('刘洋又改了')
  expect(selectOpenDraftsOf('u-chenjing')(drafts.getState())).toEqual([])
  expect(selectOpenDraftsOf(undefined)(drafts.getState()).map((d) => d.id)).toEqual([id])
  expect(drafts.getState().start({ ...input, userId: 'u-liuyang' })).toBe(id)
  expect(drafts.getState().start({ ...input, userId: 'u-chenjing' })).not.toBe(id)
})

test('a co-applicant who confirmed since shows at the next pull, and lapses with a new version; nothing is pushed for it', async () => {
  const confirmed = [{ party: 'buyer', name: '李*华', at: '2026-11-26T03:00:00.000Z' }]
  const listDrafts = jest.fn().mockResolvedValue([record('draft-a', 2, { x: '1' })])
  const putDraft = accepting()
  const getDraft = jest.fn().mockResolvedValue(record('draft-a', 2, { x: '1' }, { confirmations: confirmed }))
  const { drafts, sync } = setup({ listDrafts, putDraft, getDraft })
  await sync.getState().pull()
  expect(drafts.getState().drafts['draft-a'].remote?.confirmations).toBeUndefined()
  listDrafts.mockResolvedValue([record('draft-a', 2, { x: '1' }, { confirmations: confirmed })])
  await sync.getState().pull()
  expect(drafts.getState().drafts['draft-a'].remote?.confirmations).toEqual(confirmed)
  // asked for by id (the parties page does, after the co-applicant says they confirmed)
  drafts.getState().setRemote('draft-a', { ...drafts.getState().drafts['draft-a'].remote!, confirmations: undefined })
  expect(await sync.getState().refreshConfirmations('draft-a')).toBe(true)
  expect(drafts.getState().drafts['draft-a'].remote?.confirmations).toEqual(confirmed)
  // the content changed elsewhere: a new version, confirmed by nobody yet
  listDrafts.mockResolvedValue([record('draft-a', 3, { x: '2' })])
  await sync.getState().pull()
  expect(drafts.getState().drafts['draft-a'].remote).toMatchObject({ version: 3 })
  expect(drafts.getState().drafts['draft-a'].remote?.confirmations).toBeUndefined()
  await sync.getState().flush()
  expect(putDraft).not.toHaveBeenCalled()
})

test('a draft begun while acting for someone (a window, a relative) never goes to the actor’s own account, even once acting ended', async () => {
  const putDraft = accepting()
  const listDrafts = jest.fn().mockResolvedValue([])
  const { drafts, sync } = setup({ putDraft, listDrafts })
  const byWindow = drafts.getState().start({ ...input, acting: { actor: 'staff', authorisationId: 'g-window', promiseAuthorised: false } })
  drafts.getState().setValue(byWindow, 'shopName', '德明小馆')
  const byRelative = drafts.getState().start({ ...input, applicantKind: 'person', acting: { actor: 'relative', authorisationId: 'g-family', promiseAuthorised: false } })
  drafts.getState().setValue(byRelative, 'shopName', '德明小馆')
  // acting over, the device's signed-in person catches up: neither draft is theirs
  await sync.getState().flush()
  await sync.getState().pull()
  expect(putDraft).not.toHaveBeenCalled()
  expect(drafts.getState().drafts[byWindow].remote).toBeUndefined()
  // the person's own draft still syncs
  const own = drafts.getState().start(input)
  drafts.getState().setValue(own, 'shopName', '刘洋的店')
  await sync.getState().flush()
  expect(putDraft).toHaveBeenCalledTimes(1)
  expect(putDraft.mock.calls[0][0]).toBe(own)
})
