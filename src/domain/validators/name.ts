// Chinese personal names, including minority names joined by the middle dot (阿卜杜·热合曼).
import { Result, charCount, invalid } from './result'

/** CJK Unified Ideographs, Ext A, compatibility, and Ext B–G via surrogate pairs (rare characters in names). */
const HAN = '(?:[\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF]|[\\uD840-\\uD888][\\uDC00-\\uDFFF])'
const HAN_NAME = new RegExp(`^${HAN}+(?:·${HAN}+)*$`)
const HAN_CHAR = new RegExp(HAN)
/** Latin names (allowLatin): words of letters separated by one space, dot or hyphen. */
const LATIN_NAME = /^[A-Za-z]+(?:[ ·.'-][A-Za-z]+)*$/

/** IMEs give several look-alike dots; the register uses U+00B7. */
const DOT_VARIANTS = /[\u2022\u2027\u30FB\uFF65\u2219\u22C5\u00B7]/g

export interface NameOptions {
  label?: string
  /** allow Latin letters (foreign applicants); digits are never part of a name */
  allowLatin?: boolean
}

export type NameResult = Result<string>

export function validateName(raw: string, options: NameOptions = {}): NameResult {
  const label = options.label ?? '姓名'
  const s = raw.trim().replace(DOT_VARIANTS, '·')
  if (s === '') return invalid('empty', `请填写${label}`)
  if (/[0-9\uFF10-\uFF19]/.test(s)) return invalid('digit', `${label}不能包含数字`)
  const len = charCount(s)
  if (len < 2) return invalid('too-short', `${label}至少为2个字`)
  if (len > 20) return invalid('too-long', `${label}不能超过20个字`)
  if (HAN_NAME.test(s)) return { ok: true, value: s }
  if (options.allowLatin && !HAN_CHAR.test(s) && LATIN_NAME.test(s)) return { ok: true, value: s }
  if (/[A-Za-z\uFF21-\uFF3A\uFF41-\uFF5A]/.test(s)) {
    return options.allowLatin
      ? invalid('latin', `${label}格式不正确：外文姓名只能包含字母，词之间用一个空格或“·”分隔，不要与汉字混写`)
      : invalid('latin', `${label}请填写中文，不能包含英文字母`)
  }
  if (/[\s\u3000]/.test(s)) return invalid('space', `${label}中不能有空格`)
  if (s.includes('·')) return invalid('dot', `${label}中的间隔点“·”只能出现在两个字之间`)
  return invalid('bad-char', `${label}只能包含汉字和间隔点“·”`)
}
