// A whole journey finished by keyboard alone on the production H5 build (WCAG 2.1.1, 2.4.3, 2.4.7): 灵活就业
// (it has a date field) from the home page — search, guide, questions, sign-in, the form with its date input,
// materials, delivery, review, submit, the confirmation. Only Tab, Shift+Tab, Enter, Space, arrows and typed
// characters; no clicks. After each navigation the focus is on the new page's heading; every control the Tab key
// reaches shows where the focus is (:focus-visible with an outline or a shadow).
import fs from 'node:fs'
import path from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { withScreenshotOnFailure } from './support/browser'
import { PEOPLE, SMS_CODE, isoDay, until } from './support/journeys'
import { phonePageForEachTest } from './support/phone-page'

const browser = phonePageForEachTest()
const SHOTS = process.env.SHOTS_DIR

interface Stop {
  role: string
  name: string
  /** :focus-visible and something drawn for it */
  visible: boolean
}

class Keyboard {
  readonly stops: Stop[] = []
  private shot = 0

  constructor(readonly page: Page) {}

  /** the element with focus: its role, name, whether it matches :focus-visible and draws an outline or a shadow */
  focused(): Promise<Stop | null> {
    return this.page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null
      if (!el || el === document.body) return null
      const cs = getComputedStyle(el)
      // the browser's date input: after the year its own calendar button (in the input) takes the focus and the
      // input no longer matches :focus-visible; the app keeps the ring round the field (styles/h5.css)
      const drawn = (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2) || cs.boxShadow !== 'none'
      const role = el.getAttribute('role') ?? el.tagName.toLowerCase()
      const name = (el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? '').trim().slice(0, 30)
      return { role, name: name || `#${el.id}`, visible: (el.matches(':focus-visible') || (el as HTMLInputElement).type === 'date') && drawn }
    })
  }

  /** Tab until `target` has focus; each stop on the way is recorded */
  async tabTo(target: Locator, limit = 60): Promise<void> {
    await target.first().waitFor()
    for (let n = 0; n < limit; n++) {
      await this.page.keyboard.press('Tab')
      const stop = await this.focused()
      if (stop) this.stops.push(stop)
      if (await target.first().evaluate((el) => el === document.activeElement || el.contains(document.activeElement))) return
    }
    throw new Error(`Tab did not reach ${target.toString()} in ${limit} presses; stops: ${this.stops.slice(-limit).map((s) => `${s.role} ${s.name}`).join(' | ')}`)
  }

  async activate(target: Locator, key = 'Enter'): Promise<void> {
    await this.tabTo(target)
    await this.page.keyboard.press(key)
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name, exact: typeof name === 'string' })
  }

  press(name: string | RegExp): Promise<void> {
    return this.activate(this.button(name))
  }

  async type(box: Locator, text: string): Promise<void> {
    await this.tabTo(box)
    await this.page.keyboard.press('ControlOrMeta+A')
    await this.page.keyboard.type(text)
  }

  /**
   * The browser's date input, typed segment by segment in the order it shows them. That order follows the
   * browser's own locale (month/day/year in this headless Chromium even in a zh-CN context), which a page cannot
   * read, so like a person the test reads what it got and, if wrong, goes back to the first segment (Shift+Tab
   * out, Tab in) and types in the next order.
   */
  async date(box: Locator, iso: string): Promise<void> {
    const [y, m, d] = iso.split('-')
    await this.tabTo(box)
    const isFocused = () => box.evaluate((el) => el === document.activeElement)
    for (const order of [[m, d, y], [y, m, d], [d, m, y]]) {
      for (const part of order) await this.page.keyboard.type(part)
      if ((await box.inputValue()) === iso) return
      while (await isFocused()) await this.page.keyboard.press('Shift+Tab')
      await this.page.keyboard.press('Tab')
    }
    throw new Error(`the date input shows ${await box.inputValue()}, not ${iso}`)
  }

  /** a radio group: Tab into it (one stop), then arrows to the wanted option */
  async choose(group: Locator, option: string): Promise<void> {
    await this.tabTo(group.getByRole('radio'))
    const wanted = group.getByRole('radio', { name: option, exact: true })
    for (let n = 0; n < 12; n++) {
      if (await wanted.evaluate((el) => el === document.activeElement)) {
        if ((await wanted.getAttribute('aria-checked')) !== 'true') await this.page.keyboard.press('Space')
        return
      }
      await this.page.keyboard.press('ArrowDown')
    }
    throw new Error(`no option ${option}`)
  }

  /** a new page: its heading shows and has focus */
  async arrive(heading: string | RegExp, navigated = true): Promise<void> {
    const h1 = this.page.getByRole('heading', { level: 1, name: heading, exact: typeof heading === 'string' })
    await h1.first().waitFor()
    if (navigated) await until(() => h1.first().evaluate((el) => el === document.activeElement), `focus on the heading ${String(heading)}`)
    if (SHOTS) {
      fs.mkdirSync(SHOTS, { recursive: true })
      await this.page.screenshot({ path: path.join(SHOTS, `kb-${String(++this.shot).padStart(2, '0')}-${String(heading).replace(/[^\w\u4e00-\u9fa5]+/g, '')}.png`) })
    }
  }

  async answer(question: string, act: () => Promise<void>): Promise<void> {
    await this.arrive(question)
    await act()
    await this.press('继续')
  }
}

test('灵活就业 from the home page to the confirmation by keyboard alone: focus on each heading, every stop visible', async () => {
  const { page, platform } = browser
  const kb = new Keyboard(page)
  await withScreenshotOnFailure(page, 'keyboard-journey', async () => {
    await page.goto(platform.url + '/')
    await page.waitForLoadState('networkidle')
    // the first page of a load: focus starts at the top of the document, as for any web page
    await kb.arrive('一件事一次办', false)
    await kb.type(page.getByRole('combobox', { name: '搜索一件事' }), '灵活就业')
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { name: '“灵活就业”的搜索结果' }).waitFor()
    await kb.press(/灵活就业/)
    await kb.arrive(/灵活就业/)
    await kb.press('开始办理')

    await kb.answer('您今年多少周岁？', () => kb.type(page.getByRole('textbox', { name: '您今年多少周岁？' }), '35'))
    await kb.answer('您的性别', () => kb.choose(page.getByRole('radiogroup', { name: '您的性别' }), '男'))
    const radio = (q: string, option: string) => kb.answer(q, () => kb.choose(page.getByRole('radiogroup', { name: q }), option))
    await radio('您已经达到法定退休年龄了吗？', '否')
    await radio('现在有单位在为您缴纳职工社保吗？', '否')
    await radio('您的户口在哪里？', '本市（州）户籍')
    await radio('您是以哪种方式就业的？', '其他灵活就业')
    await kb.answer('您要参加哪些社会保险？（可多选）', () => kb.activate(page.getByRole('checkbox', { name: '职工基本养老保险' }), ' '))
    await radio('您属于就业困难人员吗？', '否')

    await kb.arrive('填写申请信息')
    await kb.press('登录后继续')
    await kb.arrive('登录')
    await kb.type(page.getByRole('textbox', { name: '手机号码' }), PEOPLE.father.mobile)
    await kb.press('获取验证码')
    await page.getByText('验证码已发送，请查看短信').waitFor()
    await kb.type(page.getByRole('textbox', { name: '短信验证码' }), SMS_CODE)
    await kb.press('登录')
    await kb.arrive('填写申请信息')
    await kb.press('同意使用电子社会保障卡')
    await page.getByRole('button', { name: '同意使用电子社会保障卡' }).waitFor({ state: 'detached' })
    await kb.type(page.getByRole('textbox', { name: '从事的工作' }), '外卖骑手')
    await kb.type(page.getByRole('textbox', { name: '主要工作地点' }), '长沙市岳麓区麓山南路')
    const start = isoDay(-30)
    await kb.date(page.getByRole('textbox', { name: '开始灵活就业的时间' }), start)
    await kb.choose(page.getByRole('radiogroup', { name: '缴费档次' }), '100%')
    await kb.type(page.getByRole('textbox', { name: '扣款账号' }), '6222021234567890128')
    await kb.press('继续')
    await kb.arrive('准备材料')
    // every material met by an e-licence: agree to each one offered
    const offers = page.getByRole('button', { name: /^同意使用电子/ })
    for (let n = await offers.count(); n > 0; n = await offers.count()) {
      await kb.activate(offers.first())
      await until(async () => (await offers.count()) < n, 'an e-licence consent to land')
    }
    await kb.press('继续')
    await kb.arrive('办理方式与结果领取')
    await kb.choose(page.getByRole('radiogroup', { name: '办理方式' }), '全程网办')
    await kb.choose(page.getByRole('radiogroup', { name: '办理结果怎么领取' }), '仅电子证照（不领取纸质结果）')
    await kb.press('继续')
    await kb.arrive('核对申请信息')
    await kb.activate(page.locator('#submit-button:visible'))
    await kb.arrive('提交成功')
    expect((await page.locator('.ui-case-no').innerText()).trim()).toMatch(/^\S{6,}$/)
  })
  console.log(`${kb.stops.length} tab stops, ${kb.stops.filter((s) => !s.visible).length} without a visible focus`)
  expect(kb.stops.filter((s) => !s.visible)).toEqual([])
  expect(kb.stops.length).toBeGreaterThan(40)
}, 180000)

