// The app's one icon set: 24×24 line drawings (stroke 2, round ends), drawn as SVG images. Icons are
// decoration next to words: they never carry meaning alone. The WeChat tab bar's PNGs are rendered from these
// (scripts/tab-icons.ts).
import { colour as colours, type Colour } from '@/styles/tokens'
import { svgDataUri } from './svg'

const circle = (cx: number, cy: number, r: number) => `M${cx - r} ${cy}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`

/** path data per icon */
export const ICONS = {
  home: ['M3 11l9-8 9 8', 'M5 9.5V20h5v-6h4v6h5V9.5'],
  cases: ['M9 3h6v3H9z', 'M9 4.5H5.5V21h13V4.5H15', 'M9 11h6M9 15h6'],
  messages: ['M4 5h16v11H10l-5 4v-4H4z', 'M8 9h8M8 12h5'],
  me: [circle(12, 8, 4), 'M4 21c0-4 3.6-6.5 8-6.5s8 2.5 8 6.5'],
  search: [circle(11, 11, 7), 'M16.5 16.5L21 21'],
  birth: [circle(12, 13, 7), 'M9.5 12.5h.01M14.5 12.5h.01', 'M10 16c1.2.9 2.8.9 4 0', 'M12 6c0-2 1.5-3 3-2.5'],
  retire: ['M3 19h18', 'M6 19a6 6 0 0 1 12 0', 'M12 6v3M5.3 9.3l1.5 1.5M18.7 9.3l-1.5 1.5'],
  farewell: ['M12 21v-8', 'M12 13c-3 0-5-2-5-5 3 0 5 2 5 5z', 'M12 13c3 0 5-2 5-5-3 0-5 2-5 5z', 'M12 8c-1.5-1.5-1.5-3.5 0-5 1.5 1.5 1.5 3.5 0 5z'],
  veteran: ['M12 3l2.6 5.6 6.1.7-4.5 4.2 1.2 6-5.4-3-5.4 3 1.2-6-4.5-4.2 6.1-.7z'],
  shop: ['M4 9l1.2-5h13.6L20 9', 'M4 9a2.7 2.7 0 0 0 5.3 0 2.7 2.7 0 0 0 5.4 0 2.7 2.7 0 0 0 5.3 0', 'M5 11.5V20h14v-8.5', 'M10 20v-5h4v5'],
  work: ['M3 8h18v12H3z', 'M9 8V5h6v3', 'M3 13h18'],
  property: ['M3 21h18', 'M5 21V8l7-5 7 5v13', 'M9 12h2M13 12h2M9 16h2M13 16h2'],
  insurance: ['M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6z', 'M12 9v6M9 12h6'],
  allowance: ['M12 20s-7-4.3-7-9.5A4 4 0 0 1 12 8a4 4 0 0 1 7 2.5c0 5.2-7 9.5-7 9.5z'],
  more: ['M4 4h6v6H4zM14 4h6v6h-6zM4 14h6v6H4zM14 14h6v6h-6z'],
  licence: ['M3 6h18v12H3z', circle(8.5, 10.5, 2), 'M5.5 15.5c.5-1.3 1.7-2 3-2s2.5.7 3 2', 'M14 10h4M14 13.5h4'],
  draft: ['M4 20h4L19 9l-4-4L4 16z', 'M13 7l4 4'],
  key: [circle(8, 15, 4), 'M11 12l9-9', 'M17 6l2 2M15 8l2 2'],
  eye: ['M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12z', circle(12, 12, 3)],
  textSize: ['M3 18l5-12 5 12', 'M5 14h6', 'M14 18l3.5-8 3.5 8', 'M15.3 15h4.4'],
  lock: ['M5 11h14v10H5z', 'M8 11V7a4 4 0 0 1 8 0v4', 'M12 15v2'],
  help: [circle(12, 12, 9), 'M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .8-1 1.5v.7', 'M12 17h.01'],
  phone: ['M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2z'],
  consult: ['M4 5h16v11H10l-5 4v-4H4z', 'M10 9a2 2 0 1 1 2.8 1.8c-.5.2-.8.6-.8 1.2', 'M12 14h.01'],
  signOut: ['M10 4H5v16h5', 'M15 8l4 4-4 4', 'M19 12H9'],
  firm: ['M3 21h18', 'M5 21V4h10v17', 'M15 9h4v12', 'M8 8h4M8 12h4M8 16h4'],
  chevron: ['M9 6l6 6-6 6'],
  check: ['M5 12l5 5 9-10'],
  alert: ['M12 3l10 18H2z', 'M12 10v4', 'M12 17.5h.01'],
  clock: [circle(12, 12, 9), 'M12 7v5l3 2'],
  speaker: ['M4 9v6h4l5 4V5L8 9z', 'M16 9a4 4 0 0 1 0 6', 'M18.5 6.5a8 8 0 0 1 0 11'],
  family: [circle(8, 8, 3), circle(17, 9, 2.5), 'M2 20c0-3.5 2.7-6 6-6s6 2.5 6 6', 'M14.5 14.4c.8-.3 1.6-.4 2.5-.4 2.8 0 5 2 5 5'],
  copy: ['M8 8h12v12H8z', 'M16 8V4H4v12h4'],
  location: ['M12 21s-7-6.1-7-11a7 7 0 0 1 14 0c0 4.9-7 11-7 11z', circle(12, 10, 2.5)],
} as const

export type IconName = keyof typeof ICONS

export function iconSvg(name: IconName, colour: string, px = 24): string {
  const paths = ICONS[name].map((d) => `<path d="${d}"/>`).join('')
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${px}" height="${px}" viewBox="0 0 24 24" fill="none" stroke="${colour}" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${paths}</svg>`
}

const cache = new Map<string, string>()

/** The icon as a data URI in one of the token colours (made once per name and colour). */
export function iconUri(name: IconName, tone: Colour = 'text'): string {
  const key = `${name}:${tone}`
  let uri = cache.get(key)
  if (!uri) {
    uri = svgDataUri(iconSvg(name, colours[tone]))
    cache.set(key, uri)
  }
  return uri
}
