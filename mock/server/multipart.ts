// A small multipart/form-data parser over a buffered body (uploads are capped at ~20 MB, so buffering is fine).
import { fail } from './http'

export interface Part {
  name: string
  filename?: string
  contentType?: string
  data: Buffer
}

export function boundaryOf(contentType: string | undefined): string {
  const m = contentType ? /^multipart\/form-data\s*;.*?boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType) : null
  if (!m) return fail('UNSUPPORTED_MEDIA_TYPE', '上传文件应使用 multipart/form-data 格式')
  return m[1] ?? m[2]
}

export function parseMultipart(body: Buffer, boundary: string): Part[] {
  const delim = Buffer.from(`--${boundary}`)
  const parts: Part[] = []
  let pos = body.indexOf(delim)
  if (pos < 0) fail('BAD_REQUEST', '上传内容格式不正确（找不到分隔符）')
  while (pos >= 0) {
    let start = pos + delim.length
    // closing delimiter: --boundary--
    if (body[start] === 0x2d && body[start + 1] === 0x2d) break
    if (body[start] === 0x0d && body[start + 1] === 0x0a) start += 2
    const next = body.indexOf(delim, start)
    if (next < 0) fail('BAD_REQUEST', '上传内容不完整，请重新上传')
    // the part ends with CRLF before the next delimiter
    const end = body[next - 2] === 0x0d && body[next - 1] === 0x0a ? next - 2 : next
    const headerEnd = body.indexOf('\r\n\r\n', start)
    if (headerEnd < 0 || headerEnd > end) fail('BAD_REQUEST', '上传内容格式不正确（缺少分段头）')
    const headerText = body.subarray(start, headerEnd).toString('utf8')
    const headers: Record<string, string> = {}
    for (const line of headerText.split('\r\n')) {
      const i = line.indexOf(':')
      if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim()
    }
    const disp = headers['content-disposition'] ?? ''
    const name = /\bname="([^"]*)"/i.exec(disp)?.[1]
    if (name !== undefined) {
      const star = /\bfilename\*=UTF-8''([^;]+)/i.exec(disp)?.[1]
      const plain = /\bfilename="([^"]*)"/i.exec(disp)?.[1]
      let filename: string | undefined
      if (star) {
        try {
          filename = decodeURIComponent(star)
        } catch {
          filename = star
        }
      } else filename = plain
      parts.push({ name, filename, contentType: headers['content-type'], data: body.subarray(headerEnd + 4, end) })
    }
    pos = next
  }
  return parts
}

export type SniffedType = 'pdf' | 'jpg' | 'png' | 'heic'

/** The file's real type, from its first bytes (magic numbers); the name and declared type are not trusted. */
export function sniffType(data: Buffer): SniffedType | undefined {
  if (data.length >= 5 && data.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf'
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'jpg'
  if (data.length >= 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png'
  if (data.length >= 12 && data.subarray(4, 8).toString('latin1') === 'ftyp') {
    const brand = data.subarray(8, 12).toString('latin1')
    if (['heic', 'heix', 'mif1', 'msf1', 'heim', 'heis'].includes(brand)) return 'heic'
  }
  return undefined
}

export const TYPE_LABEL: Record<SniffedType, string> = { pdf: 'PDF', jpg: 'JPG', png: 'PNG', heic: 'HEIC' }
export const TYPE_MIME: Record<SniffedType, string> = { pdf: 'application/pdf', jpg: 'image/jpeg', png: 'image/png', heic: 'image/heic' }

/** ['pdf','jpg','png'] → 'PDF、JPG 或 PNG' */
export function typeList(types: SniffedType[]): string {
  const labels = types.map((t) => TYPE_LABEL[t])
  if (labels.length <= 1) return labels.join('')
  return `${labels.slice(0, -1).join('、')} 或 ${labels[labels.length - 1]}`
}
