// 公民身后事 on WeChat: 王德明 signs in with wx.login and types his late wife's ID number once on question 1. A wrong
// check digit is said at the field without a request; the platform's records (same 户口簿) then answer 8 of the 9
// questions, each naming its department, and her number never appears unmasked nor in a request's address.
import { ROUTES } from '@/stores/routes'
import { WeappDriver } from './support/journeys'
import { startMockPlatform, type MockPlatform } from './support/platform'
import { WeappRuntime } from './support/runtime'

let platform: MockPlatform
beforeAll(async () => {
  platform = await startMockPlatform()
})
afterAll(() => platform.stop())

const WIFE = '430103196003150023' // 李秀英 (示例), same 户口簿 as 王德明
const LOOKUP = '/api/v1/shared-records/deceased'

test('身后事 on WeChat: one ID number typed, the deceased’s shared records answer 8 of 9 questions; a wrong number is refused at the field', async () => {
  const guide = `${ROUTES.guide}?bundle=shenhoushi`
  const app = await WeappRuntime.launch({
    platformUrl: platform.url,
    path: ROUTES.login.slice(1),
    query: { next: encodeURIComponent(guide) },
    account: { loginCode: 'dev-elder', privacyAgreed: true },
  })
  const d = new WeappDriver(app)
  try {
    await app.waitForPage(ROUTES.login.slice(1), '登录')
    await d.press('微信一键登录')
    await app.waitForPage(ROUTES.guide.slice(1), '公民身后事一件事')
    await d.press('开始办理')
    await app.waitForPage(ROUTES.questions.slice(1), '亲人是在什么情况下去世的？')

    // a wrong check digit: the domain's message at the field, nothing sent
    await d.fill('逝者的身份证号码', `${WIFE.slice(0, 17)}5`)
    await d.press('查询逝者的记录')
    await app.waitForText('逝者的身份证号码校验位不正确，请核对后重新输入')
    expect(app.log.requests.filter((r) => r.path === LOOKUP)).toEqual([])

    await d.fill('逝者的身份证号码', WIFE)
    await d.press('查询逝者的记录')
    await app.waitForText(/已查到 李\*英（.+）的记录（同一户口簿），8 个问题已由各部门的记录回答/)
    await app.waitForText('已根据您的信息填好（来自卫健部门死亡医学证明），请核对；如有不同，请直接修改。')
    expect(app.text()).not.toContain(WIFE)
    const lookups = app.log.requests.filter((r) => r.path === LOOKUP)
    expect(lookups.map((r) => [r.method, r.status])).toEqual([
      ['POST', 200],
    ])
    // the number travels in the body only
    expect(app.log.requests.some((r) => r.path.includes(WIFE))).toBe(false)

    await d.press('继续')
    await app.waitForPage(ROUTES.questions.slice(1), '您和逝者是什么关系？')
    await app.waitForText(/问题 1 \/ 共 1/)
    await d.choose('配偶')
    await d.press('继续')
    await app.waitForPage(ROUTES.form.slice(1), '填写申请信息')
    await app.waitForText(/来自公安部门户籍记录，不可修改/)
    expect(app.text()).not.toContain(WIFE)
  } finally {
    await app.close()
  }
  app.assertHealthy()
})
