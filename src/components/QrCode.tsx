// H5: the QR encoder (uqr, 4 KB gzip) loads when a code is first shown, not with the page; its place is kept
// meanwhile, so nothing moves. QrCode.weapp.tsx: WeChat has it in the package.
import { View } from '@tarojs/components'
import { lazy, Suspense } from 'react'
import type { QrCodeProps } from './QrImage'

const QrImage = lazy(() => import('./QrImage').then((m) => ({ default: m.QrImage })))

export function QrCode(props: QrCodeProps) {
  const size = `${props.sizePx ?? 200}px`
  return (
    <Suspense fallback={<View className='ui-qr' style={{ width: size, height: size }} />}>
      <QrImage {...props} />
    </Suspense>
  )
}
