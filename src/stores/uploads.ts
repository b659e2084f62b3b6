// Files on their way to the platform, per material: checked for type, size and count when picked, then
// uploaded with progress; the platform's verdict (accepted, or refused with a reason) is kept at the file.
// In memory only: a file that was not uploaded cannot survive a restart (the draft keeps uploaded ones).
import { create } from 'zustand'
import type { FileType, Material } from '@/domain'
import type { UploadedFile, UploadFileType } from '@/services/contract'
import type { PickedFile, FilePicker } from '@/services/files'
import { isPlatformError, newIdempotencyKey, type PlatformClient } from '@/services/platform'
import type { ProgressRegistry } from '@/services/upload-transport'
import type { DraftStore } from './draft'

export type UploadClient = Pick<PlatformClient, 'uploadFile'>

export interface UploadItem {
  key: string
  draftId: string
  materialId: string
  name: string
  size: number
  type: UploadFileType
  status: 'uploading' | 'failed'
  /** 0–100 */
  progress: number
  error?: string
  /** offline, time-out or server trouble: trying again may work */
  retryable?: boolean
}

export interface UploadState {
  items: Record<string, UploadItem>
  /** pick-time refusals by `${draftId}/${materialId}` */
  refusals: Record<string, string[]>
  /**
   * opens the picker for a material and uploads what passes the checks; `slotId` is the material's key in the
   * draft (`${materialId}~${itemKey}` for one item of a repeatable group)
   */
  pick(draftId: string, bundleId: string, material: Material, alreadyAttached: number, slotId?: string): Promise<void>
  retry(key: string): Promise<void>
  dismiss(key: string): void
  reset(): void
}

const TYPE_NAMES: Record<FileType, string> = { pdf: 'PDF', jpg: 'JPG', png: 'PNG', heic: 'HEIC' }

export function fileTypeOf(file: Pick<PickedFile, 'name' | 'mime'>): UploadFileType | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase()
  const byExt: Record<string, UploadFileType> = { pdf: 'pdf', jpg: 'jpg', jpeg: 'jpg', png: 'png', heic: 'heic', heif: 'heic' }
  if (ext && byExt[ext]) return byExt[ext]
  const byMime: Record<string, UploadFileType> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png', 'image/heic': 'heic', 'image/heif': 'heic' }
  return file.mime ? byMime[file.mime] : undefined
}

export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** Why a picked file cannot be used for this material, in Chinese; undefined when it can. */
export function checkPickedFile(file: Pick<PickedFile, 'name' | 'size' | 'mime'>, rule: NonNullable<Material['upload']>): string | undefined {
  const type = fileTypeOf(file)
  if (!type || !rule.accept.includes(type)) return `“${file.name}”的格式不符合要求，只能上传 ${rule.accept.map((t) => TYPE_NAMES[t]).join('、')} 格式的文件`
  if (file.size <= 0) return `“${file.name}”是空文件，请重新选择`
  if (file.size > rule.maxSizeMB * 1024 * 1024) return `“${file.name}”有 ${formatSize(file.size)}，超过 ${rule.maxSizeMB} MB 的上限，请压缩后重新选择`
  return undefined
}

export interface UploadStoreDeps {
  client: UploadClient
  drafts: DraftStore
  picker: FilePicker
  progress?: ProgressRegistry
  now?: () => string
  newKey?: () => string
}

export function createUploadStore(deps: UploadStoreDeps) {
  const now = deps.now ?? (() => new Date().toISOString())
  const newKey = deps.newKey ?? newIdempotencyKey
  /** the picked files, kept for a retry */
  const picked = new Map<string, { file: PickedFile; bundleId: string }>()

  return create<UploadState>()((set, get) => {
    const patch = (key: string, change: Partial<UploadItem>) =>
      set((s) => (s.items[key] ? { items: { ...s.items, [key]: { ...s.items[key], ...change } } } : s))

    async function send(key: string): Promise<void> {
      const item = get().items[key]
      const source = picked.get(key)
      if (!item || !source) return
      patch(key, { status: 'uploading', progress: 0, error: undefined, retryable: undefined })
      const stop = deps.progress?.listen(key, (p) => patch(key, { progress: p }))
      try {
        const res: UploadedFile = await deps.client.uploadFile({
          bundleId: source.bundleId,
          // the platform knows the material; the item it is for is the draft's business
          materialId: item.materialId.split('~')[0],
          idempotencyKey: key,
          file: { name: source.file.name, type: source.file.mime, data: source.file.data, path: source.file.path },
        })
        deps.drafts.getState().addFile(item.draftId, item.materialId, res.fileId, { name: res.name, size: res.size, type: res.type, uploadedAt: res.uploadedAt ?? now() })
        picked.delete(key)
        set((s) => {
          const items = { ...s.items }
          delete items[key]
          return { items }
        })
      } catch (e) {
        const kind = isPlatformError(e) ? e.kind : 'server'
        const retryable = kind === 'offline' || kind === 'timeout' || kind === 'server'
        patch(key, { status: 'failed', error: isPlatformError(e) ? e.message : '上传失败，请重试', retryable })
      } finally {
        stop?.()
      }
    }

    return {
      items: {},
      refusals: {},
      async pick(draftId, bundleId, material, alreadyAttached, slotId = material.id) {
        const rule = material.upload
        if (!rule) return
        const slot = `${draftId}/${slotId}`
        const inFlight = Object.values(get().items).filter((i) => i.draftId === draftId && i.materialId === slotId).length
        const room = rule.maxCount - alreadyAttached - inFlight
        if (room <= 0) {
          set((s) => ({ refusals: { ...s.refusals, [slot]: [`${material.name}最多上传 ${rule.maxCount} 个文件，请先删除不需要的文件`] } }))
          return
        }
        const files = await deps.picker({ accept: rule.accept, count: room })
        if (!files.length) return
        const refusals: string[] = []
        const accepted: PickedFile[] = []
        for (const f of files) {
          const why = checkPickedFile(f, rule)
          if (why) refusals.push(why)
          else if (accepted.length >= room) refusals.push(`“${f.name}”未添加：${material.name}最多上传 ${rule.maxCount} 个文件`)
          else accepted.push(f)
        }
        set((s) => ({ refusals: { ...s.refusals, [slot]: refusals } }))
        await Promise.all(
          accepted.map((f) => {
            const key = newKey()
            picked.set(key, { file: f, bundleId })
            set((s) => ({
              items: { ...s.items, [key]: { key, draftId, materialId: slotId, name: f.name, size: f.size, type: fileTypeOf(f) as UploadFileType, status: 'uploading', progress: 0 } },
            }))
            return send(key)
          }),
        )
      },
      retry: (key) => send(key),
      dismiss(key) {
        picked.delete(key)
        set((s) => {
          const items = { ...s.items }
          delete items[key]
          return { items }
        })
      },
      reset() {
        picked.clear()
        set({ items: {}, refusals: {} })
      },
    }
  })
}

export type UploadStore = ReturnType<typeof createUploadStore>

export const selectUploadsFor = (draftId: string, materialId: string) => (s: UploadState) =>
  Object.values(s.items).filter((i) => i.draftId === draftId && i.materialId === materialId)
