// The merged form (一次表单): each datum once, shown when it can apply; prefill that never replaces what was
// typed; repeatable groups with their items; date bounds resolved against today and other answers.
import type { GroupItem, GuidanceContext } from '../draft'
import { holds, type RuleScope } from '../rules'
import type { DateBound, Field, Group, Section } from '../template/types'
import { fullYears, parseIsoDate, shiftDate, validateFieldValue } from '../validators'
import type { TemplateIndex } from './indexes'
import { interpolate } from './text'
import type { FieldPrefill, FieldSectionView, FieldView, GroupView, GuideDraft, PrefillData, PrefillOffer, RetirementView } from './types'

const FIRM_REGISTER_KEYS = ['firmName', 'uscc', 'legalRepresentative']

const own = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key)
const typedValue = (values: Record<string, string>, id: string) => (own(values, id) ? values[id] ?? '' : '')

/** The value a profile or licence key holds for this applicant (licences only when consented to). */
export function heldValue(
  p: { source: 'profile' | 'licence' | 'record'; key: string; kind?: string },
  ctx: GuidanceContext,
  today: string,
  data?: PrefillData,
  retirement?: RetirementView,
): { source: string; label: string; value: string } | undefined {
  if (!data) return undefined
  if (p.source === 'profile') {
    const birth = data.profile?.birthDate
    let value: string | undefined
    if (p.key === 'age') value = birth && parseIsoDate(birth) ? String(fullYears(birth, today)) : undefined
    else if (p.key === 'retirementReached') value = retirement ? String(retirement.reached) : undefined
    else value = data.profile?.[p.key as keyof NonNullable<PrefillData['profile']>]
    if (!value) return undefined
    // a firm's name, code and 法定代表人 come from the enterprise register, not from the person's real-name record
    return FIRM_REGISTER_KEYS.includes(p.key) ? { source: 'register', label: '企业登记信息', value } : { source: 'profile', label: '实名信息', value }
  }
  const kind = p.kind as string
  if (p.source === 'record') {
    const held = data.records?.[kind]?.[p.key]
    // grouped by department: each group's line names its own source
    return held?.value ? { source: `record:${kind}:${held.source}`, label: held.source, value: held.value } : undefined
  }
  if (ctx.consented && !ctx.consented.includes(kind)) return undefined
  const value = data.licences?.[kind]?.[p.key]
  return value ? { source: `licence:${kind}`, label: `电子${ctx.licenceNames?.[kind]?.shortName ?? ctx.licenceNames?.[kind]?.name ?? kind}`, value } : undefined
}

/**
 * Prefilled (locked) values, and offers where the citizen typed something else. Nothing typed is replaced:
 * when any field of a source was typed differently, every field of that source is offered instead of locked.
 */
function prefillsFor(fields: Field[], values: Record<string, string>, ctx: GuidanceContext, today: string, data?: PrefillData): { locked: Map<string, FieldPrefill>; offers: PrefillOffer[] } {
  const bySource = new Map<string, { label: string; fields: { field: Field; value: string; typed: string }[] }>()
  for (const f of fields) {
    const found = f.prefill && heldValue(f.prefill, ctx, today, data)
    if (!found) continue
    const entry = bySource.get(found.source) ?? { label: found.label, fields: [] }
    entry.fields.push({ field: f, value: found.value, typed: typedValue(values, f.id) })
    bySource.set(found.source, entry)
  }
  const locked = new Map<string, FieldPrefill>()
  const offers: PrefillOffer[] = []
  for (const { label, fields: found } of bySource.values()) {
    const differs = found.some((x) => x.typed.trim() !== '' && x.typed !== x.value)
    if (!differs) for (const x of found) locked.set(x.field.id, { value: x.value, sourceLabel: `来自${label}`, locked: true })
    else offers.push({ sourceLabel: label, fields: found.map((x) => ({ id: x.field.id, label: x.field.label, value: x.value, typed: x.typed })) })
  }
  return { locked, offers }
}

function offsetText(o: { years?: number; months?: number; days?: number }): string {
  const parts = [o.years ? `${Math.abs(o.years)}年` : '', o.months ? `${Math.abs(o.months)}个月` : '', o.days ? `${Math.abs(o.days)}天` : ''].filter(Boolean).join('')
  if (!parts) return ''
  const sign = (o.years ?? 0) + (o.months ?? 0) / 12 + (o.days ?? 0) / 365
  return sign < 0 ? `前${parts}` : `后${parts}`
}

/** A date bound as a date and the words that say it; undefined when it rests on a date not given yet. */
function resolveBound(bound: DateBound | undefined, today: string, valueOf: (fieldId: string) => string, labelOf: (fieldId: string) => string): { date: string; text: string } | undefined {
  if (!bound) return undefined
  if ('date' in bound) return { date: bound.date, text: ` ${bound.date}` }
  if ('today' in bound) {
    const date = shiftDate(today, bound.today)
    const shift = offsetText(bound.today)
    return { date, text: shift ? `今天${shift}（${date}）` : '今天' }
  }
  const other = valueOf(bound.field).trim()
  if (!parseIsoDate(other)) return undefined
  const date = bound.offset ? shiftDate(other, bound.offset) : other
  return { date, text: `${labelOf(bound.field)}${bound.offset ? offsetText(bound.offset) : ''}（${date}）` }
}

export interface FormInput {
  ix: TemplateIndex
  sections: Section[]
  /** field or group id → matter ids using it, in matter order */
  users: Map<string, string[]>
  draft: GuideDraft
  scope: RuleScope
  ctx: GuidanceContext
  today: string
  data?: PrefillData
  regionName?: string
  /** further words texts may name ({退休日期}) */
  names?: Record<string, string>
}

export interface FormResult {
  sections: FieldSectionView[]
  all: FieldView[]
  groups: GroupView[]
  offers: PrefillOffer[]
  /** fields asked outside groups, for the burden */
  plain: FieldView[]
}

export function buildForm(input: FormInput): FormResult {
  const { ix, users, draft, scope, ctx, today, data } = input
  const order = (a: { id: string; section: string }, b: { id: string; section: string }) =>
    (ix.sectionOrder.get(a.section) ?? 1e9) - (ix.sectionOrder.get(b.section) ?? 1e9) || (ix.fieldOrder.get(a.id) ?? 0) - (ix.fieldOrder.get(b.id) ?? 0)
  // fields that cannot apply on this path disappear (showWhen), whatever was typed in them
  const plainFields = [...users.keys()]
    .map((id) => ix.fieldById.get(id))
    .filter((f): f is Field => !!f && holds(f.showWhen, scope))
    .sort(order)
  const groups = [...users.keys()].map((id) => ix.groupById.get(id)).filter((g): g is Group => !!g)
  const prefills = prefillsFor(plainFields, draft.values, ctx, today, data)

  const labelOf = (fid: string) => ix.fieldById.get(fid)?.label ?? fid
  // a date bound naming another field reads it in the same item first, then the form
  const reader = (values: Record<string, string>) => (fid: string) => prefills.locked.get(fid)?.value ?? (own(values, fid) ? values[fid] : typedValue(draft.values, fid))
  const topLevel = reader(draft.values)
  const view = (field: Field, id: string, usedBy: string[], values: Record<string, string>, prefill: FieldPrefill | undefined, valueOf: (fid: string) => string): FieldView => {
    const required = field.requiredWhen !== undefined ? holds(field.requiredWhen, scope) : !field.optional
    const value = prefill?.value ?? typedValue(values, field.id)
    const min = field.minDate && resolveBound(field.minDate, today, valueOf, labelOf)
    const max = field.maxDate && resolveBound(field.maxDate, today, valueOf, labelOf)
    const result = validateFieldValue(field, value, {
      today,
      required,
      origin: prefill ? 'external' : 'typed',
      minDate: min?.date,
      maxDate: max?.date,
      minDateText: min?.text,
      maxDateText: max?.text,
    })
    const out: FieldView = { id, field, usedBy, required, value, valid: result.ok }
    if (field.help) out.help = interpolate(field.help, scope.params, input.regionName, input.names)
    if (prefill) out.prefill = prefill
    if (min) out.minDate = min.date
    if (max) out.maxDate = max.date
    if (result.ok) {
      if (result.warning) out.warning = result.warning
    } else out.error = result.message
    return out
  }

  const plain = plainFields.map((f) => view(f, f.id, users.get(f.id) ?? [], draft.values, prefills.locked.get(f.id), topLevel))
  const groupViews: GroupView[] = groups.map((g) => {
    const items: GroupItem[] = draft.items?.[g.id] ?? []
    const fields = g.fields.map((id) => ix.fieldById.get(id)).filter((f): f is Field => !!f && holds(f.showWhen, scope))
    const itemViews = items.map((item, i) => {
      const valueOf = reader(item.values)
      return { key: item.key, label: `${g.itemLabel} ${i + 1}`, fields: fields.map((f) => view(f, `${f.id}~${item.key}`, users.get(g.id) ?? [], item.values, undefined, valueOf)) }
    })
    const out: GroupView = { id: g.id, group: g, usedBy: users.get(g.id) ?? [], items: itemViews, canAdd: items.length < g.maxItems, canRemove: items.length > g.minItems }
    if (items.length < g.minItems) out.error = `请至少填写 ${g.minItems} 位${g.itemLabel}`
    else if (items.length > g.maxItems) out.error = `最多填写 ${g.maxItems} 位${g.itemLabel}`
    return out
  })
  const all = [...plain, ...groupViews.flatMap((g) => g.items.flatMap((i) => i.fields))]

  const sections: FieldSectionView[] = []
  for (const section of input.sections) {
    const fields = plain.filter((f) => f.field.section === section.id)
    const inSection = groupViews.filter((g) => g.group.section === section.id)
    if (fields.length || inSection.length) sections.push({ section, fields, groups: inSection })
  }
  return { sections, all, groups: groupViews, offers: prefills.offers, plain }
}
