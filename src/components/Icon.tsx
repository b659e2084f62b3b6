import { Image } from '@tarojs/components'
import type { Colour } from '@/styles/tokens'
import { iconUri, type IconName } from './icons'

/** A decorative icon beside words that say the same: hidden from screen readers (empty alt on H5). */
// H5 renders <div><img></div>: the empty alt marks the picture as decoration for axe and screen readers
const decorative = process.env.TARO_ENV === 'h5' ? { imgProps: { alt: '' } } : {}

export function Icon({ name, tone = 'text', size = 'md', className }: { name: IconName; tone?: Colour; size?: 'sm' | 'md' | 'lg'; className?: string }) {
  return <Image className={`ui-icon ui-icon--${size} ${className ?? ''}`} src={iconUri(name, tone)} mode='aspectFit' aria-hidden {...decorative} />
}
