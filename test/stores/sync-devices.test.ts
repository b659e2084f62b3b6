// Two devices of one citizen, each with its own storage, draft store and sync, against the real mock platform:
// what one does reaches the other, changes to different items both stay, the same item asks once, uploads
// stay, a second draft of a bundle is offered, a deletion follows.
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: {} }))
import fs from 'node:fs'
import path from 'node:path'
import { memoryStorage } from '@/services/storage'
import { createDraftStore, type DraftStore } from '@/stores/draft'
import { readDrafts } from '@/stores/draft-read'
import { createSyncStore, isDirty, type SyncStore } from '@/stores/sync'
import { CATALOGUE, PDF, start, START, type Running, type TestClient } from '../contract/support/harness'

let r: Running
/** the devices' clocks: a second apart at every reading, behind the platform's pinned clock */
let ticks = 0
const deviceNow = () => new Date(START - 3_600_000 + ++ticks * 1000).toISOString()

interface Device {
  client: TestClient
  drafts: DraftStore
  sync: SyncStore
}

async function device(code = 'dev-citizen-1'): Promise<Device> {
  const client = r.client()
  const { profile } = await client.loginWechat(code)
  const storage = memoryStorage()
  const drafts = createDraftStore({ read: readDrafts, storage, now: deviceNow })
  const sync = createSyncStore({ client, drafts, storage, signedIn: () => true, userId: () => profile.userId, now: deviceNow })
  return { client, drafts, sync }
}

/** the version the catalogue publishes now (a draft names a version that exists) */
const published = (bundleId: string) => (JSON.parse(fs.readFileSync(path.join(CATALOGUE, 'bundles', `${bundleId}.json`), 'utf8')) as { version: number }).version
const restaurant = { bundleId: 'kaiban-canyin', templateVersion: published('kaiban-canyin'), region: '430104', applicantKind: 'person' as const }

beforeEach(async () => {
  r = await start()
})
afterEach(() => r.stop())

/** pushes what changed and then pulls, as the app does when it comes back to the foreground */
const sync = async (d: Device) => {
  await d.sync.getState().flush()
  await d.sync.getState().pull()
  await d.sync.getState().flush()
}

/** a draft begun on the phone with a shop name, seen on the computer */
async function begunOnBoth() {
  const phone = await device()
  const computer = await device()
  const id = phone.drafts.getState().start(restaurant)
  phone.drafts.getState().setValue(id, 'business-name', '小馆')
  await sync(phone)
  await sync(computer)
  return { phone, computer, id }
}

test('a draft begun on one device continues on the other with every answer and the place; different fields changed on both are both kept', async () => {
  const phone = await device()
  const computer = await device()
  const id = phone.drafts.getState().start(restaurant)
  phone.drafts.getState().setAnswer(id, 'has-licence', false)
  phone.drafts.getState().setAnswer(id, 'entity-type', 'individual')
  phone.drafts.getState().setValue(id, 'business-name', '跨端测试小馆')
  phone.drafts.getState().setPlace(id, { step: 'form' })
  await sync(phone)

  await sync(computer)
  const there = computer.drafts.getState().drafts[id]
  expect(there.content).toEqual(phone.drafts.getState().drafts[id].content)
  expect(there.place.step).toBe('form')
  expect(there.updatedAt).toBe(phone.drafts.getState().drafts[id].updatedAt)
  // resuming there sends nothing
  await computer.sync.getState().flush()
  expect((await computer.client.getDraft(id)).version).toBe(1)

  // at the same time: the address on the computer, the staff count on the phone
  computer.drafts.getState().setValue(id, 'premises-address', '长沙市天心区示例路 8 号')
  phone.drafts.getState().setValue(id, 'employee-count', '6')
  await sync(computer)
  await sync(phone)
  await sync(computer)
  for (const d of [phone, computer]) {
    expect(d.drafts.getState().drafts[id].content.values).toEqual({ 'business-name': '跨端测试小馆', 'premises-address': '长沙市天心区示例路 8 号', 'employee-count': '6' })
    expect(d.sync.getState().conflicts).toEqual({})
    expect(isDirty(d.drafts.getState().drafts[id])).toBe(false)
  }
  expect((await phone.client.getDraft(id)).version).toBe(3)
})

test('the same field changed on both devices asks once, on the device that saved second; the choice reaches the other', async () => {
  const { phone, computer, id } = await begunOnBoth()
  phone.drafts.getState().setValue(id, 'business-name', '手机上的小馆')
  computer.drafts.getState().setValue(id, 'business-name', '电脑上的小馆')
  computer.drafts.getState().setValue(id, 'seat-count', '40')
  await sync(phone)
  await sync(computer)
  expect(phone.sync.getState().conflicts).toEqual({})
  const asked = computer.sync.getState().conflicts[id]
  expect(asked.items.map((c) => [c.key, c.mine, c.theirs])).toEqual([['values.business-name', '电脑上的小馆', '手机上的小馆']])
  await computer.sync.getState().resolve(id, { 'values.business-name': 'mine' })
  await sync(phone)
  for (const d of [phone, computer]) {
    expect(d.drafts.getState().drafts[id].content.values).toEqual({ 'business-name': '电脑上的小馆', 'seat-count': '40' })
    expect(d.sync.getState().conflicts).toEqual({})
  }
})

test('files uploaded to the same material on two devices are both kept, with their names, on both', async () => {
  const phone = await device()
  const computer = await device()
  const id = phone.drafts.getState().start(restaurant)
  await sync(phone)
  await sync(computer)
  for (const [d, name] of [
    [phone, '布局图-手机.pdf'],
    [computer, '布局图-电脑.pdf'],
  ] as const) {
    const f = await d.client.uploadFile({ bundleId: 'kaiban-canyin', materialId: 'layout', file: { name, type: 'application/pdf', data: PDF } })
    d.drafts.getState().addFile(id, 'layout', f.fileId, { name: f.name, size: f.size, type: f.type, uploadedAt: f.uploadedAt })
  }
  await sync(phone)
  await sync(computer)
  await sync(phone)
  await new Promise((res) => setTimeout(res, 50))
  for (const d of [phone, computer]) {
    const draft = d.drafts.getState().drafts[id]
    const layout = draft.content.materials.layout
    expect(layout?.mode === 'upload' && layout.fileIds.map((f) => draft.files[f]?.name).sort()).toEqual(['布局图-手机.pdf', '布局图-电脑.pdf'])
  }
})

test('signing in with answers typed for a bundle the platform holds a draft of: offered, then merged into one', async () => {
  const phone = await device()
  const id = phone.drafts.getState().start(restaurant)
  phone.drafts.getState().setValue(id, 'business-name', '手机上的小馆')
  await sync(phone)
  const computer = await device()
  const local = computer.drafts.getState().start(restaurant)
  computer.drafts.getState().setValue(local, 'employee-count', '3')
  await sync(computer)
  expect(computer.sync.getState().duplicates[local].id).toBe(id)
  await computer.sync.getState().mergeDuplicate(local)
  await sync(phone)
  expect((await phone.client.listDrafts()).filter((d) => d.status === 'open').map((d) => d.id)).toEqual([id])
  for (const d of [phone, computer]) expect(d.drafts.getState().drafts[id].content.values).toEqual({ 'business-name': '手机上的小馆', 'employee-count': '3' })
  expect(computer.drafts.getState().drafts[local]).toBeUndefined()
  expect(computer.sync.getState().replaced[local]).toBe(id)
})

test('a draft deleted on one device is gone from the other at its next pull', async () => {
  const { phone, computer, id } = await begunOnBoth()
  await computer.client.deleteDraft(id)
  await sync(phone)
  expect(phone.drafts.getState().drafts[id]).toBeUndefined()
})

test('more drafts than one page of the list: a draft past the first page is adopted, never taken for deleted, and its deletion still follows', async () => {
  const { phone, computer, id } = await begunOnBoth()
  // 110 submitted drafts edited later (written straight into the platform's state) push the open ones to page 2
  const state = r.platform.core.state
  const open = state.drafts.values().find((d) => d.id === id)!
  const later = new Date(START + 60_000).toISOString()
  for (let i = 0; i < 110; i++) {
    const doneId = `done-${String(i).padStart(4, '0')}`
    state.drafts.set(`${open.ownerId}:${doneId}`, { ...open, id: doneId, status: 'submitted', caseId: `HN20261126${String(i).padStart(5, '0')}`, updatedAt: later })
  }
  const shop = computer.drafts.getState().start({ ...restaurant, bundleId: 'bianlidian', templateVersion: published('bianlidian') })
  computer.drafts.getState().setValue(shop, 'shop-name', '第二页的便利店')
  await sync(computer)
  expect((await phone.client.listDrafts()).map((d) => d.id).slice(-2).sort()).toEqual([id, shop].sort())

  await sync(phone)
  expect(phone.drafts.getState().drafts[id].content.values['business-name']).toBe('小馆')
  expect(phone.drafts.getState().drafts[shop].content.values['shop-name']).toBe('第二页的便利店')
  await computer.client.deleteDraft(shop)
  await sync(phone)
  expect(phone.drafts.getState().drafts[shop]).toBeUndefined()
  expect(phone.drafts.getState().drafts[id]).toBeDefined()
})
