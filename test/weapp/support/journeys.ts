// Citizen journeys on the WeChat build, driven through the headless runtime the way a person taps and types:
// the same steps as the browser journeys (test/e2e/support/journeys.ts), with WeChat's own parts: 微信一键登录
// (wx.login), files from a chat (wx.chooseMessageFile → wx.uploadFile), the native bar instead of "‹ 返回".
import { samplePdf } from '../../support/sample-files'
import type { WeappRuntime } from './runtime'
import type { TextMatcher, WxElement } from './view'
import type { TestFile } from './wx'

export const ROUTES = {
  home: 'pages/index/index',
  cases: 'pages/my-cases/index',
  messages: 'pages/messages/index',
  me: 'pages/me/index',
  login: 'pages/login/index',
  guide: 'pages/journey/guide/index',
  question: 'pages/journey/question/index',
  form: 'pages/journey/form/index',
  materials: 'pages/journey/materials/index',
  delivery: 'pages/journey/delivery/index',
  review: 'pages/journey/review/index',
  done: 'pages/journey/done/index',
  drafts: 'pages/journey/drafts/index',
  confirm: 'pages/journey/confirm/index',
  caseDetail: 'pages/cases/detail/index',
  supplement: 'pages/cases/supplement/index',
  privacy: 'pages/privacy/index',
  licences: 'pages/account/licences/index',
  help: 'pages/account/help/index',
  family: 'pages/account/family/index',
  grants: 'pages/account/grants/index',
  consult: 'pages/account/consult/index',
  consultQuestion: 'pages/account/question/index',
  booking: 'pages/account/booking/index',
} as const

export const PDF: TestFile = { name: '布局图.pdf', bytes: samplePdf() }

/** What a journey driver does, on top of the runtime. */
export class WeappDriver {
  constructor(readonly app: WeappRuntime) {}

  choose(name: TextMatcher, within?: WxElement): Promise<void> {
    return this.app.getByRole('radio', name, within).then((el) => this.app.tap(el))
  }

  check(name: TextMatcher, within?: WxElement): Promise<void> {
    return this.app.getByRole('checkbox', name, within).then((el) => this.app.tap(el))
  }

  pickDate(label: TextMatcher, date: string, within?: WxElement): Promise<void> {
    return this.app.pickDate(label, date, within)
  }

  fill(label: TextMatcher, text: string, within?: WxElement): Promise<void> {
    return this.app.getByRole('textbox', label, within).then((el) => this.app.type(el, text))
  }

  /** the home page's search: types into the search box (a combobox with suggestions) and taps 搜索 */
  async search(text: string): Promise<void> {
    await this.app.type(await this.app.getByRole('combobox', '搜索一件事'), text)
    await this.press('搜索')
  }

  press(name: TextMatcher, within?: WxElement): Promise<void> {
    return this.app.getByRole('button', name, within).then((el) => this.app.tap(el))
  }

  /** a page's sign-in entry (`entry`), then 微信一键登录 on the sign-in page, which returns to the page */
  async signInOnTheWay(entry: TextMatcher): Promise<void> {
    await this.press(entry)
    await this.app.waitForPage('pages/login/index', '登录')
    await this.press('微信一键登录')
  }

  /** one question per screen: wait for it, act, 继续 */
  async answer(question: TextMatcher, act: () => Promise<void>): Promise<void> {
    await this.app.waitForPage(ROUTES.question, question)
    await act()
    await this.press('继续')
  }

  yes = (question: TextMatcher) => this.answer(question, () => this.choose('是'))
  no = (question: TextMatcher) => this.answer(question, () => this.choose('否'))

  /** the sign-in prompt of the form → 微信一键登录 → back on the form, prefilled */
  async signInWithWechat(): Promise<void> {
    await this.app.waitForPage(ROUTES.form, '填写申请信息')
    await this.press('登录后继续')
    await this.app.waitForPage(ROUTES.login, '登录')
    await this.press('微信一键登录')
    await this.app.waitForPage(ROUTES.form, '填写申请信息')
    await this.app.waitFor(() => this.app.allByRole('button', '登录后继续').length === 0, 'the form to know the signed-in person')
  }

  /** a material card by its material id (the card's element id is m-<id>) */
  card(materialId: string): Promise<WxElement> {
    return this.app.getById(`m-${materialId}`)
  }

  /** 选择文件 on a card, the file picked from a chat, uploaded through wx.uploadFile */
  async upload(materialId: string, file: TestFile): Promise<void> {
    this.app.willPick([file])
    await this.press(/^选择文件/, await this.card(materialId))
    await this.app.waitFor(
      () => {
        const card = this.app.queryById(`m-${materialId}`)
        return card && this.app.allByText('平台已接收，格式检查通过', card).length > 0
      },
      `the upload of ${file.name} to be accepted`,
      15000,
    )
  }

  /** a material met by an e-licence: agree to its use */
  async consent(materialId: string, licence: string): Promise<void> {
    await this.press(`同意使用电子${licence}`, await this.card(materialId))
    await this.app.waitForText(`✓ 已关联电子${licence}，无需上传`)
  }

  /** agrees to every e-licence still offered on the page, one at a time */
  async consentAll(): Promise<void> {
    for (let offers = this.app.allByRole('button', /^同意使用电子/); offers.length; offers = this.app.allByRole('button', /^同意使用电子/)) {
      const n = offers.length
      await this.app.tap(offers[0])
      await this.app.waitFor(() => this.app.allByRole('button', /^同意使用电子/).length < n, 'an e-licence consent to land')
    }
  }

  /** 告知承诺: choose it and agree to the text */
  async promise(materialId: string): Promise<void> {
    await this.choose('告知承诺：以承诺代替证明', await this.card(materialId))
    await this.check('我已阅读上述内容，自愿作出承诺', await this.card(materialId))
  }

  /** 提交申请 on 核对申请信息; returns the case number shown on the confirmation */
  async submit(): Promise<string> {
    await this.app.waitForPage(ROUTES.review, '核对申请信息')
    await this.app.tap((await this.app.getById('submit-button')))
    await this.app.waitForPage(ROUTES.done, '提交成功', 20000)
    const caseNo = /HN\d{13}/.exec(this.app.text())?.[0]
    if (!caseNo) throw new Error(`no case number on the confirmation:\n${this.app.text()}`)
    return caseNo
  }
}

/**
 * 开办餐饮店 as a person (刘洋, wx.login code dev-citizen-1): found by searching 餐饮; a 40 ㎡ shop, no tobacco,
 * no sign; e-ID card, two promises, a PDF from a chat uploaded, a deferred material; result by EMS. Ends on
 * 核对申请信息.
 */
export async function restaurant(d: WeappDriver): Promise<void> {
  await restaurantToMaterials(d)
  await restaurantMaterials(d)
  await restaurantDelivery(d)
}

/** 开办餐饮店 from the home page to 准备材料: search, guide, the seven questions, sign-in, the form */
export async function restaurantToMaterials(d: WeappDriver): Promise<void> {
  const { app } = d
  await app.waitForPage(ROUTES.home)
  await d.search('餐饮')
  await app.waitForText('“餐饮”的搜索结果')
  await app.tap((await app.getAllByRole('button', '开办餐饮店'))[0])
  await restaurantQuestions(d)
  await d.signInWithWechat()
  await restaurantForm(d, { name: '湘味小馆', address: '长沙市岳麓区麓山南路 100 号', staff: '4', manager: '王芳', mobile: '13807310009' })
}

/** 开办餐饮店 from its guide: a 40 ㎡ 个体 shop, 20 万, nothing special on the menu, no tobacco, no sign */
export async function restaurantQuestions(d: WeappDriver): Promise<void> {
  const { app } = d
  await app.waitForPage(ROUTES.guide, '开办餐饮店')
  await d.press('开始办理')
  await d.no('您已经领到这家店的营业执照了吗？')
  await d.answer('您打算以什么身份开店？', () => d.choose('个体工商户'))
  await d.answer('店面的使用面积有多大？', () => d.fill('店面的使用面积有多大？', '40'))
  await d.answer('开这家店总共打算投入多少钱？', () => d.fill('开这家店总共打算投入多少钱？', '20'))
  await d.answer(/店里会卖下面这些吗/, async () => {
    // the help ends in 。 and the hint follows it once
    if (!app.text().includes('不用选。可多选')) throw new Error(`the menu question's help reads:\n${app.text()}`)
    await d.check('以上都没有')
  })
  await d.no('店里卖不卖香烟？')
  await d.no(/招牌/)
}

/** 填写申请信息 of 开办餐饮店 (a rented shop), then on to 准备材料 */
export async function restaurantForm(d: WeappDriver, v: { name: string; address: string; staff: string; manager: string; mobile: string }): Promise<void> {
  await d.app.waitForPage(ROUTES.form, '填写申请信息')
  await d.fill('店名（营业执照上的名称）', v.name)
  await d.fill('经营场所地址', v.address)
  await d.choose('租赁')
  await d.fill('从业人员人数', v.staff)
  await d.fill('食品安全管理人员姓名', v.manager)
  await d.fill('食品安全管理人员手机号码', v.mobile)
  await d.press('继续')
  await d.app.waitForPage(ROUTES.materials, '准备材料')
}

/** 准备材料 of 开办餐饮店: the e-ID card, two promises, the layout PDF from a chat, the health certificate later */
export async function restaurantMaterials(d: WeappDriver, done: { consent?: boolean; upload?: boolean } = {}): Promise<void> {
  await d.app.waitForPage(ROUTES.materials, '准备材料')
  if (!done.consent) await d.consent('id-card', '居民身份证')
  await d.promise('premises-proof')
  await d.promise('food-safety-rules')
  if (!done.upload) await d.upload('layout', PDF)
  await d.choose('稍后补交（容缺受理）', await d.card('health-cert'))
  await d.press('继续')
}

/** 办理方式与结果领取 of 开办餐饮店: online, EMS to 长沙市; ends on 核对申请信息 */
export async function restaurantDelivery(d: WeappDriver): Promise<void> {
  const { app } = d
  await app.waitForPage(ROUTES.delivery, '办理方式与结果领取')
  await d.choose('全程网办')
  await d.choose('免费邮寄（EMS）')
  await d.choose('长沙市', await app.getByRole('radiogroup', '收件地区'))
  await d.press('继续')
  await app.waitForPage(ROUTES.review, '核对申请信息')
}

/** the Beijing calendar date `days` before now (YYYY-MM-DD) */
export function beijingDateDaysAgo(days: number): string {
  return new Date(Date.now() + 8 * 3600_000 - days * 86400_000).toISOString().slice(0, 10)
}

/**
 * 新生儿出生 found by searching 出生, filed by the father (刘洋, wx.login code dev-citizen-1), with a dead end on
 * the way: a baby 400 days old is past the bundle's range (需要到窗口办理), corrected to 14 days. The form is
 * filled partly from his e-licences (结婚证, 户口簿); he holds no 出生医学证明, so he uploads it (a PDF from a
 * chat); the result is collected at a service hall. Ends on 核对申请信息.
 */
export async function newborn(d: WeappDriver): Promise<void> {
  const { app } = d
  await app.waitForPage(ROUTES.home)
  await d.search('出生')
  await app.waitForText('“出生”的搜索结果')
  await app.tap((await app.getAllByRole('button', '新生儿出生一件事'))[0])
  await app.waitForPage(ROUTES.guide, '新生儿出生一件事')
  await d.press('开始办理')
  await d.yes('宝宝是在湖南省内的医院出生的吗？')
  await d.yes('宝宝的出生医学证明已经拿到了吗？')
  await d.answer('宝宝出生多少天了？', async () => {
    await d.fill('宝宝出生多少天了？', '400')
    await app.waitForText('需要到窗口办理')
    await d.fill('宝宝出生多少天了？', '14')
    await app.waitFor(() => !app.text().includes('需要到窗口办理'), 'the dead end to go once the answer changes')
  })
  await d.yes('宝宝的爸爸和妈妈都是湖南省户籍吗？')
  await d.yes('宝宝的爸爸妈妈已经登记结婚了吗？')
  await d.answer('宝宝的户口上在谁的户口簿上？', () => d.choose('随爸爸落户'))
  await d.answer('宝宝的妈妈参加的是哪种医疗保险？', () => d.choose('城乡居民医保'))
  await d.no('生孩子的住院费用是自己全额先垫付的吗？')

  await d.signInWithWechat()
  for (const licence of ['结婚证', '居民户口簿']) await d.press(`同意使用电子${licence}`)
  await app.waitForText('来自电子结婚证')
  await d.fill('宝宝姓名', '刘小满')
  await d.choose('男', await app.getByRole('radiogroup', '宝宝性别'))
  await d.pickDate('出生日期', beijingDateDaysAgo(14))
  await d.fill('出生医院', '湖南省妇幼保健院')
  await d.fill('宝宝民族', '汉族')
  await d.fill('预防接种门诊', '岳麓区社区卫生服务中心')
  await d.choose('中国建设银行', await app.getByRole('radiogroup', '社保卡合作银行'))
  await d.choose('子', await app.getByRole('radiogroup', '宝宝与户主的关系'))
  await d.press('继续')

  await app.waitForPage(ROUTES.materials, '准备材料')
  await d.upload('birthMedicalCert', { name: '出生医学证明.pdf', bytes: PDF.bytes })
  await d.consentAll()
  await d.press('继续')

  await app.waitForPage(ROUTES.delivery, '办理方式与结果领取')
  await d.choose('全程网办')
  await d.choose('窗口自取')
  await app.getByRole('radio', /长沙市政务服务中心/)
  await d.press('继续')
  await app.waitForPage(ROUTES.review, '核对申请信息')
}
