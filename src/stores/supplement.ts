// 补正 in one screen: only the items the department named, prefilled with what was sent, checked by the same
// validators as the form, new files uploaded, then sent exactly once (the Idempotency-Key is made at the first
// tap and kept until the platform answers). The case's content (it carries ID numbers) stays in memory.
import { create } from 'zustand'
import { validateFieldValue } from '@/domain/validators'
import type { Field, Material } from '@/domain/template/types'
import { templateOrMessage } from '@/domain/template/schema'
import type { CaseRecord, SupplementRequest } from '@/services/contract'
import type { FilePicker } from '@/services/files'
import { isPlatformError, newIdempotencyKey, type PlatformClient } from '@/services/platform'
import { checkPickedFile } from './uploads'
import { sentence } from '@/domain/sentence'

export type SupplementClient = Pick<PlatformClient, 'getCase' | 'getBundle' | 'submitSupplement' | 'uploadFile'>

export interface SupplementFile {
  name: string
  fileId?: string
  status: 'uploading' | 'done' | 'failed'
  error?: string
}

export interface SupplementForm {
  status: 'loading' | 'ready' | 'error' | 'sent'
  error?: string
  request?: SupplementRequest
  fields: Field[]
  materials: Material[]
  values: Record<string, string>
  files: Record<string, SupplementFile[]>
  fieldErrors: Record<string, string>
  materialErrors: Record<string, string>
  /** kept from the first tap until the platform answers: a retry repeats the same request */
  key?: string
  submitting: boolean
  submitError?: string
}

export interface SupplementState {
  forms: Record<string, SupplementForm>
  open(caseId: string): Promise<void>
  setValue(caseId: string, fieldId: string, value: string): void
  pick(caseId: string, materialId: string): Promise<void>
  removeFile(caseId: string, materialId: string, index: number): void
  /** true when the platform accepted the 补正 */
  submit(caseId: string, today: string): Promise<CaseRecord | undefined>
}

const empty = (): SupplementForm => ({ status: 'loading', fields: [], materials: [], values: {}, files: {}, fieldErrors: {}, materialErrors: {}, submitting: false })

export function createSupplementStore(deps: { client: SupplementClient; picker: FilePicker; newKey?: () => string }) {
  const newKey = deps.newKey ?? newIdempotencyKey
  let bundleOf: Record<string, string> = {}
  return create<SupplementState>()((set, get) => {
    const patch = (caseId: string, p: Partial<SupplementForm> | ((f: SupplementForm) => Partial<SupplementForm>)) =>
      set((s) => {
        const f = s.forms[caseId] ?? empty()
        return { forms: { ...s.forms, [caseId]: { ...f, ...(typeof p === 'function' ? p(f) : p) } } }
      })
    return {
      forms: {},
      async open(caseId) {
        const current = get().forms[caseId]
        if (current && (current.status === 'ready' || current.submitting)) return
        patch(caseId, { ...empty() })
        try {
          const c = await deps.client.getCase(caseId)
          const request = c.supplement && !c.supplement.resolvedAt ? c.supplement : undefined
          if (!request) return patch(caseId, { status: 'error', error: '该办件当前不需要补正' })
          // parsed as the journey parses it: a template that does not fit is one clear error
          const parsed = templateOrMessage(await deps.client.getBundle(c.bundleId, c.templateVersion))
          if (!parsed.ok) return patch(caseId, { status: 'error', error: parsed.message })
          const t = parsed.template
          bundleOf = { ...bundleOf, [caseId]: c.bundleId }
          const fields = request.fields.map((id) => t.fields.find((f) => f.id === id)).filter((f): f is Field => !!f)
          const materials = request.materials.map((id) => t.materials.find((m) => m.id === id)).filter((m): m is Material => !!m)
          // prefilled with what was sent before
          const values = Object.fromEntries(fields.map((f) => [f.id, c.content.values[f.id] ?? '']))
          patch(caseId, { status: 'ready', request, fields, materials, values })
        } catch (e) {
          patch(caseId, { status: 'error', error: isPlatformError(e) ? e.message : '暂时无法读取补正要求，请稍后重试' })
        }
      },
      setValue(caseId, fieldId, value) {
        patch(caseId, (f) => {
          const fieldErrors = { ...f.fieldErrors }
          delete fieldErrors[fieldId]
          return { values: { ...f.values, [fieldId]: value }, fieldErrors }
        })
      },
      async pick(caseId, materialId) {
        const f = get().forms[caseId]
        const m = f?.materials.find((x) => x.id === materialId)
        if (!m?.upload) return
        const have = (f.files[materialId] ?? []).filter((x) => x.status !== 'failed').length
        const picked = await deps.picker({ accept: m.upload.accept, count: Math.max(1, m.upload.maxCount - have) })
        for (const file of picked) {
          const refused = checkPickedFile(file, m.upload)
          const index = (get().forms[caseId].files[materialId] ?? []).length
          const put = (item: SupplementFile) =>
            patch(caseId, (x) => {
              const list = [...(x.files[materialId] ?? [])]
              list[index] = item
              const materialErrors = { ...x.materialErrors }
              if (item.status === 'done') delete materialErrors[materialId]
              return { files: { ...x.files, [materialId]: list }, materialErrors }
            })
          if (refused) {
            put({ name: file.name, status: 'failed', error: refused })
            continue
          }
          put({ name: file.name, status: 'uploading' })
          try {
            const res = await deps.client.uploadFile({ bundleId: bundleOf[caseId], materialId, file })
            put({ name: file.name, status: 'done', fileId: res.fileId })
          } catch (e) {
            put({ name: file.name, status: 'failed', error: isPlatformError(e) ? e.materialErrors?.[materialId] ?? e.message : '上传失败，请重试' })
          }
        }
      },
      removeFile(caseId, materialId, index) {
        patch(caseId, (f) => ({ files: { ...f.files, [materialId]: (f.files[materialId] ?? []).filter((_, i) => i !== index) } }))
      },
      async submit(caseId, today) {
        const f = get().forms[caseId]
        if (!f || f.status !== 'ready' || f.submitting) return undefined
        // the form's own validators: the platform checks the same
        const fieldErrors: Record<string, string> = {}
        const values: Record<string, string> = {}
        for (const field of f.fields) {
          const r = validateFieldValue(field, f.values[field.id], { today, required: !field.optional })
          if (!r.ok) fieldErrors[field.id] = r.message
          else values[field.id] = r.value === undefined ? '' : String(r.value)
        }
        const materialErrors: Record<string, string> = {}
        const materials: Record<string, { mode: 'upload'; fileIds: string[] }> = {}
        for (const m of f.materials) {
          const files = f.files[m.id] ?? []
          if (files.some((x) => x.status === 'uploading')) materialErrors[m.id] = `${m.name}还在上传，请稍候`
          const ids = files.filter((x) => x.status === 'done' && x.fileId).map((x) => x.fileId!)
          if (!ids.length) materialErrors[m.id] ??= `请重新上传${m.name}`
          else materials[m.id] = { mode: 'upload', fileIds: ids }
        }
        if (Object.keys(fieldErrors).length || Object.keys(materialErrors).length) {
          patch(caseId, { fieldErrors, materialErrors, submitError: `有 ${Object.keys(fieldErrors).length + Object.keys(materialErrors).length} 处需要修改，请按提示修改后再提交` })
          return undefined
        }
        const key = f.key ?? newKey()
        patch(caseId, { key, submitting: true, submitError: undefined })
        try {
          const rec = await deps.client.submitSupplement(caseId, { values, materials }, key)
          patch(caseId, { status: 'sent', submitting: false, key: undefined })
          return rec
        } catch (e) {
          const pe = isPlatformError(e) ? e : undefined
          // a refusal drops the key (the corrected content is a new request); a lost answer keeps it
          const keepKey = !pe || ['offline', 'timeout', 'server'].includes(pe.kind)
          patch(caseId, {
            submitting: false,
            key: keepKey ? key : undefined,
            fieldErrors: pe?.fieldErrors ?? {},
            materialErrors: pe?.materialErrors ?? {},
            submitError: pe ? (keepKey ? `${sentence(pe.message)}补正尚未确认提交，请再点一次“提交补正”（不会重复提交）` : pe.message) : '补正未能提交，请重试',
          })
          return undefined
        }
      },
    }
  })
}

export type SupplementStore = ReturnType<typeof createSupplementStore>
