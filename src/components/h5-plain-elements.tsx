// H5 only (through src/components/h5-elements.ts): View, Text, Button and Image as the plain elements Taro's
// wrappers render, with Taro's classes (its stylesheet styles them by class only).
import type { CSSProperties, ReactNode } from 'react'

/** A div: refs and every prop go straight to it, one fiber per element. */
export const View = 'div'

interface TextProps extends Record<string, unknown> {
  className?: string
  selectable?: boolean
  children?: ReactNode
}

/** A span with Taro's classes (text not selectable unless `selectable`: Taro's H5 style for .taro-text). */
export function Text({ className, selectable, ...rest }: TextProps) {
  const cls = ['taro-text', selectable ? 'taro-text__selectable' : '', className ?? ''].filter(Boolean).join(' ')
  return <span {...rest} className={cls} />
}

/** Taro's and WeChat's props that are no DOM attributes */
const NOT_DOM = new Set(['hoverClass', 'openType', 'formType', 'loading', 'plain', 'size', 'type', 'onGetPhoneNumber', 'onAgreePrivacyAuthorization', 'lazyLoad'])
const domProps = (props: Record<string, unknown>) => Object.fromEntries(Object.entries(props).filter(([k]) => !NOT_DOM.has(k)))

interface ButtonProps extends Record<string, unknown> {
  className?: string
  disabled?: boolean
  onClick?: (e: { stopPropagation(): void }) => void
  children?: ReactNode
}

/**
 * Taro's H5 Button is a div with its classes; its state and timers only serve `hoverClass` (the app sets 'none'),
 * `formType` and `loading`, which the app does not use. WeChat-only props (open-type and its events) stay off
 * the element. Disabled: no click, as Taro's.
 */
export function Button({ className, disabled, onClick, children, ...rest }: ButtonProps) {
  const cls = [className ?? '', 'taro-button-core', disabled ? 'taro-btn-disabled' : '', 'taro-btn-default'].filter(Boolean).join(' ')
  return (
    <div
      {...domProps(rest)}
      className={cls}
      onClick={(e) => {
        if (disabled) e.stopPropagation()
        else onClick?.(e)
      }}
    >
      {children}
    </div>
  )
}

interface ImageProps extends Record<string, unknown> {
  className?: string
  style?: CSSProperties
  src: string
  mode?: string
  /** props of the inner <img> (its alt) */
  imgProps?: Record<string, unknown>
}

/** Taro's H5 Image without its lazy-load observer (unused here): a div round an <img>, with Taro's classes. */
export function Image({ className, src, mode, imgProps, ...rest }: ImageProps) {
  const cls = ['taro-img', mode === 'widthFix' ? 'taro-img__widthfix' : '', className ?? ''].filter(Boolean).join(' ')
  return (
    <div {...domProps(rest)} className={cls}>
      <img className={`taro-img__mode-${(mode ?? 'scaleToFill').toLowerCase()}`} src={src} {...imgProps} />
    </div>
  )
}
