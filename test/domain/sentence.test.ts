import { sentence } from '@/domain/sentence'

test('one full stop at the end, never "。。"; a question keeps its mark', () => {
  expect(sentence('平台未受理：填写的内容有误')).toBe('平台未受理：填写的内容有误。')
  expect(sentence('平台未受理：经营范围与类别不符。')).toBe('平台未受理：经营范围与类别不符。')
  expect(sentence('网络较慢。。 ')).toBe('网络较慢。')
  expect(sentence('要继续吗？')).toBe('要继续吗？')
})
