// 亲情帮办 registered at the window (§6): 王德明 has no phone with him; he comes to the 天心区 hall with his son 刘洋 and
// the 户口簿. The clerk (window PC, 1280×900) types the elder's ID number (masked on screen), the son's mobile and
// relation, scans the 户口簿 page and registers the grant — refused first without the scan, in the rulebook's words.
// The son (phone, 375×812) then files 开办餐饮店 for his father on his own phone; the case is the elder's. Later the
// elder signs in on a phone: 我的办件 lists the case and 谁查看了我的信息 shows the window's registration row.
import path from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { axeViolations } from './support/axe'
import { withScreenshotOnFailure } from './support/browser'
import { relativeFilesRestaurant, signInBySms } from './support/family'
import { Driver, PDF, restaurantForm, restaurantQuestions, signWithMouse } from './support/journeys'
import { contextsForEachTest } from './support/phone-page'
import { ADMIN_TOKEN } from './support/platform'
import { sampleJpeg } from '../support/sample-files'

const run = contextsForEachTest()
const SHOTS = process.env.I13_SHOTS
/** `at`: scrolled into view first (the pages scroll inside their frame: a full-page picture shows the top only) */
const shot = async (page: Page, name: string, at?: Locator) => {
  if (!SHOTS) return
  if (at) await at.scrollIntoViewIfNeeded()
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: !at })
}
const ELDER_ID = '430103195801012114'
const PROXY_ID = '430104199605121238' // 李四, the proxy (a fixture number, not a real person's)
/** a small JPEG: what the window's scanner saves */
const HUKOU = { name: '户口簿.jpg', mimeType: 'image/jpeg', buffer: sampleJpeg() }

/** staff02 (天心区 hall) signs in on the window PC; returns the 窗口登记授权 form */
async function windowGrantForm(clerk: Page): Promise<Locator> {
  await clerk.goto(run.platform.url + '/#/pages/staff/home/index')
  await clerk.getByRole('textbox', { name: '工作账号' }).fill('staff02')
  await clerk.getByRole('textbox', { name: '密码' }).fill('Window@2026')
  await clerk.keyboard.press('Enter')
  const form = clerk.getByLabel('窗口登记授权')
  await form.getByRole('heading', { name: /窗口登记授权/ }).waitFor()
  return form
}

async function auditRows(): Promise<{ actorRole: string; what: string; route?: string }[]> {
  const r = await fetch(`${run.platform.url}/api/v1/admin/audit`, { headers: { 'X-Admin-Token': ADMIN_TOKEN } })
  return ((await r.json()) as { entries: { actorRole: string; what: string; route?: string }[] }).entries
}

/** 王德明 (13807310003) on his phone, on 授权与查看记录: the window's registration row and its filing of `caseId`. */
async function elderSeesWindowRows(page: Page, registration: string, caseId: string): Promise<void> {
  await page.goto(run.platform.url + '/#/pages/account/grants/index')
  await signInBySms(page, '13807310003')
  await page.getByRole('heading', { level: 1, name: '授权与查看记录' }).waitFor()
  await page.getByText(registration).waitFor()
  await page.getByText(`办理：代为提交申请（${caseId}）`).waitFor()
}

const windowPc = () => run.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
const phoneContext = () => run.browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })

test('亲情帮办 at the window with the 户口簿: the clerk registers it (refused without the scan), the son files for his father on his phone, the father’s app shows the case and the window’s row', async () => {
  const son = await run.track(await phoneContext()).newPage()
  const clerk = await run.track(await windowPc()).newPage()
  const earlier = (await auditRows()).length

  // 刘洋 has used the app before (the window names a relative the platform knows)
  await withScreenshotOnFailure(son, 'window-family-son-signs-in', async () => {
    await son.goto(run.platform.url + '/#/pages/account/grants/index')
    await signInBySms(son, '13807310001')
    await son.getByRole('heading', { level: 1, name: '授权与查看记录' }).waitFor()
    expect(await son.getByRole('heading', { name: '亲属请我帮办' }).count()).toBe(0)
  })

  const w = new Driver(clerk, run.platform.url)
  await withScreenshotOnFailure(clerk, 'window-family-clerk', async () => {
    const form = await windowGrantForm(clerk)
    // nothing entered: the rulebook's words at each field, nothing sent
    await w.press('登记授权', form)
    await form.getByText('请上传户口簿（申请人页和亲属页）的扫描件或照片，作为亲属关系证明').waitFor()
    await form.getByText('请填写申请人的身份证号码').waitFor()
    await form.getByText('请选择亲属与申请人的关系').waitFor()
    await shot(clerk, '01-window-grant-refused', form.getByRole('heading', { name: /窗口登记授权/ }))
    // the ID number as a scanner types it: masked as typed, echoed masked
    await form.getByLabel('申请人的身份证号码').fill(ELDER_ID)
    await form.getByText('已输入：430103********2114').waitFor()
    await form.getByRole('radiogroup', { name: '办理哪件事' }).getByRole('radio', { name: '开办餐饮店' }).click()
    await form.getByRole('textbox', { name: '亲属的手机号码' }).fill('13807310001')
    await form.getByRole('radio', { name: '子女', exact: true }).click()
    // still no scan: refused at the upload, what was typed stays
    await w.press('登记授权', form)
    await form.getByText('请上传户口簿（申请人页和亲属页）的扫描件或照片，作为亲属关系证明').waitFor()
    expect(await form.getByRole('textbox', { name: '亲属的手机号码' }).inputValue()).toBe('13807310001')
    const chooser = clerk.waitForEvent('filechooser')
    await w.press('上传户口簿', form)
    await (await chooser).setFiles(HUKOU)
    await form.getByText('已上传：户口簿.jpg').waitFor()
    await w.press('登记授权', form)
    await form.getByText(/^已登记：王\*明（430103\*{8}2114）授权亲属帮办“开办餐饮店”，还剩 30 天/).waitFor()
    expect(await clerk.getByText(ELDER_ID).count()).toBe(0)
    expect(await clerk.locator('body').innerText()).not.toContain(ELDER_ID)
    await shot(clerk, '02-window-grant-registered-1280', form.getByText(/^已登记：/))
    expect(await axeViolations(clerk)).toEqual([])
    // the console on a phone-sized screen (one column)
    await clerk.setViewportSize({ width: 375, height: 812 })
    await form.getByText(/^已登记：王\*明/).waitFor()
    await shot(clerk, '03-window-grant-registered-375', form.getByText(/^已登记：/))
    expect(await axeViolations(clerk)).toEqual([])
  })
  const windowRows = (await auditRows()).slice(earlier).filter((r) => r.actorRole === 'staff')
  expect(windowRows.map((r) => r.what)).toEqual(['登记亲情帮办授权（户口簿）'])

  const caseId = await withScreenshotOnFailure(son, 'window-family-son-files', async () => {
    await son.reload()
    await son.getByRole('heading', { name: '亲属请我帮办' }).waitFor()
    await son.getByText('王*明').first().waitFor()
    // the son is told where the grant came from
    await son.getByText(/长沙市天心区政务服务中心窗口凭户口簿登记/).waitFor()
    await shot(son, '04-son-received')
    expect(await axeViolations(son)).toEqual([])
    return relativeFilesRestaurant(son, run.platform.url, () => shot(son, '05-son-review'))
  })
  expect(caseId).toMatch(/^HN\d{13}$/)
  await son.getByText(caseId).first().waitFor()
  await shot(son, '06-son-submitted')

  // the father, later, on a phone: the case is his, and he sees who registered the grant at which hall
  const father = await run.track(await phoneContext()).newPage()
  await withScreenshotOnFailure(father, 'window-family-father', async () => {
    await elderSeesWindowRows(father, '办理：登记亲情帮办授权（户口簿）（户口簿.jpg）', caseId)
    await father.getByText(/长沙市天心区政务服务中心.*（窗口工作人员）/).first().waitFor()
    await father.waitForTimeout(300)
    await shot(father, '07-father-sees-window-row', father.getByText('办理：登记亲情帮办授权（户口簿）（户口簿.jpg）'))
    expect(await axeViolations(father)).toEqual([])
    await father.goto(run.platform.url + '/#/pages/my-cases/index')
    await father.getByText(caseId).first().waitFor()
    await shot(father, '08-father-my-cases')
  })
  // the window's one action is one row; everything else was the son's, on the father's grant
  const rows = (await auditRows()).slice(earlier)
  expect(rows.filter((r) => r.actorRole === 'staff')).toHaveLength(1)
  expect(new Set(rows.filter((r) => r.actorRole !== 'staff').map((r) => r.actorRole))).toEqual(new Set(['relative']))
}, 240000)

test('a proxy with the citizen’s 授权委托书: refused without the scan, registered with its 告知承诺 clause; the window files under it with promises, the citizen’s app shows the case and the registration row', async () => {
  const clerk = await run.track(await windowPc()).newPage()
  const earlier = (await auditRows()).length
  const w = new Driver(clerk, run.platform.url)
  const caseId = await withScreenshotOnFailure(clerk, 'window-proxy-clerk', async () => {
    const form = await windowGrantForm(clerk)
    await form.getByRole('radio', { name: /代理人（凭授权委托书）/ }).click()
    await form.getByLabel('申请人的身份证号码').fill(ELDER_ID)
    await form.getByRole('radiogroup', { name: '办理哪件事' }).getByRole('radio', { name: '开办餐饮店' }).click()
    await form.getByRole('textbox', { name: '代理人姓名' }).fill('李四')
    await form.getByLabel('代理人的身份证号码').fill(PROXY_ID)
    await form.getByText('已输入：430104********1238').waitFor()
    await form.getByRole('checkbox', { name: /授权委托书写明代理人可以申请人名义作出告知承诺/ }).click()
    // no scan: refused at the upload in the rulebook's words, what was typed stays
    await w.press('登记授权', form)
    await form.getByText('请上传申请人签字的授权委托书扫描件或照片').waitFor()
    expect(await form.getByRole('textbox', { name: '代理人姓名' }).inputValue()).toBe('李四')
    const chooser = clerk.waitForEvent('filechooser')
    await w.press('上传授权委托书', form)
    await (await chooser).setFiles({ ...PDF, name: '授权委托书.pdf' })
    await form.getByText('已上传：授权委托书.pdf').waitFor()
    await w.press('登记授权', form)
    await form.getByText(/^已登记：代理人 李四（430104\*{8}1238）为 王\*明 办理“开办餐饮店”/).waitFor()
    await clerk.getByText('正在为 王*明 代办：开办餐饮店').waitFor()
    await clerk.getByText(/已书面授权代为告知承诺/).waitFor()
    const text = await clerk.locator('body').innerText()
    expect(text).not.toContain(ELDER_ID)
    expect(text).not.toContain(PROXY_ID)
    await shot(clerk, '11-window-proxy-registered', form.getByText(/^已登记：/))
    expect(await axeViolations(clerk)).toEqual([])

    // the window files under the paper: the 告知承诺 the paper allows is offered and taken
    await w.press('开始填写申请')
    await w.heading1('开办餐饮店').waitFor()
    await restaurantQuestions(w)
    await restaurantForm(w, { name: '德明小馆', address: '长沙市天心区书院路 9 号', staff: '2', manager: '王德明', mobile: '13807310003' })
    await w.heading1('准备材料').waitFor()
    // the e-ID's use was agreed for him already (the first test, on his grant): linked, or offered once
    const idCard = clerk.locator('#m-id-card')
    if (await w.button('同意使用电子居民身份证', idCard).count()) await w.consent(idCard, '居民身份证')
    await idCard.getByText('✓ 已关联电子居民身份证，无需上传').waitFor()
    await w.promise(clerk.locator('#m-premises-proof'))
    await w.promise(clerk.locator('#m-food-safety-rules'))
    for (const id of ['layout', 'health-cert']) {
      const card = clerk.locator(`#m-${id}`)
      await w.upload(card, PDF)
      await w.check('原件已核验：扫描件与申请人出示的原件一致', card)
    }
    await shot(clerk, '12-window-proxy-materials')
    await w.press('继续')
    await w.mailedOnline()
    await w.press('继续')
    await w.heading1('核对申请信息').waitFor()
    await signWithMouse(clerk)
    return (await w.submit()).caseId
  })
  expect(caseId).toMatch(/^HN\d{13}$/)
  // the window's actions are the registration and the filing
  const windowRows = (await auditRows()).slice(earlier).filter((r) => r.actorRole === 'staff')
  expect(windowRows.map((r) => r.what)).toContain('登记代理人授权（授权委托书）')

  const citizen = await run.track(await phoneContext()).newPage()
  await withScreenshotOnFailure(citizen, 'window-proxy-citizen', async () => {
    await elderSeesWindowRows(citizen, '办理：登记代理人授权（授权委托书）（授权委托书.pdf）', caseId)
    // every row under the paper names the proxy
    expect(await citizen.getByText('依据您的授权：代理人李四代办“开办餐饮店”（凭授权委托书）').count()).toBeGreaterThan(2)
    await shot(citizen, '13-citizen-sees-proxy-row', citizen.getByText('办理：登记代理人授权（授权委托书）（授权委托书.pdf）'))
    expect(await axeViolations(citizen)).toEqual([])
    await citizen.goto(run.platform.url + '/#/pages/my-cases/index')
    await citizen.getByText(caseId).first().waitFor()
  })
}, 240000)
