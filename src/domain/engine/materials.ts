// The deduplicated checklist: each material once (once per item for a repeatable group's), with the ways
// this applicant may provide it, the draft's choice or the least-burden default, and what is still missing.
import { proxyPromiseRefusal } from '../assist/grants'
import type { GuidanceContext, MaterialChoice, MaterialMode } from '../draft'
import type { Material, Party } from '../template/types'
import type { GuideDraft, MaterialView } from './types'

const own = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key)

/** Least burden first; promise and defer only when chosen. */
function defaultChoice(mode: MaterialMode): MaterialChoice | undefined {
  switch (mode) {
    case 'in-bundle':
    case 'licence':
    case 'shared':
    case 'original':
      return { mode }
    case 'upload':
      return { mode, fileIds: [] }
    default:
      return undefined
  }
}

/** Why a way of providing a material the draft names is not open to this applicant. */
export function refusal(mode: MaterialMode, m: Material, ctx: GuidanceContext): string {
  switch (mode) {
    case 'promise':
      if (!m.promise) return `${m.name}不适用告知承诺，请以其他方式提交`
      if (ctx.promiseBarred) return `您暂不符合告知承诺条件，请以其他方式提交${m.name}`
      return proxyPromiseRefusal(m.name)
    case 'licence':
      return `未查到您的电子证照，不能以电子证照提交${m.name}`
    case 'shared':
      return `${m.name}不能由部门共享获取，请以其他方式提交`
    case 'original':
      return `${m.name}不需要到窗口核验原件，请以其他方式提交`
    case 'defer':
      return `${m.name}不适用容缺受理，请现在提交`
    case 'in-bundle':
      return `${m.name}不会由本次办理产生，请以其他方式提交`
    default:
      return `${m.name}不能以此方式提交，请重新选择`
  }
}

export interface MaterialInput {
  /** the view's id: the material's, or `${id}~${itemKey}` */
  id: string
  material: Material
  usedBy: string[]
  item?: MaterialView['item']
  draft: GuideDraft
  ctx: GuidanceContext
  /** matter ids that apply on this path */
  applicable: Set<string>
  promiseAllowed: boolean
  /** the party filing (several parties); a material of another party is promised by that party */
  initiator?: Party
  parties?: Party[]
}

export function materialView(input: MaterialInput): MaterialView {
  const { id, material: m, draft, ctx, applicable } = input
  const otherParty = m.party && input.initiator && m.party !== input.initiator.id ? input.parties?.find((p) => p.id === m.party) : undefined
  const modes: MaterialMode[] = []
  if (m.producedBy && applicable.has(m.producedBy)) modes.push('in-bundle')
  if (m.licence && !otherParty && ctx.licences.includes(m.licence)) modes.push('licence')
  if (m.shared) modes.push('shared')
  if (m.upload) modes.push('upload')
  if (m.original) modes.push('original')
  // another party's promise is theirs to make (when they confirm), whatever the filer's own standing
  if (m.promise && (otherParty || input.promiseAllowed)) modes.push('promise')
  if (m.deferrable) modes.push('defer')

  const drafted = own(draft.materials, id) ? draft.materials[id] : undefined
  const explicit = !!drafted && modes.includes(drafted.mode)
  // A choice the applicant cannot make is refused, not silently swapped: they choose again.
  const refused = drafted && !explicit ? refusal(drafted.mode, m, ctx) : undefined
  let choice: MaterialChoice | undefined = explicit ? drafted : undefined
  for (const mode of modes) {
    if (choice || refused) break
    choice = defaultChoice(mode)
  }

  let error: string | undefined
  const minFiles = m.upload?.minCount ?? 1
  if (refused) error = refused
  else if (!choice) error = modes.length ? `请选择${m.name}的提交方式` : `${m.name}暂无可用的提交方式，请咨询办事窗口`
  else if (choice.mode === 'upload') {
    if (!choice.fileIds.length) error = `请上传${m.name}`
    else if (choice.fileIds.length < minFiles) error = `${m.name}至少上传${minFiles}个文件，已上传${choice.fileIds.length}个`
    else if (m.upload && choice.fileIds.length > m.upload.maxCount) error = `${m.name}最多上传${m.upload.maxCount}个文件`
  } else if (choice.mode === 'promise' && !otherParty && !choice.agreedAt) error = `请阅读并同意${m.name}的承诺内容`
  else if (choice.mode === 'licence' && m.licence && ctx.consented && !ctx.consented.includes(m.licence))
    error = `请同意使用电子${ctx.licenceNames?.[m.licence]?.name ?? m.licence}，或选择其他提交方式`

  const view: MaterialView = { id, material: m, usedBy: input.usedBy, modes, explicit, satisfied: !error }
  if (input.item) view.item = input.item
  if (otherParty) view.party = { id: otherParty.id, label: otherParty.label }
  if (choice) {
    view.choice = choice
    view.chosen = choice.mode
  }
  if (error) view.error = error
  return view
}
