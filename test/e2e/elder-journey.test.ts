// 长辈版 is simpler, not only bigger: an elder signed in files 退休 on a 375×812 phone. Questions the platform can
// answer from his real-name record (性别, 是否到龄) and, once he agrees on the first question, his 社保卡 and 户口簿
// (缴费年限, 户口在省外, 医保年限) are not asked: 5 questions instead of 8. Help waits behind 这是什么意思？; the form
// folds its empty optional fields behind 选填项（可不填）; dates are picked. axe clean, text ≥ 18 px, targets ≥ 60 px.
import { withScreenshotOnFailure } from './support/browser'
import { elderPhone, elderStates, signInAsElder } from './support/elder'
import { contextsForEachTest } from './support/phone-page'

const shared = contextsForEachTest()

test('长辈版 退休: answers the platform holds not asked (5 of 10), help folded, optional fields folded, dates picked; axe clean and large throughout', async () => {
  const { page, d, base } = await elderPhone(shared)
  const states = elderStates(page, 'elder')
  await withScreenshotOnFailure(page, 'elder-journey', async () => {
    await signInAsElder(page, d, base)

    await page.goto(`${base}/#/pages/journey/guide/index?bundle=tuixiu`)
    await d.heading1('退休一件事').waitFor()
    await d.press('开始办理')
    const asked: string[] = []
    const seen = async (q: string) => {
      await d.heading1(q).waitFor()
      asked.push(q)
    }
    // the first question asked is the kind of retirement: 性别 and 是否到龄 come from his real-name record
    await seen('您是哪种情况退休？')
    expect(await page.getByText(/问题 1 \/ 共 8/).count()).toBe(1)
    // 长辈版: the choices first, the help behind 这是什么意思？
    expect(await page.getByText('到了法定退休年龄的选', { exact: false }).count()).toBe(0)
    const more = page.getByRole('button', { name: '这是什么意思？' })
    expect(await more.getAttribute('aria-expanded')).toBe('false')
    // his 社保卡 and 户口簿 answer 3 of the questions to come once he agrees
    const offer = page.getByText('平台有您的电子社保卡、户口簿。同意使用后，3 个问题由证照上的信息回答，您只需核对。')
    await offer.waitFor()
    await states.check('question')
    await more.click()
    expect(await page.getByRole('button', { name: '收起说明' }).getAttribute('aria-expanded')).toBe('true')
    await states.check('question-help-open')
    await d.press('同意使用电子社保卡、户口簿')
    await offer.waitFor({ state: 'detached' })
    await page.getByText(/问题 1 \/ 共 5/).waitFor()
    await d.choose('到龄正常退休')
    await d.press('继续')
    await seen('需要用人事档案认定出生时间、参加工作时间或视同缴费年限吗？')
    await d.choose('否')
    await d.press('继续')
    await d.answer('下面哪种情况符合您？', () => d.choose(/独生子女父母/))
    asked.push('计生')
    await d.answer('谁来申报退休？', () => d.choose(/本人申报/))
    asked.push('申报')
    await d.yes('您缴存过住房公积金、要一起办理退休提取吗？')
    asked.push('公积金')
    // 5 asked; 性别, 到龄, 缴费年限, 户口 and 医保年限 answered from his data
    expect(asked).toHaveLength(5)

    await d.heading1('填写申请信息').waitFor()
    // each answer from data is there to check, saying where it came from (as 核对信息's 修改 opens it)
    const formUrl = page.url()
    const questionUrl = (id: string) => formUrl.replace('/pages/journey/form/index?', '/pages/journey/question/index?') + `&q=${id}`
    for (const [id, heading, source] of [
      ['sex', '您的性别', '实名信息'],
      ['reachedAge', '您已经达到法定退休年龄了吗？', '实名信息'],
      ['contributionYears', '养老保险累计缴费年限（含视同缴费年限）一共多少年？', '电子社保卡'],
      ['hukouOutOfProvince', '您的户口在湖南省外吗？', '电子户口簿'],
      ['medicalYears', '职工医保累计缴费年限（含视同缴费年限）多少年？', '电子社保卡'],
    ]) {
      await page.goto(questionUrl(id))
      await d.heading1(heading).waitFor()
      await page.getByText(`已根据您的信息填好（来自${source}），请核对；如有不同，请直接修改。`).waitFor()
    }
    await states.check('question-from-data')
    await page.goto(formUrl)
    await d.heading1('填写申请信息').waitFor()
    const fold = page.getByRole('button', { name: /^选填项（可不填）· \d+ 项$/ })
    await fold.waitFor()
    expect(await fold.getAttribute('aria-expanded')).toBe('false')
    // the optional fields are out of sight; the required ones, and the dates as pickers, are there
    expect(await fold.textContent()).toContain('2 项')
    expect(await page.getByRole('textbox', { name: /光荣证编号/ }).count()).toBe(0)
    expect(await page.getByRole('textbox', { name: /住房公积金个人账号/ }).count()).toBe(0)
    expect(await page.locator('#f-retireDate').getAttribute('type')).toBe('date')
    await states.check('form-folded')
    await fold.click()
    const open = page.getByRole('button', { name: '收起选填项' })
    expect(await open.getAttribute('aria-expanded')).toBe('true')
    const folded = page.getByRole('group', { name: '选填项' })
    await folded.getByRole('textbox').first().waitFor()
    expect(await folded.getByRole('textbox').count()).toBeGreaterThan(0)
    await states.check('form-unfolded')
    // typed into the fold, then folded again and back: kept
    await folded.getByRole('textbox', { name: /光荣证编号/ }).fill('湘 0001')
    await open.click()
    await page.getByRole('button', { name: /^选填项（可不填）/ }).click()
    expect(await page.getByRole('group', { name: '选填项' }).getByRole('textbox', { name: /光荣证编号/ }).inputValue()).toBe('湘 0001')
    // reload: the form stays (the questions answered from his record still count) and a field holding
    // something is no longer folded away
    await page.reload()
    await d.heading1('填写申请信息').waitFor()
    const kept = page.getByRole('textbox', { name: /光荣证编号/ })
    await kept.waitFor()
    expect(await kept.inputValue()).toBe('湘 0001')
    expect(await page.getByRole('button', { name: /^选填项（可不填）/ }).textContent()).toContain('1 项')
    await states.check('form-after-reload')
  })
  expect(states.problems).toEqual([])
})
