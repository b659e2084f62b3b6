// The transports: fetch (Node/H5) and the H5 app transport against a real socket, Taro (WeChat) against a mocked Taro.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { createAppTransport } from '@/services/http/app-transport'
import { createFetchTransport } from '@/services/http/fetch-transport'
import { createTaroTransport } from '@/services/http/taro-transport'
import { taroUpload } from '@/services/http/taro-upload'
import { TransportError } from '@/services/http/transport'

const taro = { request: jest.fn(), uploadFile: jest.fn() }
// jest.mock is hoisted above `taro`: read it only when called
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: { request: (o: unknown) => taro.request(o), uploadFile: (o: unknown) => taro.uploadFile(o) },
}))

describe('fetch transport', () => {
  let server: http.Server
  let url: string
  const seen: { method?: string; headers: http.IncomingHttpHeaders; body: string }[] = []
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = ''
      req.on('data', (d) => (body += d.toString('latin1')))
      req.on('end', () => {
        seen.push({ method: req.method, headers: req.headers, body })
        if (req.url === '/hang') return // never answers
        if (req.url === '/cut') return req.socket.destroy()
        res.writeHead(req.url === '/err' ? 503 : 200, { 'Content-Type': 'application/json', ETag: '"e1"' })
        res.end(JSON.stringify({ ok: true }))
      })
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    server.closeAllConnections()
    await new Promise((r) => server.close(r))
  })

  const t = createFetchTransport()

  test('passes status, lower-case headers and text on; 5xx is an answer, not an error', async () => {
    const res = await t({ method: 'GET', url: `${url}/err`, headers: { Accept: 'application/json' }, timeoutMs: 1000 })
    expect(res).toMatchObject({ status: 503, body: '{"ok":true}' })
    expect(res.headers.etag).toBe('"e1"')
  })

  test('no answer in time → TransportError timeout; a cut connection or a closed port → offline', async () => {
    await expect(t({ method: 'GET', url: `${url}/hang`, headers: {}, timeoutMs: 100 })).rejects.toMatchObject({ name: 'TransportError', kind: 'timeout' })
    await expect(t({ method: 'POST', url: `${url}/cut`, headers: {}, body: '{}', timeoutMs: 1000 })).rejects.toMatchObject({ kind: 'offline' })
    await expect(t({ method: 'GET', url: 'http://127.0.0.1:1/x', headers: {}, timeoutMs: 1000 })).rejects.toMatchObject({ kind: 'offline' })
  })

  test('uploads as multipart/form-data with its own boundary', async () => {
    await t({
      method: 'POST',
      url: `${url}/up`,
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'k-12345678' },
      body: { kind: 'upload', fields: { bundleId: 'b', materialId: 'm' }, file: { name: '材料.pdf', type: 'application/pdf', data: new Uint8Array([37, 80, 68, 70, 45]) } },
      timeoutMs: 1000,
    })
    const last = seen[seen.length - 1]
    expect(last.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/)
    expect(last.headers['idempotency-key']).toBe('k-12345678')
    expect(last.body).toContain('name="materialId"')
    expect(last.body).toContain('%PDF-')
  })

  test('H5 app transport: requests over fetch (no Taro.request), files by the upload given, none without one', async () => {
    taro.request.mockReset()
    const upload = jest.fn().mockResolvedValue({ status: 201, headers: {}, body: '{"fileId":"f-1"}' })
    const app = createAppTransport(upload)
    const res = await app({ method: 'PUT', url: `${url}/drafts/1`, headers: { 'Content-Type': 'application/json' }, body: '{"x":1}', timeoutMs: 1000 })
    expect(res).toMatchObject({ status: 200, body: '{"ok":true}' })
    expect(seen[seen.length - 1]).toMatchObject({ method: 'PUT', body: '{"x":1}' })
    await expect(app({ method: 'GET', url: `${url}/hang`, headers: {}, timeoutMs: 100 })).rejects.toMatchObject({ kind: 'timeout' })
    const file = { kind: 'upload' as const, fields: { bundleId: 'b' }, file: { name: 'a.pdf', path: 'blob:x' } }
    const up = { method: 'POST' as const, url: `${url}/up`, headers: {}, body: file, timeoutMs: 1000 }
    expect(await app(up)).toEqual({ status: 201, headers: {}, body: '{"fileId":"f-1"}' })
    expect(upload).toHaveBeenCalledWith(up, file)
    await expect(createAppTransport()(up)).rejects.toMatchObject({ kind: 'offline' })
    expect(taro.request).not.toHaveBeenCalled()
  })
})

describe('Taro transport', () => {
  const t = createTaroTransport(taroUpload)
  beforeEach(() => {
    taro.request.mockReset()
    taro.uploadFile.mockReset()
  })

  test('WeChat resolves on any status: the status is passed on for the client to judge', async () => {
    taro.request.mockResolvedValue({ statusCode: 500, header: { ETag: '"x"', 'Content-Type': 'application/json' }, data: '{"error":{}}' })
    const res = await t({ method: 'PUT', url: 'https://p/api/v1/drafts/1', headers: { A: 'b' }, body: '{"x":1}', timeoutMs: 5000 })
    expect(res).toEqual({ status: 500, headers: { etag: '"x"', 'content-type': 'application/json' }, body: '{"error":{}}' })
    expect(taro.request).toHaveBeenCalledWith(expect.objectContaining({ url: 'https://p/api/v1/drafts/1', method: 'PUT', header: { A: 'b' }, data: '{"x":1}', timeout: 5000, dataType: 'text' }))
  })

  test('an object body (a platform that parsed JSON anyway) is turned back into text', async () => {
    taro.request.mockResolvedValue({ statusCode: 200, header: {}, data: { ok: true } })
    expect((await t({ method: 'GET', url: 'u', headers: {}, timeoutMs: 1 })).body).toBe('{"ok":true}')
  })

  test('fail callbacks become transport errors: timeout or offline', async () => {
    taro.request.mockRejectedValueOnce({ errMsg: 'request:fail timeout' })
    await expect(t({ method: 'GET', url: 'u', headers: {}, timeoutMs: 1 })).rejects.toBeInstanceOf(TransportError)
    taro.request.mockRejectedValueOnce({ errMsg: 'request:fail timeout' })
    await expect(t({ method: 'GET', url: 'u', headers: {}, timeoutMs: 1 })).rejects.toMatchObject({ kind: 'timeout' })
    taro.request.mockRejectedValueOnce({ errMsg: 'request:fail -101:net::ERR_CONNECTION_RESET' })
    await expect(t({ method: 'GET', url: 'u', headers: {}, timeoutMs: 1 })).rejects.toMatchObject({ kind: 'offline' })
  })

  test('uploads go through Taro.uploadFile with the temp path, the fields (and the picked file name: WeChat names the part after its temp file) and no JSON content type', async () => {
    taro.uploadFile.mockResolvedValue({ statusCode: 201, data: '{"fileId":"f-1"}' })
    const res = await t({
      method: 'POST',
      url: 'https://p/api/v1/uploads',
      headers: { Authorization: 'Bearer a', 'Content-Type': 'application/json' },
      body: { kind: 'upload', fields: { bundleId: 'b', materialId: 'm' }, file: { name: 'a.jpg', path: 'wxfile://tmp/a.jpg' } },
      timeoutMs: 60000,
    })
    expect(res).toEqual({ status: 201, headers: {}, body: '{"fileId":"f-1"}' })
    expect(taro.uploadFile).toHaveBeenCalledWith(expect.objectContaining({ url: 'https://p/api/v1/uploads', filePath: 'wxfile://tmp/a.jpg', name: 'file', formData: { bundleId: 'b', materialId: 'm', fileName: 'a.jpg' }, header: { Authorization: 'Bearer a' } }))
  })
})
