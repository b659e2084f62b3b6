// What only window staff may mark on an application's materials, and what they must say: how the window met a
// material (originals seen, 容缺 accepted) is theirs to record; the platform adds who and when.
import type { ActingFor, MaterialChoice } from '../draft'

export const DEFER_REASON_MAX = 200

/**
 * Material choices only window staff may make, and what they must say: 原件已核验 (staff only, on an upload
 * with the scan), a 容缺 accepted by staff needs its reason. Keyed by material id.
 */
export function actingMaterialErrors(materials: Record<string, MaterialChoice>, acting: Pick<ActingFor, 'actor'> | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  const staff = acting?.actor === 'staff'
  for (const [id, choice] of Object.entries(materials)) {
    if (choice.mode === 'upload' && choice.verified) {
      if (!staff) out[id] = '只有窗口工作人员可以核验原件'
      else if (!choice.fileIds.length) out[id] = '请先扫描或拍摄原件，再标记原件已核验'
    }
    if (choice.mode === 'defer' && staff) {
      const reason = (choice.reason ?? '').trim()
      if (!reason) out[id] = '请填写容缺受理的理由（申请人何时补交、为何暂缺）'
      else if (reason.length > DEFER_REASON_MAX) out[id] = `容缺受理的理由不能超过 ${DEFER_REASON_MAX} 个字`
    }
  }
  return out
}
