// Compiles the WeChat build with WeChat's own wcc/wcsc (no DevTools needed) and checks app.json's pages exist.
import fs from 'node:fs'
import path from 'node:path'
import { wxmlToJs, wxssToJs } from 'miniprogram-compiler'

const root = path.resolve(__dirname, '..', 'dist', 'weapp')
const problems: string[] = []

function exists(rel: string): boolean {
  return fs.existsSync(path.join(root, rel))
}

if (!exists('app.json')) {
  console.error('dist/weapp/app.json is missing: run `npm run build:weapp` first.')
  process.exit(1)
}
const app = JSON.parse(fs.readFileSync(path.join(root, 'app.json'), 'utf8')) as {
  pages: string[]
  subPackages?: { root: string; pages: string[] }[]
}
const pages = [
  ...app.pages,
  ...(app.subPackages ?? []).flatMap((sub) => sub.pages.map((page) => path.posix.join(sub.root, page))),
]
for (const page of pages) {
  for (const ext of ['.js', '.wxml', '.json']) {
    if (!exists(page + ext)) problems.push(`页面缺少文件：${page}${ext}`)
  }
}
for (const sub of app.subPackages ?? []) {
  if (!exists(sub.root)) problems.push(`分包目录不存在：${sub.root}`)
  if (app.pages.some((page) => page.startsWith(sub.root + '/'))) problems.push(`主包页面位于分包目录内：${sub.root}`)
}

function compile(label: string, run: () => string): void {
  try {
    const code = run()
    if (!code || code.length < 100) problems.push(`${label}：编译器没有输出`)
    else console.log(`${label}: ok (${code.length} chars of generated JS)`)
  } catch (error) {
    problems.push(`${label}：${(error as Error).message}`)
  }
}
compile('wcc (WXML + WXS)', () => wxmlToJs(root, { maxBuffer: 64 * 1024 * 1024 }))
compile('wcsc (WXSS)', () => wxssToJs(root, { maxBuffer: 64 * 1024 * 1024 }))

console.log(`pages checked: ${pages.length}`)
if (problems.length) {
  console.error(problems.map((p) => `✗ ${p}`).join('\n'))
  process.exit(1)
}
console.log('WeChat compile check passed.')
