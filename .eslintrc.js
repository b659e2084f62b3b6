// Taro's React rules plus the layer rule: src/domain stays pure (no Taro, React or zustand).
module.exports = {
  root: true,
  extends: ['taro/react'],
  parser: '@typescript-eslint/parser',
  plugins: ['@typescript-eslint'],
  rules: {
    'react/jsx-uses-react': 'off',
    'react/react-in-jsx-scope': 'off',
    'no-unused-vars': 'off',
    '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    'import/first': 'off',
  },
  overrides: [
    {
      files: ['src/domain/**'],
      rules: {
        'no-restricted-imports': ['error', { patterns: ['@tarojs/*', 'react', 'react-dom', 'zustand', 'zustand/*', '@/services/*', '@/stores/*', '@/pages/*', '@/components/*', '../services/*', '../stores/*'] }],
        'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'domain 层不读时钟：当前时间由调用方传入。' }],
        'no-restricted-syntax': [
          'error',
          { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'domain 层不读时钟：当前时间由调用方传入。' },
          { selector: "CallExpression[arguments.length=0][callee.name='dayjs'], CallExpression[arguments.length=0][callee.object.name='dayjs']", message: 'domain 层不读时钟：当前时间由调用方传入。' },
        ],
      },
    },
    {
      files: ['src/services/**'],
      rules: {
        'no-restricted-imports': ['error', { patterns: ['react', 'zustand', '@/stores/*', '@/pages/*', '@/components/*'] }],
      },
    },
    {
      files: ['src/stores/**'],
      rules: { 'no-restricted-imports': ['error', { patterns: ['@/pages/*', '@/components/*'] }] },
    },
    {
      files: ['src/components/**'],
      rules: { 'no-restricted-imports': ['error', { patterns: ['@/stores/*', '@/services/*', '@/pages/*'] }] },
    },
    {
      files: ['src/pages/**'],
      rules: { 'no-restricted-imports': ['error', { patterns: ['@/services/http/*'] }] },
    },
  ],
  ignorePatterns: ['dist/', 'node_modules/', '*.js', '!.eslintrc.js'],
}
