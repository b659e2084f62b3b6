// The build's brotli copies (config/precompress.ts): a real webpack build writes `<file>.br` beside each script
// large enough to compress, and the copy is exactly the file.
import fs from 'node:fs'
import path from 'node:path'
import { brotliDecompressSync } from 'node:zlib'
import webpack from 'webpack'
import { PrecompressPlugin } from '../../config/precompress'
import { tmpDir } from '../contract/support/harness'

function build(dir: string): Promise<webpack.Stats> {
  return new Promise((resolve, reject) => {
    webpack(
      {
        mode: 'production',
        context: dir,
        entry: { main: './main.js', tiny: './tiny.js' },
        output: { path: path.join(dir, 'dist'), filename: '[name].js' },
        optimization: { minimize: false },
        plugins: [new PrecompressPlugin()],
      },
      (err, stats) => (err || !stats ? reject(err) : stats.hasErrors() ? reject(new Error(stats.toString())) : resolve(stats)),
    )
  })
}

test('each script of 1 KB or more gets a brotli copy that decompresses to it; a smaller one gets none', async () => {
  const dir = tmpDir('yjs-precompress-')
  fs.writeFileSync(path.join(dir, 'main.js'), `console.log(${JSON.stringify('一件事一次办：一次告知、一次表单、一次办好。'.repeat(100))})\n`)
  fs.writeFileSync(path.join(dir, 'tiny.js'), 'console.log(1)\n')
  await build(dir)
  const out = path.join(dir, 'dist')
  const main = fs.readFileSync(path.join(out, 'main.js'))
  const copy = fs.readFileSync(path.join(out, 'main.js.br'))
  expect(brotliDecompressSync(copy).equals(main)).toBe(true)
  expect(copy.length).toBeLessThan(main.length / 5)
  expect(fs.existsSync(path.join(out, 'tiny.js'))).toBe(true)
  expect(fs.existsSync(path.join(out, 'tiny.js.br'))).toBe(false)
}, 60_000)
