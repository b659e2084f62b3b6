// The platform's list of e-licence kinds (GET /licence-kinds, mock/catalogue/licences.json): parsed by the
// platform when it reads the file, by the app when it reads the reply, by the checker.
import * as v from 'valibot'
import type { Assert, Equals } from '../type-assert'
import type { LicenceKindInfo, SharedRecordKindInfo } from './types'

export const LicenceKindInfoSchema = v.object({
  kind: v.pipe(v.string(), v.regex(/^[A-Za-z][A-Za-z0-9]*$/, '电子证照种类应为字母和数字')),
  name: v.pipe(v.string(), v.minLength(1, '不能为空')),
  shortName: v.optional(v.string()),
  issuer: v.string(),
  fields: v.record(v.string(), v.string()),
})

export const LicenceKindListSchema = v.object({ kinds: v.array(LicenceKindInfoSchema) })

/** Records departments share about someone else (mock/catalogue/shared-records.json): the platform and the checker. */
export const SharedRecordKindInfoSchema = v.object({
  kind: v.pipe(v.string(), v.regex(/^[A-Za-z][A-Za-z0-9]*$/, '共享记录种类应为字母和数字')),
  name: v.pipe(v.string(), v.minLength(1, '不能为空')),
  fields: v.record(v.string(), v.object({ label: v.pipe(v.string(), v.minLength(1, '不能为空')), source: v.pipe(v.string(), v.minLength(1, '不能为空')) })),
})

export const SharedRecordKindListSchema = v.object({ kinds: v.array(SharedRecordKindInfoSchema) })

export type LicenceKindSchemaMatchesTypes = [
  Assert<Equals<v.InferOutput<typeof LicenceKindInfoSchema>, LicenceKindInfo>>,
  Assert<Equals<v.InferOutput<typeof SharedRecordKindInfoSchema>, SharedRecordKindInfo>>,
]

/** kind → its names, for GuidanceContext.licenceNames. */
export function licenceNamesOf(kinds: LicenceKindInfo[]): Record<string, { name: string; shortName?: string }> {
  return Object.fromEntries(kinds.map((k) => [k.kind, k.shortName ? { name: k.name, shortName: k.shortName } : { name: k.name }]))
}
