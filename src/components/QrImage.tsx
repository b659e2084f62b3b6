import { Image } from '@tarojs/components'
import { useMemo } from 'react'
import { qrDataUri } from './qr'

export interface QrCodeProps {
  text: string
  label: string
  sizePx?: number
}

// H5 renders <div><img></div>: the words go on the <img> itself as its alt (one image, named once)
const described = (label: string) => (process.env.TARO_ENV === 'h5' ? { imgProps: { alt: label } } : { 'aria-label': label, role: 'img' })

/** The QR code of a short text (a case number), one image node, described for screen readers. */
export function QrImage({ text, label, sizePx = 200 }: QrCodeProps) {
  const src = useMemo(() => qrDataUri(text), [text])
  return <Image className='ui-qr' src={src} mode='aspectFit' style={{ width: `${sizePx}px`, height: `${sizePx}px` }} {...described(label)} />
}
