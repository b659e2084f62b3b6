// WeChat: the reply schemas come with the package (reply-schemas.ts loads them late on H5).
import * as schemas from './reply-schema-set'

export type ReplySchemas = typeof schemas

export const loadReplySchemas = (): Promise<ReplySchemas> => Promise.resolve(schemas)
