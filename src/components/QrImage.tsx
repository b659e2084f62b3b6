import { Image } from '@tarojs/components'
import { useMemo } from 'react'
import { qrDataUri } from './qr'

export interface QrCodeProps {
  text: string
  label: string
  sizePx?: number
}

/** The QR code of a short text (a case number), one image node, described for screen readers. */
export function QrImage({ text, label, sizePx = 200 }: QrCodeProps) {
  const src = useMemo(() => qrDataUri(text), [text])
  // H5: Taro's Image is a div round an <img>: the <img> carries the text alternative (WCAG 1.1.1), not the div
  const described = process.env.TARO_ENV === 'h5' ? { imgProps: { alt: label } } : { 'aria-label': label, role: 'img' }
  return <Image className='ui-qr' src={src} mode='aspectFit' style={{ width: `${sizePx}px`, height: `${sizePx}px` }} {...described} />
}
