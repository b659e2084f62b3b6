// Every schema a reply of the platform client is checked with (loaded through reply-schemas.ts).
export { CaseListResponseSchema, CaseRecordSchema, OpenBookingContentSchema, DraftListEnvelopeSchema, DraftRecordSchema, InvitationSchema, InvitationViewSchema, PartyConfirmationSchema } from '../contract-schema'
export { LicenceKindListSchema } from '../../domain/template/licence-kinds'
