/** Browser end-to-end tests: the production H5 build and the mock platform on loopback, in headless Chromium. */
const base = require('./jest.config.js')

module.exports = {
  ...base,
  testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 60000,
}
