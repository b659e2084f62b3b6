// The design tokens are the one place for colours and sizes: the generated stylesheet matches them, no other
// stylesheet writes a colour or a size itself, every var() names a token, text colours keep 4.5:1 and 长辈版
// keeps the MIIT 适老化 numbers.
import fs from 'node:fs'
import path from 'node:path'
import { colour, fixed, scale, tokensCss, type Colour } from '@/styles/tokens'

const src = path.resolve(__dirname, '..', '..', 'src')

function cssFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name)
    if (e.isDirectory()) return cssFiles(full)
    return e.name.endsWith('.css') ? [full] : []
  })
}

const stylesheets = cssFiles(src).filter((f) => !f.endsWith(path.join('styles', 'tokens.css')))

/** declarations outside the tokens, one per entry: [file, selector, declaration] */
function declarations(): [string, string, string][] {
  const out: [string, string, string][] = []
  for (const file of stylesheets) {
    const text = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '')
    for (const m of text.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
      const selector = m[1].trim()
      for (const d of m[2].split(';').map((x) => x.trim()).filter(Boolean)) out.push([path.relative(src, file), selector, d])
    }
  }
  return out
}

test('src/styles/tokens.css is generated from tokens.ts (npx tsx scripts/tokens-css.ts)', () => {
  expect(fs.readFileSync(path.join(src, 'styles', 'tokens.css'), 'utf8')).toBe(tokensCss())
})

test('stylesheets write no colour or size of their own: only tokens', () => {
  expect(stylesheets.length).toBeGreaterThan(0)
  const offending = declarations().filter(([, selector, d]) => {
    // the visually-hidden pattern is a 1 px box by definition
    if (selector === '.ui-visually-hidden') return false
    return /#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(|\b(?!0px)\d+(\.\d+)?(px|rpx|rem|em)\b/i.test(d.split(':').slice(1).join(':'))
  })
  expect(offending).toEqual([])
})

test('every var() names a token', () => {
  const known = new Set(tokensCss().match(/--[a-z0-9-]+(?=:)/g))
  const unknown = declarations()
    .flatMap(([file, , d]) => [...d.matchAll(/var\((--[a-z0-9-]+)/g)].map((m) => `${file}: ${m[1]}`))
    .filter((x) => !known.has(x.split(': ')[1]))
  expect(unknown).toEqual([])
})

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}
const contrast = (a: Colour, b: Colour) => {
  const [x, y] = [luminance(colour[a]), luminance(colour[b])].sort((p, q) => q - p)
  return (x + 0.05) / (y + 0.05)
}

test.each<[Colour, Colour[]]>([
  ['text', ['bg', 'surface', 'actionBg', 'warningBg', 'errorBg', 'successBg', 'mutedBg']],
  ['muted', ['bg', 'surface', 'actionBg', 'mutedBg']],
  ['action', ['bg', 'surface', 'actionBg']],
  ['error', ['surface', 'errorBg', 'bg']],
  ['errorDark', ['errorBg']],
  ['warningText', ['warningBg', 'surface']],
  ['success', ['surface', 'successBg']],
  ['brand', ['surface', 'bg']],
  ['brandDark', ['surface']],
  ['surface', ['brand', 'action', 'inverse']],
  ['onInverse', ['inverse']],
])('%s text keeps 4.5:1 on its backgrounds', (fg, backgrounds) => {
  const low = backgrounds.map((bg) => [bg, Math.round(contrast(fg, bg) * 100) / 100] as const).filter(([, ratio]) => ratio < 4.5)
  expect(low).toEqual([])
})

test('input and choice borders keep 3:1 against their background (WCAG 1.4.11)', () => {
  expect(contrast('border', 'surface')).toBeGreaterThanOrEqual(3)
  expect(contrast('border', 'bg')).toBeGreaterThanOrEqual(3)
})

test('长辈版: every text ≥ 18 px, the largest ≥ 30 px, targets ≥ 60 px (MIIT 适老化; 2 design units = 1 px at 375)', () => {
  const fonts = Object.entries(scale).filter(([k]) => k.startsWith('font-'))
  expect(fonts.filter(([, [normal, elder]]) => elder < 36 || elder < normal).map(([name]) => name)).toEqual([])
  expect(Math.max(...fonts.map(([, [, e]]) => e))).toBeGreaterThanOrEqual(60)
  expect(scale.target[1]).toBeGreaterThanOrEqual(120)
  expect(scale.target[0]).toBeGreaterThanOrEqual(88)
  expect(Object.keys(fixed)).not.toContain('target')
})
