// 帮代办 with two browsers: the citizen's phone gives a window a one-time 授权码; the window PC opens it and
// sees the citizen masked; the citizen sees who looked; revoking cuts the window off at once. The audit holds
// exactly one row per access the window made; the staff console passes axe.
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { axeViolations } from './support/axe'
import { newPhoneContext, withScreenshotOnFailure } from './support/browser'
import { Driver, PDF, restaurantForm, restaurantQuestions, signWithMouse, until } from './support/journeys'
import { relativeFilesRestaurant, signInBySms } from './support/family'
import { contextsForEachTest } from './support/phone-page'
import { ADMIN_TOKEN, repoRoot } from './support/platform'
import { proxyPromiseRefusal } from '@/domain/assist/grants'

const run = contextsForEachTest()
const SHOTS = process.env.I13_SHOTS

async function phone(): Promise<Page> {
  return run.track(await newPhoneContext(run.browser)).newPage()
}

/** the window PC: a 1280-wide desktop browser */
async function windowPc(): Promise<Page> {
  return run.track(await run.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })).newPage()
}

const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true })
}
const heading1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name })
const tap = (page: Page, name: string | RegExp) => page.getByRole('button', { name, exact: typeof name === 'string' }).first().click()

/** 王德明 (the elder) signs in by SMS from 授权与查看记录's prompt and is back on that page */
async function signInOnPhone(citizen: Page): Promise<void> {
  await tap(citizen, '登录后继续')
  await heading1(citizen, '登录').waitFor()
  await citizen.getByRole('textbox', { name: '手机号码' }).fill('13807310003')
  await tap(citizen, '获取验证码')
  await citizen.getByText('验证码已发送，请查看短信').waitFor()
  await citizen.getByRole('textbox', { name: '短信验证码' }).fill('123456')
  await tap(citizen, '登录')
  await heading1(citizen, '授权与查看记录').waitFor()
}

async function audit(): Promise<{ actorRole: string; what: string }[]> {
  const r = await fetch(`${run.platform.url}/api/v1/admin/audit`, { headers: { 'X-Admin-Token': ADMIN_TOKEN } })
  return ((await r.json()) as { entries: { actorRole: string; what: string }[] }).entries
}

test('the citizen authorises a window; the window opens the code and sees the citizen masked; the citizen sees the access and revokes; the window is cut off', async () => {
  const citizen = await phone()
  const clerk = await windowPc()
  /** what the window did to the citizen's data that the platform answered */
  let windowAccesses = 0
  await withScreenshotOnFailure(citizen, 'assist-citizen', async () => {
    await citizen.goto(run.platform.url + '/')
    // 我的 tab → 授权管理
    await citizen.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '我的' }).click()
    await citizen.getByRole('heading', { level: 1, name: '我的' }).waitFor()
    await tap(citizen, /^授权管理/)
    await signInOnPhone(citizen)
    await citizen.getByText('您还没有授权任何人。').waitFor()
    // nothing chosen: the rulebook's words at the fields
    await tap(citizen, '生成授权码')
    await citizen.getByText('请选择要代办的一件事').first().waitFor()
    await citizen.getByRole('radiogroup', { name: '代办哪件事' }).first().getByRole('radio', { name: '开办餐饮店' }).click()
    await tap(citizen, '生成授权码')
    await citizen.getByText('请选择为您办理的服务大厅').waitFor()
    await citizen.getByRole('radio', { name: /长沙市天心区政务服务中心/ }).click()
    await tap(citizen, '生成授权码')
    await citizen.getByRole('heading', { name: '请向窗口工作人员出示授权码' }).waitFor()
    await shot(citizen, '01-citizen-code')
  })
  const code = ((await citizen.locator('.ui-grant-code__digits').textContent()) ?? '').replace(/\s/g, '')
  expect(code).toMatch(/^\d{8}$/)

  await withScreenshotOnFailure(clerk, 'assist-window', async () => {
    await clerk.goto(run.platform.url + '/#/pages/staff/home/index')
    await heading1(clerk, '窗口工作台').waitFor()
    await clerk.getByRole('textbox', { name: '工作账号' }).fill('staff02')
    await clerk.getByRole('textbox', { name: '密码' }).fill('Window@2026')
    await clerk.keyboard.press('Enter')
    await clerk.getByText('长沙市天心区政务服务中心 5号窗口（综合受理） · 周敏').waitFor()
    // a typo first: the message at the field, nothing asked of the platform
    const box = clerk.getByRole('textbox', { name: '授权码、短信授权码、预约号或办件编号' })
    await box.fill('1234')
    await box.press('Enter')
    await clerk.getByText('无法识别：授权码为 8 位数字，短信授权码为 6 位数字，预约号以 YY 开头，办件编号以 HN 开头').waitFor()
    // what a USB scanner types: the QR's text and Enter
    await box.fill(`HNYJS:GRANT:${code}`)
    await box.press('Enter')
    await clerk.getByText('正在为 王*明 代办：开办餐饮店').waitFor()
    windowAccesses += 2 // the code opened, the citizen's name and e-licence list read
    await clerk.getByText(/身份证 430103\*{8}\d{3}[\dX]/).waitFor()
    expect(await clerk.getByText('430103195801012114').count()).toBe(0)
    await shot(clerk, '02-window-opened')
    expect(await axeViolations(clerk)).toEqual([])
  })

  await withScreenshotOnFailure(citizen, 'assist-citizen-audit', async () => {
    await tap(citizen, '刷新')
    await citizen.getByText('长沙市天心区政务服务中心 5号窗口（综合受理） 周敏（窗口工作人员）').first().waitFor()
    await citizen.getByText('查看：查看实名信息和电子证照目录').waitFor()
    await citizen.getByText('依据您的授权：窗口代办“开办餐饮店”').first().waitFor()
    await shot(citizen, '03-citizen-audit')
    expect(await axeViolations(citizen)).toEqual([])
    await citizen.getByRole('button', { name: /^撤销开办餐饮店的授权/ }).first().click()
    await citizen.locator('.taro__modal').getByText('撤销', { exact: true }).click()
    await citizen.getByText(/开办餐饮店 · 已撤销/).waitFor()
  })

  await withScreenshotOnFailure(clerk, 'assist-window-cut', async () => {
    await tap(clerk, '结束代办')
    await tap(clerk, /^为王\*明办理开办餐饮店/)
    await clerk.getByText('申请人已撤销授权，不能继续代办').waitFor()
    expect(await clerk.getByText('正在为 王*明 代办').count()).toBe(0)
    await shot(clerk, '04-window-cut-off')
  })

  // one audit row per answered access of the window, none for the refused one
  const rows = (await audit()).filter((x) => x.actorRole === 'staff')
  expect(rows).toHaveLength(windowAccesses)
  fs.mkdirSync(path.join(repoRoot, 'test-results'), { recursive: true })
  fs.writeFileSync(path.join(repoRoot, 'test-results', 'e2e-assist-audit.json'), JSON.stringify({ windowAccesses, auditRows: rows.length, rows }, null, 2))
})

/** the citizen signs in on their phone and gives the 天心区 hall a 30-minute 授权码 for 开办餐饮店 */
async function giveWindowGrant(citizen: Page): Promise<string> {
  await citizen.goto(run.platform.url + '/#/pages/account/grants/index')
  await signInOnPhone(citizen)
  await citizen.getByRole('radiogroup', { name: '代办哪件事' }).first().getByRole('radio', { name: '开办餐饮店' }).click()
  await citizen.getByRole('radio', { name: /长沙市天心区政务服务中心/ }).click()
  await tap(citizen, '生成授权码')
  await citizen.getByRole('heading', { name: '请向窗口工作人员出示授权码' }).waitFor()
  return ((await citizen.locator('.ui-grant-code__digits').textContent()) ?? '').replace(/\s/g, '')
}

/** staff02 signs in on the window PC and types the citizen's 授权码 (as a USB scanner would, with Enter) */
async function openAtWindow(clerk: Page, code: string): Promise<void> {
  await clerk.goto(run.platform.url + '/#/pages/staff/home/index')
  await clerk.getByRole('textbox', { name: '工作账号' }).fill('staff02')
  await clerk.getByRole('textbox', { name: '密码' }).fill('Window@2026')
  await tap(clerk, '登录')
  const box = clerk.getByRole('textbox', { name: '授权码、短信授权码、预约号或办件编号' })
  await box.fill(code)
  await box.press('Enter')
}

/** counts what the window PC asked of the citizen's data and the platform answered (the audit must match) */
function countWindowAccesses(page: Page): { readonly count: number } {
  let count = 0
  page.on('response', async (res) => {
    const req = res.request()
    const p = new URL(req.url()).pathname
    if (!p.startsWith('/api/v1/') || res.status() >= 300) return
    // the hall's duty: a case filed here, the queue when it lists someone; a grant: the code redeemed, and
    // the citizen's own routes called under it (the window's other routes carry the header but read no one)
    if (p.startsWith('/api/v1/dept/cases/') || p === '/api/v1/staff/open') count++
    else if (p === '/api/v1/staff/queue') {
      const q = (await res.json().catch(() => ({}))) as { waiting?: unknown[]; deciding?: unknown[] }
      count += q.waiting?.length || q.deciding?.length ? 1 : 0
    }
    else if (!p.startsWith('/api/v1/staff/') && req.headers()['x-acting-grant']) count++
  })
  return {
    get count() {
      return count
    },
  }
}

test('帮代办 through the same guide: the window fills, scans and verifies originals, accepts a 容缺 with a reason, the citizen signs; the case is the citizen’s at once; 受理, then the hall’s reviewer decides each matter and the citizen sees 办结; audit rows = accesses', async () => {
  const citizen = await phone()
  const clerk = await windowPc()
  const accesses = countWindowAccesses(clerk)
  const earlier = (await audit()).length
  const code = await withScreenshotOnFailure(citizen, 'assist-file-grant', () => giveWindowGrant(citizen))
  const d = new Driver(clerk, run.platform.url)
  const caseId = await withScreenshotOnFailure(clerk, 'assist-file-window', async () => {
    await openAtWindow(clerk, code)
    await clerk.getByText('正在为 王*明 代办：开办餐饮店').waitFor()
    await d.press('开始填写申请')
    await d.heading1('开办餐饮店').waitFor()
    await clerk.getByRole('status').filter({ hasText: '代办中：为 王*明 办理“开办餐饮店”' }).waitFor()
    await restaurantQuestions(d)
    await restaurantForm(d, { name: '德明小馆', address: '长沙市天心区书院路 9 号', staff: '2', manager: '王德明', mobile: '13807310003' })

    await d.heading1('准备材料').waitFor()
    await d.consent(clerk.locator('#m-id-card'), '居民身份证')
    for (const id of ['premises-proof', 'food-safety-rules', 'layout']) {
      const card = clerk.locator(`#m-${id}`)
      // (告知承诺 is not the window's to make without the citizen's written authorisation: upload)
      const uploadChoice = card.getByRole('radio', { name: /^(上传材料|提供证明材料（上传）)/ })
      if (await uploadChoice.count()) await d.tap(uploadChoice)
      await d.upload(card, PDF)
      await d.check('原件已核验：扫描件与申请人出示的原件一致', card)
    }
    await clerk.locator('#m-food-safety-rules').getByText(proxyPromiseRefusal('保证食品安全的规章制度')).waitFor()
    const deferred = clerk.locator('#m-health-cert')
    await d.choose('稍后补交（容缺受理）', deferred)
    // no reason yet: the rulebook's words at the material
    await deferred.getByText('请填写容缺受理的理由（申请人何时补交、为何暂缺）').waitFor()
    await d.fill('容缺受理的理由（窗口填写）', '健康证明正在体检机构办理，申请人承诺 5 个工作日内补交', deferred)
    await shot(clerk, '05-window-materials')
    await d.press('继续')

    await d.mailedOnline()
    await d.press('继续')
    await d.heading1('核对申请信息').waitFor()
    // no signature: refused before sending
    await clerk.locator('#submit-button:visible').click()
    await clerk.getByText('请申请人在框内签名').first().waitFor()
    await signWithMouse(clerk)
    await shot(clerk, '06-window-signed')
    return (await d.submit()).caseId
  })
  expect(caseId).toMatch(/^HN\d{13}$/)

  await withScreenshotOnFailure(citizen, 'assist-file-citizen', async () => {
    // the citizen's own app: the case is theirs, at once
    await citizen.goto(run.platform.url + '/#/pages/my-cases/index')
    await citizen.getByText(caseId).first().waitFor()
    await citizen.goto(run.platform.url + '/#/pages/account/grants/index')
    await citizen.getByText(`办理：代为提交申请（${caseId}）`).waitFor()
    await citizen.getByText(/开办餐饮店 · 生效中/).waitFor()
    await shot(citizen, '07-citizen-sees-filing')
  })

  // 一窗受理 at the same window: from the hall's queue, 受理, and the notice on A4
  await withScreenshotOnFailure(clerk, 'assist-accept', async () => {
    await clerk.goto(run.platform.url + '/#/pages/staff/home/index')
    await heading1(clerk, '窗口工作台').waitFor()
    await clerk.getByRole('button', { name: `受理审查 ${caseId}` }).click()
    await clerk.getByRole('heading', { name: `办件 ${caseId}` }).waitFor()
    expect(await axeViolations(clerk)).toEqual([])
    // 不予受理 without a reason: the rulebook's words, nothing sent
    await tap(clerk, '不予受理')
    await tap(clerk, '确认不予受理')
    await clerk.getByText('请选择不予受理的理由').waitFor()
    await tap(clerk, '取消')
    await tap(clerk, '受理')
    await clerk.getByRole('heading', { name: '受理通知书' }).waitFor()
    await clerk.getByText(`办件编号：${caseId}`).waitFor()
    await clerk.getByText(/^承诺办结日期：/).waitFor()
    await clerk.getByText('容缺受理，待补交：从业人员健康证明').waitFor()
    await clerk.getByRole('button', { name: '打印受理通知书' }).waitFor()
    await shot(clerk, '08-window-accepted-notice')
    await clerk.emulateMedia({ media: 'print' })
    await shot(clerk, '09-notice-print-media')
    await clerk.emulateMedia({ media: 'screen' })
  })
  await withScreenshotOnFailure(citizen, 'assist-accepted-citizen', async () => {
    await citizen.reload()
    // one row per matter accepted (开办餐饮店: 营业执照 and 食品经营许可)
    await citizen.getByText(`办理：受理（${caseId}）`).first().waitFor()
    expect(await citizen.getByText(`办理：受理（${caseId}）`).count()).toBe(2)
    await citizen.getByText('依职责：一窗受理').first().waitFor()
  })

  // the case records the window, the originals it saw, the 容缺 it accepted and the signature
  const admin = await fetch(`${run.platform.url}/api/v1/admin/cases?bundleId=kaiban-canyin`, { headers: { 'X-Admin-Token': ADMIN_TOKEN } })
  const cs = ((await admin.json()) as { cases: { id: string; filedBy?: { name: string; confirmedBy: string }; content: { materials: Record<string, { verified?: { by?: { staffName: string } }; acceptedBy?: { staffName: string }; reason?: string }> } }[] }).cases.find((c) => c.id === caseId)!
  expect(cs.filedBy).toMatchObject({ name: '周敏', confirmedBy: 'signature' })
  for (const id of ['premises-proof', 'food-safety-rules', 'layout']) expect(cs.content.materials[id].verified?.by?.staffName).toBe('周敏')
  expect(cs.content.materials['health-cert']).toMatchObject({ reason: '健康证明正在体检机构办理，申请人承诺 5 个工作日内补交', acceptedBy: { staffName: '周敏' } })

  // 审批: the hall's reviewer decides each matter on the same console; the case walks to 办结 in the UI only
  const reviewer = await windowPc()
  const decisions = countWindowAccesses(reviewer)
  const matters = (cs as unknown as { matters: { matterId: string; name: string }[] }).matters
  const registration = matters.find((m) => m.matterId === 'registration')!
  const others = matters.filter((m) => m !== registration)
  const r = new Driver(reviewer, run.platform.url)
  const decide = async (name: string, outcome: '准予许可' | '不予许可') => {
    await r.choose(outcome, reviewer.getByRole('radiogroup', { name: `${name}的审批决定` }))
    await r.press(`确认${outcome}：${name}`)
  }
  await withScreenshotOnFailure(reviewer, 'assist-decide', async () => {
    await reviewer.goto(run.platform.url + '/#/pages/staff/home/index')
    await reviewer.getByRole('textbox', { name: '工作账号' }).fill('reviewer01')
    await reviewer.getByRole('textbox', { name: '密码' }).fill('Window@2026')
    await reviewer.keyboard.press('Enter')
    await heading1(reviewer, '审批工作台').waitFor()
    await reviewer.getByText('长沙市天心区政务服务中心 联合审批室 · 李慎').waitFor()
    await reviewer.getByRole('button', { name: `审批 ${caseId}` }).click()
    await reviewer.getByRole('heading', { name: `审批办件 ${caseId}` }).waitFor()
    await shot(reviewer, '10-reviewer-case')
    expect(await axeViolations(reviewer)).toEqual([])
    // a matter that needs the business licence first: the platform's words, nothing decided
    await decide(others[0].name, '准予许可')
    await reviewer.getByText(/^暂不能作出决定（需先办结：/).waitFor()
    await decide(registration.name, '准予许可')
    await reviewer.getByText(/^已准予许可：营业执照 示例/).waitFor()
    // 不予许可 without a ground: the rulebook's words at the field, nothing sent
    await r.choose('不予许可', reviewer.getByRole('radiogroup', { name: `${others[0].name}的审批决定` }))
    await r.press(`确认不予许可：${others[0].name}`)
    await reviewer.getByText('请选择不予许可的理由').waitFor()
    await r.choose('现场核查情况与申请材料不符')
    await r.fill(/^说明（申请人可见）/, '后厨面积小于申报面积')
    await shot(reviewer, '11-reviewer-refusal')
    await r.press(`确认不予许可：${others[0].name}`)
    await reviewer.getByText('已决定不予许可：现场核查情况与申请材料不符：后厨面积小于申报面积').waitFor()
    for (const m of others.slice(1)) {
      await decide(m.name, '准予许可')
      await reviewer.getByText(`${m.name}：已准予许可`).waitFor()
    }
    await reviewer.getByText(/已办结（部分事项未获准予）/).first().waitFor()
    await reviewer.getByText('暂无待审批的办件。').waitFor()
    await shot(reviewer, '12-reviewer-decided')
  })
  await withScreenshotOnFailure(citizen, 'assist-decided-citizen', async () => {
    await citizen.goto(`${run.platform.url}/#/pages/cases/detail/index?case=${caseId}`)
    await citizen.getByText(/已办结（部分事项未获准予）/).first().waitFor()
    await citizen.getByText(/电子证照“营业执照”（示例/).waitFor()
    await citizen.getByText(/现场核查情况与申请材料不符：后厨面积小于申报面积/).first().waitFor()
    await shot(citizen, '13-citizen-concluded')
  })

  const rows = (await audit()).slice(earlier)
  const windowRows = rows.filter((x) => x.actorRole === 'staff')
  const reviewerRows = rows.filter((x) => x.actorRole === 'reviewer')
  expect(windowRows).toHaveLength(accesses.count)
  expect(reviewerRows).toHaveLength(decisions.count)
  fs.mkdirSync(path.join(repoRoot, 'test-results'), { recursive: true })
  fs.writeFileSync(
    path.join(repoRoot, 'test-results', 'e2e-assist-filing-audit.json'),
    JSON.stringify({ windowAccesses: accesses.count, auditRows: windowRows.length, reviewerAccesses: decisions.count, reviewerRows: reviewerRows.length, rows }, null, 2),
  )
}, 240000)


test('亲情帮办: the elder authorises a relative in their app; the relative files for the elder in the same guide; the case is the elder’s, both follow it; the relative sees nothing else of the elder', async () => {
  const elder = await phone()
  const relative = await phone()
  // the smallest phone the app serves
  for (const p of [elder, relative]) await p.setViewportSize({ width: 375, height: 812 })
  const earlier = (await audit()).length
  // 刘洋 has signed in here before (a grant names a relative the platform knows)
  await withScreenshotOnFailure(relative, 'family-relative-first', async () => {
    await relative.goto(run.platform.url + '/#/pages/account/grants/index')
    await signInBySms(relative, '13807310001')
    await heading1(relative, '授权与查看记录').waitFor()
    expect(await relative.getByRole('heading', { name: '亲属请我帮办' }).count()).toBe(0)
  })
  await withScreenshotOnFailure(elder, 'family-elder-grant', async () => {
    await elder.goto(run.platform.url + '/#/pages/account/grants/index')
    await signInOnPhone(elder)
    await elder.getByRole('radiogroup', { name: '代办哪件事' }).nth(1).getByRole('radio', { name: '开办餐饮店' }).click()
    await elder.getByRole('textbox', { name: '亲属的手机号码' }).fill('13807310001')
    await elder.getByRole('radio', { name: '子女', exact: true }).click()
    await tap(elder, '授权亲属代办')
    await elder.getByText(/亲属 刘\*（子女，138\*{4}0001）/).waitFor()
    await shot(elder, '14-elder-grants-relative')
  })

  const caseId = await withScreenshotOnFailure(relative, 'family-relative-files', async () => {
    await relative.reload()
    await relative.getByRole('heading', { name: '亲属请我帮办' }).waitFor()
    await relative.getByText('王*明').first().waitFor()
    await shot(relative, '15-relative-received')
    expect(await axeViolations(relative)).toEqual([])
    return relativeFilesRestaurant(relative, run.platform.url, () => shot(relative, '16-relative-review'))
  })
  expect(caseId).toMatch(/^HN\d{13}$/)

  await withScreenshotOnFailure(relative, 'family-relative-follows', async () => {
    // back to the relative's own account: the case is followed from the grant, not listed as theirs
    await tap(relative, '结束或切换帮办')
    await heading1(relative, '授权与查看记录').waitFor()
    await tap(relative, '结束帮办')
    // (the router keeps earlier pages rendered but hidden: the one shown counts)
    await relative.getByRole('heading', { name: '亲属请我帮办' }).filter({ visible: true }).waitFor()
    await relative.getByText(`已提交办件 ${caseId}`).filter({ visible: true }).waitFor()
    await relative.goto(run.platform.url + '/#/pages/my-cases/index')
    await heading1(relative, '我的办件').waitFor()
    await relative.waitForTimeout(500)
    expect(await relative.getByText(caseId).filter({ visible: true }).count()).toBe(0)
    await relative.goto(run.platform.url + '/#/pages/account/grants/index')
    await relative.getByRole('button', { name: `查看办理进度：王*明的办件 ${caseId}` }).filter({ visible: true }).click()
    await relative.getByText(caseId).first().waitFor()
    await relative.getByText('待受理').first().waitFor()
    await relative.waitForTimeout(400) // (the page's slide-in, for the picture)
    await shot(relative, '17-relative-follows-case')
  })

  await withScreenshotOnFailure(elder, 'family-elder-sees', async () => {
    await elder.goto(run.platform.url + '/#/pages/my-cases/index')
    await elder.getByText(caseId).first().waitFor()
    await elder.goto(run.platform.url + '/#/pages/account/grants/index')
    await elder.getByText(`办理：代为提交申请（${caseId}）`).waitFor()
    await elder.getByText(/刘.*（亲属）/).first().waitFor()
    await shot(elder, '18-elder-sees-relative')
  })
  // every row is the relative's, on the elder's grant; the case is the elder's
  const rows = (await audit()).slice(earlier)
  expect(rows.length).toBeGreaterThan(0)
  expect(new Set(rows.map((x) => x.actorRole))).toEqual(new Set(['relative']))
  const admin = await fetch(`${run.platform.url}/api/v1/admin/cases?bundleId=kaiban-canyin`, { headers: { 'X-Admin-Token': ADMIN_TOKEN } })
  const filed = ((await admin.json()) as { cases: { id: string; filedBy?: { actor: string } }[] }).cases.find((c) => c.id === caseId)!
  expect(filed.filedBy).toMatchObject({ actor: 'relative' })
}, 240000)

test('revoking mid-filing: the window’s next step gets the platform’s words, what it typed stays on the device, and no case is created', async () => {
  const citizen = await phone()
  const clerk = await windowPc()
  const code = await withScreenshotOnFailure(citizen, 'revoke-grant', () => giveWindowGrant(citizen))
  const casesBefore = async () => {
    const r = await fetch(`${run.platform.url}/api/v1/admin/cases?bundleId=kaiban-canyin`, { headers: { 'X-Admin-Token': ADMIN_TOKEN } })
    return ((await r.json()) as { cases: unknown[] }).cases.length
  }
  const before = await casesBefore()
  const d = new Driver(clerk, run.platform.url)
  await withScreenshotOnFailure(clerk, 'revoke-window-fills', async () => {
    await openAtWindow(clerk, code)
    await d.press('开始填写申请')
    await restaurantQuestions(d)
    await restaurantForm(d, { name: '德明小馆', address: '长沙市天心区书院路 9 号', staff: '2', manager: '王德明', mobile: '13807310003' })
    await d.heading1('准备材料').waitFor()
  })
  // the citizen changes their mind while the window is on 准备材料
  await withScreenshotOnFailure(citizen, 'revoke-citizen', async () => {
    // (earlier tests revoked grants of the same bundle: one more is listed revoked)
    const revoked = citizen.getByText(/开办餐饮店 · 已撤销/).filter({ visible: true })
    const revokedBefore = await revoked.count()
    await citizen.getByRole('button', { name: /^撤销开办餐饮店的授权/ }).first().click()
    await citizen.locator('.taro__modal').getByText('撤销', { exact: true }).click()
    await until(async () => (await revoked.count()) === revokedBefore + 1, 'the grant to show as revoked')
  })
  await withScreenshotOnFailure(clerk, 'revoke-window-cut', async () => {
    // the next thing the window sends for the citizen: a scanned material
    const layout = clerk.locator('#m-layout')
    const chooser = clerk.waitForEvent('filechooser')
    await layout.getByRole('button', { name: /选择文件/ }).click()
    await (await chooser).setFiles(PDF)
    await layout.getByText(/申请人已撤销授权，不能继续代办/).first().waitFor()
    await shot(clerk, '19-window-revoked-mid-filing')
    // what the window typed is still on the device
    await clerk.goBack()
    // (Back may land on the last question: its 继续 leads to the form again)
    const form = d.heading1('填写申请信息')
    if (!(await form.isVisible())) await d.press('继续')
    await form.waitFor()
    expect(await clerk.getByRole('textbox', { name: '店名（营业执照上的名称）' }).inputValue()).toBe('德明小馆')
  })
  expect(await casesBefore()).toBe(before)
}, 180000)
