// A QR code as an SVG data URI, made in the app (no network, no canvas, no eval): uqr computes the module
// matrix; one <path> draws every dark module, so the picture is one <Image> node on both platforms.
import { encode } from 'uqr'
import { svgDataUri } from './svg'

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

export function qrDataUri(text: string): string {
  return svgDataUri(qrSvg(text))
}
