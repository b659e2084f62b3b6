// The name an upload keeps: WeChat's uploadFile names the file part after its temp file (tmp_….pdf), so the app
// sends the name the citizen picked as the `fileName` field, which the platform prefers.
import { PDF, raw, start, type Running } from './support/harness'

let r: Running
let token: string
beforeAll(async () => {
  r = await start()
  const c = r.client()
  await c.loginWechat('dev-no-licence')
  token = c.tokens.current!.accessToken
})
afterAll(() => r.stop())

function form(fields: Record<string, string>, filename: string): FormData {
  const f = new FormData()
  for (const [k, v] of Object.entries({ bundleId: 'kaiban-canyin', materialId: 'layout', ...fields })) f.append(k, v)
  f.append('file', new Blob([PDF]), filename)
  return f
}

test('the fileName field names the upload; without it, the file part does', async () => {
  const headers = { Authorization: `Bearer ${token}` }
  const named = await raw(r.url, 'POST', '/uploads', { headers, body: form({ fileName: '布局图.pdf' }, 'tmp_000001.pdf') })
  expect(named.status).toBe(201)
  expect(named.json.name).toBe('布局图.pdf')
  const plain = await raw(r.url, 'POST', '/uploads', { headers, body: form({}, '平面图.pdf') })
  expect(plain.json.name).toBe('平面图.pdf')
  // the name is cleaned the same way whichever carries it
  const odd = await raw(r.url, 'POST', '/uploads', { headers, body: form({ fileName: 'a/b"c.pdf' }, 'tmp_2.pdf') })
  expect(odd.json.name).toBe('a_b_c.pdf')
})
