// The design tokens: every colour, type size, space, radius and target size of the app, in one place.
// Sizes are in the 750-wide design unit (Taro converts them: 32 ≈ 16 CSS px on a 375-wide phone).
// `npx tsx scripts/tokens-css.ts` writes src/styles/tokens.css from this file (a test keeps them equal);
// stylesheets use only var(--…); TypeScript reads colours from here (icons are drawn as SVG images).

/** Colours. Text colours meet 4.5:1 on `bg`, `surface` and their tinted backgrounds (test/components/tokens.test.ts). */
export const colour = {
  bg: '#f5f6f8',
  surface: '#ffffff',
  text: '#1f2329',
  muted: '#51565d',
  /** Hunan red: primary buttons, the active tab */
  brand: '#c8102e',
  brandDark: '#8c0c22',
  /** links, secondary buttons, selected choices */
  action: '#0b4fb8',
  focus: '#0b57d0',
  error: '#b3261e',
  errorDark: '#8c1d18',
  warningText: '#7a4b00',
  warning: '#a15c00',
  success: '#146c2e',
  /** borders of inputs and choices (3:1 against white, WCAG 1.4.11) */
  border: '#5f6368',
  borderLight: '#c4c7cc',
  divider: '#e3e5e8',
  actionBg: '#eef3fd',
  warningBg: '#fff6e5',
  errorBg: '#fdeceb',
  successBg: '#eaf6ed',
  mutedBg: '#eef0f3',
  inverse: '#1f2329',
  onInverse: '#ffffff',
  overlay: 'rgba(0, 0, 0, 0.45)',
} as const

export type Colour = keyof typeof colour

/** Sizes that change with 长辈版: normal and elder (MIIT 适老化: text ≥ 18 px, largest ≥ 30 px, targets ≥ 60 px). */
export const scale = {
  /** badges, tags */
  'font-xs': [24, 36],
  /** captions, help, secondary facts */
  'font-sm': [28, 36],
  'font-body': [32, 40],
  'font-value': [34, 40],
  'font-h3': [32, 40],
  'font-h2': [36, 46],
  'font-h1': [44, 60],
  'font-display': [52, 60],
  /** a tab bar or icon-grid label under its icon */
  'font-tab': [24, 36],
  /** the smallest tap target (44 px / 60 px) */
  target: [88, 120],
  'target-lg': [104, 140],
  'icon-sm': [40, 52],
  icon: [48, 64],
  'icon-lg': [64, 88],
  'tabbar-height': [110, 140],
} as const satisfies Record<string, readonly [number, number]>

/** Sizes that stay the same in both modes. */
export const fixed = {
  'space-half': 2,
  'space-1': 4,
  'space-2': 8,
  'space-3': 12,
  'space-4': 16,
  'space-5': 20,
  'space-6': 24,
  'space-8': 32,
  'space-10': 40,
  'space-16': 64,
  'space-page-end': 160,
  'radius-sm': 6,
  'radius-md': 8,
  'radius-lg': 12,
  'radius-xl': 16,
  'radius-sheet': 24,
  'radius-pill': 999,
  'border-hair': 1,
  'border-thin': 2,
  border: 3,
  'border-thick': 6,
  'border-bar': 8,
  'page-max': 1200,
  /** the window's console on a desktop */
  'page-max-wide': 1400,
  /** the signature pad's height */
  'pad-height': 360,
  tracking: 1,
  'tracking-wide': 2,
} as const

export const lineHeight = { body: 1.5, heading: 1.35, tight: 1.3 } as const

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)

/** The stylesheet for the tokens: custom properties on the page, larger ones under `.elder`. */
export function tokensCss(): string {
  const normal = [
    ...Object.entries(colour).map(([k, v]) => `--c-${kebab(k)}: ${v};`),
    ...Object.entries(scale).map(([k, [n]]) => `--${k}: ${n}px;`),
    ...Object.entries(fixed).map(([k, v]) => `--${k}: ${v}px;`),
    ...Object.entries(lineHeight).map(([k, v]) => `--lh-${k}: ${v};`),
  ]
  const elder = Object.entries(scale).map(([k, [, e]]) => `--${k}: ${e}px;`)
  return [
    '/* Generated from src/styles/tokens.ts by scripts/tokens-css.ts: edit the tokens there. */',
    `page, body {\n  ${normal.join('\n  ')}\n}`,
    `.elder {\n  ${elder.join('\n  ')}\n}`,
    '',
  ].join('\n')
}
