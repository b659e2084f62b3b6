// A QR code as an SVG data URI, made in the app (no network, no canvas, no eval): uqr computes the module
// matrix; one <path> draws every dark module, so the picture is one <Image> node on both platforms.
import { encode } from 'uqr'

export interface QrMatrix {
  size: number
  dark: boolean[][]
}

export function qrMatrix(text: string): QrMatrix {
  // quiet zone of 4 modules, as the standard asks; level M survives a smudged screen
  const qr = encode(text, { ecc: 'M', border: 4 })
  return { size: qr.size, dark: qr.data }
}

/** SVG text: one path of 1×1 squares, runs of dark modules merged per row. */
export function qrSvg(text: string, color = '#000000'): string {
  const { size, dark } = qrMatrix(text)
  let d = ''
  for (let y = 0; y < size; y++) {
    let x = 0
    while (x < size) {
      if (!dark[y][x]) {
        x++
        continue
      }
      let w = 1
      while (x + w < size && dark[y][x + w]) w++
      d += `M${x} ${y}h${w}v1h-${w}z`
      x += w
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges"><rect width="${size}" height="${size}" fill="#ffffff"/><path fill="${color}" d="${d}"/></svg>`
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Base64 of an ASCII string (WeChat has no btoa). */
export function base64Ascii(s: string): string {
  let out = ''
  for (let i = 0; i < s.length; i += 3) {
    const a = s.charCodeAt(i)
    const b = i + 1 < s.length ? s.charCodeAt(i + 1) : NaN
    const c = i + 2 < s.length ? s.charCodeAt(i + 2) : NaN
    const n = (a << 16) | ((b || 0) << 8) | (c || 0)
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (Number.isNaN(b) ? '=' : B64[(n >> 6) & 63]) + (Number.isNaN(c) ? '=' : B64[n & 63])
  }
  return out
}

export function qrDataUri(text: string): string {
  return `data:image/svg+xml;base64,${base64Ascii(qrSvg(text))}`
}
