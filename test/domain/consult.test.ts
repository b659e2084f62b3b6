import { answerError, byDueDate, consultDueDate, consultStatusText, isConsultOverdue, questionError, QUESTION_MAX } from '@/domain/consult'

describe('在线咨询: the answer is due 5 working days after the question (Beijing dates, holidays)', () => {
  it('skips a weekend', () => {
    // Friday 27 Nov 2026, 10:00 Beijing → Mon 30, Tue 1, Wed 2, Thu 3, Fri 4 Dec
    expect(consultDueDate('2026-11-27T02:00:00Z')).toBe('2026-12-04')
  })

  it('counts from the Beijing date, not the UTC one', () => {
    // Thursday 26 Nov 17:00 UTC is already Friday 27 Nov 01:00 in Beijing
    expect(consultDueDate('2026-11-26T17:00:00Z')).toBe('2026-12-04')
    expect(consultDueDate('2026-11-26T15:00:00Z')).toBe('2026-12-03')
  })

  it('skips 国庆 and counts its make-up Saturday (调休上班)', () => {
    // Wed 30 Sep 2026: 1–7 Oct off; Thu 8 (1), Fri 9 (2), Sat 10 worked (3), Mon 12 (4), Tue 13 (5)
    expect(consultDueDate('2026-09-30T02:00:00Z')).toBe('2026-10-13')
  })

  it('counts a make-up Sunday and stops before 中秋', () => {
    // Fri 18 Sep 2026: Sun 20 is worked (1), Mon 21 … Thu 24 (5); 中秋 25–27 never reached
    expect(consultDueDate('2026-09-18T02:00:00Z')).toBe('2026-09-24')
  })

  it('is overdue only after its due date, and only while unanswered', () => {
    const q = { dueDate: '2026-12-04', status: 'open' as const }
    expect(isConsultOverdue(q, '2026-12-04T15:59:00Z')).toBe(false) // 23:59 Beijing on the due date
    expect(isConsultOverdue(q, '2026-12-04T16:00:00Z')).toBe(true) // 00:00 Beijing the day after
    expect(isConsultOverdue({ ...q, status: 'answered' }, '2027-01-01T00:00:00Z')).toBe(false)
    // what the citizen reads in 我的咨询 and 咨询详情
    expect(consultStatusText(q, '2026-12-04T15:59:00Z')).toBe('待答复')
    expect(consultStatusText(q, '2026-12-04T16:00:00Z')).toBe('已超期')
    expect(consultStatusText({ ...q, status: 'answered' }, '2027-01-01T00:00:00Z')).toBe('已答复')
  })

  it('orders open questions by due date first, answered ones after (newest first)', () => {
    const list = [
      { id: 'a', status: 'answered' as const, dueDate: '2026-12-01', askedAt: '2026-11-20T00:00:00Z' },
      { id: 'b', status: 'open' as const, dueDate: '2026-12-09', askedAt: '2026-12-02T00:00:00Z' },
      { id: 'c', status: 'open' as const, dueDate: '2026-12-04', askedAt: '2026-11-27T00:00:00Z' },
      { id: 'd', status: 'answered' as const, dueDate: '2026-12-05', askedAt: '2026-11-28T00:00:00Z' },
    ]
    expect(byDueDate(list).map((q) => q.id)).toEqual(['c', 'b', 'd', 'a'])
  })
})

describe('在线咨询: what may be sent', () => {
  it('refuses an empty or blank question', () => {
    expect(questionError('')).toBe('请填写咨询内容')
    expect(questionError('   \n ')).toBe('请填写咨询内容')
  })

  it('refuses a question too short to answer, counting characters as people do', () => {
    expect(questionError('怎么办')).toBe('咨询内容太短了，请至少写 5 个字')
    expect(questionError('  要带什么材料  ')).toBeUndefined()
  })

  it('refuses a question over the limit and says how long it is', () => {
    expect(questionError('问'.repeat(QUESTION_MAX))).toBeUndefined()
    expect(questionError('问'.repeat(QUESTION_MAX + 1))).toBe(`咨询内容不能超过 ${QUESTION_MAX} 个字（现在 ${QUESTION_MAX + 1} 个字）`)
    // an emoji is one character, not two UTF-16 units
    expect(questionError('😀'.repeat(QUESTION_MAX))).toBeUndefined()
  })

  it('checks the answer with its own words', () => {
    expect(answerError('')).toBe('请填写答复内容')
    expect(answerError('可以的')).toBe('答复内容太短了，请至少写 5 个字')
    expect(answerError('可以网上办理，不用去窗口。')).toBeUndefined()
  })
})
