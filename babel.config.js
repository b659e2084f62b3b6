// babel-preset-taro: no core-js polyfills (modern ES-module targets, see docs/decisions.md).
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5', useBuiltIns: false }]],
}
