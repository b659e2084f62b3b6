export { guide, longestLegalWorkingDays, validateDraft } from './guide'
export { answerError, answerLabel } from './answers'
export { LICENCE_NAMES, MATERIAL_MODE_LABELS, licenceShortName } from './labels'
export type * from './types'
