// The rules of acting for a citizen: who may use a grant and when, what it covers, what staff scan, a
// signature's ink, and what staff alone may mark on materials.
import {
  proxyPromiseRefusal,
  windowGrantAuditWhat,
  windowGrantErrors,
  actingMaterialErrors,
  auditBasisText,
  auditWho,
  grantExpiry,
  grantRefusal,
  grantRequestErrors,
  grantState,
  parseScan,
  refusalText,
  decisionRefusalText,
  supplementProblems,
  scopeRefusal,
  signaturePath,
  signatureProblem,
  timeLeftText,
  type GrantFacts,
} from '@/domain/assist'

const NOW = '2026-11-26T02:00:00.000Z'
const staffGrant: GrantFacts = { grantee: 'staff', scope: { kind: 'bundle', bundleId: 'tuixiu' }, hallId: 'hall-430103', expiresAt: grantExpiry(NOW, 30), redeemedAt: NOW }
const clerk = { role: 'staff' as const, userId: 's-1', hallId: 'hall-430103' }

describe('grantRefusal', () => {
  test('the window of the grant’s hall may use a redeemed, live grant', () => {
    expect(grantRefusal(staffGrant, clerk, NOW)).toBeUndefined()
    expect(grantState(staffGrant, NOW)).toBe('active')
  })
  test('another hall, a citizen, a reviewer: refused with the words the platform answers', () => {
    expect(grantRefusal(staffGrant, { ...clerk, hallId: 'hall-430102' }, NOW)).toBe('该授权只给了申请人选定的服务大厅，本厅不能使用')
    expect(grantRefusal(staffGrant, { role: 'citizen', userId: 'u-1' }, NOW)).toBe('该授权仅限服务大厅窗口工作人员使用')
    expect(grantRefusal(staffGrant, { role: 'reviewer', userId: 'r-1', hallId: 'hall-430103' }, NOW)).toBe('该授权仅限服务大厅窗口工作人员使用')
  })
  test('waiting until redeemed, expired at the minute, revoked whatever the time', () => {
    const { redeemedAt: _r, ...waiting } = staffGrant
    expect(grantRefusal(waiting, clerk, NOW)).toBe('授权尚未生效，请输入申请人出示的授权码')
    expect(grantRefusal(staffGrant, clerk, '2026-11-26T02:29:59.999Z')).toBeUndefined()
    expect(grantRefusal(staffGrant, clerk, '2026-11-26T02:30:00.000Z')).toBe('授权已过期，请申请人重新授权')
    expect(grantRefusal({ ...staffGrant, revokedAt: NOW }, clerk, NOW)).toBe('申请人已撤销授权，不能继续代办')
    expect(grantState({ ...staffGrant, revokedAt: NOW }, '2027-01-01T00:00:00Z')).toBe('revoked')
  })
  test('a relative’s grant serves that relative only', () => {
    const g: GrantFacts = { grantee: 'relative', scope: { kind: 'bundle', bundleId: 'tuixiu' }, relativeId: 'u-son', expiresAt: grantExpiry(NOW, 7 * 24 * 60) }
    expect(grantRefusal(g, { role: 'citizen', userId: 'u-son' }, NOW)).toBeUndefined()
    expect(grantRefusal(g, { role: 'citizen', userId: 'u-other' }, NOW)).toBe('该授权不是给您的，不能代办')
    expect(grantRefusal(g, clerk, NOW)).toBe('该授权不是给您的，不能代办')
  })
})

describe('scopeRefusal', () => {
  test('a bundle grant covers its bundle and the case filed under it', () => {
    expect(scopeRefusal({ kind: 'bundle', bundleId: 'tuixiu' }, { bundleId: 'tuixiu' })).toBeUndefined()
    expect(scopeRefusal({ kind: 'bundle', bundleId: 'tuixiu' }, { bundleId: 'xinshenger' })).toBe('该事项超出了申请人授权的范围，不能代办')
    expect(scopeRefusal({ kind: 'bundle', bundleId: 'tuixiu' }, { caseId: 'HN2026112600001' }, 'HN2026112600001')).toBeUndefined()
    expect(scopeRefusal({ kind: 'bundle', bundleId: 'tuixiu' }, { caseId: 'HN2026112600002' }, 'HN2026112600001')).toBe('该办件超出了申请人授权的范围，不能代办')
  })
  test('a case grant covers that case and no filing', () => {
    expect(scopeRefusal({ kind: 'case', caseId: 'HN2026112600001' }, { caseId: 'HN2026112600001' })).toBeUndefined()
    expect(scopeRefusal({ kind: 'case', caseId: 'HN2026112600001' }, { bundleId: 'tuixiu' })).toBe('申请人只授权了办件 HN2026112600001，超出了申请人授权的范围，不能代办')
  })
})

test('grant requests: the hall and a listed time for the window; a real relative’s number, a relation, listed days', () => {
  expect(grantRequestErrors({ grantee: 'staff', minutes: 30, hallId: 'h' })).toEqual({})
  expect(grantRequestErrors({ grantee: 'staff', minutes: 45 })).toEqual({ hallId: '请选择为您办理的服务大厅', minutes: '授权时长应为 15、30、60、120 分钟之一' })
  expect(grantRequestErrors({ grantee: 'relative', relativeMobile: '138 0731 0001', relation: '子女', days: 7, ownMobile: '13807310003' })).toEqual({})
  expect(grantRequestErrors({ grantee: 'relative', relativeMobile: '138073100', relation: '邻居', days: 3 })).toEqual({
    relativeMobile: '亲属的手机号码应为11位，当前为9位',
    relation: '请选择亲属与您的关系',
    days: '授权天数应为 1、7、30 天之一',
  })
  expect(grantRequestErrors({ grantee: 'relative', relativeMobile: '13807310003', relation: '子女', days: 1, ownMobile: '13807310003' })).toEqual({ relativeMobile: '不能授权给自己' })
})

test('time left is said in minutes, hours or days', () => {
  expect(timeLeftText('2026-11-26T02:30:00Z', NOW)).toBe('还剩 30 分钟')
  expect(timeLeftText('2026-11-26T02:00:30Z', NOW)).toBe('还剩 1 分钟')
  expect(timeLeftText('2026-11-26T04:30:00Z', NOW)).toBe('还剩 2 小时 30 分钟')
  expect(timeLeftText('2026-12-03T02:00:00Z', NOW)).toBe('还剩 7 天')
  expect(timeLeftText(NOW, NOW)).toBe('已过期')
})

test('what the window scans or types: a grant QR, an 8-digit code, a 6-digit SMS code, a case number', () => {
  expect(parseScan('HNYJS:GRANT:12345678')).toEqual({ kind: 'code', code: '12345678', from: 'qr' })
  expect(parseScan(' hnyjs:grant:87654321\n')).toEqual({ kind: 'code', code: '87654321', from: 'qr' })
  expect(parseScan('1234 5678')).toEqual({ kind: 'code', code: '12345678', from: 'typed' })
  expect(parseScan('123-456')).toEqual({ kind: 'sms', code: '123456' })
  expect(parseScan('hn2026112600001')).toEqual({ kind: 'case', caseId: 'HN2026112600001' })
  expect(parseScan('HNYJS:GRANT:123')).toEqual({ kind: 'invalid', message: '二维码内容不完整，请让申请人刷新后重新扫描' })
  expect(parseScan('')).toMatchObject({ kind: 'invalid', message: '请扫描或输入申请人的授权码、预约号，或办件编号' })
  expect(parseScan('https://example.com')).toMatchObject({ kind: 'invalid' })
})

test('a signature needs ink across half the box; its path is what gets printed', () => {
  expect(signatureProblem(undefined)).toBe('请申请人在框内签名')
  expect(signatureProblem({ width: 300, height: 100, strokes: [[[5, 5]]] })).toBe('请申请人在框内签名')
  expect(signatureProblem({ width: 300, height: 100, strokes: [[[5, 5], [60, 5]]] })).toBe('签名太短，请申请人签下完整的姓名')
  const ok = { width: 300, height: 100, strokes: [[[5, 5], [100, 50], [160.4, 20.6]]] as [number, number][][] }
  expect(signatureProblem(ok)).toBeUndefined()
  expect(signaturePath(ok)).toBe('M5 5 L100 50 L160 21')
})

describe('what only the window may mark', () => {
  test('原件已核验 by staff on a scanned upload; never by the applicant', () => {
    const m = { a: { mode: 'upload' as const, fileIds: ['f1'], verified: { at: NOW } }, b: { mode: 'upload' as const, fileIds: [], verified: { at: NOW } } }
    expect(actingMaterialErrors(m, { actor: 'staff' })).toEqual({ b: '请先扫描或拍摄原件，再标记原件已核验' })
    expect(actingMaterialErrors(m, { actor: 'self' })).toEqual({ a: '只有窗口工作人员可以核验原件', b: '只有窗口工作人员可以核验原件' })
    expect(actingMaterialErrors(m, undefined)).toEqual({ a: '只有窗口工作人员可以核验原件', b: '只有窗口工作人员可以核验原件' })
  })
  test('a 容缺 accepted at the window needs a reason of at most 200 characters', () => {
    expect(actingMaterialErrors({ a: { mode: 'defer', reason: '  ' } }, { actor: 'staff' })).toEqual({ a: '请填写容缺受理的理由（申请人何时补交、为何暂缺）' })
    expect(actingMaterialErrors({ a: { mode: 'defer', reason: '字'.repeat(201) } }, { actor: 'staff' })).toEqual({ a: '容缺受理的理由不能超过 200 个字' })
    expect(actingMaterialErrors({ a: { mode: 'defer', reason: '三日内补交' } }, { actor: 'staff' })).toEqual({})
    // the citizen's own 容缺 online is the template's business, not the window's
    expect(actingMaterialErrors({ a: { mode: 'defer' } }, { actor: 'self' })).toEqual({})
  })
})

test('the citizen reads who acted, where, and on what basis', () => {
  expect(auditWho({ actorName: '周敏', actorRole: 'staff', hallName: '长沙市天心区政务服务中心', window: '5号窗口' })).toBe('长沙市天心区政务服务中心 5号窗口 周敏（窗口工作人员）')
  expect(auditWho({ actorName: '刘*', actorRole: 'relative' })).toBe('刘*（亲属）')
  expect(auditBasisText('grant', '窗口代办“开办餐饮店”')).toBe('依据您的授权：窗口代办“开办餐饮店”')
  expect(auditBasisText('hall', '一窗受理')).toBe('依职责：一窗受理')
  expect(auditBasisText('family', '公民身后事（同一户口簿）')).toBe('依据亲属关系：公民身后事（同一户口簿）')
})

test('不予受理 needs a listed reason (and for 其他, the words); 补正 names the materials and what to do, at once', () => {
  expect(refusalText(undefined, '')).toEqual({ errors: { reason: '请选择不予受理的理由' } })
  expect(refusalText('其他（请在说明中写明）', '  ')).toEqual({ errors: { note: '选择“其他”时，请写明不予受理的理由' } })
  expect(refusalText('其他（请在说明中写明）', '同一事项已在办理')).toEqual({ text: '同一事项已在办理', errors: {} })
  expect(refusalText('申请事项不属于本机关职权范围', '')).toEqual({ text: '申请事项不属于本机关职权范围', errors: {} })
  expect(refusalText('申请事项不属于本机关职权范围', '请向市场监管局申请')).toEqual({ text: '申请事项不属于本机关职权范围：请向市场监管局申请', errors: {} })
  expect(refusalText('申请人不具备申请资格', '字'.repeat(500)).errors).toEqual({ note: '说明不能超过 500 个字' })
  // 不予许可 by the reviewer: the same shape, its own grounds and words
  expect(decisionRefusalText(undefined, '')).toEqual({ errors: { reason: '请选择不予许可的理由' } })
  expect(decisionRefusalText('申请事项不属于本机关职权范围', '')).toEqual({ errors: { reason: '请选择不予许可的理由' } })
  expect(decisionRefusalText('其他（请在说明中写明）', ' ')).toEqual({ errors: { note: '选择“其他”时，请写明不予许可的理由' } })
  expect(decisionRefusalText('现场核查情况与申请材料不符', '后厨面积不足')).toEqual({ text: '现场核查情况与申请材料不符：后厨面积不足', errors: {} })
  expect(supplementProblems(' ', [])).toEqual({ message: '请写明需要补正的内容和要求（一次性告知）', materials: '请选择需要补正的材料' })
  expect(supplementProblems('租赁合同缺少出租方签字页', ['premises-proof'])).toEqual({})
})

test('a grant registered at the window needs the citizen’s ID number, the paper scanned, and the relative or the proxy', () => {
  const today = '2026-11-26'
  const relative = { kind: 'relative' as const, idNumber: '430103195801012114', bundleId: 'kaiban-canyin', proofFileId: 'f-1', relativeMobile: '13807310001', relation: '子女' }
  expect(windowGrantErrors(relative, today)).toEqual({})
  expect(windowGrantErrors({ ...relative, proofFileId: undefined }, today)).toEqual({ proofFileId: '请上传户口簿（申请人页和亲属页）的扫描件或照片，作为亲属关系证明' })
  expect(windowGrantErrors({ ...relative, idNumber: '430103195801012115', relation: '朋友', relativeMobile: '1380731' }, today)).toEqual({
    idNumber: expect.stringContaining('申请人的身份证号码'),
    relation: '请选择亲属与申请人的关系',
    relativeMobile: expect.stringContaining('亲属的手机号码'),
  })
  const proxy = { kind: 'proxy' as const, idNumber: '430103195801012114', bundleId: 'kaiban-canyin', proofFileId: 'f-2', proxyName: '李四', proxyIdNumber: '430104199605121238' }
  expect(windowGrantErrors(proxy, today)).toEqual({})
  expect(windowGrantErrors({ ...proxy, proofFileId: '', bundleId: '' }, today)).toEqual({ proofFileId: '请上传申请人签字的授权委托书扫描件或照片', bundleId: '请选择要办理的一件事' })
  expect(windowGrantErrors({ ...proxy, proxyIdNumber: '430103195801012114', proxyName: '李4' }, today)).toEqual({ proxyIdNumber: '代理人不能是申请人本人；本人到场请出示授权码', proxyName: '代理人姓名不能包含数字' })
  // a birth date after today is no ID number yet
  expect(windowGrantErrors({ ...proxy, idNumber: '430103202701012110' }, today).idNumber).toBeDefined()
  expect(windowGrantAuditWhat('relative')).toBe('登记亲情帮办授权（户口簿）')
  expect(windowGrantAuditWhat('proxy')).toBe('登记代理人授权（授权委托书）')
  expect(proxyPromiseRefusal('营业执照')).toBe('代办人须取得申请人书面授权（授权委托书写明可作出告知承诺）后才能承诺，请以其他方式提交营业执照')
})
