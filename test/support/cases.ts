// Case records for component, page and store tests: a plausible 开办餐饮店 case, changed per test.
import type { CaseMatter, CaseRecord } from '@/services/contract'

export function caseMatter(o: Partial<CaseMatter> = {}): CaseMatter {
  return {
    matterId: 'food',
    name: '食品经营许可',
    department: '市场监督管理局',
    authority: '长沙市市场监督管理局',
    contact: { phone: '0731-12315（示例）', address: '长沙市岳麓区金星中路 1 号', hours: '工作日 9:00-17:00' },
    caseType: 'promised',
    promisedLimitDays: 5,
    limit: { value: 5, unit: 'workday' },
    hasSiteCheck: true,
    steps: [
      { name: '受理', limit: { value: 1, unit: 'workday' } },
      { name: '现场核查', limit: { value: 2, unit: 'workday' } },
      { name: '许可决定', limit: { value: 2, unit: 'workday' } },
    ],
    stepIndex: 0,
    status: 'submitted',
    timeline: [{ status: 'submitted', at: '2026-11-26T02:00:00.000Z', note: '申请已提交' }],
    pauses: [],
    ...o,
  }
}

export function caseRecord(o: Partial<CaseRecord> = {}): CaseRecord {
  return {
    id: 'HN2026112600001',
    bundleId: 'kaiban-canyin',
    bundleName: '开办餐饮店',
    templateVersion: 1,
    draftId: 'd-1',
    region: '430104',
    applicantKind: 'person',
    applicantName: '刘*',
    status: 'submitted',
    submittedAt: '2026-11-26T02:00:00.000Z',
    dueDate: '2026-12-03',
    committedDays: 5,
    limit: { value: 5, unit: 'workday' },
    deadline: 'on-time',
    matters: [caseMatter()],
    content: { bundleId: 'kaiban-canyin', templateVersion: 1, region: '430104', applicantKind: 'person', answers: {}, values: {}, materials: {} },
    guidance: { matterIds: ['food'], departments: ['市场监督管理局'], fieldCount: 4, materialCount: 1, visits: 0, workingDays: 5, estimated: false },
    ...o,
  }
}
