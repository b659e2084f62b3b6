import { guide, longestLegalWorkingDays } from '@/domain/engine'
import { ctx, draft, restaurant } from '../fixtures/templates'

// The guide page states the legal limit before any answer: the worst chain over every matter.
test('longest legal chain follows `after` across all matters, answered or not', () => {
  // business (3) → food or tobacco (20): 23, however the questions are answered later
  expect(longestLegalWorkingDays(restaurant())).toBe(23)
  expect(guide(restaurant(), draft(), ctx()).deadline.legalWorkingDays).toBeLessThanOrEqual(23)
})

test('a longer matter after the first one lengthens the chain', () => {
  const t = restaurant((tpl) => {
    const fire = tpl.matters.find((m) => m.id === 'fire')!
    fire.legalLimitDays = 30
    fire.promisedLimitDays = 10
  })
  expect(longestLegalWorkingDays(t)).toBe(33)
})
