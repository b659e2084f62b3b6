// 长辈版, simpler and not only bigger: what an elder passes on the way, from the same guidance everyone gets.
// Questions the platform can answer from the profile or e-licences are not asked (for everyone, see
// stores/journey); in 长辈版 the form also folds away the optional fields nothing was typed in.
import type { FieldView, Guidance } from './types'

/**
 * 长辈版's form: an optional field stays in view when it holds something (typed or prefilled), shows an
 * error, or the platform refused it; every other optional field goes behind one "选填项（可不填）" control.
 */
export function foldOptional(fields: FieldView[], refused: Record<string, string> = {}): { shown: FieldView[]; folded: FieldView[] } {
  const shown: FieldView[] = []
  const folded: FieldView[] = []
  for (const f of fields) {
    const quiet = !f.required && !f.prefill && f.value.trim() === '' && !f.error && !refused[f.id]
    ;(quiet ? folded : shown).push(f)
  }
  return { shown, folded }
}

export interface PathLength {
  /** pages from the guide to 核对信息 (guide, each question asked, form, materials, 办理方式 when needed, review) */
  screens: number
  questionsAsked: number
  /** answered from the profile or e-licences: confirmed on 核对信息, not asked */
  questionsAnsweredForYou: number
  /** fields in view on the form (locked prefilled ones included) */
  fieldsShown: number
  /** of those, the ones to fill in by hand */
  fieldsToFill: number
  /** behind 选填项 (长辈版 only) */
  fieldsFolded: number
}

/** The length of the path the guidance describes, as a standard or an elder user passes it. */
export function pathLength(g: Guidance, elder: boolean): PathLength {
  const fromData = g.questions.visible.filter((v) => v.fromData).length
  const asked = g.questions.visible.length - fromData
  const all = g.fields.all
  const { shown, folded } = elder ? foldOptional(all) : { shown: all, folded: [] }
  return {
    screens: 1 + asked + 1 + 1 + (g.delivery.needed ? 1 : 0) + 1,
    questionsAsked: asked,
    questionsAnsweredForYou: fromData,
    fieldsShown: shown.length,
    fieldsToFill: shown.filter((f) => !f.prefill).length,
    fieldsFolded: folded.length,
  }
}
