// The schemas the client checks replies with. On H5 they (and the contract schemas they are part of) load with
// the first reply that needs one, so the opening page's code does not carry them; the catalogue's replies need
// none. reply-schemas.weapp.ts: WeChat has them in the package.
export type ReplySchemas = typeof import('./reply-schema-set')

export const loadReplySchemas = (): Promise<ReplySchemas> => import('./reply-schema-set')
