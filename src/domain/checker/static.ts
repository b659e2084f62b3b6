// Checks that need no walk: references parseTemplate leaves to us, unused parts, departments.
import { RETIREMENT_NAMES } from '../engine/retirement'
import { placeholders } from '../engine/text'
import { regionPrefix, ruleParamRefs, ruleQuestionRefs, walkRule } from '../rules'
import { jsonPath } from '../template/schema'
import type { BundleTemplate, LicenceKindInfo, Question, Rule, SharedRecordKindInfo } from '../template/types'
import { comparisons, rulesOf, type Keys } from './rulesOf'

export interface Found {
  path: string
  message: string
  /** a warning is printed but does not fail the check */
  severity?: 'warning'
}

type Add = (keys: Keys, message: string) => void

function collector(): { issues: Found[]; add: Add } {
  const issues: Found[] = []
  return { issues, add: (keys, message) => issues.push({ path: jsonPath(keys), message }) }
}

/** What the checker knows of the catalogue around a template. */
export interface CatalogueFacts {
  /** bundle ids, for stop.otherBundleId */
  catalogueIds?: ReadonlySet<string>
  /** the platform's e-licence kinds (licences.json), for licence kinds and prefill keys */
  licenceKinds?: readonly LicenceKindInfo[]
  /** records shared about someone else (shared-records.json), for question prefill kinds and keys */
  sharedRecordKinds?: readonly SharedRecordKindInfo[]
}

const REGION_VARS = (t: BundleTemplate) => new Set(['$region', ...t.questions.filter((q) => q.kind === 'region').map((q) => q.id)])

/**
 * References beyond parseTemplate's: stop.otherBundleId, option values named in rules, showWhen reading
 * only earlier questions, a material produced in the bundle reaching only matters ordered after it, e-licence
 * kinds and keys the platform has, the applicant's choices read only by cost rules, region codes compared
 * by the hierarchy, placeholders in texts that name something.
 */
export function referenceChecks(t: BundleTemplate, facts: CatalogueFacts = {}): Found[] {
  const { issues, add } = collector()
  const catalogueIds = facts.catalogueIds

  ;(t.stops ?? []).forEach((s, i) => {
    if (s.otherBundleId === undefined) {
      if (s.kind === 'other-bundle') add(['stops', i], '类型为 other-bundle 的终止必须用 otherBundleId 指明改办哪件事')
    } else if (s.otherBundleId === t.id) add(['stops', i, 'otherBundleId'], '指向了本件事自身')
    else if (catalogueIds && !catalogueIds.has(s.otherBundleId)) add(['stops', i, 'otherBundleId'], `指向的一件事“${s.otherBundleId}”不在目录中`)
  })

  const questionIndex = new Map(t.questions.map((q, i) => [q.id, i]))
  t.questions.forEach((q, i) => {
    for (const ref of ruleQuestionRefs(q.showWhen)) {
      const j = questionIndex.get(ref)
      if (j !== undefined && j >= i)
        add(['questions', i, 'showWhen'], `显示条件引用了${j === i ? '本问题' : '后面的问题'}“${ref}”：问题按顺序提问，只能依据前面的回答`)
    }
  })

  const questionById = new Map(t.questions.map((q) => [q.id, q]))
  const regionVars = REGION_VARS(t)
  for (const { keys, rule, cost } of rulesOf(t)) {
    const seen = new Set<string>()
    const once = (problem: string | undefined) => {
      if (problem && !seen.has(problem)) {
        seen.add(problem)
        add(keys, problem)
      }
    }
    for (const c of comparisons(rule)) {
      const q = questionById.get(c.name)
      once(q && literalProblem(q, c.op, c.literal))
      // 430100 stands for every district of 长沙市: an exact comparison would miss 430104 (岳麓区)
      if (regionVars.has(c.name) && c.op !== 'contains' && c.op !== 'within' && typeof c.literal === 'string' && /^\d{2,6}$/.test(c.literal) && regionPrefix(c.literal.padEnd(6, '0')).length < 6)
        once(`地区代码“${c.literal}”代表其下所有地区：请用 {"within": [{"var": "${c.name}"}, "${c.literal}"]} 按行政区划层级判断，不要用 ${c.op === 'in-list' ? 'in' : c.op} 逐字比较`)
    }
    if (!cost)
      for (const name of ['$handling', '$promises'])
        if (ruleMentions(rule, name)) once(`“${name}”是申请人的选择，只能用于时限、跑动和收费规则（它本身取决于适用哪些事项和材料）`)
  }

  // e-licence kinds and keys: catalogue data the platform serves
  if (facts.licenceKinds) {
    const kinds = new Map(facts.licenceKinds.map((k) => [k.kind, k]))
    const kind = (k: string | undefined, keys: Keys) => {
      if (k !== undefined && !kinds.has(k)) add(keys, `平台没有电子证照种类“${k}”（见 GET /licence-kinds）`)
    }
    const key = (p: { source: string; kind?: string; key: string } | undefined, keys: Keys) => {
      if (p?.source !== 'licence' || !p.kind) return
      kind(p.kind, [...keys, 'kind'])
      const k = kinds.get(p.kind)
      if (k && !Object.prototype.hasOwnProperty.call(k.fields, p.key)) add([...keys, 'key'], `电子${k.name}没有数据项“${p.key}”（有：${Object.keys(k.fields).join('、')}）`)
    }
    t.materials.forEach((m, i) => kind(m.licence, ['materials', i, 'licence']))
    t.matters.forEach((m, i) => kind(m.result.licence, ['matters', i, 'result', 'licence']))
    t.fields.forEach((f, i) => key(f.prefill, ['fields', i, 'prefill']))
    t.questions.forEach((q, i) => key(q.prefill, ['questions', i, 'prefill']))
  }

  // shared record kinds and keys (a deceased's records): catalogue data too
  if (facts.sharedRecordKinds) {
    const kinds = new Map(facts.sharedRecordKinds.map((k) => [k.kind, k]))
    const record = (p: { source: string; kind?: string; key: string } | undefined, keys: Keys) => {
      if (p?.source !== 'record' || !p.kind) return
      const k = kinds.get(p.kind)
      if (!k) add([...keys, 'kind'], `平台没有共享记录种类“${p.kind}”（见 shared-records.json）`)
      else if (!Object.prototype.hasOwnProperty.call(k.fields, p.key)) add([...keys, 'key'], `${k.name}没有数据项“${p.key}”（有：${Object.keys(k.fields).join('、')}）`)
    }
    t.questions.forEach((q, i) => record(q.prefill, ['questions', i, 'prefill']))
    t.fields.forEach((f, i) => record(f.prefill, ['fields', i, 'prefill']))
  }

  // {地区} and {param} in texts shown to the applicant
  const params = new Set(Object.keys(t.params ?? {}))
  const named = new Set(t.retirement ? RETIREMENT_NAMES : [])
  const texts = (text: string | undefined, keys: Keys) => {
    for (const name of placeholders(text ?? ''))
      if (name !== '地区' && !params.has(name) && !named.has(name))
        add(keys, RETIREMENT_NAMES.includes(name) ? `文字中的“{${name}}”需要写明 retirement（按出生日期计算退休年龄）` : `文字中的“{${name}}”既不是{地区}也不是参数`)
  }
  ;(t.stops ?? []).forEach((s, i) => {
    texts(s.reason, ['stops', i, 'reason'])
    texts(s.whatToDo, ['stops', i, 'whatToDo'])
    if (s.where) for (const k of ['name', 'address', 'phone', 'hours'] as const) texts(s.where[k], ['stops', i, 'where', k])
  })
  t.questions.forEach((q, i) => texts(q.help, ['questions', i, 'help']))
  t.fields.forEach((f, i) => texts(f.help, ['fields', i, 'help']))

  const matterById = new Map(t.matters.map((m) => [m.id, m]))
  const ancestors = (id: string): Set<string> => {
    const out = new Set<string>()
    const stack = [...(matterById.get(id)?.after ?? [])]
    while (stack.length) {
      const a = stack.pop() as string
      if (out.has(a)) continue
      out.add(a)
      stack.push(...(matterById.get(a)?.after ?? []))
    }
    return out
  }
  const materialById = new Map(t.materials.map((m) => [m.id, m]))
  t.matters.forEach((m, i) =>
    m.materials.forEach((r, j) => {
      const producer = materialById.get(r.ref)?.producedBy
      if (producer === undefined || !matterById.has(producer)) return
      if (producer === m.id) add(['matters', i, 'materials', j, 'ref'], `事项需要的材料“${r.ref}”是它自己的办理结果`)
      else if (!ancestors(m.id).has(producer))
        add(['matters', i, 'materials', j, 'ref'], `材料“${r.ref}”由事项“${producer}”产生，但本事项没有排在“${producer}”之后（请在 after 中加入“${producer}”）`)
    }),
  )
  return issues
}

function ruleMentions(rule: Rule, name: string): boolean {
  let found = false
  walkRule(rule, (node) => {
    if ('var' in node && node.var === name) found = true
  })
  return found
}

/** A literal a question's answer can never equal (a typo in an option value, a wrong type). */
function literalProblem(q: Question, op: string, literal: string | number | boolean | null): string | undefined {
  const options = new Set((q.options ?? []).map((o) => o.value))
  const show = JSON.stringify(literal)
  switch (q.kind) {
    case 'single':
      if (op === 'contains') return `单选问题“${q.id}”的回答不是列表，不能用 in 查找 ${show}`
      return typeof literal === 'string' && options.has(literal) ? undefined : `规则把问题“${q.id}”与不存在的选项 ${show} 比较`
    case 'multiple':
      if (op === 'contains') return typeof literal === 'string' && options.has(literal) ? undefined : `规则在问题“${q.id}”的回答中查找不存在的选项 ${show}`
      return `多选问题“${q.id}”的回答是列表，不能与单个值 ${show} 比较（请用 in）`
    case 'yesno':
      return typeof literal === 'boolean' ? undefined : `是非题“${q.id}”的回答是 true 或 false，不能与 ${show} 比较`
    case 'number':
      return typeof literal === 'number' ? undefined : `数值问题“${q.id}”不能与非数字 ${show} 比较`
    case 'region':
      if (op === 'within') return typeof literal === 'string' && /^\d{2,6}$/.test(literal) ? undefined : `地区“${show}”应为 2 至 6 位地区代码`
      return typeof literal === 'string' && /^\d{6}$/.test(literal) ? undefined : `地区问题“${q.id}”的回答是 6 位地区代码，不能与 ${show} 比较`
  }
}

/** Parts nobody uses, departments that do not match the matters, a bundle offered nowhere. */
export function usageChecks(t: BundleTemplate): Found[] {
  const { issues, add } = collector()
  const rules = rulesOf(t)

  const fieldsUsed = new Set(t.matters.flatMap((m) => m.fields))
  ;(t.groups ?? []).forEach((g, i) => {
    if (!fieldsUsed.has(g.id)) add(['groups', i], `可重复分组“${g.id}”没有被任何事项使用`)
    // a group's fields stand or fall with it: reported once, at the group
    g.fields.forEach((f) => fieldsUsed.add(f))
  })
  t.fields.forEach((f, i) => {
    if (!fieldsUsed.has(f.id)) add(['fields', i], `字段“${f.id}”没有被任何事项使用`)
  })
  const materialsUsed = new Set([...t.matters.flatMap((m) => m.materials.map((r) => r.ref)), ...(t.groups ?? []).flatMap((g) => (g.materials ?? []).map((r) => r.ref))])
  t.materials.forEach((m, i) => {
    if (!materialsUsed.has(m.id)) add(['materials', i], `材料“${m.id}”没有被任何事项引用`)
  })
  const sectionsUsed = new Set([...t.fields.map((f) => f.section), ...(t.groups ?? []).map((g) => g.section)])
  t.sections.forEach((s, i) => {
    if (!sectionsUsed.has(s.id)) add(['sections', i], `分组“${s.id}”下没有任何字段`)
  })
  // a parameter is used by a rule, as a fee amount, or named in a text ({windowAddress})
  const texts = [
    ...(t.stops ?? []).flatMap((s) => [s.reason, s.whatToDo, ...(s.where ? [s.where.name, s.where.address, s.where.phone, s.where.hours ?? ''] : [])]),
    ...t.questions.map((q) => q.help ?? ''),
    ...t.fields.map((f) => f.help ?? ''),
  ]
  const paramsUsed = new Set([
    ...rules.flatMap((r) => ruleParamRefs(r.rule)),
    ...t.matters.flatMap((m) => m.fees.flatMap((f) => (typeof f.amountYuan === 'object' ? [f.amountYuan.param] : []))),
    ...texts.flatMap((x) => placeholders(x)),
  ])
  for (const name of Object.keys(t.params ?? {})) {
    if (!paramsUsed.has(name)) add(['params', name], `参数“${name}”没有被任何规则使用`)
  }
  const questionsUsed = new Set(rules.flatMap((r) => ruleQuestionRefs(r.rule).filter((q) => q !== r.ownerQuestion)))
  t.questions.forEach((q, i) => {
    if (!questionsUsed.has(q.id)) add(['questions', i], `问题“${q.id}”没有被任何规则使用：怎么回答都不改变结果`)
  })

  if (!t.regions.length) add(['regions'], '没有列出办理地区')

  // the guide (第 4 节): at least 3 questions that change what applies or what is needed
  const deciding = new Set(
    [...t.matters.flatMap((m) => [m.appliesWhen, ...m.materials.map((r) => r.when)]), ...(t.groups ?? []).flatMap((g) => (g.materials ?? []).map((r) => r.when))].flatMap((r) => ruleQuestionRefs(r)),
  )
  if (deciding.size < 3)
    issues.push({
      path: jsonPath(['questions']),
      message: `只有 ${deciding.size} 个问题会改变事项或材料（${[...deciding].join('、') || '无'}）：指南要求至少 3 个，群众的回答才真正决定要办什么、交什么`,
      severity: 'warning',
    })

  const declared = new Map<string, number>()
  t.departments.forEach((d, i) => {
    if (declared.has(d)) add(['departments', i], `部门“${d}”重复`)
    else declared.set(d, i)
  })
  const byDepartment = new Map<string, string[]>()
  for (const m of t.matters) byDepartment.set(m.department, [...(byDepartment.get(m.department) ?? []), m.id])
  for (const [d, i] of declared) {
    if (!byDepartment.has(d)) add(['departments', i], `部门“${d}”不办理本件事的任何事项`)
  }
  for (const [d, matters] of byDepartment) {
    if (!declared.has(d)) add(['departments'], `未声明部门“${d}”（办理事项 ${matters.join('、')}）`)
  }
  return issues
}
