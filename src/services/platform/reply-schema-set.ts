// Every schema a reply of the platform client is checked with, and the parse that checks it (valibot), loaded
// through reply-schemas.ts: on H5 the client in the first load carries neither.
export { CaseListResponseSchema, CaseRecordSchema, OpenBookingContentSchema, DraftListEnvelopeSchema, DraftRecordSchema, InvitationSchema, InvitationViewSchema, PartyConfirmationSchema, SharedRecordResponseSchema } from '../contract-schema'
export { LicenceKindListSchema } from '../../domain/template/licence-kinds'
export { parseWith } from '../../domain/draft-schema'
