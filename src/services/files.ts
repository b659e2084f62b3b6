// Picking files for a material: WeChat's chooseMedia / chooseMessageFile, or on H5 a hidden <input type=file>
// made for the occasion. Checking type and size is the caller's (stores/uploads.ts), at pick time.
import Taro from '@tarojs/taro'
import type { FileType } from '../domain/template/types'

export interface PickedFile {
  name: string
  size: number
  /** MIME type when the platform tells it */
  mime?: string
  /** WeChat temp path */
  path?: string
  /** H5 file */
  data?: Blob
}

export interface PickOptions {
  accept: FileType[]
  /** how many more files may be added */
  count: number
}

export type FilePicker = (options: PickOptions) => Promise<PickedFile[]>

const EXTENSIONS: Record<FileType, string[]> = { pdf: ['pdf'], jpg: ['jpg', 'jpeg'], png: ['png'], heic: ['heic', 'heif'] }
const MIME: Record<FileType, string[]> = { pdf: ['application/pdf'], jpg: ['image/jpeg'], png: ['image/png'], heic: ['image/heic', 'image/heif'] }

/** The H5 picker: an <input type=file> created for one pick and removed after. */
export function pickFilesH5(options: PickOptions, doc: Document = document): Promise<PickedFile[]> {
  return new Promise((resolve) => {
    const input = doc.createElement('input')
    input.type = 'file'
    input.accept = options.accept.flatMap((t) => [...EXTENSIONS[t].map((e) => `.${e}`), ...MIME[t]]).join(',')
    input.multiple = options.count > 1
    input.setAttribute('aria-hidden', 'true')
    input.tabIndex = -1
    input.style.cssText = 'position:fixed;left:-1000px;top:0;width:1px;height:1px;opacity:0'
    let done = false
    const finish = (files: PickedFile[]) => {
      if (done) return
      done = true
      input.remove()
      resolve(files)
    }
    input.addEventListener('change', () => {
      finish(Array.from(input.files ?? []).map((f) => ({ name: f.name, size: f.size, mime: f.type || undefined, data: f })))
    })
    input.addEventListener('cancel', () => finish([]))
    doc.body.appendChild(input)
    input.click()
  })
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path
}

/** WeChat: photos through chooseMedia when only images are accepted, else files from a chat. */
export async function pickFilesWeapp(options: PickOptions): Promise<PickedFile[]> {
  const imagesOnly = options.accept.every((t) => t !== 'pdf')
  try {
    if (imagesOnly) {
      const res = await Taro.chooseMedia({ count: options.count, mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['original'] })
      return res.tempFiles.map((f) => ({ name: baseName(f.tempFilePath), size: f.size, path: f.tempFilePath }))
    }
    const res = await Taro.chooseMessageFile({ count: options.count, type: 'file', extension: options.accept.flatMap((t) => EXTENSIONS[t]) })
    return res.tempFiles.map((f) => ({ name: f.name, size: f.size, path: f.path }))
  } catch {
    // cancelled
    return []
  }
}

export const pickFiles: FilePicker = (options) => (process.env.TARO_ENV === 'h5' ? pickFilesH5(options) : pickFilesWeapp(options))
