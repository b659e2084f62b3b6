// Public API of the domain layer (pure TypeScript: shared by the app and the mock server).
export type * from './template/types'
export type * from './draft'
export { parseTemplate, BundleTemplateSchema, jsonPath } from './template/schema'
export type { ParseTemplateResult, TemplateIssue } from './template/schema'
export {
  evaluateRule,
  holds,
  numericBoundaries,
  pickByRegion,
  resolveParam,
  resolveParams,
  ruleParamRefs,
  ruleQuestionRefs,
  templateNumericBoundaries,
  walkRule,
} from './rules'
export type { ParamValue, RuleScope, RuleValue } from './rules'
export * from './engine'
export { migrateDraft } from './migrate'
export type { DroppedItem, MigrationResult } from './migrate'
export * from './validators'
export * from './calendar'
export { ageText, minimumContributionMonths, retirementPlan } from './retirement'
export type { Age, OriginalRetirementAge, RetirementInput, RetirementMoment, RetirementPlan } from './retirement'
export * from './mask'
export * from './case'
export { departmentContacts, phoneNumbersIn, HOTLINE } from './contacts'
export type { DepartmentContact } from './contacts'
export { sessionExpiry, SESSION_WARN_BEFORE_MS, type SessionExpiry } from './session-expiry'
