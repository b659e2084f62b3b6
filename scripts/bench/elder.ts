// 长辈版, simpler: what an elder passes from the guide to 核对信息 in 退休 and 身后事, standard vs 长辈版, from the
// engine (questions answered from the profile and e-licences are not asked; 长辈版 folds empty optional fields).
import { guide, pathLength, type GuideDraft } from '../../src/domain/engine'
import type { Answers } from '../../src/domain/template/types'
import { loadBundles, printTable, typicalAnswers, typicalContext, typicalPrefill, type BenchSection } from './_lib'

const BUNDLES = ['tuixiu', 'shenhoushi']
// an elder (a man born in May 1964) with the usual e-licences; the rest as for the typical applicant
const ELDER_PROFILE = { name: '王建国', idNumber: '430102196405011234', mobile: '13812345678', sex: '男', birthDate: '1964-05-01' }

const section: BenchSection = {
  title: '长辈版：一位长辈从办事指南到核对信息经过的页面、问题和字段',
  run() {
    const rows: string[][] = []
    for (const { template: t } of loadBundles().filter((b) => BUNDLES.includes(b.template.id))) {
      const ctx = typicalContext(t)
      const prefill = { ...typicalPrefill(t, ctx), profile: ELDER_PROFILE }
      const typical = typicalAnswers(t, ctx)
      // answer question by question, as the app asks them: the next unanswered one, never one answered from data
      const answers: Answers = {}
      const draft = (): GuideDraft => ({ answers, values: {}, materials: {} })
      for (let g = guide(t, draft(), ctx, prefill), n = 0; g.questions.next && n < 50; g = guide(t, draft(), ctx, prefill), n++) {
        const q = g.questions.next
        answers[q.id] = typical[q.id] ?? (q.kind === 'yesno' ? false : q.kind === 'number' ? q.min ?? 1 : q.kind === 'multiple' ? [] : q.options?.[0]?.value ?? '')
      }
      const g = guide(t, draft(), ctx, prefill)
      for (const elder of [false, true]) {
        const p = pathLength(g, elder)
        rows.push([t.name, elder ? '长辈版' : '标准版', String(p.screens), `${p.questionsAsked}（另 ${p.questionsAnsweredForYou} 题已代填）`, String(p.fieldsShown), String(p.fieldsToFill), String(p.fieldsFolded)])
      }
    }
    printTable(['一件事', '模式', '页面', '要回答的问题', '表单上显示的字段', '要手填的', '收进选填项的'], rows, [false, false, true, true, true, true, true])
    console.log('  长辈：1964 年 5 月生的男性，实名登录，持电子身份证、户口簿、社保卡；回答路径为事项最多、不终止的典型路径；表单未填写任何内容时。')
  },
}

export default section
