// 长辈版 身后事: 王德明 files after his wife's death on a 375×812 phone. He types her ID number once; the platform
// checks they were in the same 户口簿 and the departments' records answer 8 of the 9 questions (each saying whose
// record it is) and her name, number, sex and date of death on the form. A wrong number is refused at the field; a
// stranger's death gets the one plain refusal. The number is never in a URL nor shown unmasked after the lookup.
// Back and reload keep his place. axe clean, text ≥ 18 px, targets ≥ 60 px throughout.
import { DECEASED_RECORD_REFUSAL } from '@/domain/deceased'
import { withScreenshotOnFailure } from './support/browser'
import { elderPhone, elderStates, signInAsElder } from './support/elder'
import { contextsForEachTest } from './support/phone-page'

const shared = contextsForEachTest()
const WIFE = '430103196003150023' // 李秀英 (示例), same 户口簿 as 王德明
const STRANGER = '430102194506201018' // 张国华 (示例), no tie to 王德明

test('长辈版 身后事: the deceased’s shared records answer 8 of 9 questions for a family member; wrong number and no standing said plainly', async () => {
  const { page, d, base } = await elderPhone(shared)
  const states = elderStates(page, 'shenhoushi', (p) => (p.url().includes(WIFE) || p.url().includes(STRANGER) ? 'an ID number in the URL' : undefined))
  await withScreenshotOnFailure(page, 'elder-shenhoushi', async () => {
    await signInAsElder(page, d, base)

    await page.goto(`${base}/#/pages/journey/guide/index?bundle=shenhoushi`)
    await d.heading1('公民身后事一件事').waitFor()
    await d.press('开始办理')
    await d.heading1('亲人是在什么情况下去世的？').waitFor()
    const box = page.getByRole('textbox', { name: '逝者的身份证号码' })
    await box.waitFor()
    await page.getByText(/输入逝者的身份证号码，平台核对您与逝者在同一户口簿或有结婚登记后，7 个问题由记录回答/).waitFor()
    await states.check('question-offer')

    // a wrong check digit: said at the field, nothing sent
    await d.type(box, `${WIFE.slice(0, 17)}5`)
    await d.press('查询逝者的记录')
    await page.getByText('逝者的身份证号码校验位不正确，请核对后重新输入').waitFor()
    await states.check('wrong-number')

    // someone he has no tie to: the one plain refusal; the questions stay to be answered
    await d.type(box, STRANGER)
    await d.press('查询逝者的记录')
    await page.getByText(DECEASED_RECORD_REFUSAL).waitFor()
    await states.check('no-standing')

    // his wife: found, 8 questions answered from the departments' records
    await d.type(box, WIFE)
    await d.press('查询逝者的记录')
    await page.getByText(/已查到 李\*英（.+）的记录（同一户口簿），8 个问题已由各部门的记录回答/).waitFor()
    await page.getByText('已根据您的信息填好（来自卫健部门死亡医学证明），请核对；如有不同，请直接修改。').waitFor()
    expect(await page.getByText(WIFE).count()).toBe(0)
    await states.check('records-found')

    await d.press('继续')
    await d.heading1('您和逝者是什么关系？').waitFor()
    expect(await page.getByText(/问题 1 \/ 共 1/).count()).toBe(1)
    await d.choose('配偶')
    await d.press('继续')
    await d.heading1('填写申请信息').waitFor()
    // her name, number (masked), sex and date of death come from the records, with their sources
    await page.getByText(/来自公安部门户籍记录，不可修改/).first().waitFor()
    await page.getByText(/来自卫健部门死亡医学证明，不可修改/).first().waitFor()
    expect(await page.content()).not.toContain(WIFE)
    await states.check('form')

    // reload: the form stays (the records are read again by their handle); Back: the one question he answered
    await page.reload()
    await d.heading1('填写申请信息').waitFor()
    await page.getByText(/来自公安部门户籍记录，不可修改/).first().waitFor()
    await page.goBack()
    await d.heading1('您和逝者是什么关系？').waitFor()
    expect(await page.getByRole('radio', { name: '配偶' }).isChecked()).toBe(true)
    await states.check('back-to-relation')
  })
  expect(states.problems).toEqual([])
})
