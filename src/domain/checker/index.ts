// The 一事一导 template checker (npm run guides:check). Pure: callers read the files and time the runs.
//
// Phases, each only when the one before is clean (later checks on a broken template give noise):
// 1. schema (parseTemplate's shape check);
// 2. references: parseTemplate's, plus stop.otherBundleId, option values named in rules, showWhen
//    reading earlier questions only, produced materials reaching only matters ordered after their producer;
// 3. unused parts, departments, and the exhaustive walk of every answer path (see walk.ts).
import * as v from 'valibot'
import { BundleTemplateSchema, parseTemplate } from '../template/schema'
import type { BundleTemplate } from '../template/types'
import { referenceChecks, usageChecks, type Found } from './static'
import type { CatalogueEntry, CheckIssue, CheckOptions, TemplateCheck } from './types'
import { walkTemplate } from './walk'

export * from './types'
export { candidateAnswers, walkContexts, walkPaths, walkRegions } from './paths'
export type { PathVisitor, WalkContext } from './paths'
export { pathProblems, walkTemplate } from './walk'
export type { WalkOptions, WalkResult } from './walk'
export { referenceChecks, usageChecks } from './static'
export type { CatalogueFacts, Found } from './static'

export function checkTemplate(file: string, json: unknown, options: CheckOptions = {}): TemplateCheck {
  const result: TemplateCheck = { file, issues: [] }
  const add = (found: Found[]) => result.issues.push(...found.map((f) => ({ file, ...f })))
  const head = json !== null && typeof json === 'object' ? (json as Record<string, unknown>) : {}
  if (typeof head.id === 'string') result.bundleId = head.id
  if (typeof head.version === 'number') result.version = head.version
  if (typeof head.name === 'string') result.name = head.name

  const parsed = parseTemplate(json)
  let template: BundleTemplate
  if (parsed.ok) template = parsed.template
  else {
    add(parsed.issues)
    // parseTemplate reports shape errors alone; when the shape is sound its issues are reference errors.
    const shape = v.safeParse(BundleTemplateSchema, json)
    if (!shape.success) {
      result.walkSkipped = '模板结构有误'
      return result
    }
    template = shape.output as BundleTemplate
  }
  add(referenceChecks(template, { catalogueIds: options.catalogueIds, licenceKinds: options.licenceKinds, sharedRecordKinds: options.sharedRecordKinds }))
  if (result.issues.length) {
    result.walkSkipped = '引用有误'
    return result
  }

  add(usageChecks(template))
  const walk = walkTemplate(template, { maxPaths: options.maxPaths, now: options.now, memo: options.memo, regions: options.regions })
  add(walk.issues)
  if (walk.stats) result.walk = walk.stats
  if (walk.skipped) result.walkSkipped = walk.skipped
  return result
}

/** Parses and checks one file, with catalogue-wide facts (bundle ids) from the caller. */
export function checkEntry(entry: CatalogueEntry, options: CheckOptions = {}): TemplateCheck {
  let json: unknown
  try {
    json = JSON.parse(entry.text)
  } catch (e) {
    return { file: entry.file, issues: [{ file: entry.file, path: '$', message: `不是有效的 JSON：${(e as Error).message}` }], walkSkipped: 'JSON 无法解析' }
  }
  return checkTemplate(entry.file, json, options)
}

/** Bundle ids of every entry that parses as JSON with a string id: targets for stop.otherBundleId. */
export function catalogueIds(entries: CatalogueEntry[]): Set<string> {
  const ids = new Set<string>()
  for (const e of entries) {
    try {
      const id = (JSON.parse(e.text) as { id?: unknown })?.id
      if (typeof id === 'string') ids.add(id)
    } catch {
      // reported when the entry itself is checked
    }
  }
  return ids
}

/**
 * Catalogue-wide problems: two files publishing the same bundle version; one matter code (事项基本编码) with
 * different time limits in two bundles (a matter is one matter, whichever bundle it is filed in).
 */
export function catalogueIssues(checks: TemplateCheck[], entries: CatalogueEntry[] = []): CheckIssue[] {
  const issues: CheckIssue[] = []
  const seen = new Map<string, string>()
  for (const c of checks) {
    if (c.bundleId === undefined || c.version === undefined) continue
    const key = `${c.bundleId}@${c.version}`
    const first = seen.get(key)
    if (first !== undefined) issues.push({ file: c.file, path: '$.version', message: `与 ${first} 是同一件事“${c.bundleId}”的同一版本（${c.version}）：改动后请提高版本号` })
    else seen.set(key, c.file)
  }
  const limits = new Map<string, { file: string; name: string; text: string }>()
  for (const e of entries) {
    const parsed = (() => {
      try {
        return parseTemplate(JSON.parse(e.text))
      } catch {
        return undefined
      }
    })()
    if (!parsed?.ok) continue
    parsed.template.matters.forEach((m, i) => {
      const text = `法定 ${m.legalLimitDays}、承诺 ${m.promisedLimitDays} ${m.limitUnit === 'day' ? '日' : '个工作日'}`
      const first = limits.get(m.baseCode)
      if (!first) limits.set(m.baseCode, { file: e.file, name: m.name, text })
      else if (first.text !== text)
        issues.push({ file: e.file, path: `$.matters[${i}].legalLimitDays`, message: `事项编码 ${m.baseCode}（${m.name}）在 ${first.file}（${first.name}）为${first.text}，这里为${text}：同一事项在每件事中的时限应一致` })
    })
  }
  return issues
}

/** Checks every entry; catalogue-wide issues are added to the file they concern. */
export function checkCatalogue(entries: CatalogueEntry[], options: CheckOptions = {}): TemplateCheck[] {
  const ids = options.catalogueIds ?? catalogueIds(entries)
  const checks = entries.map((e) => checkEntry(e, { ...options, catalogueIds: ids }))
  for (const issue of catalogueIssues(checks, entries)) checks.find((c) => c.file === issue.file)?.issues.push(issue)
  return checks
}

export function formatIssue(issue: CheckIssue): string {
  return `${issue.file}: ${issue.severity === 'warning' ? '（提醒）' : ''}${issue.path} ${issue.message}`
}

/** Issues that fail a check (warnings do not). */
export const errorsOf = (c: TemplateCheck) => c.issues.filter((i) => i.severity !== 'warning')
