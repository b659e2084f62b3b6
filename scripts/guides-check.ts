// npm run guides:check [files…]: checks 一事一导 templates (default: every file of the catalogue).
// Prints each file's result and a summary with the time taken; exits 1 on any error.
import fs from 'node:fs'
import path from 'node:path'
import * as v from 'valibot'
import { catalogueIds, catalogueIssues, checkEntry, errorsOf, formatIssue, type CatalogueEntry, type CheckOptions, type RegionNode, type TemplateCheck } from '../src/domain/checker'
import { LicenceKindListSchema, SharedRecordKindListSchema } from '../src/domain/template/licence-kinds'

export const CATALOGUE_DIR = path.resolve(__dirname, '..', 'mock', 'catalogue', 'bundles')

/** The platform's e-licence kinds and regions beside the bundles: kinds, keys and district codes are checked. */
export function catalogueFacts(dir = CATALOGUE_DIR): Pick<CheckOptions, 'licenceKinds' | 'sharedRecordKinds' | 'regions'> {
  const read = (name: string): unknown => {
    const file = path.join(dir, '..', name)
    return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined
  }
  const kinds = v.safeParse(LicenceKindListSchema, read('licences.json'))
  const records = v.safeParse(SharedRecordKindListSchema, read('shared-records.json'))
  const regions = (read('regions.json') as { regions?: RegionNode[] } | undefined)?.regions
  return { ...(kinds.success ? { licenceKinds: kinds.output.kinds } : {}), ...(records.success ? { sharedRecordKinds: records.output.kinds } : {}), ...(regions ? { regions } : {}) }
}

/** Every .json file of a folder, sorted, as entries named relative to the working directory. */
export function readCatalogue(dir = CATALOGUE_DIR): CatalogueEntry[] {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((n) => readEntry(path.join(dir, n)))
}

export function readEntry(file: string): CatalogueEntry {
  return { file: path.relative(process.cwd(), file) || file, text: fs.readFileSync(file, 'utf8') }
}

const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(0)} ms`)
const n = (x: number) => x.toLocaleString('en-US')

/** Checks the entries one by one (to time each); ids for otherBundleId come from the catalogue too. */
export function runChecks(entries: CatalogueEntry[], catalogue = readCatalogue()): { checks: TemplateCheck[]; times: number[]; total: number } {
  const ids = catalogueIds([...catalogue, ...entries])
  const facts = catalogueFacts()
  const times: number[] = []
  const start = performance.now()
  const checks = entries.map((e) => {
    const t0 = performance.now()
    const c = checkEntry(e, { catalogueIds: ids, ...facts })
    times.push(performance.now() - t0)
    return c
  })
  for (const issue of catalogueIssues(checks, entries)) checks.find((c) => c.file === issue.file)?.issues.push(issue)
  return { checks, times, total: performance.now() - start }
}

function main(args: string[]): number {
  const entries = args.length ? args.map((f) => readEntry(path.resolve(f))) : readCatalogue()
  if (!entries.length) {
    console.error(`没有找到模板文件：${path.relative(process.cwd(), CATALOGUE_DIR)} 中没有 .json 文件`)
    return 1
  }
  const { checks, times, total } = runChecks(entries)
  let errors = 0
  let paths = 0
  checks.forEach((c, i) => {
    const title = [c.bundleId, c.version !== undefined ? `v${c.version}` : '', c.name].filter(Boolean).join(' ')
    const codes = c.walk?.regionCodes !== undefined ? `，${c.walk.regionCodes} 个地区代码` : ''
    const walk = c.walk ? `${n(c.walk.paths)} 条路径（${c.walk.contexts} 种地区×申请人${codes}，${n(c.walk.outcomes)} 种结果）` : `未穷举（${c.walkSkipped ?? ''}）`
    console.log(`${errorsOf(c).length ? '✘' : '✔'} ${c.file}  ${title}  ${walk}  ${ms(times[i])}`)
    for (const issue of c.issues) console.log(`    ${formatIssue(issue)}`)
    errors += errorsOf(c).length
    paths += c.walk?.paths ?? 0
  })
  const bad = checks.filter((c) => errorsOf(c).length).length
  const warnings = checks.reduce((sum, c) => sum + c.issues.length - errorsOf(c).length, 0)
  console.log(
    `\n${checks.length} 个模板，${checks.length - bad} 个通过，${bad} 个有问题，共 ${errors} 处错误、${warnings} 处提醒；穷举 ${n(paths)} 条回答路径；用时 ${ms(total)}`,
  )
  return errors ? 1 : 0
}

if (require.main === module) process.exit(main(process.argv.slice(2)))
