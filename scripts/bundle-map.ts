// What a built H5 chunk is made of: bytes of minified code per source file, from the source map of a build made
// with H5_SOURCE_MAP=1 (e.g. `H5_SOURCE_MAP=1 TARO_OUTPUT_ROOT=/tmp/h5map npm run build:h5`).
//   npx tsx scripts/bundle-map.ts /tmp/h5map/js/app.*.js [--top 40]
// Gzip bytes are the chunk's gzip size shared out by raw bytes (an estimate: gzip does not split by file).
import fs from 'node:fs'
import zlib from 'node:zlib'
import { SourceMapConsumer } from 'source-map-js'

function attribute(file: string): Map<string, number> {
  const code = fs.readFileSync(file, 'utf8')
  const map = new SourceMapConsumer(JSON.parse(fs.readFileSync(`${file}.map`, 'utf8')))
  const lines = code.split('\n')
  const bytes = new Map<string, number>()
  let last: { line: number; column: number; source: string } | undefined
  const add = (source: string, n: number) => bytes.set(source, (bytes.get(source) ?? 0) + n)
  map.eachMapping((m) => {
    if (last) {
      const n = m.generatedLine === last.line ? m.generatedColumn - last.column : lines[last.line - 1].length - last.column
      add(last.source, n)
    }
    last = { line: m.generatedLine, column: m.generatedColumn, source: (m.source ?? '(none)').replace(/^webpack:\/\/[^/]*\//, '').replace(/^\.\//, '') }
  })
  if (last) add(last.source, lines[last.line - 1].length - last.column)
  return bytes
}

function group(source: string): string {
  const nm = source.match(/node_modules\/((@[^/]+\/)?[^/]+)/)
  return nm ? nm[1] : source
}

const args = process.argv.slice(2)
const topIndex = args.indexOf('--top')
const top = topIndex >= 0 ? Number(args[topIndex + 1]) : 30
const files = args.filter((a, i) => !a.startsWith('--') && i !== topIndex + 1)
for (const file of files) {
  const raw = fs.statSync(file).size
  const gzip = zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length
  const bySource = attribute(file)
  const byGroup = new Map<string, number>()
  for (const [s, n] of bySource) byGroup.set(group(s), (byGroup.get(group(s)) ?? 0) + n)
  console.log(`${file}: ${(raw / 1000).toFixed(1)} KB, ${(gzip / 1000).toFixed(1)} KB gzip`)
  for (const [name, n] of [...byGroup].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`  ${(n / 1000).toFixed(1).padStart(7)} KB  ≈${((n / raw) * gzip / 1000).toFixed(1).padStart(5)} KB gz  ${name}`)
  }
}
