// A signature drawn with a finger, a stylus or (window PC) a mouse: strokes of points in the box, drawn as
// dots so it needs no canvas API and behaves the same on H5 and WeChat. The strokes are what the platform
// keeps and prints (domain/assist/signature).
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useRef } from 'react'
import { SIGNATURE_LIMITS, signatureProblem, type SignatureStrokes } from '@/domain/assist'
import { AppButton } from './Button'
import { FieldMessages } from './FieldMessages'

type Point = { clientX: number; clientY: number }
type TouchLike = { touches?: ArrayLike<Point>; changedTouches?: ArrayLike<Point>; clientX?: number; clientY?: number; preventDefault?: () => void }

/** a dot every this many px along a stroke, so a fast stroke still reads as a line */
const STEP = 3

export function SignaturePad({ id, label, value, onChange, error }: { id: string; label: string; value?: SignatureStrokes; onChange: (s: SignatureStrokes | undefined) => void; error?: string }) {
  const box = useRef<{ left: number; top: number; width: number; height: number }>()
  const drawing = useRef<SignatureStrokes>()
  const down = useRef(false)

  const measure = () =>
    new Promise<void>((resolve) => {
      Taro.createSelectorQuery()
        .select(`#${id}-box`)
        .boundingClientRect((r) => {
          const rect = (Array.isArray(r) ? r[0] : r) as { left: number; top: number; width: number; height: number } | null
          if (rect) box.current = { left: rect.left, top: rect.top, width: Math.round(rect.width), height: Math.round(rect.height) }
          resolve()
        })
        .exec()
    })

  const clientPoint = (e: TouchLike): Point | undefined => e.touches?.[0] ?? e.changedTouches?.[0] ?? (e.clientX !== undefined ? (e as Point) : undefined)

  const inBox = (p: Point): [number, number] | undefined => {
    const b = box.current
    if (!b) return undefined
    const x = Math.min(b.width, Math.max(0, p.clientX - b.left))
    const y = Math.min(b.height, Math.max(0, p.clientY - b.top))
    return [Math.round(x * 10) / 10, Math.round(y * 10) / 10]
  }

  /** adds a point to the stroke being drawn, with dots in between so a fast stroke still reads as a line */
  const add = (pt: [number, number]) => {
    const s = drawing.current
    if (!s) return
    const points = s.strokes.reduce((n, x) => n + x.length, 0)
    const stroke = s.strokes[s.strokes.length - 1]
    const last = stroke[stroke.length - 1]
    if (last) {
      const d = Math.hypot(pt[0] - last[0], pt[1] - last[1])
      if (d < STEP) return
      for (let i = 1, n = Math.floor(d / STEP); i < n && points + i < SIGNATURE_LIMITS.maxPoints; i++) stroke.push([last[0] + ((pt[0] - last[0]) * i) / n, last[1] + ((pt[1] - last[1]) * i) / n])
    }
    if (points < SIGNATURE_LIMITS.maxPoints) stroke.push(pt)
  }
  const emit = () => {
    const s = drawing.current
    if (s) onChange({ ...s, strokes: s.strokes.map((x) => x.slice()) })
  }

  /** points that came while the box was being measured (where it is on screen changes as the page scrolls) */
  const early = useRef<Point[]>()
  const start = (e: TouchLike) => {
    e.preventDefault?.()
    const first = clientPoint(e)
    if (!first) return
    down.current = true
    early.current = [first]
    void measure().then(() => {
      const b = box.current
      const waiting = early.current ?? []
      early.current = undefined
      if (!b) return
      const before = value && value.width === b.width && value.height === b.height ? value.strokes.map((x) => x.slice()) : []
      if (before.length >= SIGNATURE_LIMITS.maxStrokes) return
      drawing.current = { width: b.width, height: b.height, strokes: [...before, []] }
      for (const p of waiting) {
        const pt = inBox(p)
        if (pt) add(pt)
      }
      emit()
    })
  }
  const move = (e: TouchLike) => {
    if (!down.current) return
    e.preventDefault?.()
    const p = clientPoint(e)
    if (!p) return
    if (early.current) return void early.current.push(p)
    const pt = inBox(p)
    if (pt) {
      add(pt)
      emit()
    }
  }
  const end = () => {
    down.current = false
  }

  const mouse = process.env.TARO_ENV === 'h5' ? { onMouseDown: start, onMouseMove: move, onMouseUp: end, onMouseLeave: end } : {}
  const problem = value ? signatureProblem(value) : undefined
  const errorId = error ? `${id}-error` : undefined
  return (
    <View className='ui-field'>
      <View id={`${id}-label`} className='ui-label'>
        {label}
      </View>
      <FieldMessages help='请申请人用手指（或鼠标）在框内签下姓名' helpId={`${id}-help`} error={error} errorId={errorId} />
      <View
        id={`${id}-box`}
        className='ui-sig'
        role='img'
        aria-describedby={[`${id}-help`, errorId].filter(Boolean).join(' ')}
        aria-label={`${label}：${value && !problem ? '已签名' : '尚未签名'}`}
        catchMove
        onTouchStart={start}
        onTouchMove={move}
        onTouchEnd={end}
        onTouchCancel={end}
        {...mouse}
      >
        {value?.strokes.flatMap((stroke, i) => stroke.map(([x, y], j) => <View key={`${i}-${j}`} className='ui-sig__dot' style={{ left: `${x}px`, top: `${y}px` }} />))}
      </View>
      <AppButton variant='link' onTap={() => onChange(undefined)} ariaLabel='清除签名，重新签'>
        清除重签
      </AppButton>
    </View>
  )
}
