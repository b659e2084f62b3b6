// Moves a draft onto a newer template version: keep everything that still fits, say what was dropped.
import type { DraftContent, MaterialChoice } from './draft'
import { answerError } from './engine/answers'
import type { AnswerValue, BundleTemplate, Material, Question } from './template/types'

export interface DroppedItem {
  kind: 'answer' | 'value' | 'item' | 'material' | 'delivery'
  id: string
  /** question text, field label or material name (from the old template when the item is gone) */
  label: string
  reason: string
}

export interface MigrationResult {
  draft: DraftContent
  dropped: DroppedItem[]
}

/** Whether the template (not the applicant's context) still allows this way of providing a material. */
function modeAllowed(m: Material, choice: MaterialChoice, t: BundleTemplate): boolean {
  switch (choice.mode) {
    case 'in-bundle':
      return !!m.producedBy && t.matters.some((x) => x.id === m.producedBy)
    case 'licence':
      return !!m.licence
    case 'shared':
      return !!m.shared
    case 'original':
      return !!m.original
    case 'upload':
      return !!m.upload
    case 'promise':
      return !!m.promise
    case 'defer':
      return !!m.deferrable
  }
}

const MODE_NAMES: Record<MaterialChoice['mode'], string> = {
  'in-bundle': '由本次办理产生',
  licence: '电子证照',
  shared: '部门共享',
  original: '窗口核验原件',
  upload: '上传',
  promise: '告知承诺',
  defer: '容缺后补',
}

/** Whether the value has the shape of the question's kind (else the kind itself changed). */
function shapeFits(q: Question, value: AnswerValue): boolean {
  switch (q.kind) {
    case 'single':
    case 'region':
      return typeof value === 'string'
    case 'multiple':
      return Array.isArray(value)
    case 'yesno':
      return typeof value === 'boolean'
    case 'number':
      return typeof value === 'number'
  }
}

function answerDropReason(q: Question, value: AnswerValue): string {
  if (!shapeFits(q, value)) return '问题的回答方式已变更，请重新回答'
  if (q.kind === 'number') return `新版要求${answerError(q, value) ?? ''}，原回答为${String(value)}${q.unit ?? ''}`
  if (q.kind === 'single' || q.kind === 'multiple') return '原选项已取消，请重新选择'
  return '原回答已不适用，请重新回答'
}

/**
 * Keeps answers that still fit their question (same id, value valid for the new kind, options, range),
 * values of fields that still exist, material choices the template still allows, and a delivery
 * method still offered. `oldTemplate` only supplies labels for items that no longer exist.
 */
export function migrateDraft(draft: DraftContent, newTemplate: BundleTemplate, oldTemplate?: BundleTemplate): MigrationResult {
  if (draft.bundleId !== newTemplate.id) throw new Error(`草稿属于“${draft.bundleId}”，不能迁移到“${newTemplate.id}”`)
  const dropped: DroppedItem[] = []
  const questions = new Map(newTemplate.questions.map((q) => [q.id, q]))
  const fields = new Map(newTemplate.fields.map((f) => [f.id, f]))
  const materials = new Map(newTemplate.materials.map((m) => [m.id, m]))
  const oldLabel = (kind: 'question' | 'field' | 'material', id: string): string => {
    if (kind === 'question') return oldTemplate?.questions.find((q) => q.id === id)?.text ?? id
    if (kind === 'field') return oldTemplate?.fields.find((f) => f.id === id)?.label ?? id
    return oldTemplate?.materials.find((m) => m.id === id)?.name ?? id
  }

  const answers: DraftContent['answers'] = {}
  for (const [id, value] of Object.entries(draft.answers)) {
    const q = questions.get(id)
    if (!q) dropped.push({ kind: 'answer', id, label: oldLabel('question', id), reason: '该问题已取消' })
    else if (answerError(q, value)) dropped.push({ kind: 'answer', id, label: q.text, reason: answerDropReason(q, value) })
    else answers[id] = value
  }

  const values: DraftContent['values'] = {}
  for (const [id, value] of Object.entries(draft.values)) {
    if (fields.has(id)) values[id] = value
    else dropped.push({ kind: 'value', id, label: oldLabel('field', id), reason: '表单已不再需要该项' })
  }

  const items: NonNullable<DraftContent['items']> = {}
  for (const [groupId, list] of Object.entries(draft.items ?? {})) {
    const group = newTemplate.groups?.find((g) => g.id === groupId)
    if (!group) {
      dropped.push({ kind: 'item', id: groupId, label: oldTemplate?.groups?.find((g) => g.id === groupId)?.label ?? groupId, reason: '表单已不再需要这些信息' })
      continue
    }
    items[groupId] = list.map((item) => ({ key: item.key, values: Object.fromEntries(Object.entries(item.values).filter(([f]) => group.fields.includes(f))) }))
  }

  const chosen: DraftContent['materials'] = {}
  for (const [id, choice] of Object.entries(draft.materials)) {
    // a group's material once per item: `${materialId}~${itemKey}`
    const m = materials.get(id.split('~')[0])
    if (!m) dropped.push({ kind: 'material', id, label: oldLabel('material', id.split('~')[0]), reason: '已不再需要该材料' })
    else if (!modeAllowed(m, choice, newTemplate))
      dropped.push({ kind: 'material', id, label: m.name, reason: `该材料已不能以“${MODE_NAMES[choice.mode]}”方式提交，请重新选择` })
    else chosen[id] = choice
  }

  const next: DraftContent = { ...draft, templateVersion: newTemplate.version, answers, values, materials: chosen }
  if (draft.items) next.items = items
  if (draft.delivery && !newTemplate.delivery.includes(draft.delivery.method)) {
    delete next.delivery
    dropped.push({ kind: 'delivery', id: draft.delivery.method, label: '领取方式', reason: '该领取方式已不再提供，请重新选择' })
  }
  return { draft: next, dropped }
}
