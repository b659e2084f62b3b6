import type { UserConfigExport } from '@tarojs/cli'

export default {
  mini: {},
  h5: {
    // No legacy polyfills: targets are the ES-module browsers in package.json "browserslist".
    enableExtract: true,
  },
} satisfies UserConfigExport<'webpack5'>
