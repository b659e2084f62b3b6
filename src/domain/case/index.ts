export type * from './types'
export * from './clock'
export * from './state'
export * from './rules'
