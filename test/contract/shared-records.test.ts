// 公民身后事: the deceased's shared records against the real mock — shared only with standing (same 户口簿 or
// 结婚登记), the same refusal for no standing and no registered death, the ID number never in a URL or a log, and
// the platform's own check of a submission reading the same records.
import { DECEASED_RECORD_REFUSAL, deceasedIdNumberProblem } from '@/domain/deceased'
import { newDraftId, newIdempotencyKey, PlatformError } from '@/services/platform'
import { fillDraft, raw, signedIn, start, START, submitConfirmed, uploader, type Running } from './support/harness'

const WIFE = '430103196003150023' // 李秀英 (示例): registered in 王德明's household
const STRANGER_DEATH = '430102194506201018' // 张国华 (示例): nobody's household among the fixtures
const NOT_DEAD = '430104199605121238' // 刘洋: alive, no death registered

let r: Running
beforeAll(async () => {
  r = await start()
})
afterAll(() => r.stop())

const citizen = (code: string) => signedIn(r, code)

test('王德明 (same 户口簿) gets his wife’s records with each department’s source, her name and number masked', async () => {
  const { c } = await citizen('dev-elder')
  const res = await c.openDeceasedRecord({ idNumber: WIFE, bundleId: 'shenhoushi' })
  expect(res).toMatchObject({ kind: 'deceased', subject: '李*英', basis: '同一户口簿' })
  expect(res.subjectIdNumber).not.toContain('19600315')
  expect(res.records.pensionType).toEqual({ value: 'retired', source: '人社部门养老保险记录' })
  expect(res.records.deathPlace).toEqual({ value: 'hospital', source: '卫健部门死亡医学证明' })
  expect(res.handle).not.toContain(WIFE)
  // read again by its handle (a reload): the same records
  expect(await c.sharedRecord(res.handle)).toEqual(res)
  // each read is a row of the platform's audit: who, whose (masked), on which tie
  const rows = (await r.client().admin.listAudit()).filter((a) => a.what === '查看逝者李*英的共享记录')
  expect(rows.map((a) => a.route)).toEqual(['POST /shared-records/deceased', 'GET /shared-records/:handle'])
  for (const a of rows) expect(a).toMatchObject({ basis: 'family', action: 'read', record: res.subjectIdNumber, purpose: '公民身后事（同一户口簿）' })
  expect(JSON.stringify(rows)).not.toContain(WIFE)
})

test('without standing: the same refusal for a registered death, an unregistered one and someone else’s handle, and no data', async () => {
  const { c: elder } = await citizen('dev-elder')
  const handle = (await elder.openDeceasedRecord({ idNumber: WIFE, bundleId: 'shenhoushi' })).handle
  const { c } = await citizen('dev-citizen-1') // 刘洋: his own 户口簿 and 结婚证, neither names her
  const refusals = await Promise.all([
    c.openDeceasedRecord({ idNumber: WIFE, bundleId: 'shenhoushi' }).catch((e) => e),
    c.openDeceasedRecord({ idNumber: STRANGER_DEATH, bundleId: 'shenhoushi' }).catch((e) => e),
    c.sharedRecord(handle).catch((e) => e),
  ])
  for (const e of refusals) {
    expect(e).toBeInstanceOf(PlatformError)
    expect(e).toMatchObject({ status: 404, message: DECEASED_RECORD_REFUSAL })
  }
  const { c: zhao } = await citizen('dev-no-licence')
  await expect(zhao.openDeceasedRecord({ idNumber: NOT_DEAD, bundleId: 'shenhoushi' })).rejects.toMatchObject({ status: 404, message: DECEASED_RECORD_REFUSAL })
  // the reply's body carries nothing of her record
  const token = c.tokens.current?.accessToken
  const res = await raw(r.url, 'POST', '/api/v1/shared-records/deceased', { headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ idNumber: WIFE, bundleId: 'shenhoushi' }) })
  expect(res.status).toBe(404)
  expect(res.text).not.toMatch(/李|retired|hospital|430103001203011/)
})

test('a wrong number gets the domain’s message at the field, as the app shows it; the ID number is in no log line or URL', async () => {
  const { c, profile } = await citizen('dev-elder')
  const wrong = `${WIFE.slice(0, 17)}5`
  const e = await c.openDeceasedRecord({ idNumber: wrong, bundleId: 'shenhoushi' }).catch((x) => x)
  const message = deceasedIdNumberProblem(wrong, profile.idNumber, '2026-11-26')
  expect(message).toMatch(/逝者的身份证号码校验位不正确/)
  expect(e).toMatchObject({ status: 422, message, fieldErrors: { idNumber: message } })
  await expect(c.openDeceasedRecord({ idNumber: profile.idNumber, bundleId: 'shenhoushi' })).rejects.toMatchObject({ message: '这是您本人的身份证号码，请输入逝者的身份证号码' })
  const logs = r.logs.join('\n')
  for (const id of [WIFE, wrong, STRANGER_DEATH, NOT_DEAD]) expect(logs).not.toContain(id)
  expect(logs).toContain('POST /api/v1/shared-records/deceased')
})

test('a submission leaves the questions the records answer to them; without standing the same draft is refused', async () => {
  const { c, profile, licences } = await citizen('dev-elder')
  const t = await c.getBundle('shenhoushi')
  const handle = (await c.openDeceasedRecord({ idNumber: WIFE, bundleId: 'shenhoushi' })).handle
  const full = await fillDraft(t, { profile, licences, upload: uploader(c, 'shenhoushi'), answers: { relation: 'spouse', deathType: 'hospital', hukouInHunan: true, pensionType: 'retired', overpaid: true, medicalType: 'employee', housingFund: true, drivingLicence: false, subsidies: ['none'] }, now: new Date(START).toISOString() })
  // only what no record knows is typed
  const content = { ...full, answers: { relation: 'spouse' }, sharedRecord: handle }
  const cs = await submitConfirmed(c, t, content, async () => (await citizen('dev-citizen-1')).c)
  expect(cs.matters.map((m) => m.name).join('、')).toMatch(/公积金/)
  const { c: other } = await citizen('dev-citizen-1')
  const refused = await other.submitCase({ draftId: newDraftId(), content }, newIdempotencyKey()).catch((x) => x)
  expect(refused).toMatchObject({ status: 422 })
  expect(Object.keys(refused.answerErrors)).toEqual(expect.arrayContaining(['deathType', 'pensionType', 'housingFund']))
})
