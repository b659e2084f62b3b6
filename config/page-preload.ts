// H5: the opening page's chunk is fetched with the entry, not after it. Taro loads a page's chunk only once the
// entry has run and its router has read the address: one more round trip before anything is shown (about 0.56 s
// on Lighthouse's throttled slow 4G). This plugin writes, into index.html, a small script that reads the address
// (hash routing) and preloads that page's scripts and styles, named as the build named them.
import path from 'node:path'
import HtmlWebpackPlugin from 'html-webpack-plugin'
import type { Compilation, Compiler } from 'webpack'

const NAME = 'PagePreloadPlugin'

/** route ('pages/my-cases/index') → the files of its chunk group, as the browser asks for them */
export function pageFiles(compilation: Compilation, sourceRoot: string, publicPath: string): Record<string, string[]> {
  const routes: Record<string, string[]> = {}
  for (const group of compilation.chunkGroups) {
    if (group.isInitial()) continue
    for (const origin of group.origins) {
      const resource = origin.request && path.resolve(origin.module && 'context' in origin.module && typeof origin.module.context === 'string' ? origin.module.context : sourceRoot, origin.request)
      if (!resource) continue
      const route = path.relative(sourceRoot, resource).split(path.sep).join('/').replace(/\.[jt]sx?$/, '')
      if (!/^pages\/.+\/index$/.test(route)) continue
      const files = group.chunks.flatMap((c) => [...c.files]).filter((f) => /\.(js|css)$/.test(f))
      routes[route] = files.map((f) => `${publicPath}${f}`)
    }
  }
  return routes
}

/** the inline script: an ES5 function of the map (every target runs it before any of the app's code) */
export function preloadScript(routes: Record<string, string[]>, firstPage: string): string {
  return (
    '!function(m){var r=location.hash.replace(/^#\\/?/,"").split("?")[0]||' +
    JSON.stringify(firstPage) +
    ',f=m[r]||[];for(var i=0;i<f.length;i++){var l=document.createElement("link");l.rel="preload";l.setAttribute("as",/\\.css$/.test(f[i])?"style":"script");l.href=f[i];document.head.appendChild(l)}}(' +
    JSON.stringify(routes) +
    ')'
  )
}

export class PagePreloadPlugin {
  constructor(private readonly options: { sourceRoot: string; firstPage: string }) {}

  apply(compiler: Compiler): void {
    compiler.hooks.compilation.tap(NAME, (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap(NAME, (data) => {
        const publicPath = typeof compilation.outputOptions.publicPath === 'string' ? compilation.outputOptions.publicPath : '/'
        const routes = pageFiles(compilation, this.options.sourceRoot, publicPath)
        if (Object.keys(routes).length) {
          data.headTags.unshift(HtmlWebpackPlugin.createHtmlTagObject('script', {}, preloadScript(routes, this.options.firstPage)))
        }
        return data
      })
    })
  }
}
