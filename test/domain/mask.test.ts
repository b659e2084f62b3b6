import { maskBankAccount, maskIdNumber, maskMobile, maskName, redactSensitive } from '@/domain/mask'

describe('maskIdNumber', () => {
  test.each([
    ['430102199003071234', '430102********1234'],
    ['11010519491231002X', '110105********002X'],
  ])('%s → %s', (id, masked) => {
    expect(maskIdNumber(id)).toBe(masked)
  })

  test('short style keeps 4 + 4', () => {
    expect(maskIdNumber('430102199003071234', 'short')).toBe('4301**********1234')
  })

  test('other lengths still hide at least half and never the birth date', () => {
    const masked = maskIdNumber('430102900307123')
    expect(masked).toHaveLength(15)
    expect(masked).not.toContain('900307')
    expect(masked.split('*').length - 1).toBeGreaterThanOrEqual(8)
  })
})

describe('maskMobile', () => {
  test('11 digits → 138****1234', () => {
    expect(maskMobile('13812341234')).toBe('138****1234')
  })

  test('a malformed number is still masked', () => {
    expect(maskMobile('1381234')).not.toContain('1381234')
  })
})

describe('maskBankAccount', () => {
  test.each([
    ['6222021234567890128', '6222 **** **** 0128'],
    ['6222 0212 3456 7890', '6222 **** **** 7890'],
    ['123456789012', '1234 **** **** 9012'],
  ])('%s → %s', (acc, masked) => {
    expect(maskBankAccount(acc)).toBe(masked)
  })
})

describe('maskName', () => {
  test.each([
    ['张三', '张*'],
    ['张小三', '张*三'],
    ['欧阳小明', '欧**明'],
    ['阿卜杜·热合曼', '阿**·**曼'],
    ['李', '*'],
    ['', ''],
  ])('%s → %s', (name, masked) => {
    expect(maskName(name)).toBe(masked)
  })
})

describe('redactSensitive', () => {
  test('masks an ID number and a mobile in a log line', () => {
    const line = 'POST /cases applicant=430102199003071234 mobile=13812341234 status=201'
    expect(redactSensitive(line)).toBe('POST /cases applicant=430102********1234 mobile=138****1234 status=201')
  })

  test('ID numbers ending in x or X, inside JSON', () => {
    const json = '{"idNumber":"11010519491231002x","other":"11010519491231002X"}'
    const out = redactSensitive(json)
    expect(out).toBe('{"idNumber":"110105********002x","other":"110105********002X"}')
  })

  test('numbers glued to letters are still masked', () => {
    expect(redactSensitive('id430102199003071234end')).toBe('id430102********1234end')
    expect(redactSensitive('tel:+8613812341234')).toBe('tel:+86138****1234')
  })

  test('card numbers of 16–19 digits are masked', () => {
    expect(redactSensitive('card 6222021234567890128 ok')).toBe('card 6222 **** **** 0128 ok')
  })

  test('leaves timestamps, case numbers and short numbers alone', () => {
    const line = 'case=HN2026112600001 at=1764115200000 t=2026-11-26T10:00:00+08:00 n=12345678901'
    expect(redactSensitive(line)).toBe(line)
  })

  test('longer digit runs are not partly masked as IDs', () => {
    const twenty = '12345678901234567890'
    expect(redactSensitive(`x=${twenty}`)).toBe(`x=${twenty}`)
  })

  test('several values in one line', () => {
    const out = redactSensitive('a=430111198506150024,b=430103195801012114;m=19912345678')
    expect(out).toBe('a=430111********0024,b=430103********2114;m=199****5678')
  })
})
