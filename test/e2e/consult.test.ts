// 在线咨询 with two browsers: the citizen's phone (375×812) asks from a guide's 有疑问？在线咨询 (signing in on the
// way, bad input refused at the field, the text kept over a reload), the window PC (1280×900) sees the question
// in its console and answers it, the citizen finds the answer in 消息 and opens it. axe clean on each new page,
// in normal and 长辈版 modes.
import path from 'node:path'
import type { Page } from 'playwright-core'
import { axeViolations } from './support/axe'
import { withScreenshotOnFailure } from './support/browser'
import { Driver, PEOPLE } from './support/journeys'
import { contextsForEachTest } from './support/phone-page'

const run = contextsForEachTest()
const SHOTS = process.env.SHOTS_DIR

const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true })
}
const heading1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name })
const tap = (page: Page, name: string | RegExp) => page.getByRole('button', { name, exact: typeof name === 'string' }).first().click()

async function phone(): Promise<Page> {
  const ctx = run.track(await run.browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' }))
  return ctx.newPage()
}

async function windowPc(): Promise<Page> {
  return run.track(await run.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })).newPage()
}

async function noAxe(page: Page, where: string): Promise<void> {
  const found = await axeViolations(page)
  expect({ where, violations: found.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`) }).toEqual({ where, violations: [] })
}

async function setElder(page: Page, on: boolean): Promise<void> {
  await page.goto(`${run.platform.url}/#/pages/me/index`)
  const toggle = page.getByRole('switch', { name: /^长辈版/ })
  if ((await toggle.getAttribute('aria-checked')) !== String(on)) await toggle.click()
  await page.waitForFunction((want) => document.querySelector('[role=switch]')?.getAttribute('aria-checked') === String(want), on)
}

const QUESTION = '餐饮店的营业执照和食品经营许可证能一起办吗？'
const SECOND = '我想再问一下：开业以后多久内要办健康证？\n店里的帮工也要办吗？'
const ANSWER = '可以一起办：在“开办餐饮店”里一次提交，营业执照和食品经营许可证同时办理。'

test('a citizen asks from the guide, the window answers from its console, the answer arrives in 消息 and opens the question', async () => {
  const citizen = await phone()
  const clerk = await windowPc()
  const base = run.platform.url

  await withScreenshotOnFailure(citizen, 'consult-citizen', async () => {
    await citizen.goto(`${base}/#/pages/journey/guide/index?bundle=kaiban-canyin`)
    await heading1(citizen, /开办餐饮店/).waitFor()
    await tap(citizen, '在线咨询')
    await heading1(citizen, '在线咨询').waitFor()
    await shot(citizen, '01-consult-signed-out')
    await noAxe(citizen, '在线咨询, signed out')
    await tap(citizen, '登录')
    await new Driver(citizen, base).signInBySms(PEOPLE.father.mobile)
    // back on the question page, the guide's bundle chosen
    await heading1(citizen, '在线咨询').waitFor()
    await citizen.getByText('咨询事项：开办餐饮店').waitFor()
    await citizen.getByText('您还没有咨询过。').waitFor()
    await noAxe(citizen, '在线咨询, signed in, empty')

    // nothing typed, then too little: the rulebook's words at the field; nothing is sent
    await tap(citizen, '提交咨询')
    await citizen.getByText('请填写咨询内容').waitFor()
    const box = citizen.getByRole('textbox', { name: '您的问题' })
    await box.fill('怎么办')
    await tap(citizen, '提交咨询')
    await citizen.getByText('咨询内容太短了，请至少写 5 个字').waitFor()
    expect(await box.getAttribute('aria-invalid')).toBe('true')
    await shot(citizen, '02-consult-too-short')
    await noAxe(citizen, '在线咨询, field error')
    // a reload keeps what was typed
    await box.fill(QUESTION)
    await citizen.reload()
    await heading1(citizen, '在线咨询').waitFor()
    await citizen.waitForFunction((q) => document.querySelector('textarea')?.value === q, QUESTION)
    await tap(citizen, '提交咨询')
    const sent = citizen.getByRole('status').filter({ hasText: '已提交关于“开办餐饮店”的咨询' })
    await sent.waitFor()
    expect(await sent.innerText()).toMatch(/将在 \d+月\d+日（周.）前答复，答复会发到“消息”。/)
    // 我的咨询: 待答复 with its date; the box is empty for the next question
    await citizen.getByText(QUESTION).waitFor()
    await citizen.getByText('待答复', { exact: true }).waitFor()
    expect(await box.inputValue()).toBe('')
    await shot(citizen, '03-consult-sent')
    await noAxe(citizen, '在线咨询, asked')
  })

  await withScreenshotOnFailure(clerk, 'consult-window', async () => {
    // the console's poll runs on the page's timers: fast-forwarded below instead of waiting 30 s
    await clerk.clock.install()
    await clerk.goto(`${base}/#/pages/staff/home/index`)
    await heading1(clerk, '窗口工作台').waitFor()
    await clerk.getByRole('textbox', { name: '工作账号' }).fill('staff03')
    await clerk.getByRole('textbox', { name: '密码' }).fill('Window@2026')
    await clerk.keyboard.press('Enter')
    await clerk.getByRole('heading', { level: 2, name: '在线咨询（待答复 1 条）' }).waitFor()
    await clerk.getByText(QUESTION).waitFor()
    await clerk.getByText(/前答复 · 刘\* · /).waitFor()
    await noAxe(clerk, '窗口工作台 with 在线咨询')
    const answer = clerk.getByRole('textbox', { name: '答复内容' })
    await answer.fill('可以')
    await tap(clerk, '提交答复：刘*关于“开办餐饮店”的咨询')
    await clerk.getByText('答复内容太短了，请至少写 5 个字').waitFor()
    expect(await answer.inputValue()).toBe('可以')
    await shot(clerk, '04-window-answer-too-short')
    await answer.fill(ANSWER)
    await tap(clerk, '提交答复：刘*关于“开办餐饮店”的咨询')
    await clerk.getByText('已答复 刘* 关于“开办餐饮店”的咨询，答复已发到其“消息”。').waitFor()
    await clerk.getByRole('heading', { level: 2, name: '在线咨询（待答复 0 条）' }).waitFor()
    await shot(clerk, '05-window-answered')

    // a new question while the console is open: the next poll (every 30 s) tells the window
    await citizen.getByRole('textbox', { name: '您的问题' }).fill(SECOND)
    await tap(citizen, '提交咨询')
    await citizen.getByRole('status').filter({ hasText: '已提交关于“开办餐饮店”的咨询' }).waitFor()
    await clerk.clock.runFor(31_000)
    await clerk.getByRole('heading', { level: 2, name: '在线咨询（待答复 1 条）' }).waitFor()
    await clerk.getByText('有 1 条新的在线咨询', { exact: true }).waitFor()
    expect(await clerk.getByLabel('在线咨询待答复').innerText()).toMatch(/在线咨询待答复\s*1\s*条/)
    await noAxe(clerk, '窗口工作台, a new question announced')
    await tap(clerk, '显示新咨询')
    await clerk.getByText(SECOND).waitFor()
    await shot(clerk, '05b-window-new-question')
  })

  await withScreenshotOnFailure(citizen, 'consult-citizen-answer', async () => {
    await citizen.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: /^消息/ }).click().catch(async () => {
      await citizen.goto(`${base}/#/pages/messages/index`)
    })
    await heading1(citizen, '消息').waitFor()
    await citizen.getByText('您的咨询已答复').waitFor()
    await shot(citizen, '06-messages')
    await noAxe(citizen, '消息 with an answer')
    await tap(citizen, '查看答复：您的咨询已答复')
    await heading1(citizen, '咨询详情').waitFor()
    await citizen.getByText(ANSWER).waitFor()
    await citizen.getByText(/长沙市政务服务中心 · .* 答复/).waitFor()
    await shot(citizen, '07-question-answered')
    await noAxe(citizen, '咨询详情')
    // Back returns to 消息; a reload of the question stays on it
    await citizen.goBack()
    await heading1(citizen, '消息').waitFor()
    await citizen.goForward()
    await heading1(citizen, '咨询详情').waitFor()
    await citizen.reload()
    await citizen.getByText(ANSWER).waitFor()

    // 长辈版: the same pages, axe clean
    await setElder(citizen, true)
    await citizen.goto(`${base}/#/pages/account/consult/index`)
    await citizen.getByText('已答复', { exact: true }).waitFor()
    await shot(citizen, '08-consult-elder')
    await noAxe(citizen, '在线咨询, 长辈版')
    await tap(citizen, '查看答复：开办餐饮店，已答复')
    await citizen.getByText(ANSWER).waitFor()
    await shot(citizen, '09-question-elder')
    await noAxe(citizen, '咨询详情, 长辈版')
    await citizen.goto(`${base}/#/pages/account/help/index`)
    await citizen.getByRole('heading', { level: 2, name: '在线咨询' }).waitFor()
    await noAxe(citizen, '帮助与客服 with 在线咨询, 长辈版')
  })
}, 180000)
