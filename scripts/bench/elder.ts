// 长辈版, simpler: what an elder passes from the guide to 核对信息 in the bundles of the elder home tiles (退休,
// 身后事, 社保/医保 → 灵活就业; 高龄津贴 finds 身后事), standard vs 长辈版, from the engine. The elder is the mock
// platform's 王德明 with his real-name record and e-licences, opened when the question page offers them
// (questions answered from them are not asked); for 身后事 his wife's (示例) death record, shared on standing; 长辈版 folds empty optional fields and the questions' help.
import fs from 'node:fs'
import path from 'node:path'
import { parse as parseWithSchema } from 'valibot'
import { USER_FIXTURES } from '../../mock/fixtures/users'
import { DEATH_REGISTER } from '../../mock/fixtures/deceased'
import { deceasedRecordStanding } from '../../src/domain/deceased'
import { SharedRecordKindListSchema } from '../../src/domain/template/licence-kinds'
import { guide, pathLength, type Guidance, type GuideDraft, type PrefillData } from '../../src/domain/engine'
import type { Answers } from '../../src/domain/template/types'
import { loadBundles, printTable, typicalAnswers, typicalContext, type BenchSection } from './_lib'

const BUNDLES = ['tuixiu', 'shenhoushi', 'linghuo-jiuye']
const ELDER = USER_FIXTURES.find((u) => u.profile.userId === 'u-wang-deming')

/** Characters the first question's screen asks the elder to read: the question, its help unless folded, the choices. */
function firstScreenChars(g: Guidance, elder: boolean): number {
  const v = g.questions.visible.find((x) => !x.fromData)
  if (!v) return 0
  const q = v.question
  const options = q.kind === 'yesno' ? ['是', '否'] : (q.options ?? []).flatMap((o) => [o.label, o.help ?? ''])
  const help = elder ? '这是什么意思？' : v.help ?? q.help ?? ''
  return [q.text, help, ...options].join('').length
}

/** 王德明's wife's death record (示例), shared with him as the platform would: on standing, with each source. */
function deceasedRecords(): PrefillData['records'] {
  const file = path.resolve(__dirname, '..', '..', 'mock', 'catalogue', 'shared-records.json')
  const kind = parseWithSchema(SharedRecordKindListSchema, JSON.parse(fs.readFileSync(file, 'utf8'))).kinds.find((k) => k.kind === 'deceased')
  const data = (k: string) => ELDER?.licences.find((l) => l.kind === k)?.data
  const ties = { householdNumber: data('household')?.householdNumber, spouseIdNumber: data('marriage')?.spouseIdNumber }
  const d = DEATH_REGISTER.find((x) => deceasedRecordStanding(ties, x).ok)
  if (!kind || !d) return {}
  return { deceased: Object.fromEntries(Object.entries(d.records).flatMap(([k, value]) => (kind.fields[k] ? [[k, { value, source: kind.fields[k].source }]] : []))) }
}

const section: BenchSection = {
  title: '长辈版：一位长辈从办事指南到核对信息经过的页面、问题和字段',
  run() {
    if (!ELDER) throw new Error('mock/fixtures/users.ts has no 王德明')
    const p = ELDER.profile
    const prefill: PrefillData = {
      profile: { name: p.name, idNumber: p.idNumber, mobile: p.mobile, address: p.address, sex: p.sex, birthDate: p.birthDate },
      licences: Object.fromEntries(ELDER.licences.map((l) => [l.kind, l.data])),
      records: deceasedRecords(),
    }
    const rows: string[][] = []
    for (const { template: t } of loadBundles().filter((b) => BUNDLES.includes(b.template.id))) {
      const ctx = { ...typicalContext(t), region: p.region, licences: ELDER.licences.map((l) => l.kind) }
      const typical = typicalAnswers(t, ctx)
      // answer question by question, as the app asks them: the next unanswered one, never one answered from data
      const answers: Answers = {}
      const draft = (): GuideDraft => ({ answers, values: {}, materials: {} })
      for (let g = guide(t, draft(), ctx, prefill), n = 0; g.questions.next && !g.stop && n < 50; g = guide(t, draft(), ctx, prefill), n++) {
        const q = g.questions.next
        answers[q.id] = typical[q.id] ?? (q.kind === 'yesno' ? false : q.kind === 'number' ? q.min ?? 1 : q.kind === 'multiple' ? [] : q.options?.[0]?.value ?? '')
      }
      const g = guide(t, draft(), ctx, prefill)
      const fromData = g.questions.visible.filter((v) => v.fromData).map((v) => v.question.id)
      if (g.stop) {
        console.log(`  ${t.name}：这位长辈在问题处终止：${g.stop.reason}（由数据回答：${fromData.join('、') || '无'}），不计入下表`)
        continue
      }
      for (const elder of [false, true]) {
        const n = pathLength(g, elder)
        rows.push([
          t.name,
          elder ? '长辈版' : '标准版',
          String(n.screens),
          `${n.questionsAsked}（另 ${n.questionsAnsweredForYou} 题已代填）`,
          String(n.fieldsShown),
          String(n.fieldsToFill),
          String(n.fieldsFolded),
          String(firstScreenChars(g, elder)),
        ])
      }
      console.log(`  ${t.name} 由数据回答：${fromData.join('、') || '无'}`)
    }
    printTable(['一件事', '模式', '页面', '要回答的问题', '表单上显示的字段', '要手填的', '收进选填项的', '第一题的字数'], rows, [false, false, true, true, true, true, true, true])
    console.log('  长辈：模拟平台的王德明（1958 年生，长沙市天心区），实名登录，同意使用其电子证照（身份证、户口簿、社保卡等）；回答路径为事项最多、不终止的典型路径；表单未填写任何内容时。')
    console.log('  身后事：逝者为王德明同一户口簿的妻子李秀英（示例），输入其身份证号码后平台共享的死亡登记及各部门记录。')
    console.log('  第一题的字数：问题、说明（长辈版折叠为“这是什么意思？”）和选项的字数；不含按钮和页眉。')
  },
}

export default section
