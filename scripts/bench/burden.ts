// Burden: fields / materials / visits if each matter were applied for separately vs in the bundle,
// from the engine's burden report, for the typical applicant and path (see _lib.ts). Goal ≥ 50% less.
import { guide } from '../../src/domain/engine'
import { goal, loadBundles, printTable, typicalContext, typicalDraft, typicalPrefill, TYPICAL_LICENCES, type BenchSection } from './_lib'

const GOAL_PERCENT = 50
const KIND = { person: '个人', firm: '企业' } as const

// Nothing to save when the matters need no visit (全程网办): shown as —, left out of the averages.
const cell = (separate: number, bundle: number, saved: number) => `${separate} → ${bundle}  ${separate > 0 ? `−${saved}%` : '—'}`
const percent = (separate: number, bundle: number) => (separate > 0 ? Math.round(((separate - bundle) / separate) * 100) : 0)

const section: BenchSection = {
  title: '减负：分别办 vs 一件事一次办',
  run() {
    const rows: string[][] = []
    const total = { separate: { fields: 0, materials: 0, visits: 0 }, bundle: { fields: 0, materials: 0, visits: 0 } }
    const saved: { fields: number[]; materials: number[]; visits: number[] } = { fields: [], materials: [], visits: [] }
    for (const { template: t } of loadBundles()) {
      const ctx = typicalContext(t)
      const prefill = typicalPrefill(t, ctx)
      const g = guide(t, typicalDraft(t, ctx, prefill), ctx, prefill)
      const { separate, bundle, savedPercent } = g.burden
      for (const k of ['fields', 'materials', 'visits'] as const) {
        total.separate[k] += separate[k]
        total.bundle[k] += bundle[k]
        if (separate[k] > 0) saved[k].push(savedPercent[k])
      }
      rows.push([
        t.name,
        `${KIND[ctx.applicantKind]} ${ctx.region}`,
        `${g.matters.length}/${t.matters.length}`,
        cell(separate.fields, bundle.fields, savedPercent.fields),
        cell(separate.materials, bundle.materials, savedPercent.materials),
        cell(separate.visits, bundle.visits, savedPercent.visits),
      ])
    }
    if (!rows.length) return console.log('  目录中没有可用的模板')
    const mean = (xs: number[]) => (xs.length ? `−${Math.round(xs.reduce((a, b) => a + b, 0) / xs.length)}%` : '—')
    const s = total.separate
    const b = total.bundle
    rows.push(['合计', '', '', cell(s.fields, b.fields, percent(s.fields, b.fields)), cell(s.materials, b.materials, percent(s.materials, b.materials)), cell(s.visits, b.visits, percent(s.visits, b.visits))])
    rows.push(['各件平均', '', '', mean(saved.fields), mean(saved.materials), mean(saved.visits)])
    printTable(['一件事', '申请人 地区', '适用事项', '字段 分别→合办', '材料 分别→合办', '跑动 分别→合办'], rows, [false, false, true, true, true, true])
    const m = percent(s.materials, b.materials)
    console.log(
      `  目标：材料减少 ≥ ${GOAL_PERCENT}%（湖南公布的平均为 −60%）：合计 −${m}% ${goal(m >= GOAL_PERCENT)}；` +
        `字段 −${percent(s.fields, b.fields)}% ${goal(percent(s.fields, b.fields) >= GOAL_PERCENT)}；跑动 −${percent(s.visits, b.visits)}% ${goal(percent(s.visits, b.visits) >= GOAL_PERCENT)}`,
    )
    console.log(
      `  路径：事项最多、不终止的第一条回答路径（同等时取模板中靠前的选项），一件事的第一个地区和第一种申请人。` +
        `申请人持有：个人 ${TYPICAL_LICENCES.person.join('、')}；企业 ${TYPICAL_LICENCES.firm.join('、')}；实名信息预填姓名、身份证号、手机等。`,
    )
    console.log('  分别办：每个事项各填自己的字段、各交自己的材料、各跑自己的次数；合办：合并表单中需手填的字段、需上传或到窗口的材料、一件事的到现场次数。')
  },
}

export default section
