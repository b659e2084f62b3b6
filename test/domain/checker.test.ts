import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {
  DEFAULT_MAX_PATHS,
  candidateAnswers,
  checkCatalogue,
  checkEntry,
  formatIssue,
  pathProblems,
  walkContexts,
  walkTemplate,
  type CatalogueEntry,
} from '@/domain/checker'
import { guide } from '@/domain/engine'
import type { BundleTemplate } from '@/domain/template/types'
import { readCatalogue } from '../../scripts/guides-check'
import { BREAKS } from '../fixtures/broken-templates/generate'
import { loadTemplate } from '../fixtures/templates'

const ROOT = path.resolve(__dirname, '../..')
const DIR = path.join(ROOT, 'test/fixtures/broken-templates')
const IDS = new Set(['test-checker-shop', 'test-checker-company'])

const entry = (name: string): CatalogueEntry => ({ file: `${name}.json`, text: fs.readFileSync(path.join(DIR, `${name}.json`), 'utf8') })
const check = (name: string, memo = true) => checkEntry(entry(name), { catalogueIds: IDS, memo })
const good = (): BundleTemplate => loadTemplate(JSON.parse(entry('good').text))

describe('good templates', () => {
  it('finds nothing wrong and walks every path (2 yes/no × 7 areas × 6 menus, × 2 entities for firms, × 2 regions)', () => {
    const shop = check('good')
    expect(shop.issues).toEqual([])
    // 430000 from regions, 420000 from params.fireAreaM2.byRegion; person and firm
    expect(shop.walk).toMatchObject({ contexts: 4, paths: 2 * (2 * 2 * 7 * 6) * 3 })
    const company = check('good-company')
    // a warning, not an error: the guide asks for 3 questions that change what applies or is needed
    expect(company.issues).toEqual([{ file: 'good-company.json', path: '$.questions', message: expect.stringContaining('只有 1 个问题会改变事项或材料'), severity: 'warning' }])
    // seat: 430000 or 420000 (named by a stop); 7 services: none, each alone, all; foreign: yes/no
    expect(company.walk).toMatchObject({ contexts: 1, paths: 2 * 9 * 2 })
  })
})

// Each broken fixture must give exactly this one error, at this path.
const EXPECTED: Record<string, [path: string, message: string]> = {
  'schema-negative-limit': ['$.matters[1].legalLimitDays', '不能为负数'],
  'ref-matter-field': ['$.matters[0].fields[4]', '字段“ownerPhone”不存在'],
  'ref-material': ['$.matters[3].materials[1].ref', '材料“fireDrawing”不存在'],
  'ref-field-section': ['$.fields[2].section', '分组“store”不存在'],
  'ref-produced-by': ['$.materials[1].producedBy', '事项“licensing”不存在'],
  'ref-after': ['$.matters[3].after[0]', '事项“busines”不存在'],
  'ref-rule-question': ['$.matters[2].appliesWhen', '规则引用了不存在的问题“sellTobacco”'],
  'ref-context-var': ['$.stops[0].when', '未知的上下文变量“$kind”'],
  'ref-param': ['$.matters[3].appliesWhen', '规则引用了不存在的参数“fireArea”'],
  'ref-other-bundle': ['$.stops[0].otherBundleId', '指向的一件事“test-checker-compnay”不在目录中'],
  'ref-other-bundle-missing': ['$.stops[0]', '类型为 other-bundle 的终止必须用 otherBundleId 指明改办哪件事'],
  'ref-option-value': ['$.matters[1].materials[3].when', '规则把问题“coldSource”与不存在的选项 "owned" 比较'],
  'ref-showwhen-order': ['$.questions[3].showWhen', '显示条件引用了后面的问题“menu”'],
  'ref-produced-order': ['$.matters[2].materials[1].ref', '材料“bizLicence”由事项“business”产生，但本事项没有排在“business”之后'],
  'matter-promised-over-legal': ['$.matters[1].promisedLimitDays', '承诺办结时限不能超过法定办结时限'],
  'unused-field': ['$.fields[5]', '字段“remark”没有被任何事项使用'],
  'unused-material': ['$.materials[5]', '材料“photo”没有被任何事项引用'],
  'unused-section': ['$.sections[2]', '分组“other”下没有任何字段'],
  'unused-param': ['$.params.fireInvestmentWan', '参数“fireInvestmentWan”没有被任何规则使用'],
  'unused-question': ['$.questions[6]', '问题“hasStaff”没有被任何规则使用'],
  'departments-missing': ['$.departments', '未声明部门“烟草专卖局”（办理事项 tobacco）'],
  'departments-extra': ['$.departments[3]', '部门“城管局”不办理本件事的任何事项'],
  'regions-empty': ['$.regions', '没有列出办理地区'],
  'region-exact': ['$.stops[0].when', '地区代码“430100”代表其下所有地区：请用 {"within": [{"var": "$region"}, "430100"]} 按行政区划层级判断，不要用 == 逐字比较'],
  'choice-in-rule': ['$.matters[3].appliesWhen', '“$handling”是申请人的选择，只能用于时限、跑动和收费规则'],
  'placeholder-unknown': ['$.stops[0].reason', '文字中的“{companyWindow}”既不是{地区}也不是参数'],
  'group-unused': ['$.groups[0]', '可重复分组“partners”没有被任何事项使用'],
  'number-no-answer': ['$.questions[2]', '问题“area”没有任何有效的回答'],
  'unreachable-question': ['$.questions[4].showWhen', '问题“coldSource”在任何回答路径上都不会出现'],
  'dead-matter': ['$.matters[3].appliesWhen', '事项“fire”在任何可以办理的回答路径上都不适用'],
  'dead-material-ref': ['$.matters[1].materials[3].when', '材料“coldPlan”的条件在事项“food”适用的任何路径上都不成立'],
  'dead-stop': ['$.stops[0].when', '终止“companyGoesElsewhere”在任何回答路径上都不会发生'],
  'no-matter-path': [
    '$.matters',
    '没有任何适用的事项，也没有说明原因的终止（例：地区 430000，个人：hasLicence=是，sellsTobacco=否，area=1平方米，menu=都没有；共 18 条路径）',
  ],
  'field-asked-twice': ['$.fields[5]', '字段“ownerName”与字段“applicantName”的标签“经营者姓名”和预填来源相同：同一项数据问了两次'],
  'material-licence-only': ['$.materials[0]', '材料“idProof”没有任何可用的提交方式（申请人没有该电子证照时）'],
  'material-produced-only': ['$.materials[1]', '材料“bizLicence”没有任何可用的提交方式（产生它的事项“business”不适用时）'],
  'bundle-over-legal': ['$.promisedLimitDays', '一件事承诺 21 个工作日，超过了适用事项中最长的法定时限（折合 20 个工作日）'],
  'too-many-paths': ['$.questions', `回答路径超过 ${DEFAULT_MAX_PATHS} 条`],
  'not-json': ['$', '不是有效的 JSON'],
}

describe('broken templates', () => {
  it.each(Object.entries(EXPECTED))('%s gives exactly its one error', (name, [at, message]) => {
    const result = check(name)
    expect(result.issues).toEqual([{ file: `${name}.json`, path: at, message: expect.stringContaining(message) }])
  })

  it('has an expectation for every fixture file, and every file is good.json with its one break', () => {
    const files = fs.readdirSync(DIR).filter((n) => n.endsWith('.json'))
    expect(files.map((n) => n.replace(/\.json$/, '')).sort()).toEqual([...Object.keys(EXPECTED), 'good', 'good-company'].sort())
    for (const [name, [, change]] of Object.entries(BREAKS)) {
      const t = JSON.parse(entry('good').text)
      change(t)
      const file = JSON.parse(entry(name).text)
      delete file.description
      delete t.description
      expect([name, file]).toEqual([name, t])
    }
  })

  it('says how many paths share a walk problem and gives the first as an example', () => {
    const [issue] = check('bundle-over-legal').issues
    // food (法定 20 days) applies everywhere: every path that is not stopped
    const stopped = 2 * 2 * 7 * 6 * 2 // firms choosing 有限责任公司, both regions
    expect(issue.message).toMatch(new RegExp(`（例：地区 430000，个人：hasLicence=是.*；共 ${check('good').walk!.paths - stopped} 条路径）$`))
  })

  it('caps the walk exactly at maxPaths', () => {
    const t = good()
    expect(walkTemplate(t, { maxPaths: 1008 }).issues).toEqual([])
    expect(walkTemplate(t, { maxPaths: 1007 })).toMatchObject({ issues: [{ path: '$.questions' }], skipped: '回答路径超过 1007 条' })
    expect(DEFAULT_MAX_PATHS).toBe(200_000)
  })

  it('proves the same with one engine call per outcome as with one per path', () => {
    const walked = ['good', 'good-company', 'no-matter-path', 'field-asked-twice', 'material-licence-only', 'material-produced-only', 'bundle-over-legal', 'dead-matter', 'dead-material-ref', 'dead-stop', 'unreachable-question']
    for (const name of walked) {
      const memo = check(name, true)
      const every = check(name, false)
      expect([name, every.issues]).toEqual([name, memo.issues])
      expect(every.walk!.paths).toBe(memo.walk!.paths)
      expect(every.walk!.outcomes).toBe(every.walk!.paths)
      expect(memo.walk!.outcomes).toBeLessThan(memo.walk!.paths)
    }
  })

  it('flags two files publishing the same bundle version', () => {
    const checks = checkCatalogue([entry('good'), { ...entry('good'), file: 'copy.json' }, entry('good-company')])
    expect(checks.map((c) => c.issues)).toEqual([
      [],
      [{ file: 'copy.json', path: '$.version', message: '与 good.json 是同一件事“test-checker-shop”的同一版本（1）：改动后请提高版本号' }],
      [expect.objectContaining({ severity: 'warning' })],
    ])
  })

  it('formats an issue with file, JSON path and problem', () => {
    expect(check('ref-material').issues.map(formatIssue)).toEqual(['ref-material.json: $.matters[3].materials[1].ref 材料“fireDrawing”不存在'])
  })
})

describe('path problems the engine should never produce', () => {
  // A real guidance for one complete path, then broken by hand: the checker must still catch it.
  const t = good()
  const answers = { hasLicence: false, sellsTobacco: true, area: 350, menu: ['cold'], coldSource: 'own' }
  const fresh = () => guide(t, { answers, values: {}, materials: {} }, { region: '430000', applicantKind: 'person', licences: [], now: '2025-03-03T09:00:00+08:00' })

  it('has nothing to say about the untouched path', () => {
    expect(pathProblems(t, fresh())).toEqual([])
  })

  it('catches a field listed twice in the merged form', () => {
    const g = fresh()
    g.fields.all.push(g.fields.all[0])
    expect(pathProblems(t, g)).toContainEqual({ path: '$.fields[0]', message: '字段“applicantName”在合并表单中出现了两次' })
  })

  it('catches a material no applicable matter needs', () => {
    const g = fresh()
    g.materials[0].usedBy = []
    expect(pathProblems(t, g)).toEqual([{ path: '$.materials[0]', message: '材料“idProof”在清单中，但没有适用的事项需要它' }])
  })

  it('catches a path without a deadline', () => {
    const g = fresh()
    g.deadline.expectedDate = 'Invalid Date'
    expect(pathProblems(t, g)).toEqual([{ path: '$.promisedLimitDays', message: '没有算出办结日期（得到 "Invalid Date"）' }])
  })

  it('catches a path with no matter and no reason, but accepts one that ends in a stop', () => {
    const g = fresh()
    g.matters = []
    expect(pathProblems(t, g)).toEqual([{ path: '$.matters', message: '没有任何适用的事项，也没有说明原因的终止' }])
    g.stop = { id: 'companyGoesElsewhere', kind: 'other-bundle', reason: 'r', whatToDo: 'w' }
    expect(pathProblems(t, g)).toEqual([])
  })
})

describe('answers tried', () => {
  const t = good()
  const q = (id: string) => t.questions.find((x) => x.id === id)!

  it('tries every subset of a multiple choice with up to 6 options', () => {
    expect(candidateAnswers(q('menu'), t)).toEqual([[], ['cold'], ['drinks'], ['cold', 'drinks']])
  })

  it('tries none, each one alone and all when a multiple choice has more than 6 options', () => {
    const company = loadTemplate(JSON.parse(entry('good-company').text))
    const services = company.questions[1]
    const values = services.options!.map((o) => o.value)
    expect(candidateAnswers(services, company)).toEqual([[], ...values.map((v) => [v]), values])
  })

  it('tries min and each threshold ±1 over every region, keeping only valid answers', () => {
    // fireAreaM2 is 300 by default and 200 in 湖北
    expect(candidateAnswers(q('area'), t)).toEqual([1, 199, 200, 201, 299, 300, 301])
    const integer = { ...q('area'), min: 200, max: 300 }
    expect(candidateAnswers(integer, t)).toEqual([200, 201, 299, 300])
    const decimal = { id: 'x', kind: 'number' as const, text: 'x' }
    expect(candidateAnswers(decimal, t)).toEqual([0])
  })

  it('tries both yes/no answers and each single option', () => {
    expect(candidateAnswers(q('hasLicence'), t)).toEqual([true, false])
    expect(candidateAnswers(q('coldSource'), t)).toEqual(['own', 'bought'])
  })

  it('tries every offered and byRegion region for a region question, and those the rules name', () => {
    const company = loadTemplate(JSON.parse(entry('good-company').text))
    expect(candidateAnswers(company.questions[0], company)).toEqual(['430000', '420000'])
    const regional = loadTemplate({ ...JSON.parse(entry('good').text), params: { fireAreaM2: { default: 300, byRegion: { '42': 200, '4302': 250 } } } })
    const region = { id: 'r', kind: 'region' as const, text: 'r' }
    expect(candidateAnswers(region, regional)).toEqual(['430000', '420000', '430200'])
  })

  it('finds a matter that applies only under another region\'s parameter', () => {
    const json = JSON.parse(entry('good').text)
    json.questions[2].max = 500
    json.params.fireAreaM2 = { default: 500, byRegion: { '42': 200 } } // no fire check in Hunan below 500㎡
    expect(checkEntry({ file: 'x.json', text: JSON.stringify(json) }, { catalogueIds: IDS }).issues).toEqual([])
    delete json.params.fireAreaM2.byRegion
    expect(checkEntry({ file: 'x.json', text: JSON.stringify(json) }, { catalogueIds: IDS }).issues.map((i) => i.path)).toEqual(['$.matters[3].appliesWhen'])
  })

  it('walks each applicant kind in every offered and byRegion region', () => {
    expect(walkContexts(t)).toEqual([
      { region: '430000', applicantKind: 'person' },
      { region: '430000', applicantKind: 'firm' },
      { region: '420000', applicantKind: 'person' },
      { region: '420000', applicantKind: 'firm' },
    ])
  })
})

describe('the catalogue', () => {
  const catalogue = readCatalogue()

  it('has templates to check', () => {
    expect(catalogue.length).toBeGreaterThan(0)
  })

  it.each(catalogue.map((e) => [e.file, e] as const))('%s has no errors', (_file, e) => {
    const [result] = checkCatalogue([e], { catalogueIds: new Set(catalogue.map((c) => JSON.parse(c.text).id)) })
    expect(result.issues.map(formatIssue)).toEqual([])
    expect(result.walk!.paths).toBeGreaterThan(0)
  }, 60_000)

  it('publishes each bundle version once', () => {
    const ids = catalogue.map((e) => {
      const t = JSON.parse(e.text)
      return `${t.id}@${t.version}`
    })
    expect(new Set(ids).size).toBe(ids.length)
  })
})

describe('npm run guides:check', () => {
  const run = (...files: string[]) =>
    spawnSync('npx', ['tsx', 'scripts/guides-check.ts', ...files.map((f) => `test/fixtures/broken-templates/${f}.json`)], { cwd: ROOT, encoding: 'utf8' })

  it('prints each file with its paths and a summary with the time, and exits 0 when all is well', () => {
    const r = run('good', 'good-company')
    expect(r.stdout).toMatch(/✔ test\/fixtures\/broken-templates\/good\.json .*1,008 条路径/)
    // district codes of the platform's list are walked, grouped by the areas the template names
    expect(r.stdout).toMatch(/good\.json .*4 种地区×申请人，137 个地区代码/)
    // a warning is printed and does not fail the check
    expect(r.stdout).toContain('good-company.json: （提醒）$.questions 只有 1 个问题会改变事项或材料')
    expect(r.stdout).toMatch(/2 个模板，2 个通过，0 个有问题，共 0 处错误、1 处提醒；穷举 1,044 条回答路径；用时 \d+/)
    expect(r.status).toBe(0)
  }, 60_000)

  it('prints each error with file and JSON path, and exits 1', () => {
    const r = run('ref-material', 'good-company')
    expect(r.stdout).toContain('test/fixtures/broken-templates/ref-material.json: $.matters[3].materials[1].ref 材料“fireDrawing”不存在')
    expect(r.status).toBe(1)
  }, 60_000)
})
