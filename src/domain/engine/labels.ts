// Chinese names the engine and screens put on material modes. E-licence names are catalogue data (GET
// /licence-kinds), not code.
import type { MaterialMode } from '../draft'

export const MATERIAL_MODE_LABELS: Record<MaterialMode, string> = {
  'in-bundle': '本次办理中产生，无需提供',
  licence: '使用电子证照，无需上传',
  shared: '由部门共享获取，无需提供',
  original: '到窗口核验原件',
  upload: '上传材料',
  promise: '告知承诺，以承诺代替证明',
  defer: '容缺受理，稍后补交',
}
