/** Unit, component and contract tests. Browser E2E (jest.e2e.config.js) and the WeChat runtime (jest.weapp.config.js) run separately. */
module.exports = {
  testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/test/**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/', '<rootDir>/test/weapp/'],
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2020' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(@tarojs|@stencil|tslib|chinese-days|classnames|\.pnpm)/)'],
  setupFiles: ['<rootDir>/test/support/taro-globals.js'],
  setupFilesAfterEnv: ['<rootDir>/test/support/setup.ts'],
  moduleNameMapper: {
    '^@/(.*)$': '<rootDir>/src/$1',
    // The H5 build renders src/components/h5-elements.ts (plain View and Text, the rest @tarojs/components-react);
    // tests render the same code, with the package's plain React components only (its index also loads Stencil's).
    '^@tarojs/components$': '<rootDir>/src/components/h5-elements.ts',
    '^@tarojs/components-react$': '<rootDir>/test/support/taro-components.ts',
    '\\.(css|scss|less)$': '<rootDir>/test/support/style-stub.js',
  },
}
