// A small generic bundle for component, store and page tests (not a real catalogue entry: the catalogue lives
// in the mock). It has a conditional matter per question kind, a stop, a licence-prefilled field, and one
// material per mode: e-licence, upload, 告知承诺 and 容缺.
import type { BundleTemplate, Matter } from '@/domain'

function matter(id: string, name: string, extra: Partial<Matter> = {}): Matter {
  return {
    id,
    name,
    baseCode: '000131024000',
    type: '行政许可',
    caseType: 'promised',
    department: '市场监管局',
    authority: { '*': '长沙市市场监督管理局', '430200': '株洲市市场监督管理局' },
    legalBasis: ['《中华人民共和国食品安全法》第三十五条'],
    conditions: ['有与经营食品相适应的经营场所'],
    steps: [
      { name: '受理', limit: { value: 1, unit: 'hour' }, standard: '材料齐全' },
      { name: '审批', limit: { value: 3, unit: 'workday' }, standard: '符合条件' },
    ],
    legalLimitDays: 20,
    promisedLimitDays: 10,
    fees: [],
    intermediaryServices: [],
    scope: '湖南省内',
    visits: 1,
    promiseFlags: { businessPermit: true, certificate: false },
    contacts: { consult: '0731-12345', complaint: '12345' },
    location: { address: '长沙市岳麓区政务服务中心二楼', hours: '工作日 9:00–17:00' },
    result: { name: '食品经营许可证', licence: 'foodLicence' },
    provenance: { baseCode: { source: '湖南省政务服务网（测试）' }, contacts: { sample: true } },
    fields: [],
    materials: [],
    ...extra,
  }
}

export const template: BundleTemplate = {
  schemaVersion: 2,
  id: 'test-shop',
  version: 3,
  name: '开办测试小店',
  applicantKinds: ['person', 'firm'],
  category: '开办经营',
  keywords: ['小店', '餐饮'],
  zones: [],
  regions: ['430000'],
  departments: ['市场监管局', '烟草专卖局', '消防救援支队'],
  promisedLimitDays: 5,
  visits: 0,
  tongban: { scope: 'province', modes: ['full-online'] },
  delivery: ['ems', 'pickup', 'electronic'],
  handling: ['online', 'offline'],
  description: '一次办好小店开业需要的许可。',
  figures: ['办理时间由 20 个工作日压减到 5 个工作日'],
  params: { fireArea: { default: 300, byRegion: { '42': 200 }, provenance: { sample: true } } },
  questions: [
    { id: 'tobacco', kind: 'yesno', text: '是否销售卷烟？', help: '销售卷烟需要烟草专卖零售许可。' },
    { id: 'area', kind: 'number', text: '经营场所面积有多大？', unit: '平方米', min: 1, max: 100000, help: '按房产证或租赁合同上的面积填写。' },
    {
      id: 'menu',
      kind: 'multiple',
      text: '您打算经营哪些品种？',
      options: [
        { value: 'cold', label: '凉菜' },
        { value: 'drinks', label: '现制饮品' },
      ],
    },
    {
      id: 'site',
      kind: 'single',
      text: '经营场所是什么性质？',
      options: [
        { value: 'shop', label: '临街商铺' },
        { value: 'home', label: '住宅', help: '住宅不能用于餐饮经营' },
      ],
    },
  ],
  stops: [
    { id: 'home', when: { '==': [{ var: 'site' }, 'home'] }, kind: 'go-to-window', reason: '住宅不能作为餐饮经营场所', whatToDo: '请到所在区县政务服务中心综合窗口咨询', otherBundleId: 'test-other' },
  ],
  sections: [
    { id: 'applicant', title: '申请人信息' },
    { id: 'shop', title: '店铺信息', description: '与营业执照一致' },
  ],
  fields: [
    { id: 'name', label: '姓名', type: 'name', section: 'applicant', prefill: { source: 'profile', key: 'name' } },
    { id: 'idNumber', label: '身份证号码', type: 'idNumber', section: 'applicant', prefill: { source: 'profile', key: 'idNumber' }, sensitive: true },
    { id: 'mobile', label: '联系电话', type: 'mobile', section: 'applicant' },
    { id: 'shopName', label: '店铺名称', type: 'text', section: 'shop', maxLength: 30 },
    { id: 'email', label: '电子邮箱', type: 'email', section: 'shop', optional: true, help: '用于接收电子证照' },
    { id: 'uscc', label: '统一社会信用代码', type: 'uscc', section: 'shop', prefill: { source: 'licence', kind: 'businessLicence', key: 'uscc' } },
    { id: 'kind', label: '经营类别', type: 'select', section: 'shop', options: [{ value: 'a', label: '热食类' }, { value: 'b', label: '冷食类' }] },
  ],
  materials: [
    { id: 'idCard', name: '身份证', licence: 'idCard', upload: { accept: ['jpg', 'png'], maxSizeMB: 5, maxCount: 2 } },
    { id: 'lease', name: '租赁合同', upload: { accept: ['pdf', 'jpg'], maxSizeMB: 10, maxCount: 3 }, promise: { text: '本人承诺经营场所合法，租赁关系真实有效。' } },
    { id: 'floorPlan', name: '平面布局图', upload: { accept: ['pdf'], maxSizeMB: 5, maxCount: 1 }, deferrable: { consequence: '未在 30 日内补交的，许可将被撤销。' } },
    { id: 'fireReport', name: '消防安全自查报告', upload: { accept: ['pdf'], maxSizeMB: 5, maxCount: 1 } },
  ],
  matters: [
    matter('food', '食品经营许可', { fields: ['name', 'idNumber', 'mobile', 'shopName', 'email', 'kind'], materials: [{ ref: 'idCard' }, { ref: 'lease' }, { ref: 'floorPlan' }] }),
    matter('tobacco', '烟草专卖零售许可', {
      department: '烟草专卖局',
      appliesWhen: { '==': [{ var: 'tobacco' }, true] },
      fields: ['name', 'idNumber', 'mobile', 'uscc'],
      materials: [{ ref: 'idCard' }],
      promisedLimitDays: 20,
      legalLimitDays: 20,
    }),
    matter('fire', '公众聚集场所营业前消防安全检查', {
      department: '消防救援支队',
      appliesWhen: { '>': [{ var: 'area' }, { param: 'fireArea' }] },
      fields: ['shopName'],
      materials: [{ ref: 'fireReport' }],
      caseType: 'promised',
      fees: [{ item: '检查费', amountYuan: 0, provenance: { sample: true } }],
    }),
  ],
}

export const NOW = '2026-11-26T02:00:00.000Z'

export const profile = {
  userId: 'u1',
  role: 'citizen' as const,
  promiseBarred: false,
  kind: 'person' as const,
  name: '张三',
  idNumber: '430102199003071234',
  mobile: '13812345678',
  address: '长沙市岳麓区麓山南路 1 号',
  sex: '男' as const,
  birthDate: '1990-03-07',
  region: '430104',
}
