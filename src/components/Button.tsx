// The one button of the app. Taro's H5 <Button> is a <div>: role, tabIndex and Enter/Space make it a button
// for keyboards and screen readers; on WeChat it stays a native button.
import { Button as TaroButton } from '@tarojs/components'
import type { ReactNode } from 'react'

export interface AppButtonProps {
  children: ReactNode
  onTap?: () => void
  variant?: 'primary' | 'secondary' | 'link' | 'danger' | 'row' | 'tile'
  disabled?: boolean
  /** shows a busy state and ignores taps */
  busy?: boolean
  block?: boolean
  id?: string
  className?: string
  ariaLabel?: string
  /** what Taro's compiler turns an `ariaLabel` JSX prop into at the call site (H5 build): same meaning */
  'aria-label'?: string
  ariaDescribedBy?: string
  ariaExpanded?: boolean
  ariaPressed?: boolean
  ariaControls?: string
  /** WeChat: a button that opens one of WeChat's own flows */
  openType?: 'getPhoneNumber' | 'agreePrivacyAuthorization' | 'share'
  /** WeChat, openType getPhoneNumber: the button's result (a one-time code, or errMsg when refused) */
  onGetPhoneNumber?: (detail: { code?: string; errMsg?: string }) => void
  /** WeChat, openType agreePrivacyAuthorization: the person agreed (WeChat has recorded it) */
  onAgreePrivacyAuthorization?: () => void
}

export function AppButton(props: AppButtonProps) {
  const { children, onTap, variant = 'primary', disabled, busy, block, id, className, ariaLabel, ariaDescribedBy, ariaExpanded, ariaPressed, ariaControls, openType, onGetPhoneNumber, onAgreePrivacyAuthorization } = props
  const label = ariaLabel ?? props['aria-label']
  const inert = disabled || busy
  const activate = () => {
    if (!inert) onTap?.()
  }
  const cls = ['ui-btn', `ui-btn--${variant}`, block ? 'ui-btn--block' : '', inert ? 'ui-btn--inert' : '', className ?? ''].filter(Boolean).join(' ')
  return (
    <TaroButton
      id={id}
      className={cls}
      role='button'
      tabIndex={0}
      hoverClass='none'
      aria-disabled={inert ? true : undefined}
      aria-busy={busy ? true : undefined}
      aria-label={label}
      aria-describedby={ariaDescribedBy}
      aria-expanded={ariaExpanded}
      aria-pressed={ariaPressed}
      aria-controls={ariaControls}
      // an inert button opens nothing (WeChat runs an open-type without asking the app); H5 has no open-types
      openType={inert || process.env.TARO_ENV === 'h5' ? undefined : openType}
      onGetPhoneNumber={onGetPhoneNumber ? (e: { detail: { code?: string; errMsg?: string } }) => onGetPhoneNumber(e.detail) : undefined}
      onAgreePrivacyAuthorization={onAgreePrivacyAuthorization ? () => onAgreePrivacyAuthorization() : undefined}
      onClick={activate}
      onKeyDown={(e: { key?: string; preventDefault?: () => void }) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault?.()
          activate()
        }
      }}
    >
      {children}
    </TaroButton>
  )
}
