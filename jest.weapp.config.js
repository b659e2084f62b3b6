/**
 * The WeChat build (dist/weapp) run in the headless WeChat runtime of test/weapp/support: needs
 * `npm run build:weapp` first; scripts/test.sh runs it right after that build.
 */
const base = require('./jest.config.js')

module.exports = {
  ...base,
  testMatch: ['<rootDir>/test/weapp/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 60000,
}
