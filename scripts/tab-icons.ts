// Renders the WeChat tab bar's icons (PNG, 81×81 as WeChat recommends; it takes no SVG) from the app's icon set
// in Chromium: src/assets/tab/<icon>.png in the muted colour and <icon>-active.png in the brand colour.
//   npx tsx scripts/tab-icons.ts
import path from 'node:path'
import { iconSvg, type IconName } from '../src/components/icons'
import { colour } from '../src/styles/tokens'
import { launchBrowser } from '../test/e2e/support/browser'

export const TAB_ICONS: IconName[] = ['home', 'cases', 'messages', 'me']
const SIZE = 81

async function main() {
  const browser = await launchBrowser()
  try {
    const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 })
    for (const name of TAB_ICONS) {
      for (const [suffix, tone] of [['', colour.muted], ['-active', colour.brand]] as const) {
        await page.setContent(`<html><body style="margin:0;background:transparent">${iconSvg(name, tone, SIZE)}</body></html>`)
        const file = path.resolve(__dirname, '..', 'src', 'assets', 'tab', `${name}${suffix}.png`)
        await page.locator('svg').screenshot({ path: file, omitBackground: true })
        console.log(`wrote ${path.relative(process.cwd(), file)}`)
      }
    }
  } finally {
    await browser.close()
  }
}

if (require.main === module) void main()
