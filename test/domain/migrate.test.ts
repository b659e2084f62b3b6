import type { DraftContent } from '@/domain/draft'
import { migrateDraft } from '@/domain/migrate'
import { NOW, restaurant, SMALL_SHOP } from '../fixtures/templates'

const v3 = restaurant()

function makeDraft(over: Partial<DraftContent> = {}): DraftContent {
  return {
    bundleId: 'test-restaurant',
    templateVersion: 3,
    region: '430100',
    applicantKind: 'person',
    answers: { ...SMALL_SHOP, menu: ['coldDishes', 'seafood'], seafoodSource: 'domestic' },
    values: { shopName: '湘味小馆', signSize: '2' },
    materials: {
      leaseContract: { mode: 'promise', agreedAt: NOW },
      healthCert: { mode: 'upload', fileIds: ['f1'] },
    },
    delivery: { method: 'electronic' },
    ...over,
  }
}

describe('migrateDraft', () => {
  it('keeps everything that still fits and sets the new version', () => {
    const v4 = restaurant((t) => {
      t.version = 4
    })
    const d = makeDraft()
    const { draft, dropped } = migrateDraft(d, v4)
    expect(dropped).toEqual([])
    expect(draft).toEqual({ ...d, templateVersion: 4 })
    expect(d.templateVersion).toBe(3) // input untouched
  })

  it('drops an answer whose option was withdrawn', () => {
    const v4 = restaurant((t) => {
      t.version = 4
      t.questions.find((q) => q.id === 'seafoodSource')!.options = [{ value: 'local', label: '本地' }]
      const menu = t.questions.find((q) => q.id === 'menu')!
      menu.options = menu.options!.filter((o) => o.value !== 'seafood')
      t.questions.find((q) => q.id === 'seafoodSource')!.showWhen = { '==': [{ var: 'outdoorSign' }, true] }
    })
    const { draft, dropped } = migrateDraft(makeDraft(), v4)
    expect(draft.answers.seafoodSource).toBeUndefined()
    expect(draft.answers.menu).toBeUndefined()
    expect(draft.answers.sellsCigarettes).toBe(true)
    expect(dropped).toEqual([
      { kind: 'answer', id: 'menu', label: '会卖下面哪些？', reason: '原选项已取消，请重新选择' },
      { kind: 'answer', id: 'seafoodSource', label: '海产品来自哪里？', reason: '原选项已取消，请重新选择' },
    ])
  })

  it('drops answers to removed questions, labelled from the old template', () => {
    const v4 = restaurant((t) => {
      t.version = 4
      t.questions = t.questions.filter((q) => q.id !== 'outdoorSign')
      t.matters = t.matters.filter((m) => m.id !== 'sign')
    })
    const { draft, dropped } = migrateDraft(makeDraft(), v4, v3)
    expect('outdoorSign' in draft.answers).toBe(false)
    expect(dropped).toContainEqual({ kind: 'answer', id: 'outdoorSign', label: '要在门外挂招牌吗？', reason: '该问题已取消' })
    // without the old template the id stands in for the label
    expect(migrateDraft(makeDraft(), v4).dropped[0].label).toBe('outdoorSign')
  })

  it('drops a number now out of range, or no longer an integer', () => {
    const v4 = restaurant((t) => {
      t.version = 4
      t.questions.find((q) => q.id === 'area')!.min = 100
      t.questions.find((q) => q.id === 'investment')!.integer = true
    })
    const { draft, dropped } = migrateDraft(makeDraft({ answers: { ...SMALL_SHOP, investment: 12.5 } }), v4)
    expect(draft.answers.area).toBeUndefined()
    expect(draft.answers.investment).toBeUndefined()
    expect(dropped.map((d) => [d.id, d.reason])).toEqual([
      ['investment', '新版要求请输入整数，原回答为12.5万元'],
      ['area', '新版要求不能小于100平方米，原回答为80平方米'],
    ])
    // a value inside the new range is kept
    expect(migrateDraft(makeDraft({ answers: { ...SMALL_SHOP, area: 150 } }), v4).draft.answers.area).toBe(150)
  })

  it('drops an answer whose question changed kind', () => {
    const v4 = restaurant((t) => {
      const q = t.questions.find((x) => x.id === 'sellsCigarettes')!
      q.kind = 'single'
      q.options = [{ value: 'yes', label: '卖' }, { value: 'no', label: '不卖' }]
    })
    const { draft, dropped } = migrateDraft(makeDraft(), v4)
    expect(draft.answers.sellsCigarettes).toBeUndefined()
    expect(dropped).toEqual([{ kind: 'answer', id: 'sellsCigarettes', label: '店里卖香烟吗？', reason: '问题的回答方式已变更，请重新回答' }])
  })

  it('drops values of removed fields and material choices no longer allowed', () => {
    const v4 = restaurant((t) => {
      t.fields = t.fields.filter((f) => f.id !== 'signSize')
      t.matters.forEach((m) => (m.fields = m.fields.filter((f) => f !== 'signSize')))
      delete t.materials.find((m) => m.id === 'leaseContract')!.promise
    })
    const { draft, dropped } = migrateDraft(makeDraft(), v4, v3)
    expect(draft.values).toEqual({ shopName: '湘味小馆' })
    expect(draft.materials).toEqual({ healthCert: { mode: 'upload', fileIds: ['f1'] } })
    expect(dropped).toEqual([
      { kind: 'value', id: 'signSize', label: '招牌面积', reason: '表单已不再需要该项' },
      { kind: 'material', id: 'leaseContract', label: '经营场所使用证明', reason: '该材料已不能以“告知承诺”方式提交，请重新选择' },
    ])
  })

  it('drops a delivery method no longer offered', () => {
    const v4 = restaurant((t) => {
      t.delivery = ['pickup']
    })
    const { draft, dropped } = migrateDraft(makeDraft(), v4)
    expect(draft.delivery).toBeUndefined()
    expect(dropped).toEqual([{ kind: 'delivery', id: 'electronic', label: '领取方式', reason: '该领取方式已不再提供，请重新选择' }])
  })

  it('refuses a template of another bundle', () => {
    expect(() => migrateDraft(makeDraft({ bundleId: 'newborn' }), v3)).toThrow('newborn')
  })
})
