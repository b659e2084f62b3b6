// A signature drawn at the window: strokes of points in a box. The same strokes are drawn on the pad, kept by
// the platform and printed on the notices (as an SVG path), so nothing depends on a canvas export API.

export interface SignatureStrokes {
  width: number
  height: number
  strokes: [number, number][][]
}

export const SIGNATURE_LIMITS = { maxStrokes: 200, maxPoints: 5000 }

function inkLength(s: SignatureStrokes): number {
  let total = 0
  for (const stroke of s.strokes) for (let i = 1; i < stroke.length; i++) total += Math.hypot(stroke[i][0] - stroke[i - 1][0], stroke[i][1] - stroke[i - 1][1])
  return total
}

/** Why this is not a signature yet; undefined when it will do. */
export function signatureProblem(s: SignatureStrokes | undefined): string | undefined {
  if (!s || !s.strokes.some((x) => x.length >= 2)) return '请申请人在框内签名'
  const points = s.strokes.reduce((n, x) => n + x.length, 0)
  if (s.strokes.length > SIGNATURE_LIMITS.maxStrokes || points > SIGNATURE_LIMITS.maxPoints) return '签名笔画过多，请清除后重新签名'
  // a dot or a short tick is no signature: at least half the box's width of ink
  if (inkLength(s) < s.width / 2) return '签名太短，请申请人签下完整的姓名'
  return undefined
}

/** The strokes as one SVG path ("M x y L x y …"), rounded to whole units. */
export function signaturePath(s: SignatureStrokes): string {
  return s.strokes
    .filter((x) => x.length)
    .map((x) => x.map(([px, py], i) => `${i ? 'L' : 'M'}${Math.round(px)} ${Math.round(py)}`).join(' '))
    .join(' ')
}
