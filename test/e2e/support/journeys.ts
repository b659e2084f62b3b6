// The three reference journeys of the citizen app, driven the way a person would in the production H5 build,
// from the home page to 核对申请信息 and then to the confirmation. Shared by the browser E2E (test/e2e/) and
// `npm run bench` (scripts/bench/journeys.ts), which prints the taps and keystrokes they need.
//
// Counting: a tap is a press on a button, a choice, a checkbox, a text box (to focus it) or, for an upload,
// the file in the system picker; a keystroke is one character typed (a Chinese character counts as one,
// whatever the input method needs for it). Waiting, scrolling and reading are not counted.
import type { Locator, Page } from 'playwright-core'
import { samplePdf } from '../../support/sample-files'

export type StepName = 'question' | 'form' | 'materials' | 'delivery' | 'review'

export interface DriverHooks {
  /**
   * called once per step when everything of that step is given, just before 继续 (on a question: the answer
   * chosen; on 核对申请信息: on arrival). The E2E reloads the page here.
   */
  onStep?: (step: StepName, driver: Driver) => Promise<void>
}

export const SMS_CODE = '123456'

/** Fixture people of mock/fixtures/users.ts (sign-in on H5 by mobile number). */
export const PEOPLE = {
  /** 刘洋: holds an e-ID card, 户口簿, 结婚证, 社保卡 */
  father: { mobile: '13807310001', idNumber: '430104199605121238' },
  /** 陈静: holds an e-ID card, 户口簿, 结婚证 and the baby's 出生医学证明 */
  mother: { mobile: '13807310002', idNumber: '430104199708230023' },
  /** 周立 for 长沙湘味餐饮管理有限公司 (a firm account) */
  firm: { mobile: '13807310005', idNumber: '430105198003041515' },
} as const

export const PDF = { name: '布局图.pdf', mimeType: 'application/pdf', buffer: samplePdf() }

export class Driver {
  taps = 0
  keystrokes = 0

  constructor(
    readonly page: Page,
    readonly baseUrl: string,
    private readonly hooks: DriverHooks = {},
  ) {}

  heading1(name: string | RegExp): Locator {
    return this.page.getByRole('heading', { level: 1, name })
  }

  button(name: string | RegExp, scope: Page | Locator = this.page): Locator {
    return scope.getByRole('button', { name, exact: typeof name === 'string' })
  }

  async tap(target: Locator): Promise<void> {
    await target.click()
    this.taps++
  }

  press(name: string | RegExp, scope?: Page | Locator): Promise<void> {
    return this.tap(this.button(name, scope))
  }

  choose(name: string | RegExp, scope: Page | Locator = this.page): Promise<void> {
    return this.tap(scope.getByRole('radio', { name, exact: typeof name === 'string' }))
  }

  /** 办理方式与结果领取: 全程网办, the result mailed by EMS to 长沙市 (the page's own address fields stay as prefilled) */
  async mailedOnline(): Promise<void> {
    await this.heading1('办理方式与结果领取').waitFor()
    await this.choose('全程网办')
    await this.choose('免费邮寄（EMS）')
    await this.choose('长沙市', this.page.getByRole('radiogroup', { name: '收件地区' }))
  }

  check(name: string, scope: Page | Locator = this.page): Promise<void> {
    return this.tap(scope.getByRole('checkbox', { name, exact: true }))
  }

  /** taps the box, then types the text (replacing what was there) */
  async type(box: Locator, text: string): Promise<void> {
    await this.tap(box)
    await box.fill(text)
    this.keystrokes += [...text].length
  }

  /**
   * A date chosen in the field's date picker (the browser's date input, never free text): taps it and sets the
   * date as the picker does (the segments' order follows the browser's locale, so not typed digit by digit).
   */
  async pickDate(label: string | RegExp, iso: string, scope: Page | Locator = this.page): Promise<void> {
    const box = scope.getByRole('textbox', { name: label, exact: typeof label === 'string' })
    if ((await box.getAttribute('type')) !== 'date') throw new Error(`pickDate: ${String(label)} is not a date picker`)
    await this.tap(box)
    await box.fill(iso)
    const value = await box.inputValue()
    if (value !== iso) throw new Error(`pickDate: ${String(label)} shows ${value}, not ${iso}`)
  }

  fill(label: string | RegExp, text: string, scope: Page | Locator = this.page): Promise<void> {
    return this.type(scope.getByRole('textbox', { name: label, exact: typeof label === 'string' }), text)
  }

  /** the home page's search: types into the search box (a combobox with suggestions) and taps 搜索 */
  async search(text: string): Promise<void> {
    await this.type(this.page.getByRole('combobox', { name: '搜索一件事' }), text)
    await this.press('搜索')
  }

  /** the home page, once its first requests have settled (the catalogue is listed) */
  async home(): Promise<void> {
    await this.page.goto(this.baseUrl + '/')
    await this.page.waitForLoadState('networkidle')
  }

  /**
   * A tap that opens a page with this heading. A tap the app did not take (still starting up on a busy
   * machine) is repeated once, and counted once: the citizen's journey has one tap here.
   */
  async open(target: Locator, heading: string | RegExp): Promise<void> {
    await this.tap(target)
    try {
      await this.heading1(heading).waitFor({ timeout: 10000 })
    } catch {
      await target.click({ timeout: 2000 }).catch(() => undefined)
      await this.heading1(heading).waitFor()
    }
  }

  /** one question per screen: wait for it, act, 继续 */
  async answer(question: string | RegExp, act: () => Promise<void>): Promise<void> {
    await this.heading1(question).waitFor()
    await act()
    await this.press('继续')
  }

  yes = (question: string | RegExp) => this.answer(question, () => this.choose('是'))
  no = (question: string | RegExp) => this.answer(question, () => this.choose('否'))

  async checkpoint(step: StepName): Promise<void> {
    await this.hooks.onStep?.(step, this)
  }

  /** a question answered, the checkpoint, then 继续 */
  async answerWithCheckpoint(question: string | RegExp, act: () => Promise<void>): Promise<void> {
    await this.heading1(question).waitFor()
    await act()
    await this.checkpoint('question')
    await this.press('继续')
  }

  /** 选择文件 on a material card, then the file in the system picker: two taps */
  async upload(card: Locator, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser')
    await this.tap(card.getByRole('button', { name: /选择文件/ }))
    await (await chooser).setFiles(file)
    this.taps++
    await card.getByText('平台已接收，格式检查通过').waitFor()
  }

  /** a material met by an e-licence: agree to its use */
  async consent(card: Locator, licence: string): Promise<void> {
    await this.press(`同意使用电子${licence}`, card)
    await card.getByText(`✓ 已关联电子${licence}，无需上传`).waitFor()
  }

  /** agrees to every e-licence still offered on the page, one at a time */
  async consentAll(): Promise<void> {
    const offers = this.page.getByRole('button', { name: /^同意使用电子/ })
    for (let n = await offers.count(); n > 0; n = await offers.count()) {
      await this.tap(offers.first())
      await until(async () => (await offers.count()) < n, 'an e-licence consent to land')
    }
  }

  /** 告知承诺: choose it and agree to the text */
  async promise(card: Locator): Promise<void> {
    await this.choose('告知承诺：以承诺代替证明', card)
    await this.check('我已阅读上述内容，自愿作出承诺', card)
  }

  async signInBySms(mobile: string): Promise<void> {
    await this.heading1('登录').waitFor()
    await this.fill('手机号码', mobile)
    await this.press('获取验证码')
    await this.page.getByText('验证码已发送，请查看短信').waitFor()
    await this.fill('短信验证码', SMS_CODE)
    await this.press('登录')
  }

  /** 提交申请 on 核对申请信息 until the confirmation shows; returns the case number and the burden report */
  async submit(timeoutMs = 30000): Promise<Confirmation> {
    await this.heading1('核对申请信息').waitFor()
    await this.tap(this.page.locator('#submit-button:visible'))
    return this.confirmation(timeoutMs)
  }

  async confirmation(timeoutMs = 30000): Promise<Confirmation> {
    await this.heading1('提交成功').waitFor({ timeout: timeoutMs })
    const caseId = (await this.page.locator('.ui-case-no').innerText()).trim()
    const burden = (await this.page.locator('.ui-burden').innerText()).trim()
    return { caseId, burden }
  }
}

export interface Confirmation {
  caseId: string
  /** 填写 N 项而不是 M 项，上传 K 份材料而不是 L 份，跑 0 次 */
  burden: string
}

/** 开办餐饮店's guide → 开始办理 → its seven questions (an individual's shop of `area` ㎡, nothing special) → the form. */
export async function restaurantQuestions(d: Driver, area = '40'): Promise<void> {
  await d.press('开始办理')
  await d.no('您已经领到这家店的营业执照了吗？')
  await d.answerWithCheckpoint('您打算以什么身份开店？', () => d.choose('个体工商户'))
  await d.answer('店面的使用面积有多大？', () => d.fill('店面的使用面积有多大？', area))
  await d.answer('开这家店总共打算投入多少钱？', () => d.fill('开这家店总共打算投入多少钱？', '20'))
  await d.answer(/店里会卖下面这些吗/, () => d.check('以上都没有'))
  await d.no('店里卖不卖香烟？')
  await d.no(/招牌/)
  await d.heading1('填写申请信息').waitFor()
}

/**
 * 开办餐饮店 as a person (刘洋): found by searching 餐饮; a 40 ㎡ shop, no tobacco, no sign; e-ID card, two
 * promises (告知承诺), an upload, a deferred material (容缺); result by EMS. Ends on 核对申请信息.
 */
export async function restaurant(d: Driver): Promise<void> {
  const { page } = d
  await d.home()
  await d.search('餐饮')
  await page.getByRole('heading', { name: '“餐饮”的搜索结果' }).waitFor()
  await d.open(d.button('开办餐饮店').first(), '开办餐饮店')
  await restaurantQuestions(d)
  await d.press('登录后继续')
  await d.signInBySms(PEOPLE.father.mobile)
  await restaurantForm(d, { name: '湘味小馆', address: '长沙市岳麓区麓山南路 100 号', staff: '4', manager: '王芳', mobile: '13807310009' })
  await restaurantToReview(d)
}

/** 开办餐饮店 from 准备材料 to 核对申请信息: e-ID card, two promises, an upload, a deferred material; EMS. */
export async function restaurantToReview(d: Driver): Promise<void> {
  const { page } = d
  await d.heading1('准备材料').waitFor()
  await d.consent(page.locator('#m-id-card'), '居民身份证')
  await d.promise(page.locator('#m-premises-proof'))
  await d.promise(page.locator('#m-food-safety-rules'))
  await d.upload(page.locator('#m-layout'), PDF)
  await d.choose('稍后补交（容缺受理）', page.locator('#m-health-cert'))
  await d.checkpoint('materials')
  await d.press('继续')

  await d.mailedOnline()
  await d.checkpoint('delivery')
  await d.press('继续')
  await d.heading1('核对申请信息').waitFor()
  await d.checkpoint('review')
}

/** 填写申请信息 of 开办餐饮店 (a rented shop), the checkpoint, then 继续 */
export async function restaurantForm(d: Driver, v: { name: string; address: string; staff: string; manager: string; mobile: string }): Promise<void> {
  await d.heading1('填写申请信息').waitFor()
  await d.fill('店名（营业执照上的名称）', v.name)
  await d.fill('经营场所地址', v.address)
  await d.choose('租赁')
  await d.fill('从业人员人数', v.staff)
  await d.fill('食品安全管理人员姓名', v.manager)
  await d.fill('食品安全管理人员手机号码', v.mobile)
  await d.checkpoint('form')
  await d.press('继续')
}

/**
 * 新生儿出生 from the home page's popular list, filed by the mother (陈静), who holds the e-licences: the
 * form is filled from her 出生医学证明, 结婚证 and 户口簿; every material that has an e-licence uses it.
 * Resident medical insurance, no costs advanced; the result collected at a service hall. Ends on 核对申请信息.
 */
export async function newborn(d: Driver): Promise<void> {
  const { page } = d
  await d.home()
  await page.getByRole('heading', { name: '热门一件事' }).waitFor()
  await d.open(d.button('新生儿出生一件事').first(), '新生儿出生一件事')
  await d.press('开始办理')
  await d.yes('宝宝是在湖南省内的医院出生的吗？')
  await d.yes('宝宝的出生医学证明已经拿到了吗？')
  await d.answerWithCheckpoint('宝宝出生多少天了？', () => d.fill('宝宝出生多少天了？', '14'))
  await d.yes('宝宝的爸爸和妈妈都是湖南省户籍吗？')
  await d.yes('宝宝的爸爸妈妈已经登记结婚了吗？')
  await d.answer('宝宝的户口上在谁的户口簿上？', () => d.choose('随爸爸落户'))
  await d.answer('宝宝的妈妈参加的是哪种医疗保险？', () => d.choose('城乡居民医保'))
  await d.no('生孩子的住院费用是自己全额先垫付的吗？')

  await d.heading1('填写申请信息').waitFor()
  await d.press('登录后继续')
  await d.signInBySms(PEOPLE.mother.mobile)
  await d.heading1('填写申请信息').waitFor()
  for (const licence of ['出生医学证明', '结婚证', '居民户口簿']) await d.press(`同意使用电子${licence}`)
  await page.getByRole('group', { name: '宝宝姓名' }).getByText('来自电子出生医学证明').waitFor()
  await d.fill('宝宝民族', '汉族')
  await d.choose('子', page.getByRole('radiogroup', { name: '宝宝与户主的关系' }))
  await d.fill('预防接种门诊', '岳麓区社区卫生服务中心')
  await d.choose('中国建设银行', page.getByRole('radiogroup', { name: '社保卡合作银行' }))
  await d.checkpoint('form')
  await d.press('继续')

  await d.heading1('准备材料').waitFor()
  // the e-licences agreed to on the form already meet their materials; agree to any other one offered
  await d.consentAll()
  await expectNoUpload(page)
  await d.checkpoint('materials')
  await d.press('继续')

  await d.heading1('办理方式与结果领取').waitFor()
  await d.choose('全程网办')
  await d.choose('窗口自取')
  await page.getByRole('radio', { name: /长沙市政务服务中心/ }).waitFor()
  await d.checkpoint('delivery')
  await d.press('继续')
  await d.heading1('核对申请信息').waitFor()
  await d.checkpoint('review')
}

/**
 * 企业开办 as a firm account (周立 for 长沙湘味餐饮管理有限公司), found under 法人办事: a limited company
 * with invoices, staff, housing fund and a bank account appointment; 告知承诺 for the premises, the articles
 * uploaded. Ends on 核对申请信息.
 */
export async function firm(d: Driver): Promise<void> {
  const { page } = d
  await d.home()
  await d.press('法人办事')
  await d.open(d.button('企业开办').first(), '企业开办')
  await d.press('开始办理')
  await d.answer('您要开办哪种企业？', () => d.choose('有限责任公司'))
  await d.no('投资人里有外国或港澳台的个人、企业吗？')
  await d.answerWithCheckpoint('开业后需要开发票吗？', () => d.choose('是'))
  await d.yes('会招用员工吗？')
  await d.yes('要为员工缴存住房公积金吗？')
  await d.yes('需要预约开立银行基本存款账户吗？')

  await d.heading1('填写申请信息').waitFor()
  await d.press('登录后继续')
  await d.signInBySms(PEOPLE.firm.mobile)
  await d.heading1('填写申请信息').waitFor()
  await d.fill('企业名称', '长沙湘味食品科技有限公司')
  await d.fill('住所（主要经营场所）', '长沙市开福区芙蓉中路一段 99 号 1201 室')
  await d.fill('注册资本（出资数额）', '100')
  await d.fill('经营范围', '食品销售；餐饮管理')
  await d.fill('法定代表人（执行事务合伙人、投资人）姓名', '周立')
  await d.fill('法定代表人身份证号码', PEOPLE.firm.idNumber)
  await d.fill('法定代表人手机号码', PEOPLE.firm.mobile)
  // a repeatable group: one 股东 with his own fields (and his own 主体资格证明 on the materials page)
  await d.press('添加股东')
  const investor = page.getByRole('group', { name: '股东 1' })
  await d.fill('姓名或名称', '周立', investor)
  await d.fill('身份证号码或统一社会信用代码', PEOPLE.firm.idNumber, investor)
  await d.fill('认缴出资额', '100', investor)
  await d.pickDate('出资期限', isoDay(365), investor)
  await d.fill(/^监事姓名/, '王芳')
  await d.fill('财务负责人姓名', '李明')
  await d.fill('财务负责人手机号码', '13807310010')
  await d.choose('数电发票（普通发票）', page.getByRole('radiogroup', { name: '需要的发票种类' }))
  await d.press('添加员工')
  const employee = page.getByRole('group', { name: '员工 1' })
  await d.fill('员工姓名', '王芳', employee)
  await d.fill('员工身份证号码', '430111198506150024', employee)
  await d.pickDate('用工起始日期', isoDay(0), employee)
  await d.fill('月工资', '5000', employee)
  await d.choose('5%', page.getByRole('radiogroup', { name: '住房公积金缴存比例' }))
  await d.choose('中国建设银行', page.getByRole('radiogroup', { name: '开户银行' }))
  await d.fill('希望办理的银行网点', '开福区芙蓉中路支行')
  await d.pickDate('预约日期', isoDay(3))
  await d.checkpoint('form')
  await d.press('继续')

  await d.heading1('准备材料').waitFor()
  await d.consent(page.locator('#m-id-card'), '居民身份证')
  await d.promise(page.locator('#m-premises-proof'))
  await d.upload(page.locator('#m-company-articles'), { ...PDF, name: '公司章程.pdf' })
  await d.checkpoint('materials')
  await d.press('继续')

  await d.heading1('办理方式与结果领取').waitFor()
  await d.choose('全程网办')
  await d.choose('仅电子证照（不领取纸质结果）')
  await d.checkpoint('delivery')
  await d.press('继续')
  await d.heading1('核对申请信息').waitFor()
  await d.checkpoint('review')
}

/** 'YYYY-MM-DD' in Beijing, `days` from today (the app bounds dates by the device's today) */
export function isoDay(days: number): string {
  return new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10)
}

/** polls `ok` every 50 ms until it holds; throws after `timeoutMs` */
export async function until(ok: () => Promise<boolean>, what: string, timeoutMs = 10000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

/** every material of the page is met without an upload (e-licence, produced in the bundle) */
async function expectNoUpload(page: Page): Promise<void> {
  const summary = await page.getByText(/需准备 \d+ 份材料/).last().innerText()
  if (!summary.includes('需准备 0 份材料')) throw new Error(`expected no material to provide, got: ${summary}`)
}

export const JOURNEYS = { restaurant, newborn, firm } as const

/** The citizen signs on the window device's pad (核对申请信息 while a window files for them), with the mouse. */
export async function signWithMouse(page: Page): Promise<void> {
  const box = page.locator('#applicant-signature-box:visible')
  await box.scrollIntoViewIfNeeded()
  const pad = await box.boundingBox()
  if (!pad) throw new Error('no signature pad')
  await page.mouse.move(pad.x + 20, pad.y + pad.height / 2)
  await page.mouse.down()
  for (let i = 1; i <= 30; i++) await page.mouse.move(pad.x + 20 + i * 30, pad.y + pad.height / 2 + (i % 2 ? -40 : 40))
  await page.mouse.up()
  await page.locator('#applicant-signature-box:visible').and(page.getByRole('img', { name: '申请人签名：已签名' })).waitFor()
}
