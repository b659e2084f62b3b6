jest.mock('@tarojs/taro', () => ({ __esModule: true, default: {} }))
import type { PickedFile } from '@/services/files'
import { PlatformError } from '@/services/platform'
import { memoryStorage } from '@/services/storage'
import { createProgressRegistry } from '@/services/upload-transport'
import { createDraftStore } from '@/stores/draft'
import { readDrafts } from '@/stores/draft-read'
import { checkPickedFile, createUploadStore, type UploadClient } from '@/stores/uploads'
import { template } from '../components/fixtures'

const lease = template.materials.find((m) => m.id === 'lease')!
const pdf = (name = '合同.pdf', size = 2048): PickedFile => ({ name, size, mime: 'application/pdf', data: new Blob(['%PDF']) })

function setup(uploadFile: UploadClient['uploadFile'], files: PickedFile[]) {
  const drafts = createDraftStore({ read: readDrafts, storage: memoryStorage() })
  const id = drafts.getState().start({ bundleId: 'test-shop', templateVersion: 3, region: '430100', applicantKind: 'person' })
  const progress = createProgressRegistry()
  let k = 0
  const uploads = createUploadStore({ client: { uploadFile }, drafts, picker: async () => files, progress, newKey: () => `k${++k}` })
  return { drafts, id, uploads, progress }
}

test('type and size are checked when the file is picked, with the reason in Chinese', () => {
  expect(checkPickedFile({ name: '合同.docx', size: 10 }, lease.upload!)).toBe('“合同.docx”的格式不符合要求，只能上传 PDF、JPG 格式的文件')
  expect(checkPickedFile({ name: '合同.pdf', size: 11 * 1024 * 1024 }, lease.upload!)).toContain('超过 10 MB 的上限')
  expect(checkPickedFile({ name: 'scan.JPEG', size: 100 }, lease.upload!)).toBeUndefined()
  expect(checkPickedFile({ name: 'empty.pdf', size: 0 }, lease.upload!)).toContain('空文件')
})

test('a refused file is never sent; an accepted one is uploaded with progress and attached to the draft', async () => {
  let seenProgress: number[] = []
  const { drafts, id, uploads, progress } = setup(
    jest.fn(async (input) => {
      progress.emit(input.idempotencyKey!, 40)
      seenProgress = Object.values(uploads.getState().items).map((i) => i.progress)
      return { fileId: 'f1', name: input.file.name, size: 2048, type: 'pdf' as const, bundleId: 'test-shop', materialId: 'lease', uploadedAt: 'now' }
    }),
    [pdf(), { name: '照片.gif', size: 10, mime: 'image/gif' }],
  )
  await uploads.getState().pick(id, 'test-shop', lease, 0)
  expect(seenProgress).toEqual([40])
  expect(uploads.getState().refusals[`${id}/lease`]).toEqual(['“照片.gif”的格式不符合要求，只能上传 PDF、JPG 格式的文件'])
  expect(drafts.getState().drafts[id].content.materials.lease).toEqual({ mode: 'upload', fileIds: ['f1'] })
  expect(drafts.getState().drafts[id].files.f1.name).toBe('合同.pdf')
  expect(uploads.getState().items).toEqual({})
})

test("the server's refusal stays at the file; a network failure can be retried with the same key", async () => {
  const calls: string[] = []
  let fail: PlatformError | undefined = new PlatformError({ kind: 'offline', message: '网络连接不可用，请检查网络后重试' })
  const { drafts, id, uploads } = setup(
    jest.fn(async (input) => {
      calls.push(input.idempotencyKey!)
      if (fail) throw fail
      return { fileId: 'f9', name: input.file.name, size: 2048, type: 'pdf' as const, bundleId: 'test-shop', materialId: 'lease', uploadedAt: 'now' }
    }),
    [pdf()],
  )
  await uploads.getState().pick(id, 'test-shop', lease, 0)
  expect(uploads.getState().items.k1).toMatchObject({ status: 'failed', retryable: true, error: '网络连接不可用，请检查网络后重试' })
  fail = undefined
  await uploads.getState().retry('k1')
  expect(calls).toEqual(['k1', 'k1'])
  expect(drafts.getState().drafts[id].content.materials.lease).toEqual({ mode: 'upload', fileIds: ['f9'] })

  fail = new PlatformError({ kind: 'bad-request', message: '文件内容与扩展名不符' })
  await uploads.getState().pick(id, 'test-shop', lease, 1)
  expect(uploads.getState().items.k2).toMatchObject({ status: 'failed', retryable: false, error: '文件内容与扩展名不符' })
  uploads.getState().dismiss('k2')
  expect(uploads.getState().items).toEqual({})
})

test('no more files than the material allows', async () => {
  const { id, uploads } = setup(jest.fn(), [pdf()])
  await uploads.getState().pick(id, 'test-shop', lease, 3)
  expect(uploads.getState().refusals[`${id}/lease`]).toEqual(['租赁合同最多上传 3 个文件，请先删除不需要的文件'])
})
