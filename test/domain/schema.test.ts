import { parseTemplate } from '@/domain/template/schema'
import { upgradeTemplateJson } from '@/domain/template/upgrade'
import type { BundleTemplate } from '@/domain/template/types'
import restaurant from '../fixtures/templates/restaurant.json'

const clone = (): any => JSON.parse(JSON.stringify(restaurant))

function issuesOf(json: unknown) {
  const result = parseTemplate(json)
  if (result.ok) throw new Error('expected the template to be rejected')
  return result.issues
}

describe('parseTemplate', () => {
  it('accepts a complete template and returns it typed', () => {
    const result = parseTemplate(clone())
    expect(result.ok).toBe(true)
    if (result.ok) {
      const t: BundleTemplate = result.template
      expect(t.matters.map((m) => m.id)).toEqual(['food', 'business', 'tobacco', 'sign', 'fire'])
      expect(t.params?.fireCheckCombine.byRegion).toEqual({ '420000': 'or' })
    }
  })

  it('a region prefill: `within` only on a yes/no question (or mapped), and a yes/no question maps only to true or false', () => {
    const t = clone()
    t.questions[0].prefill = { source: 'licence', kind: 'household', key: 'regionCode', within: '430000', map: { true: 'false', false: 'true' } }
    expect(parseTemplate(t).ok).toBe(true)
    t.questions[1].prefill = { source: 'licence', kind: 'household', key: 'regionCode', within: '430000', map: { true: '是' } }
    t.questions[3].prefill = { source: 'licence', kind: 'household', key: 'regionCode', within: '430000' }
    const issues = issuesOf(t)
    expect(issues).toContainEqual({ path: '$.questions[1].prefill.map.true', message: '是非题只能对应到 true 或 false' })
    expect(issues).toContainEqual({ path: '$.questions[3].prefill.within', message: expect.stringContaining('只用于是非题') })
  })

  it('rejects something that is not an object', () => {
    expect(issuesOf(null)[0].path).toBe('$')
    expect(issuesOf([]).map((i) => i.path)).toContain('$.schemaVersion')
  })

  it('points at a wrong type deep inside a matter', () => {
    const t = clone()
    t.matters[2].steps[0].limit = '1 hour'
    const issues = issuesOf(t)
    expect(issues).toEqual([{ path: '$.matters[2].steps[0].limit', message: expect.stringContaining('对象') }])
  })

  it('reports a missing required key and an unknown key with their paths', () => {
    const t = clone()
    delete t.matters[0].department
    t.questions[1].showwhen = true
    const paths = issuesOf(t).map((i) => i.path)
    expect(paths).toContain('$.matters[0].department')
    expect(paths).toContain('$.questions[1].showwhen')
    expect(issuesOf(t).find((i) => i.path === '$.questions[1].showwhen')?.message).toBe('不允许的字段')
    expect(issuesOf(t).find((i) => i.path === '$.matters[0].department')?.message).toBe('缺少此项')
  })

  it('reports values outside their enumeration and invalid numbers', () => {
    // a format-2 template (schemaVersion 3 is not upgraded, and does not exist)
    const t = upgradeTemplateJson(clone()) as ReturnType<typeof clone>
    t.matters[1].caseType = 'fast'
    t.matters[1].visits = -1
    t.schemaVersion = 3
    const issues = issuesOf(t)
    expect(issues.map((i) => i.path).sort()).toEqual(['$.matters[1].caseType', '$.matters[1].visits', '$.schemaVersion'])
    expect(issues.find((i) => i.path === '$.matters[1].visits')?.message).toBe('不能为负数')
    expect(issues.find((i) => i.path === '$.matters[1].caseType')?.message).toBe('取值应为 "instant" | "promised" 之一，实际为 "fast"')
  })

  it('checks rules recursively, naming the operator key in the path', () => {
    const t = clone()
    t.matters[4].appliesWhen.if[1].and[0]['>'] = [{ var: 'investment' }]
    const issues = issuesOf(t)
    expect(issues[0].path).toBe('$.matters[4].appliesWhen.if[1].and[0][">"][1]')
  })

  it('rejects an unknown rule operator and a rule with two operators', () => {
    const t = clone()
    t.questions[6].showWhen = { contains: ['seafood', { var: 'menu' }] }
    t.stops[0].when = { '==': [1, 1], '!=': [1, 2] }
    const issues = issuesOf(t)
    expect(issues).toContainEqual({ path: '$.questions[6].showWhen', message: '未知的规则运算符“contains”' })
    expect(issues).toContainEqual({ path: '$.stops[0].when', message: '规则对象必须恰好有一个运算符' })
  })

  it('uses bracket notation for keys that are not identifiers', () => {
    const t = clone()
    t.params.fireAreaM2.byRegion = { 'Hunan': 200 }
    expect(issuesOf(t)[0].path).toBe('$.params.fireAreaM2.byRegion.Hunan')
    const u = clone()
    u.matters[0].authority['430100'] = ''
    expect(issuesOf(u)).toEqual([{ path: '$.matters[0].authority["430100"]', message: '不能为空' }])
  })

  describe('cross references', () => {
    it('finds rules that read unknown questions or params', () => {
      const t = clone()
      t.matters[2].appliesWhen = { '==': [{ var: 'sellsCigars' }, true] }
      t.matters[4].appliesWhen.if[0]['=='][0] = { param: 'fireMode' }
      const messages = issuesOf(t)
      expect(messages).toContainEqual({ path: '$.matters[2].appliesWhen', message: '规则引用了不存在的问题“sellsCigars”' })
      expect(messages).toContainEqual({ path: '$.matters[4].appliesWhen', message: '规则引用了不存在的参数“fireMode”' })
    })

    it('finds unknown fields, materials, sections, matters and duplicate ids', () => {
      const t = clone()
      t.matters[0].fields.push('ghost')
      t.matters[0].materials.push({ ref: 'nothing' })
      t.fields[0].section = 'nowhere'
      t.materials[1].producedBy = 'mint'
      t.questions[1].id = 'hasBusinessLicence'
      const paths = issuesOf(t).map((i) => i.path)
      expect(paths).toEqual(
        expect.arrayContaining([
          '$.matters[0].fields[5]',
          '$.matters[0].materials[5].ref',
          '$.fields[0].section',
          '$.materials[1].producedBy',
          '$.questions[1].id',
        ]),
      )
    })

    it('rejects a promised time limit above the legal one and a cycle in `after`', () => {
      const t = clone()
      t.matters[0].promisedLimitDays = 25
      t.matters[1].after = ['food']
      const issues = issuesOf(t)
      expect(issues).toContainEqual({ path: '$.matters[0].promisedLimitDays', message: '承诺办结时限不能超过法定办结时限' })
      expect(issues.some((i) => i.message.startsWith('事项先后顺序存在循环') && i.message.includes('food'))).toBe(true)
    })

    it('requires options for choice questions and at least one way to provide a material', () => {
      const t = clone()
      delete t.questions[5].options
      t.materials[5] = { id: 'signDesign', name: '招牌设计效果图' }
      const issues = issuesOf(t)
      expect(issues).toContainEqual({ path: '$.questions[5].options', message: '单选或多选问题必须有选项' })
      expect(issues).toContainEqual({ path: '$.materials[5]', message: '材料至少要有一种提交方式' })
    })
  })
})
