// 隐私政策 on H5: reached from the home page and the sign-in page, names the departments of the bundle it is
// opened for, passes axe, and its "‹ 返回" leads back (or home when opened alone).
import { axeViolations } from './support/axe'
import { withScreenshotOnFailure } from './support/browser'
import { phonePageForEachTest } from './support/phone-page'

const browser = phonePageForEachTest()

const heading = (name: string) => browser.page.getByRole('heading', { level: 1, name })

test('from the home page: what is collected, why, for how long, who receives it, the PIPL rights; axe-clean; back home', async () => {
  const { page, platform } = browser
  await withScreenshotOnFailure(page, 'privacy-home', async () => {
    await page.goto(platform.url + '/')
    await page.getByRole('heading', { name: '热门一件事' }).waitFor()
    await page.getByRole('button', { name: '隐私政策', exact: true }).click()
    await heading('隐私政策').waitFor()
    for (const h of ['我们收集哪些信息', '为什么收集', '保存多久', '共享给谁', '您的权利']) await page.getByRole('heading', { level: 2, name: h }).waitFor()
    await page.getByText('依照《中华人民共和国个人信息保护法》，您有权：').waitFor()
    expect(await axeViolations(page)).toEqual([])
    await page.getByRole('button', { name: '‹ 返回' }).click()
    await page.getByRole('heading', { name: '热门一件事' }).waitFor()
  })
})

test("opened for a bundle (a link, a reload), it names that bundle's departments; alone, ‹ 返回 goes home", async () => {
  const { page, platform } = browser
  await withScreenshotOnFailure(page, 'privacy-bundle', async () => {
    await page.goto(platform.url + '/#/pages/privacy/index?bundle=kaiban-canyin')
    const departments = page.getByText('您申请“开办餐饮店”时，申请信息和材料只提供给这件事的承办部门：市场监督管理局、城市管理和综合执法局、消防救援机构、烟草专卖局。')
    await departments.waitFor()
    await page.reload()
    await departments.waitFor()
    await page.getByRole('button', { name: '‹ 返回' }).click()
    await page.getByRole('heading', { name: '热门一件事' }).waitFor()
  })
})

test('the sign-in page links to it, and back returns to sign-in', async () => {
  const { page, platform } = browser
  await withScreenshotOnFailure(page, 'privacy-login', async () => {
    await page.goto(platform.url + '/#/pages/login/index')
    await heading('登录').waitFor()
    await page.getByRole('button', { name: '隐私政策：登录后我们收集和使用哪些信息' }).click()
    await heading('隐私政策').waitFor()
    await page.getByRole('button', { name: '‹ 返回' }).click()
    await heading('登录').waitFor()
  })
})
