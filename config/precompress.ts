// H5: a brotli copy (`<file>.br`, quality 11) beside each script, stylesheet and index.html of the build, for the
// server to send to browsers that take `br` (mock/server/static.ts; nginx's brotli_static in a deployment). At
// quality 11 the entry's scripts are about 14% smaller than gzip -9; compressing that hard costs ~0.4 s per large
// file, so it is done once here, not on each request.
import { promisify } from 'node:util'
import { brotliCompress, constants } from 'node:zlib'
import { Compilation, sources, type Compiler } from 'webpack'

const NAME = 'PrecompressPlugin'
const compress = promisify(brotliCompress)
/** what the server compresses at all (mock/server/compress.ts COMPRESS_MIN_BYTES; Taro's config loader does not
 *  compile files outside config/, so it cannot import it): smaller files go as they are */
const MIN_BYTES = 1024
const TEXT = /\.(js|css|html)$/

/** `source` compressed as the server sends it with `Content-Encoding: br` */
export function brotli(source: Buffer): Promise<Buffer> {
  return compress(source, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: source.length } })
}

export class PrecompressPlugin {
  apply(compiler: Compiler): void {
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      // after index.html is written and every asset is minified (the transfer stage)
      compilation.hooks.processAssets.tapPromise({ name: NAME, stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER }, async (assets) => {
        await Promise.all(
          Object.entries(assets)
            .filter(([name, asset]) => TEXT.test(name) && asset.size() >= MIN_BYTES)
            .map(async ([name, asset]) => {
              const body = asset.buffer()
              compilation.emitAsset(`${name}.br`, new sources.RawSource(await brotli(body)), { compressed: true, minimized: true })
            }),
        )
      })
    })
  }
}
