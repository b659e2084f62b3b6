// What an uploaded file really is. The first bytes name a type (multipart.ts); here the whole structure of
// that type is walked to its end marker, and anything after it — an executable, a ZIP, a script — refuses
// the file: a polyglot is two files in one, and only one of them was checked.
import type { SniffedType } from './multipart'

/** Why the file is not a well-formed file of its type, or undefined when it is. */
export function structureProblem(type: SniffedType, data: Buffer): string | undefined {
  const problem = type === 'pdf' ? pdfProblem(data) : type === 'jpg' ? jpegProblem(data) : type === 'png' ? pngProblem(data) : heicProblem(data)
  if (problem) return problem
  if (hasZipDirectory(data)) return '文件中夹带了压缩包'
  if (type !== 'pdf' && /<(svg|script|html|\?php)\b/i.test(data.toString('latin1'))) return '图片中夹带了网页或脚本内容'
  return undefined
}

const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20])

function pdfProblem(data: Buffer): string | undefined {
  let end = data.length
  while (end > 0 && WHITESPACE.has(data[end - 1])) end--
  const tail = data.subarray(Math.max(0, end - 2048), end).toString('latin1')
  if (!tail.endsWith('%%EOF')) return 'PDF 文件不完整或末尾附带了其他内容（缺少结束标记 %%EOF）'
  const m = /startxref\s+(\d+)\s*%%EOF$/.exec(tail)
  if (!m) return 'PDF 文件结构不完整（缺少交叉引用位置 startxref）'
  const offset = Number(m[1])
  const startxrefAt = end - (tail.length - m.index)
  if (!(offset >= 5 && offset < startxrefAt)) return 'PDF 文件结构不完整（交叉引用位置不正确）'
  let at = offset
  while (at < startxrefAt && WHITESPACE.has(data[at])) at++
  const head = data.subarray(at, Math.min(at + 32, startxrefAt)).toString('latin1')
  if (head.startsWith('xref')) {
    // a classic cross-reference table is followed by its trailer dictionary
    if (data.subarray(at, startxrefAt).indexOf('trailer', 0, 'latin1') < 0) return 'PDF 文件结构不完整（缺少 trailer）'
    return undefined
  }
  // or a cross-reference stream: an indirect object
  if (/^\d+\s+\d+\s+obj\b/.test(head)) return undefined
  return 'PDF 文件结构不完整（交叉引用表缺失）'
}

function jpegProblem(data: Buffer): string | undefined {
  let pos = 0
  // a JPEG, then possibly more whole JPEGs (the previews of a multi-picture file), then nothing
  while (pos < data.length) {
    const end = jpegEnd(data, pos)
    if (end === undefined) return pos === 0 ? 'JPG 文件不完整（缺少结束标记）' : 'JPG 文件末尾附带了其他内容'
    pos = end
    while (pos < data.length && (data[pos] === 0x00 || data[pos] === 0xff) && !(data[pos] === 0xff && data[pos + 1] === 0xd8)) pos++
  }
  return undefined
}

/** The offset just after the EOI marker of the JPEG starting at `start`, or undefined. */
function jpegEnd(data: Buffer, start: number): number | undefined {
  if (data[start] !== 0xff || data[start + 1] !== 0xd8) return undefined
  let pos = start + 2
  while (pos + 1 < data.length) {
    if (data[pos] !== 0xff) return undefined
    let marker = data[pos + 1]
    while (marker === 0xff && pos + 2 < data.length) marker = data[++pos + 1]
    pos += 2
    if (marker === 0xd9) return pos
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue
    if (pos + 2 > data.length) return undefined
    const length = data.readUInt16BE(pos)
    if (length < 2 || pos + length > data.length) return undefined
    pos += length
    if (marker === 0xda) {
      // entropy-coded data runs to the next marker that is neither a stuffed 0xFF00 nor a restart
      while (pos + 1 < data.length && !(data[pos] === 0xff && data[pos + 1] !== 0x00 && !(data[pos + 1] >= 0xd0 && data[pos + 1] <= 0xd7))) pos++
    }
  }
  return undefined
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    t[n] = c >>> 0
  }
  return t
})()

export function crc32(buf: Buffer): number {
  let c = 0xffffffff
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function pngProblem(data: Buffer): string | undefined {
  let pos = 8
  let first = true
  while (pos + 12 <= data.length) {
    const length = data.readUInt32BE(pos)
    const type = data.subarray(pos + 4, pos + 8).toString('latin1')
    if (length > 0x7fffffff || pos + 12 + length > data.length) return 'PNG 文件不完整'
    if (first && (type !== 'IHDR' || length !== 13)) return 'PNG 文件结构不正确（缺少 IHDR）'
    first = false
    if (crc32(data.subarray(pos + 4, pos + 8 + length)) !== data.readUInt32BE(pos + 8 + length)) return `PNG 文件已损坏（${type.replace(/[^A-Za-z]/g, '?')} 校验不符）`
    pos += 12 + length
    if (type === 'IEND') return pos === data.length ? undefined : 'PNG 文件末尾附带了其他内容'
  }
  return 'PNG 文件不完整（缺少结束块 IEND）'
}

function heicProblem(data: Buffer): string | undefined {
  let pos = 0
  const seen = new Set<string>()
  while (pos < data.length) {
    if (pos + 8 > data.length) return 'HEIC 文件末尾附带了其他内容'
    let size = data.readUInt32BE(pos)
    const type = data.subarray(pos + 4, pos + 8).toString('latin1')
    if (size === 1) {
      if (pos + 16 > data.length) return 'HEIC 文件不完整'
      size = Number(data.readBigUInt64BE(pos + 8))
    } else if (size === 0) size = data.length - pos
    if (size < 8 || pos + size > data.length) return 'HEIC 文件不完整'
    if (pos === 0 && type !== 'ftyp') return 'HEIC 文件结构不正确'
    seen.add(type)
    pos += size
  }
  return seen.has('meta') ? undefined : 'HEIC 文件结构不正确（缺少 meta）'
}

/** A ZIP's end-of-directory record whose comment runs exactly to the end: a ZIP reader would open it. */
function hasZipDirectory(data: Buffer): boolean {
  const from = Math.max(0, data.length - 22 - 0xffff)
  for (let at = data.length - 22; at >= from; at--) {
    if (data[at] === 0x50 && data[at + 1] === 0x4b && data[at + 2] === 0x05 && data[at + 3] === 0x06 && at + 22 + data.readUInt16LE(at + 20) === data.length) return true
  }
  return false
}

/** A file name fit to show and to save: no control characters, bidi overrides, zero-width characters or paths. */
export function cleanFileName(name: string | undefined): string {
  const cleaned = (name ?? '')
    .normalize('NFC')
    // NUL and other control characters; zero-width and invisible formatting; bidi embeddings, overrides, isolates
    .replace(/[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g, '')
    .replace(/[\\/:*?"<>|]/g, '_')
    .trim()
    .replace(/^\.+/, '')
  return Array.from(cleaned).slice(0, 120).join('') || 'file'
}
