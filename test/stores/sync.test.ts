jest.mock('@tarojs/taro', () => ({ __esModule: true, default: {} }))
import type { DraftRecord } from '@/services/contract'
import { PlatformError } from '@/services/platform'
import { memoryStorage } from '@/services/storage'
import { createDraftStore } from '@/stores/draft'
import { createSyncStore, isDirty, SYNC_KEY, watchDrafts, type SyncClient } from '@/stores/sync'

const input = { bundleId: 'test-shop', templateVersion: 3, region: '430100', applicantKind: 'person' as const }

function clock() {
  let t = 0
  return () => new Date(Date.UTC(2026, 10, 26, 2, 0, 0, t++)).toISOString()
}

function record(id: string, version: number, values: Record<string, string>, extra: Partial<DraftRecord> = {}): DraftRecord {
  return { id, version, content: { ...input, answers: {}, values, materials: {} }, createdAt: '2026-11-25T00:00:00.000Z', updatedAt: '2026-11-25T01:00:00.000Z', status: 'open', ...extra }
}

function setup(client: Partial<SyncClient>, signedIn = true) {
  const storage = memoryStorage()
  const now = clock()
  const drafts = createDraftStore({ storage, now, newId: () => 'draft-0001' })
  const sync = createSyncStore({ client: client as SyncClient, drafts, storage, signedIn: () => signedIn, now })
  return { storage, drafts, sync, now }
}

test('a change is pushed with the version it was based on, and the next push builds on the answer', async () => {
  const putDraft = jest.fn(async (id: string, content: DraftRecord['content'], base: number) => ({ ...record(id, base + 1, content.values) }))
  const { drafts, sync } = setup({ putDraft })
  const id = drafts.getState().start(input)
  drafts.getState().setValue(id, 'shopName', '湘味小馆')
  await sync.getState().push(id)
  expect(putDraft.mock.calls[0][2]).toBe(0)
  expect(drafts.getState().drafts[id].remote?.version).toBe(1)
  expect(isDirty(drafts.getState().drafts[id])).toBe(false)
  await sync.getState().push(id)
  expect(putDraft).toHaveBeenCalledTimes(1) // nothing changed
  drafts.getState().setValue(id, 'shopName', '湘味小馆二店')
  await sync.getState().push(id)
  expect(putDraft.mock.calls[1][2]).toBe(1)
  expect(sync.getState().status[id]).toBe('synced')
})

test('signed out: nothing leaves the device', async () => {
  const putDraft = jest.fn()
  const { drafts, sync } = setup({ putDraft }, false)
  const id = drafts.getState().start(input)
  await sync.getState().push(id)
  expect(putDraft).not.toHaveBeenCalled()
})

test('a stale version is a conflict the citizen settles; keeping mine overwrites knowingly', async () => {
  const theirs = record('draft-0001', 4, { shopName: '另一台设备' }, { updatedAt: '2026-11-26T01:00:00.000Z' })
  const putDraft = jest
    .fn()
    .mockRejectedValueOnce(new PlatformError({ kind: 'conflict', status: 409, message: 'x', current: theirs }))
    .mockImplementationOnce(async (id: string, c: DraftRecord['content'], base: number) => record(id, base + 1, c.values))
  const { drafts, sync } = setup({ putDraft })
  const id = drafts.getState().start(input)
  drafts.getState().setValue(id, 'shopName', '本机')
  await sync.getState().push(id)
  expect(sync.getState().status[id]).toBe('conflict')
  expect(sync.getState().conflicts[id].version).toBe(4)
  // no silent overwrite while the conflict is open
  drafts.getState().setValue(id, 'shopName', '本机改了又改')
  await sync.getState().push(id)
  expect(putDraft).toHaveBeenCalledTimes(1)
  await sync.getState().keepMine(id)
  expect(putDraft.mock.calls[1][2]).toBe(4)
  expect(putDraft.mock.calls[1][1].values.shopName).toBe('本机改了又改')
  expect(drafts.getState().drafts[id].remote?.version).toBe(5)
  expect(sync.getState().conflicts[id]).toBeUndefined()
})

test('taking theirs replaces this device’s content', async () => {
  const theirs = record('draft-0001', 2, { shopName: '另一台设备' })
  const putDraft = jest.fn().mockRejectedValueOnce(new PlatformError({ kind: 'conflict', status: 409, message: 'x', current: theirs }))
  const { drafts, sync } = setup({ putDraft })
  const id = drafts.getState().start(input)
  drafts.getState().setValue(id, 'shopName', '本机')
  await sync.getState().push(id)
  sync.getState().takeTheirs(id)
  const d = drafts.getState().drafts[id]
  expect(d.content.values.shopName).toBe('另一台设备')
  expect(d.remote?.version).toBe(2)
  expect(isDirty(d)).toBe(false)
})

test('pull adopts a draft begun on another device (with file names) and takes newer copies of clean drafts', async () => {
  const other = record('draft-from-h5', 3, { shopName: '手机上填的' })
  other.content.materials = { licence: { mode: 'upload', fileIds: ['file-1'] } }
  const listDrafts = jest.fn().mockResolvedValue([other, record('draft-done', 2, {}, { status: 'submitted', caseId: 'HN2026112600001' })])
  const getUpload = jest.fn().mockResolvedValue({ fileId: 'file-1', name: '营业执照.pdf', size: 1000, type: 'pdf', bundleId: 'test-shop', materialId: 'licence', uploadedAt: 'x' })
  const { drafts, sync } = setup({ listDrafts, getUpload })
  await sync.getState().pull()
  const d = drafts.getState().drafts['draft-from-h5']
  expect(d.content.values.shopName).toBe('手机上填的')
  expect(d.remote?.version).toBe(3)
  expect(isDirty(d)).toBe(false)
  expect(drafts.getState().drafts['draft-done']).toBeUndefined()
  await new Promise((r) => setTimeout(r, 0))
  expect(drafts.getState().drafts['draft-from-h5'].files['file-1'].name).toBe('营业执照.pdf')
  // a newer version of a clean draft replaces it
  listDrafts.mockResolvedValue([record('draft-from-h5', 4, { shopName: '又改了' })])
  await sync.getState().pull()
  expect(drafts.getState().drafts['draft-from-h5'].content.values.shopName).toBe('又改了')
  // a newer version of a draft changed here is a conflict
  drafts.getState().setValue('draft-from-h5', 'shopName', '本机')
  listDrafts.mockResolvedValue([record('draft-from-h5', 5, { shopName: '第三次' })])
  await sync.getState().pull()
  expect(drafts.getState().drafts['draft-from-h5'].content.values.shopName).toBe('本机')
  expect(sync.getState().conflicts['draft-from-h5'].version).toBe(5)
})

test('pull marks a draft submitted on another device', async () => {
  const putDraft = jest.fn(async (id: string, c: DraftRecord['content'], base: number) => record(id, base + 1, c.values))
  const { drafts, sync } = setup({ putDraft, listDrafts: jest.fn().mockResolvedValue([record('draft-0001', 2, {}, { status: 'submitted', caseId: 'HN2026112600009' })]) })
  const id = drafts.getState().start(input)
  await sync.getState().pull()
  expect(drafts.getState().drafts[id]).toMatchObject({ status: 'submitted', caseId: 'HN2026112600009' })
})

test('the watcher pushes after quiet, and carries a deletion to the platform (a pull does not bring it back)', async () => {
  const putDraft = jest.fn(async (id: string, c: DraftRecord['content'], base: number) => record(id, base + 1, c.values))
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
