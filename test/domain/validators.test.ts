import type { Field } from '@/domain/template/types'
import {
  idNumberCheckChar,
  luhnValid,
  usccCheckChar,
  validateBankAccount,
  validateDate,
  validateEmail,
  validateFieldValue,
  validateIdNumber,
  validateMobile,
  validateName,
  validateNumber,
  validateUscc,
} from '@/domain/validators'

const TODAY = '2026-11-26'

describe('居民身份证号码 (GB 11643-1999)', () => {
  // BRIEF §10 samples, each checked against the weights by hand in the report.
  test.each([
    ['11010519491231002X', '1949-12-31', 'female', '110105'],
    ['430102199003071234', '1990-03-07', 'male', '430102'],
    ['430111198506150024', '1985-06-15', 'female', '430111'],
    ['430103195801012114', '1958-01-01', 'male', '430103'],
    // born today is still valid; 1900-01-01 is the earliest accepted; a leap day
    ['430102202611261239', '2026-11-26', 'male', '430102'],
    ['430102190001011237', '1900-01-01', 'male', '430102'],
    ['430102200002291230', '2000-02-29', 'male', '430102'],
    ['430102199003071242', '1990-03-07', 'female', '430102'],
  ])('%s is valid, born %s, %s', (id, birthDate, sex, regionCode) => {
    const r = validateIdNumber(id, { today: TODAY })
    expect(r).toEqual({ ok: true, value: id, birthDate, sex, regionCode })
  })

  test('lowercase x is accepted and normalised to X', () => {
    const r = validateIdNumber('11010519491231002x', { today: TODAY })
    expect(r.ok && r.value).toBe('11010519491231002X')
  })

  test('blanks around the number are trimmed', () => {
    const r = validateIdNumber('  430102199003071234 ', { today: TODAY })
    expect(r.ok && r.value).toBe('430102199003071234')
  })

  test.each([
    ['wrong check digit', '430102199003071235', 'check-digit', '校验位不正确，请核对后重新输入'],
    ['wrong check digit (X expected digit)', '110105194912310021', 'check-digit', '校验位不正确'],
    ['one digit swapped', '430102199003071324', 'check-digit', '校验位不正确'],
    ['February 30', '430102199002301237', 'impossible-date', '出生日期不存在'],
    ['month 13', '430102199013011235', 'impossible-date', '出生日期不存在'],
    ['29 Feb in a non-leap 1900', '430102190002291234', 'impossible-date', '出生日期不存在'],
    ['future birth date', '430102202701011233', 'future-date', '晚于今天'],
    ['born tomorrow', '430102202611271234', 'future-date', '晚于今天'],
    ['before 1900', '430102189912311232', 'date-too-early', '早于1900年'],
    ['region starting with 9', '910102199003071239', 'region', '地区码'],
    ['letter inside', '4301021990O3071234', 'bad-char', '只能由数字和字母 X 组成'],
    ['hyphen', '430102-19900307-1234', 'bad-char', '只能由数字和字母 X 组成'],
    ['X not last', '43010219900307X234', 'bad-char', '只能出现在最后一位'],
    ['17 digits', '43010219900307123', 'length', '应为18位，当前为17位'],
    ['19 digits', '4301021990030712345', 'length', '应为18位，当前为19位'],
    ['old 15-digit number', '430102900307123', 'old-format', '15位旧号码'],
    ['full-width digits', '４３０１０２１９９００３０７１２３４', 'full-width', '请使用半角数字'],
    ['one full-width digit', '43010219900307123４', 'full-width', '请使用半角数字'],
    ['inner space', '430102 19900307 1234', 'space', '空格'],
    ['ideographic space', '430102\u300019900307 1234', 'space', '空格'],
    ['empty', '   ', 'empty', '请填写身份证号码'],
  ])('%s: %s is rejected', (_case, id, code, message) => {
    const r = validateIdNumber(id, { today: TODAY })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.code).toBe(code)
      expect(r.message).toContain(message)
    }
  })

  test('messages use the given label and never echo the number', () => {
    const r = validateIdNumber('430102199003071235', { today: TODAY, label: '法定代表人身份证号码' })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.message).toBe('法定代表人身份证号码校验位不正确，请核对后重新输入')
      expect(r.message).not.toContain('4301')
    }
  })

  test('the check character is computed from the weights', () => {
    expect(idNumberCheckChar('11010519491231002')).toBe('X')
    expect(idNumberCheckChar('43010219900307123')).toBe('4')
  })

  test('a malformed today is a programming error', () => {
    expect(() => validateIdNumber('430102199003071234', { today: '2026/11/26' })).toThrow(RangeError)
  })
})

describe('统一社会信用代码 (GB 32100-2015)', () => {
  // All three BRIEF §10 samples pass the check digit.
  test.each([
    ['91350100M000100Y43', '9', '1', '350100', 'M000100Y4'],
    ['91430100MA4L12345A', '9', '1', '430100', 'MA4L12345'],
    ['92430102MA4M00001Y', '9', '2', '430102', 'MA4M00001'],
  ])('%s is valid when typed', (code, registeringBody, kind, regionCode, organisationCode) => {
    const r = validateUscc(code, { origin: 'typed' })
    expect(r).toEqual({ ok: true, value: code, registeringBody, kind, regionCode, organisationCode })
  })

  test('lowercase input is normalised to upper case', () => {
    const r = validateUscc('91430100ma4l12345a')
    expect(r.ok && r.value).toBe('91430100MA4L12345A')
  })

  test('check character: 31 − (sum mod 31), and 31 maps to 0', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3')
    // all zeros: sum 0 → 31 − 0 = 31 → '0'
    expect(usccCheckChar('00000000000000000')).toBe('0')
    expect(validateUscc('000000000000000000')).toMatchObject({ ok: true })
  })

  test('a bad check digit typed by the user is an error', () => {
    const r = validateUscc('91430100MA4L12345B', { origin: 'typed' })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.code).toBe('check-digit')
      expect(r.message).toBe('统一社会信用代码校验位不正确，请核对后重新输入')
    }
  })

  test('typed is the default origin', () => {
    expect(validateUscc('91430100MA4L12345B').ok).toBe(false)
  })

  test('a bad check digit from another system only warns', () => {
    const r = validateUscc('91430100MA4L12345B', { origin: 'external' })
    expect(r.ok).toBe(true)
    if (r.ok) {
      expect(r.value).toBe('91430100MA4L12345B')
      expect(r.warning).toContain('校验位')
      expect(r.regionCode).toBe('430100')
    }
  })

  test('a valid external code carries no warning', () => {
    const r = validateUscc('91430100MA4L12345A', { origin: 'external' })
    expect(r.ok && r.warning).toBeUndefined()
  })

  test.each([
    ['letter I', '91430100MA4I12345A', 'bad-char', '不含字母 I、O、Z、S、V'],
    ['letter O', '91430100MA4O12345A', 'bad-char', '不含字母'],
    ['letter S', '9143010SMA4L12345A', 'bad-char', '不含字母'],
    ['punctuation', '91430100-MA4L1234', 'bad-char', '只能由数字和大写字母组成'],
    ['17 chars', '91430100MA4L12345', 'length', '应为18位，当前为17位'],
    ['full-width', '９1430100MA4L12345A', 'full-width', '请使用半角'],
    ['space', '91430100 MA4L12345A', 'space', '空格'],
    ['empty', '', 'empty', '请填写统一社会信用代码'],
  ])('%s: %s is rejected even from another system', (_case, code, errCode, message) => {
    for (const origin of ['typed', 'external'] as const) {
      const r = validateUscc(code, { origin })
      expect(r.ok).toBe(false)
      if (!r.ok) {
        expect(r.code).toBe(errCode)
        expect(r.message).toContain(message)
      }
    }
  })
})

describe('手机号码', () => {
  test.each([
    ['13812341234', '13812341234'],
    ['19912345678', '19912345678'],
    ['138 1234 1234', '13812341234'],
    ['138-1234-1234', '13812341234'],
    ['+86 13812341234', '13812341234'],
  ])('%s → %s', (raw, value) => {
    expect(validateMobile(raw)).toEqual({ ok: true, value })
  })

  test.each([
    ['12812341234', 'prefix', '应以13–19开头'],
    ['1381234123', 'length', '应为11位，当前为10位'],
    ['138123412345', 'length', '当前为12位'],
    ['1381234123a', 'bad-char', '只能包含数字'],
    ['１３８12341234', 'full-width', '请使用半角数字'],
    ['', 'empty', '请填写手机号码'],
  ])('%s is rejected', (raw, code, message) => {
    const r = validateMobile(raw)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.code).toBe(code)
      expect(r.message).toContain(message)
    }
  })
})

describe('日期', () => {
  test.each(['2024-02-29', '2025-12-31', '2000-02-29'])('%s is a real date', (d) => {
    expect(validateDate(d)).toEqual({ ok: true, value: d })
  })

  test.each([
    ['2025-02-29', 'impossible-date'],
    ['2025-13-01', 'impossible-date'],
    ['2025-04-31', 'impossible-date'],
    ['1900-02-29', 'impossible-date'],
    ['2025/01/31', 'format'],
    ['2025-1-31', 'format'],
    ['２０２５-01-31', 'full-width'],
  ])('%s is rejected (%s)', (d, code) => {
    const r = validateDate(d, { label: '开业日期' })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.code).toBe(code)
      expect(r.message).toContain('开业日期')
    }
  })

  test('min and max are inclusive', () => {
    const opts = { label: '开业日期', min: '2026-01-01', max: '2026-12-31' }
    expect(validateDate('2026-01-01', opts).ok).toBe(true)
    expect(validateDate('2026-12-31', opts).ok).toBe(true)
    expect(validateDate('2025-12-31', opts)).toMatchObject({ ok: false, message: '开业日期不能早于 2026-01-01' })
    expect(validateDate('2027-01-01', opts)).toMatchObject({ ok: false, message: '开业日期不能晚于 2026-12-31' })
  })
})

describe('带单位的数值', () => {
  test('a positive number passes, from text or number', () => {
    expect(validateNumber('120.5', { label: '面积', unit: '㎡' })).toEqual({ ok: true, value: 120.5 })
    expect(validateNumber(30, { label: '投资额', unit: '万元' })).toEqual({ ok: true, value: 30 })
  })

  test.each(['0', '-5', 0])('%s: message names the unit', (raw) => {
    expect(validateNumber(raw, { label: '面积', unit: '㎡' })).toMatchObject({
      ok: false,
      code: 'not-positive',
      message: '请输入大于 0 的面积（㎡）',
    })
  })

  test.each([
    ['abc', 'not-number'],
    ['1,000', 'not-number'],
    ['1e3', 'not-number'],
    ['12㎡', 'not-number'],
    ['１２', 'full-width'],
    ['', 'empty'],
  ])('%s is rejected (%s)', (raw, code) => {
    const r = validateNumber(raw, { label: '面积', unit: '㎡' })
    expect(r).toMatchObject({ ok: false, code })
    if (!r.ok) expect(r.message).toContain('面积（㎡）')
  })

  test('min, max and integer', () => {
    const opts = { label: '从业人数', unit: '人', min: 0, max: 500, integer: true }
    expect(validateNumber('0', opts)).toEqual({ ok: true, value: 0 })
    expect(validateNumber('500', opts)).toEqual({ ok: true, value: 500 })
    expect(validateNumber('-1', opts)).toMatchObject({ ok: false, message: '从业人数不能小于 0 人' })
    expect(validateNumber('501', opts)).toMatchObject({ ok: false, message: '从业人数不能大于 500 人' })
    expect(validateNumber('2.5', opts)).toMatchObject({ ok: false, message: '从业人数（人）请填写整数' })
  })
})

describe('姓名', () => {
  test.each([
    ['张三', '张三'],
    ['欧阳娜娜', '欧阳娜娜'],
    ['阿卜杜·热合曼', '阿卜杜·热合曼'],
    ['阿卜杜・热合曼', '阿卜杜·热合曼'], // katakana middle dot from a Japanese-style IME
    ['阿卜杜•热合曼', '阿卜杜·热合曼'],
    ['王𠮷', '王𠮷'], // 扩展B 区 rare character, one code point beyond the BMP
    [' 李四 ', '李四'],
  ])('%s is valid', (raw, value) => {
    expect(validateName(raw)).toEqual({ ok: true, value })
  })

  test.each([
    ['张', 'too-short'],
    ['张'.repeat(21), 'too-long'],
    ['张3', 'digit'],
    ['Tom', 'latin'],
    ['张Tom', 'latin'],
    ['张 三', 'space'],
    ['·张三', 'dot'],
    ['张三·', 'dot'],
    ['张··三', 'dot'],
    ['张三！', 'bad-char'],
  ])('%s is rejected (%s)', (raw, code) => {
    const r = validateName(raw, { label: '申请人姓名' })
    expect(r).toMatchObject({ ok: false, code })
    if (!r.ok) expect(r.message).toContain('申请人姓名')
  })

  test('Latin names only with allowLatin', () => {
    expect(validateName('John Smith', { allowLatin: true })).toEqual({ ok: true, value: 'John Smith' })
    expect(validateName('John Smith')).toMatchObject({ ok: false, code: 'latin' })
    expect(validateName('John  Smith', { allowLatin: true })).toMatchObject({ ok: false, code: 'latin' })
    expect(validateName('John2', { allowLatin: true })).toMatchObject({ ok: false, code: 'digit' })
  })
})

describe('银行账号', () => {
  test('Luhn helper', () => {
    expect(luhnValid('4111111111111111')).toBe(true)
    expect(luhnValid('4111111111111112')).toBe(false)
  })

  test('a Luhn-valid card number in groups of four', () => {
    expect(validateBankAccount('6222 0212 3456 7890 128')).toEqual({ ok: true, value: '6222021234567890128' })
  })

  test('a Luhn failure only warns', () => {
    const r = validateBankAccount('6222021234567890123')
    expect(r).toMatchObject({ ok: true, value: '6222021234567890123' })
    expect(r.ok && r.warning).toContain('未通过校验')
  })

  test('the Luhn warning can be switched off (对公账户)', () => {
    expect(validateBankAccount('6222021234567890123', { luhn: false })).toEqual({ ok: true, value: '6222021234567890123' })
  })

  test.each([
    ['12345678901', 'length', '应为12至19位数字，当前为11位'],
    ['12345678901234567890', 'length', '当前为20位'],
    ['6222abcd12345678', 'bad-char', '只能包含数字'],
    ['６２２２021234567890128', 'full-width', '请使用半角数字'],
  ])('%s is rejected', (raw, code, message) => {
    const r = validateBankAccount(raw)
    expect(r).toMatchObject({ ok: false, code })
    if (!r.ok) expect(r.message).toContain(message)
  })
})

describe('电子邮箱', () => {
  test.each([
    ['zhang.san@example.com', 'zhang.san@example.com'],
    ['Li+tag@Mail.HN.gov.cn', 'Li+tag@mail.hn.gov.cn'],
  ])('%s → %s', (raw, value) => {
    expect(validateEmail(raw)).toEqual({ ok: true, value })
  })

  test.each([
    ['zhangsan＠example.com', 'full-width'],
    ['zhang san@example.com', 'space'],
    ['zhangsan@example', 'format'],
    ['zhangsan.example.com', 'format'],
    ['zhang..san@example.com', 'format'],
    ['@example.com', 'format'],
  ])('%s is rejected (%s)', (raw, code) => {
    expect(validateEmail(raw)).toMatchObject({ ok: false, code })
  })
})

describe('validateFieldValue', () => {
  const field = (over: Partial<Field>): Field => ({ id: 'f', label: '字段', type: 'text', section: 's', ...over })
  const opts = { today: TODAY }

  test('a required empty field asks for it by label', () => {
    expect(validateFieldValue(field({ label: '经营场所地址', type: 'address' }), '  ', opts)).toEqual({
      ok: false,
      code: 'required',
      message: '请填写经营场所地址',
    })
    expect(validateFieldValue(field({ label: '主体类型', type: 'select' }), undefined, opts)).toMatchObject({
      message: '请选择主体类型',
    })
    expect(validateFieldValue(field({ label: '面积', type: 'number' }), Number.NaN, opts)).toMatchObject({
      code: 'required',
    })
  })

  test('an optional empty field passes with no value', () => {
    expect(validateFieldValue(field({ optional: true }), '', opts)).toEqual({ ok: true, value: undefined })
  })

  test('the caller decides required for requiredWhen fields', () => {
    const f = field({ label: '烟草零售许可证号', requiredWhen: { var: 'sellsTobacco' } })
    expect(validateFieldValue(f, '', { ...opts, required: false }).ok).toBe(true)
    expect(validateFieldValue(f, '', { ...opts, required: true })).toMatchObject({ message: '请填写烟草零售许可证号' })
  })

  test('maxLength counts characters', () => {
    const f = field({ label: '店铺名称', maxLength: 4 })
    expect(validateFieldValue(f, '湘味小馆', opts)).toEqual({ ok: true, value: '湘味小馆' })
    expect(validateFieldValue(f, '湘味小馆子', opts)).toMatchObject({ ok: false, message: '店铺名称不能超过4个字' })
  })

  test('idNumber returns what the number encodes and names the field', () => {
    const f = field({ label: '经营者身份证号码', type: 'idNumber', sensitive: true })
    expect(validateFieldValue(f, '430111198506150024', opts)).toMatchObject({
      ok: true,
      birthDate: '1985-06-15',
      sex: 'female',
    })
    expect(validateFieldValue(f, '430111198506150025', opts)).toMatchObject({
      ok: false,
      message: '经营者身份证号码校验位不正确，请核对后重新输入',
    })
  })

  test('uscc honours origin', () => {
    const f = field({ label: '统一社会信用代码', type: 'uscc' })
    expect(validateFieldValue(f, '91430100MA4L12345B', opts).ok).toBe(false)
    const r = validateFieldValue(f, '91430100MA4L12345B', { ...opts, origin: 'external' })
    expect(r.ok && r.warning).toContain('校验位')
  })

  test('number uses field min, max and unit', () => {
    const f = field({ label: '经营场所面积', type: 'number', unit: '㎡', max: 10000 })
    expect(validateFieldValue(f, '0', opts)).toMatchObject({ message: '请输入大于 0 的经营场所面积（㎡）' })
    expect(validateFieldValue(f, 20000, opts)).toMatchObject({ message: '经营场所面积不能大于 10000 ㎡' })
    expect(validateFieldValue(f, '350', opts)).toEqual({ ok: true, value: 350 })
  })

  test('select checks the options, single or multiple', () => {
    const f = field({
      label: '主体类型',
      type: 'select',
      options: [
        { value: 'individual', label: '个体工商户' },
        { value: 'company', label: '有限公司' },
      ],
    })
    expect(validateFieldValue(f, 'company', opts)).toEqual({ ok: true, value: 'company' })
    expect(validateFieldValue(f, ['company', 'individual'], opts)).toEqual({ ok: true, value: ['company', 'individual'] })
    expect(validateFieldValue(f, 'partnership', opts)).toMatchObject({ ok: false, message: '主体类型的选项无效，请重新选择' })
    expect(validateFieldValue(f, ['company', 'x'], opts).ok).toBe(false)
  })

  test.each<[Field['type'], unknown, unknown]>([
    ['name', '张小三', '张小三'],
    ['mobile', '138 1234 1234', '13812341234'],
    ['date', '2026-02-28', '2026-02-28'],
    ['bankAccount', '6222021234567890128', '6222021234567890128'],
    ['email', 'a@b.cn', 'a@b.cn'],
    ['textarea', ' 多行\n文字 ', '多行\n文字'],
  ])('%s dispatches and normalises', (type, raw, value) => {
    expect(validateFieldValue(field({ type }), raw, opts)).toMatchObject({ ok: true, value })
  })

  test.each<[Field['type'], unknown, string]>([
    ['name', '张3', '联系人不能包含数字'],
    ['mobile', '1234', '联系人应为11位，当前为4位'],
    ['date', '2026-02-30', '联系人不是有效的日期'],
    ['bankAccount', '123', '联系人应为12至19位数字'],
    ['email', 'a@b', '联系人格式不正确'],
  ])('%s errors name the field label', (type, raw, message) => {
    const r = validateFieldValue(field({ type, label: '联系人' }), raw, opts)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.message).toContain(message)
  })

  test('date fields honour minDate and maxDate', () => {
    const f = field({ label: '预约日期', type: 'date' })
    expect(validateFieldValue(f, '2026-11-25', { ...opts, minDate: TODAY })).toMatchObject({
      ok: false,
      message: '预约日期不能早于 2026-11-26',
    })
  })

  test('an array is not a valid text value', () => {
    expect(validateFieldValue(field({ label: '备注' }), ['a'], opts)).toMatchObject({ ok: false, code: 'bad-type' })
  })
})
