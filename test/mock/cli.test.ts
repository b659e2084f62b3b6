// The CLI (`npx tsx mock/main.ts`): env settings, MOCK_FAULTS, and a built H5 app served at the same origin.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from 'node:zlib'
import { REPO, tmpDir } from '../contract/support/harness'

let child: ChildProcess
let url: string
let output = ''
const dataDir = tmpDir('yjs-cli-data-')
const site = tmpDir('yjs-cli-site-')
const appJs = `console.log(${JSON.stringify('一件事一次办 '.repeat(200))})\n`

beforeAll(async () => {
  fs.writeFileSync(path.join(site, 'index.html'), '<!doctype html><html lang="zh-CN"><title>一件事一次办</title><div id="app"></div>')
  fs.mkdirSync(path.join(site, 'js'))
  fs.writeFileSync(path.join(site, 'js', 'app.1a2b3c4d.js'), appJs)
  // the build's brotli copy of the entry (config/precompress.ts); the page chunk has none
  fs.writeFileSync(path.join(site, 'js', 'app.1a2b3c4d.js.br'), brotliCompressSync(appJs))
  fs.writeFileSync(path.join(site, 'js', 'page.5e6f7a8b.js'), appJs)
  fs.writeFileSync(path.join(site, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
  child = spawn(process.execPath, [path.join(REPO, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'mock/main.ts'], {
    cwd: REPO,
    env: {
      ...process.env,
      MOCK_PORT: '0',
      MOCK_HOST: '127.0.0.1',
      MOCK_DATA_DIR: dataDir,
      MOCK_STATIC_DIR: site,
      MOCK_ADMIN_TOKEN: 'cli-admin',
      MOCK_FAULTS: JSON.stringify({ seed: 1, faults: [{ route: 'GET /regions', errorRate: 1 }] }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.on('data', (d) => (output += d))
  child.stderr!.on('data', (d) => (output += d))
  const deadline = Date.now() + 20_000
  while (!/已启动：(http:\/\/[\d.:]+)\/api\/v1/.test(output)) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`mock did not start:\n${output}`)
    await new Promise((res) => setTimeout(res, 50))
  }
  url = /已启动：(http:\/\/[\d.:]+)\/api\/v1/.exec(output)![1]
}, 30_000)

afterAll(async () => {
  if (child.exitCode === null) {
    child.kill('SIGTERM')
    await new Promise((res) => child.once('exit', res))
  }
})

function get(p: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  // node:http, not fetch: fetch would normalise '..' out of the path and decode gzip itself
  return new Promise((resolve, reject) => {
    const u = new URL(url)
    const req = http.request({ host: u.hostname, port: u.port, path: p, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }))
    })
    req.on('error', reject)
    req.end()
  })
}

test('prints its URL and answers health; the data folder comes from MOCK_DATA_DIR', async () => {
  const res = await get('/api/v1/health')
  expect(res.status).toBe(200)
  expect(JSON.parse(res.body.toString())).toMatchObject({ ok: true, version: expect.any(String) })
  expect(fs.existsSync(path.join(dataDir, 'meta.json'))).toBe(true)
})

test('MOCK_FAULTS and MOCK_ADMIN_TOKEN are read from the environment', async () => {
  expect((await get('/api/v1/regions')).status).toBe(503)
  expect((await get('/api/v1/admin/faults', { 'X-Admin-Token': 'cli-admin' })).status).toBe(200)
  expect((await get('/api/v1/admin/faults', { 'X-Admin-Token': 'dev-admin' })).status).toBe(403)
  expect(output).toContain('X-Admin-Token: cli-admin')
})

test('serves the H5 app: index, SPA fallback, content types, gzip, caching', async () => {
  const index = await get('/')
  expect(index.status).toBe(200)
  expect(index.headers['content-type']).toBe('text/html; charset=utf-8')
  expect(index.headers['cache-control']).toBe('no-cache')
  const page = await get('/pages/journey/guide/index?id=kaiban-canyin')
  expect(page.status).toBe(200)
  expect(page.body.toString()).toContain('<div id="app">')
  const js = await get('/js/app.1a2b3c4d.js', { 'Accept-Encoding': 'gzip' })
  expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8')
  expect(js.headers['content-encoding']).toBe('gzip')
  expect(js.headers['cache-control']).toContain('immutable')
  expect(gunzipSync(js.body).toString()).toBe(appJs)
  expect(js.body.length).toBeLessThan(appJs.length)
  const plain = await get('/js/app.1a2b3c4d.js')
  expect(plain.headers['content-encoding']).toBeUndefined()
  expect(plain.body.toString()).toBe(appJs)
  expect((await get('/logo.svg')).headers['content-type']).toBe('image/svg+xml')
  expect((await get('/js/missing.js')).status).toBe(404)
})

test('a browser that takes brotli gets the build’s brotli copy; without one, or when br is refused, gzip', async () => {
  const br = await get('/js/app.1a2b3c4d.js', { 'Accept-Encoding': 'gzip, deflate, br, zstd' })
  expect(br.headers['content-encoding']).toBe('br')
  expect(br.headers.vary).toContain('Accept-Encoding')
  expect(br.headers['content-type']).toBe('text/javascript; charset=utf-8')
  expect(Number(br.headers['content-length'])).toBe(br.body.length)
  expect(brotliDecompressSync(br.body).toString()).toBe(appJs)

  const noCopy = await get('/js/page.5e6f7a8b.js', { 'Accept-Encoding': 'gzip, br' })
  expect(noCopy.headers['content-encoding']).toBe('gzip')
  expect(gunzipSync(noCopy.body).toString()).toBe(appJs)

  const refused = await get('/js/app.1a2b3c4d.js', { 'Accept-Encoding': 'br;q=0, gzip' })
  expect(refused.headers['content-encoding']).toBe('gzip')
  expect(gunzipSync(refused.body).toString()).toBe(appJs)
})

test('API JSON is gzipped for a caller that takes gzip (Vary: Accept-Encoding); small answers and other callers get it plain', async () => {
  const plain = await get('/api/v1/bundles/kaiban-canyin')
  expect(plain.headers['content-encoding']).toBeUndefined()
  expect(plain.headers.vary).toContain('Accept-Encoding')
  const template = JSON.parse(plain.body.toString())
  expect(template.id).toBe('kaiban-canyin')

  const zipped = await get('/api/v1/bundles/kaiban-canyin', { 'Accept-Encoding': 'gzip, deflate, br' })
  expect(zipped.headers['content-encoding']).toBe('gzip')
  expect(zipped.headers['content-type']).toBe('application/json; charset=utf-8')
  expect(zipped.headers.vary).toContain('Accept-Encoding')
  expect(Number(zipped.headers['content-length'])).toBe(zipped.body.length)
  expect(zipped.body.length).toBeLessThan(plain.body.length / 3)
  expect(JSON.parse(gunzipSync(zipped.body).toString())).toEqual(template)

  // a browser's cross-origin call keeps its CORS Vary as well
  const cors = await get('/api/v1/bundles/kaiban-canyin', { 'Accept-Encoding': 'gzip', Origin: 'http://localhost:10086' })
  expect(cors.headers['content-encoding']).toBe('gzip')
  expect(cors.headers.vary).toMatch(/Origin/)
  expect(cors.headers.vary).toMatch(/Accept-Encoding/)

  expect((await get('/api/v1/bundles/kaiban-canyin', { 'Accept-Encoding': 'gzip;q=0, identity' })).headers['content-encoding']).toBeUndefined()
  const small = await get('/api/v1/health', { 'Accept-Encoding': 'gzip' })
  expect(small.headers['content-encoding']).toBeUndefined()
  expect(JSON.parse(small.body.toString()).ok).toBe(true)
})

test('never serves a file outside the folder', async () => {
  fs.writeFileSync(path.join(path.dirname(site), 'secret.txt'), 'secret')
  for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/js/..%2f..%2fsecret.txt', '/..%5csecret.txt']) {
    const res = await get(p)
    expect(res.status).toBe(404)
    expect(res.body.toString()).not.toContain('secret')
  }
})

test('unknown API paths stay JSON 404s (no SPA fallback under /api)', async () => {
  const res = await get('/api/v1/nothing-here')
  expect(res.status).toBe(404)
  expect(JSON.parse(res.body.toString()).error.code).toBe('NOT_FOUND')
})

test('SIGTERM stops it cleanly', async () => {
  child.kill('SIGTERM')
  const code = await new Promise((res) => child.once('exit', res))
  expect(code).toBe(0)
})
