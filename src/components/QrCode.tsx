import { Image } from '@tarojs/components'
import { useMemo } from 'react'
import { qrDataUri } from './qr'

/** The QR code of a short text (a case number), one image node, described for screen readers. */
export function QrCode({ text, label, sizePx = 200 }: { text: string; label: string; sizePx?: number }) {
  const src = useMemo(() => qrDataUri(text), [text])
  return <Image className='ui-qr' src={src} mode='aspectFit' style={{ width: `${sizePx}px`, height: `${sizePx}px` }} aria-label={label} role='img' />
}
