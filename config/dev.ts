import type { UserConfigExport } from '@tarojs/cli'

const mockPort = process.env.MOCK_PORT ?? '3100'

export default {
  logger: { quiet: false, stats: false },
  mini: {},
  h5: {
    devServer: {
      host: '0.0.0.0',
      port: Number(process.env.H5_PORT ?? 10086),
      open: false,
      // The page calls /api on its own origin; the mock platform answers it.
      // xfwd: the mock sees who is really calling (a phone on the network is not this machine)
      proxy: { '/api': { target: `http://127.0.0.1:${mockPort}`, changeOrigin: true, xfwd: true } },
    },
  },
} satisfies UserConfigExport<'webpack5'>
