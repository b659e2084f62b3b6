import { departmentContacts, phoneNumbersIn } from '@/domain/contacts'
import { restaurant } from '../fixtures/templates'

const template = restaurant()

test('phone numbers are found whole in a template contact text', () => {
  expect(phoneNumbersIn('12345政务服务便民热线；12315市场监管服务热线；湖南省市场监督管理局食品经营许可咨询 0731-88665120')).toEqual(['12345', '12315', '0731-88665120'])
  expect(phoneNumbersIn('12345政务服务便民热线；96119消防服务热线；12345')).toEqual(['12345', '96119'])
  // parts of longer numbers, dates and years are not phone numbers
  expect(phoneNumbersIn('2026年11月26日 138073100011 123456 0731-88665120-1')).toEqual([])
})

test('one entry per department, in the order the matters name them, with its numbers', () => {
  const contacts = departmentContacts(template)
  const departments = template.matters.map((m) => m.department)
  expect(contacts.map((c) => c.department)).toEqual([...new Set(departments)])
  for (const c of contacts) {
    const first = template.matters.find((m) => m.department === c.department)
    expect(c.consult).toBe(first?.contacts.consult)
    expect(c.phones).toEqual(phoneNumbersIn(c.consult))
  }
})
