// Drafts that follow the citizen, in the production H5 build: two browser contexts are two devices of 刘洋
// against one platform. Answers and typing reach the platform from the form itself (never visiting 我的草稿),
// at once when the page is hidden; a reload shows what the other device changed; different fields changed on
// both stay; the same field asks once, on one device; a second draft of a bundle is offered, never made.
// WALK_SHOTS=<dir> keeps a screenshot of each step there (a walk-through, outside the repository).
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { axeViolations } from './support/axe'
import { withScreenshotOnFailure } from './support/browser'
import { ANSWERS, BUSINESS_NAME, devicesForEachTest, openDrafts, platformHolds, signInOnTheForm, toTheForm } from './support/drafts'
import { Driver, PEOPLE, until } from './support/journeys'

const env = devicesForEachTest()

/** a new phone: its own storage, nothing signed in */
async function device(): Promise<{ page: Page; d: Driver; visited: string[] }> {
  const page = await env.phone()
  const visited: string[] = []
  page.on('framenavigated', (f) => visited.push(f.url()))
  return { page, d: new Driver(page, env.platform.url), visited }
}

let shotNo = 0
async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.WALK_SHOTS
  if (!dir) return
  fs.mkdirSync(dir, { recursive: true })
  await page.screenshot({ path: path.join(dir, `${String(++shotNo).padStart(2, '0')}-${name}.png`), fullPage: true })
}

const box = (page: Page, label: string) => page.getByRole('textbox', { name: label, exact: true })

test('typed on the form, the platform has it shortly after without visiting 我的草稿; another device resumes it where it was left, and a reload shows changes made elsewhere', async () => {
  const phone = await device()
  await withScreenshotOnFailure(phone.page, 'sync-phone', async () => {
    await toTheForm(phone.d)
    await signInOnTheForm(phone.d)
    await phone.d.fill(BUSINESS_NAME, '跨端测试小馆')
    await shot(phone.page, 'phone-form-typed')
    const held = await platformHolds(env.citizen, (r) => r.content.values['business-name'] === '跨端测试小馆', 'the shop name')
    expect(held.content.answers).toEqual(ANSWERS)
    expect(held.place?.step).toBe('form')
    expect(phone.visited.some((u) => u.includes('/drafts/'))).toBe(false)
  })

  const computer = await device()
  await withScreenshotOnFailure(computer.page, 'sync-computer', async () => {
    await computer.page.goto(`${env.platform.url}/#/pages/journey/drafts/index`)
    await computer.d.heading1('我的草稿').waitFor()
    await computer.page.getByText('登录后，您在其他手机、电脑上保存的草稿也会显示在这里，这里的草稿也会同步过去。').waitFor()
    await shot(computer.page, 'computer-drafts-signed-out')
    await computer.d.press('登录')
    await computer.d.signInBySms(PEOPLE.father.mobile)
    await computer.d.heading1('我的草稿').waitFor()
    const card = computer.page.locator('.ui-card').filter({ hasText: '开办餐饮店' })
    // where the citizen left off (the form), and when it was last changed, in Beijing time
    await card.getByText(/上次到：填写信息 · \d+月\d+日 \d\d:\d\d 保存（刚刚|\d+ 分钟前）/).waitFor()
    expect(await axeViolations(computer.page)).toEqual([])
    await shot(computer.page, 'computer-drafts-listed')
    await computer.d.press('继续办理开办餐饮店')
    await computer.d.heading1('填写申请信息').waitFor()
    await expect(box(computer.page, BUSINESS_NAME).inputValue()).resolves.toBe('跨端测试小馆')
    // resuming sent nothing: the platform's version did not move
    const before = (await openDrafts(env.citizen))[0].version
    await computer.page.waitForTimeout(2500)
    expect((await openDrafts(env.citizen))[0].version).toBe(before)
  })

  // at the same time: the staff count on the computer, the address on the phone
  await computer.d.fill('从业人员人数', '6')
  await phone.d.fill('经营场所地址', '长沙市天心区示例路 8 号')
  await platformHolds(env.citizen, (r) => r.content.values['employee-count'] === '6' && r.content.values['premises-address'] === '长沙市天心区示例路 8 号', 'both changes')
  for (const { page } of [phone, computer]) {
    await page.reload()
    await page.getByRole('heading', { level: 1, name: '填写申请信息' }).waitFor()
    await until(async () => (await box(page, '从业人员人数').inputValue()) === '6' && (await box(page, '经营场所地址').inputValue()) === '长沙市天心区示例路 8 号', 'the other device’s change after a reload')
    expect(await page.locator('.ui-conflict').count()).toBe(0)
  }
  await shot(phone.page, 'phone-reloaded-both-changes')
  expect(await openDrafts(env.citizen)).toHaveLength(1)
})

test('the same field changed on two devices asks once, on the device that saved second, with both values; the choice reaches the first', async () => {
  const phone = await device()
  await toTheForm(phone.d)
  await signInOnTheForm(phone.d)
  await phone.d.fill(BUSINESS_NAME, '小馆')
  await platformHolds(env.citizen, (r) => r.content.values['business-name'] === '小馆', 'the first name')
  const computer = await device()
  await computer.page.goto(`${env.platform.url}/#/pages/journey/drafts/index`)
  await computer.d.press('登录')
  await computer.d.signInBySms(PEOPLE.father.mobile)
  await computer.d.press('继续办理开办餐饮店')
  await computer.d.heading1('填写申请信息').waitFor()
  await until(async () => (await box(computer.page, BUSINESS_NAME).inputValue()) === '小馆', 'the draft on the computer')

  await withScreenshotOnFailure(computer.page, 'sync-same-field', async () => {
    await phone.d.fill(BUSINESS_NAME, '手机上的小馆')
    await platformHolds(env.citizen, (r) => r.content.values['business-name'] === '手机上的小馆', 'the phone’s name')
    await computer.d.fill(BUSINESS_NAME, '电脑上的小馆')
    await computer.d.fill('从业人员人数', '5')
    const card = computer.page.getByRole('region', { name: '“开办餐饮店”在两台设备上改得不一样' })
    await card.waitFor()
    const name = card.getByRole('radiogroup', { name: BUSINESS_NAME })
    expect(await name.getByRole('radio').allTextContents()).toEqual(['本机：电脑上的小馆', '另一台设备：手机上的小馆'])
    expect(await card.getByRole('radiogroup').count()).toBe(1)
    expect(await axeViolations(computer.page)).toEqual([])
    await shot(computer.page, 'computer-asked-once')
    await computer.d.choose('本机：电脑上的小馆', card)
    await computer.d.press('确认并合并', card)
    await card.waitFor({ state: 'detached' })
    const held = await platformHolds(env.citizen, (r) => r.content.values['business-name'] === '电脑上的小馆', 'the chosen name')
    expect(held.content.values['employee-count']).toBe('5')
  })
  await phone.page.reload()
  await until(async () => (await box(phone.page, BUSINESS_NAME).inputValue()) === '电脑上的小馆', 'the choice on the phone')
  expect(await phone.page.locator('.ui-conflict').count()).toBe(0)
  await shot(phone.page, 'phone-after-choice')
})

test('closing the page right after typing still saves it (pushed when the page is hidden, not 1.5 s later)', async () => {
  const phone = await device()
  await toTheForm(phone.d)
  await signInOnTheForm(phone.d)
  await phone.d.fill(BUSINESS_NAME, '小馆')
  await platformHolds(env.citizen, (r) => r.content.values['business-name'] === '小馆', 'the first name')
  await box(phone.page, '经营场所地址').fill('长沙市开福区示例街 3 号')
  await phone.page.close({ runBeforeUnload: true })
  const held = await platformHolds(env.citizen, (r) => r.content.values['premises-address'] === '长沙市开福区示例街 3 号', 'the address typed just before closing', 5000)
  expect(held.content.values['business-name']).toBe('小馆')
})

test('signing in with answers given for a bundle the platform already holds a draft of offers to merge or continue; merged, there is one draft', async () => {
  const phone = await device()
  await toTheForm(phone.d)
  await signInOnTheForm(phone.d)
  await phone.d.fill(BUSINESS_NAME, '跨端测试小馆')
  await platformHolds(env.citizen, (r) => r.content.values['business-name'] === '跨端测试小馆', 'the phone’s draft')

  const computer = await device()
  await withScreenshotOnFailure(computer.page, 'sync-duplicate', async () => {
    // signed out: begun again, with another answer to the area question
    await toTheForm(computer.d, '60')
    await signInOnTheForm(computer.d)
    const offer = computer.page.getByRole('region', { name: '您在其他设备上已有一份“开办餐饮店”草稿' })
    await offer.waitFor()
    expect(await axeViolations(computer.page)).toEqual([])
    await shot(computer.page, 'computer-duplicate-offered')
    // nothing was sent as a second draft meanwhile
    expect(await openDrafts(env.citizen)).toHaveLength(1)
    await computer.d.press('合并两份草稿', offer)
    const card = computer.page.getByRole('region', { name: '“开办餐饮店”在两台设备上改得不一样' })
    await card.waitFor()
    expect(await card.getByRole('radio').allTextContents()).toEqual(['本机：60㎡', '另一台设备：40㎡'])
    await shot(computer.page, 'computer-merge-asks-area')
    await computer.d.choose('本机：60㎡', card)
    await computer.d.press('确认并合并', card)
    const held = await platformHolds(env.citizen, (r) => r.content.answers.area === 60, 'the merged draft')
    expect(held.content.values['business-name']).toBe('跨端测试小馆')
    expect(await openDrafts(env.citizen)).toHaveLength(1)
    // the page now shows the one draft, with the phone's shop name
    await until(async () => (await box(computer.page, BUSINESS_NAME).inputValue().catch(() => '')) === '跨端测试小馆', 'the merged draft on the form')
    expect(computer.page.url()).toContain(`draft=${held.id}`)
    await shot(computer.page, 'computer-merged-form')
  })
})

test('with drafts saved on the phone, 我的办件 shows at once while they are still being read; the form waits for its draft and keeps what was typed', async () => {
  const phone = await device()
  await withScreenshotOnFailure(phone.page, 'sync-drafts-late', async () => {
    await toTheForm(phone.d)
    await signInOnTheForm(phone.d)
    await phone.d.fill(BUSINESS_NAME, '晚读测试小馆')
    await platformHolds(env.citizen, (r) => r.content.values['business-name'] === '晚读测试小馆', 'the shop name')
    const form = phone.page.url()
    // the drafts' reader (valibot and the draft schemas, a late chunk on H5) is held back from here on
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    let asked = 0
    await phone.page.route(/\/js\/valibot\.[0-9a-f]+\.js$/, async (route) => {
      asked++
      await held
      await route.continue()
    })
    // (a script held back holds the page's load event too: wait for the navigation only)
    await phone.page.goto(`${env.platform.url}/#/pages/my-cases/index`)
    await phone.page.reload({ waitUntil: 'commit' })
    await phone.d.heading1('我的办件').waitFor()
    await until(async () => asked > 0, 'the reader asked for')
    // the form of the draft is not shown before its draft is read (nothing typed can be overwritten)
    await phone.page.goto(form, { waitUntil: 'commit' })
    await phone.page.reload({ waitUntil: 'commit' })
    await phone.page.waitForTimeout(1500)
    expect(await phone.d.heading1('填写申请信息').count()).toBe(0)
    release()
    await phone.d.heading1('填写申请信息').waitFor()
    await expect(box(phone.page, BUSINESS_NAME).inputValue()).resolves.toBe('晚读测试小馆')
  })
})
