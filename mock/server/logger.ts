// Server log. Every line goes through redactSensitive: ID numbers, mobiles and card numbers never reach it.
import { redactSensitive } from '../../src/domain/mask'

export interface Logger {
  info(line: string): void
  warn(line: string): void
  error(line: string): void
}

export const consoleLogger: Logger = {
  info: (l) => console.log(`${new Date().toISOString()} ${l}`),
  warn: (l) => console.warn(`${new Date().toISOString()} WARN ${l}`),
  error: (l) => console.error(`${new Date().toISOString()} ERROR ${l}`),
}

export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined }

export function redactingLogger(inner: Logger): Logger {
  return {
    info: (l) => inner.info(redactSensitive(l)),
    warn: (l) => inner.warn(redactSensitive(l)),
    error: (l) => inner.error(redactSensitive(l)),
  }
}
