import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import { readConfig, resolveMainFilePath } from '@tarojs/helper'
import webpack from 'webpack'
import devConfig from './dev'
import { PagePreloadPlugin } from './page-preload'
import { PrecompressPlugin } from './precompress'
import prodConfig from './prod'

const platform = process.env.TARO_ENV ?? 'h5'
const mockPort = process.env.MOCK_PORT ?? '3100'

/** Where the app finds the platform. H5 calls its own origin (the dev server proxies /api, the E2E server
 *  serves both); the mini-program needs an absolute URL. TARO_APP_API_BASE overrides either. */
function apiBase(): string {
  if (process.env.TARO_APP_API_BASE !== undefined) return process.env.TARO_APP_API_BASE
  return platform === 'h5' ? '' : `http://127.0.0.1:${mockPort}`
}

const sourceRoot = process.env.TARO_SOURCE_ROOT ?? 'src'
const sourceDir = path.resolve(__dirname, '..', sourceRoot)

/** the page H5 opens at an address without a route, as Taro's router picks it from app.config */
function firstPageOf(root: string): string {
  const config = readConfig(resolveMainFilePath(path.join(root, 'app.config'))) as { entryPagePath?: string; pages?: string[] }
  return config.entryPagePath ?? config.pages?.[0] ?? ''
}

const stubs = path.resolve(__dirname, 'h5-stubs')
/** where src/components/h5-elements.ts and the plain elements it exports live (H5's `@tarojs/components`) */
const H5_ELEMENTS_DIR = path.resolve(__dirname, '..', 'src', 'components')
/** What Taro's H5 runtime imports but the app's target browsers and code do not need (H5 only). */
const H5_STUBS: Record<string, string> = {
  'whatwg-fetch': path.join(stubs, 'empty.js'),
  'abortcontroller-polyfill/dist/abortcontroller-polyfill-only': path.join(stubs, 'empty.js'),
  'jsonp-retry': path.join(stubs, 'jsonp-retry.js'),
  // the Stencil components' CSS (weui icon font inlined, 6 KB): the React DOM components bring their own
  '@tarojs/components/dist/taro-components/taro-components.css': path.join(stubs, 'empty.js'),
  // the Stencil tab bar Taro's router imports once app.config.ts has a tabBar (the app draws its own on H5)
  '@tarojs/components/dist/components': path.join(stubs, 'web-components.js'),
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'hunan-yijianshi',
    date: '2026-11-26',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    // TARO_SOURCE_ROOT builds another app with this very config: the bench's empty shell (bench/empty-shell/src)
    sourceRoot,
    // TARO_OUTPUT_ROOT builds elsewhere (e.g. a bench of another build) without touching dist/<platform>
    outputRoot: process.env.TARO_OUTPUT_ROOT ?? `dist/${platform}`,
    plugins: [],
    defineConstants: {
      API_BASE: JSON.stringify(apiBase()),
    },
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: process.env.TARO_CACHE === '1' },
    mini: {
      webpackChain(chain) {
        // H5's transport (services/http/app-transport.ts) is named but never called on WeChat: not in the package
        chain.module.rule('h5-transport-pure').test(/[\\/]src[\\/]services[\\/]http[\\/](app|fetch)-transport\.ts$/).set('sideEffects', false)
      },
      // Packages that ship syntax newer than the oldest phone parses (uqr: ES2022 class fields, which iOS 14.0-14.4
      // cannot) go through Babel with the app's targets; scripts/scan-weapp.ts fails the build on any other.
      compile: { include: [(file: string) => /node_modules[\\/]uqr[\\/]/.test(file)] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      // The page is empty until the entry has run (index.html has no content): its scripts are fetched at high
      // priority and run at the end of <body>, which for this document runs them exactly when `defer` would. With
      // `defer` they are fetched at low priority, and Lighthouse's simulation assumed the first paint could come
      // before them (docs/decisions.md, H5 performance).
      htmlPluginOption: { scriptLoading: 'blocking', inject: 'body' },
      // Plain React DOM components (@tarojs/components-react) instead of Stencil web components:
      // smaller, real <input>/<button> semantics for screen readers, and the same code jest renders.
      useHtmlComponents: true,
      // the alias targets below are compiled wherever the app's source root is (the bench's empty shell has its own)
      compile: { include: [H5_ELEMENTS_DIR] },
      // H5_SOURCE_MAP=1 writes source maps (what each chunk is made of: scripts/bundle-map.ts); never in a release
      enableSourceMap: process.env.H5_SOURCE_MAP === '1',
      sourceMapType: 'source-map',
      webpackChain(chain) {
        // Every target browser has fetch and AbortController, the app never asks Taro.request for JSONP and
        // uses no Stencil component: these would only cost first-load bytes and start-up time.
        for (const [name, stub] of Object.entries(H5_STUBS)) chain.resolve.alias.set(`${name}$`, stub)
        // the opening page's chunk is fetched with the entry, not one round trip after it (config/page-preload.ts)
        chain.plugin('page-preload').use(PagePreloadPlugin, [{ sourceRoot: sourceDir, firstPage: firstPageOf(sourceDir) }])
        // a release sends brotli to browsers that take it (config/precompress.ts); the dev server's rebuilds skip it
        if (process.env.NODE_ENV === 'production') chain.plugin('precompress').use(PrecompressPlugin)
        // Taro's router draws no tab bar when app.config's tabBar is custom (H5): its tab bar module, without the APIs
        chain.plugin('router-tabbar').use(webpack.NormalModuleReplacementPlugin, [/[\\/]@tarojs[\\/]router[\\/]dist[\\/]tabbar\.js$/, path.join(stubs, 'router-tabbar.js')])
        // Taro's transport is named but never called on H5 (services/app.ts): the entry must not keep its module (it
        // would pull the platform-client chunk into the first load); it has no side effects
        chain.module.rule('taro-transport-pure').test(/[\\/]src[\\/]services[\\/]http[\\/]taro-transport\.ts$/).set('sideEffects', false)
        // View, Text, Button and Image as plain elements (src/components/h5-elements.ts); set here, after Taro's H5 plugin sets its own
        chain.resolve.alias.set('@tarojs/components$', path.join(H5_ELEMENTS_DIR, 'h5-elements.ts'))
        // Draft sync loads late (src/stores/sync-start.ts) but the journey pages import it: one chunk for all of
        // them, not a copy in each page's chunk (Taro splits only initial chunks) plus one for the late load.
        // The same for the full platform client (src/services/app-platform.ts).
        chain.optimization.merge({
          splitChunks: {
            cacheGroups: {
              draftSync: { name: 'draft-sync', test: /[\\/]src[\\/](stores[\\/](sync|app-sync)|domain[\\/]draft-merge)\.ts$/, chunks: 'all', enforce: true, priority: 50 },
              // the full platform client: loaded late by the stores built at start (services/app-platform.ts) and
              // imported by the stores of later pages: one chunk, not a copy in each
              platformClient: {
                name: 'platform-client',
                test: /[\\/]src[\\/]services[\\/](app-client|files|upload-transport|http[\\/]taro-(upload|transport)|platform[\\/](client|ids|canonical))\.ts$|[\\/]@tarojs[\\/]taro-h5[\\/]dist[\\/]api[\\/]network[\\/](upload|utils)\.js$/,
                chunks: 'all',
                enforce: true,
                priority: 40,
              },
              // valibot and the draft schemas left the entry (stores/draft-reader.ts, services/platform/reply-schemas.ts):
              // one chunk for every page and late load that parses, not a copy in each
              valibot: { name: 'valibot', test: /[\\/]node_modules[\\/]valibot[\\/]|[\\/]src[\\/]domain[\\/]draft-schema\.ts$/, chunks: 'all', enforce: true, priority: 30 },
            },
          },
        })
        // Taro's own CSS (reset, components) is injected from JS at start-up by style-loader: in a production
        // build it goes into the page's stylesheet instead, before the app's rules (src/taro-styles.h5.ts).
        if (chain.plugins.has('miniCssExtractPlugin')) {
          const extract = chain.module.rule('customStyle').uses.values()[0].get('loader') as string
          const taroStyle = chain.module.rule('taroStyle')
          taroStyle.uses.clear()
          taroStyle.use('extract').loader(extract)
        }
      },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[contenthash:8].css', chunkFilename: 'css/[name].[contenthash:8].css' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  }
  return merge({}, baseConfig, process.env.NODE_ENV === 'development' ? devConfig : prodConfig)
})
