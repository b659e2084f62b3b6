// 手机号快速验证 against the real mock: the phone-number button's code signs in the person with that number.
import { PlatformError } from '@/services/platform'
import { start, type Running } from './support/harness'

let r: Running
beforeAll(async () => {
  r = await start()
})
afterAll(() => r.stop())

test("a phone code signs in the fixture with that mobile, with the real-name profile; the log names no number", async () => {
  const c = r.client()
  const res = await c.loginWechatPhone('dev-phone-13807310003')
  expect(res.profile).toMatchObject({ name: '王德明', mobile: '13807310003', role: 'citizen' })
  expect(await c.me()).toEqual(res.profile)
  expect(r.logs.join('\n')).not.toContain('13807310003')
})

test('a number with no real-name registration, and a code the mock does not know, are refused in Chinese', async () => {
  const unknownNumber = await r.client().loginWechatPhone('dev-phone-13900000000').catch((e) => e)
  expect(unknownNumber).toBeInstanceOf(PlatformError)
  expect(unknownNumber).toMatchObject({ kind: 'unauthorized', status: 401 })
  expect(unknownNumber.message).toMatch(/尚未在省一体化平台完成实名注册/)
  const unknownCode = await r.client().loginWechatPhone('e31968a7f94cc5ee25fafc2aef2773f0').catch((e) => e)
  expect(unknownCode.message).toMatch(/手机号验证凭证无效/)
  await expect(r.client().loginWechatPhone('')).rejects.toMatchObject({ kind: 'bad-request' })
})

test('with a fallback set (WeChat DevTools), an unknown phone code signs in as that fixture', async () => {
  const devtools = await start({ wechatFallbackCode: 'dev-citizen-2' })
  try {
    const { profile } = await devtools.client().loginWechatPhone('devtools-random-phone-code')
    expect(profile.name).toBe('陈静')
  } finally {
    await devtools.stop()
  }
})
