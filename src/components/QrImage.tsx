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
  // H5: the inner <img> is the host's picture, named once by the host (alt='' keeps it from being read twice)
  const inner = process.env.TARO_ENV === 'h5' ? { imgProps: { alt: '' } } : {}
  return <Image className='ui-qr' src={src} mode='aspectFit' style={{ width: `${sizePx}px`, height: `${sizePx}px` }} aria-label={label} role='img' {...inner} />
}
