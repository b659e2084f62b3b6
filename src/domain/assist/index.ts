// 帮代办, 一窗受理, 亲情帮办: grants, what staff scan, audit words, window marks on materials, signatures,
// refusals, 补正 and notices.
export * from './grants'
export * from './scan'
export * from './audit'
export * from './materials'
export * from './signature'
export * from './views'
export * from './window'
