// Chinese names the engine puts in its output (prefill sources, modes).
import type { MaterialMode } from '../draft'
import type { LicenceKind } from '../template/types'

/** Full names of e-licence kinds. */
export const LICENCE_NAMES: Record<LicenceKind, string> = {
  idCard: '居民身份证',
  household: '居民户口簿',
  marriage: '结婚证',
  businessLicence: '营业执照',
  property: '不动产权证书',
  birthCertificate: '出生医学证明',
  socialSecurityCard: '社会保障卡',
  drivingLicence: '机动车驾驶证',
  foodLicence: '食品经营许可证',
  retirementCertificate: '退休证',
  veteranCertificate: '退役军人证',
}

/** Everyday names, as in “来自电子身份证”. */
const SHORT_NAMES: Partial<Record<LicenceKind, string>> = {
  idCard: '身份证',
  household: '户口簿',
  socialSecurityCard: '社保卡',
  drivingLicence: '驾驶证',
}

export function licenceShortName(kind: LicenceKind): string {
  return SHORT_NAMES[kind] ?? LICENCE_NAMES[kind]
}

export const MATERIAL_MODE_LABELS: Record<MaterialMode, string> = {
  'in-bundle': '本次办理中产生，无需提供',
  licence: '使用电子证照，无需上传',
  window: '已在窗口核验，可直接复用',
  upload: '上传材料',
  promise: '告知承诺，以承诺代替证明',
  defer: '容缺受理，稍后补交',
}
