// The published catalogue's bundles, parsed as the app parses them, for tests of its facts.
import fs from 'node:fs'
import path from 'node:path'
import type { GuidanceContext } from '@/domain/draft'
import type { GuideDraft } from '@/domain/engine'
import { parseTemplate } from '@/domain/template/schema'
import type { BundleTemplate } from '@/domain/template/types'

const DIR = path.join(__dirname, '../../mock/catalogue/bundles')

export function bundleJson(id: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(DIR, `${id}.json`), 'utf8')) as Record<string, unknown>
}

export function bundle(id: string): BundleTemplate {
  const result = parseTemplate(bundleJson(id))
  if (!result.ok) throw new Error(`${id} rejected: ${JSON.stringify(result.issues)}`)
  return result.template
}

export function allBundles(): BundleTemplate[] {
  return fs
    .readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => bundle(f.replace(/\.json$/, '')))
}

/** A working Tuesday in Changsha. */
export const NOW = '2026-12-01T10:00:00+08:00'

/** Names of e-licence kinds as GET /licence-kinds gives them. */
export const LICENCE_NAMES = Object.fromEntries(
  (JSON.parse(fs.readFileSync(path.join(DIR, '../licences.json'), 'utf8')) as { kinds: { kind: string; name: string; shortName?: string }[] }).kinds.map((k) => [
    k.kind,
    { name: k.name, ...(k.shortName ? { shortName: k.shortName } : {}) },
  ]),
)

export function ctx(over: Partial<GuidanceContext> = {}): GuidanceContext {
  return { region: '430104', regionName: '长沙市岳麓区', applicantKind: 'person', licences: [], now: NOW, licenceNames: LICENCE_NAMES, ...over }
}

export function draft(over: Partial<GuideDraft> = {}): GuideDraft {
  return { answers: {}, values: {}, materials: {}, ...over }
}
