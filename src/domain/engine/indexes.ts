// Lookups built once per template object (templates are immutable once parsed), so guide() stays well
// under a millisecond on every keystroke.
import { resolveParams, ruleQuestionRefs, type ParamValue } from '../rules'
import type { BundleTemplate, Field, Group, Material, Matter, Question } from '../template/types'

export interface TemplateIndex {
  questionById: Map<string, Question>
  fieldById: Map<string, Field>
  groupById: Map<string, Group>
  materialById: Map<string, Material>
  matterById: Map<string, Matter>
  /** position in the template's lists: the officer's order */
  sectionOrder: Map<string, number>
  fieldOrder: Map<string, number>
  materialOrder: Map<string, number>
  matterOrder: Map<string, number>
  /** questions read by each matter's appliesWhen */
  matterQuestionRefs: Map<string, string[]>
  paramsByRegion: Map<string, Record<string, ParamValue>>
  /** 实施机关 by `${matterId}|${region}` */
  authorities: Map<string, string>
}

const cache = new WeakMap<BundleTemplate, TemplateIndex>()

const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((x) => [x.id, x]))
const order = (list: { id: string }[]) => new Map(list.map((x, i) => [x.id, i]))

export function templateIndex(t: BundleTemplate): TemplateIndex {
  let index = cache.get(t)
  if (!index) {
    index = {
      questionById: byId(t.questions),
      fieldById: byId(t.fields),
      groupById: byId(t.groups ?? []),
      materialById: byId(t.materials),
      matterById: byId(t.matters),
      sectionOrder: order(t.sections),
      fieldOrder: order(t.fields),
      materialOrder: order(t.materials),
      matterOrder: order(t.matters),
      matterQuestionRefs: new Map(t.matters.map((m) => [m.id, ruleQuestionRefs(m.appliesWhen)])),
      paramsByRegion: new Map(),
      authorities: new Map(),
    }
    cache.set(t, index)
  }
  return index
}

export function paramsFor(t: BundleTemplate, region: string): Record<string, ParamValue> {
  const index = templateIndex(t)
  let params = index.paramsByRegion.get(region)
  if (!params) {
    params = resolveParams(t.params, region)
    index.paramsByRegion.set(region, params)
  }
  return params
}
