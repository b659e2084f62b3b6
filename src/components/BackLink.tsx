// The in-page back link, on H5 only: on WeChat the navigation bar already has back (and home when a page is
// alone on the stack), and two back controls on one screen would disagree about where "back" is.
import type { ReactNode } from 'react'
import { AppButton } from './Button'

export function BackLink({ onTap, children = '‹ 返回' }: { onTap: () => void; children?: ReactNode }) {
  if (process.env.TARO_ENV !== 'h5') return null
  return (
    <AppButton variant='link' className='ui-back' onTap={onTap}>
      {children}
    </AppButton>
  )
}
