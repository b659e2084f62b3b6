// 谁查看了我的信息: every read or write of a citizen's data by window staff (or a relative acting for them) is
// one record. These words are what the citizen is shown.

export type AuditAction = 'read' | 'write'
/** under a grant of the citizen's, by the hall's duty (a case submitted to this hall), or by a family tie (a deceased's shared records) */
export type AuditBasis = 'grant' | 'hall' | 'family'
export type AuditActorRole = 'staff' | 'reviewer' | 'relative'

export const AUDIT_ROLE_LABELS: Record<AuditActorRole, string> = { staff: '窗口工作人员', reviewer: '审批人员', relative: '亲属' }
export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = { read: '查看', write: '办理' }

/** What the citizen reads for one record: "长沙市芙蓉区政务服务中心 3号窗口 刘刚（窗口工作人员）". */
export function auditWho(row: { actorName: string; actorRole: AuditActorRole; hallName?: string; window?: string }): string {
  const place = [row.hallName, row.window].filter(Boolean).join(' ')
  return `${place ? `${place} ` : ''}${row.actorName}（${AUDIT_ROLE_LABELS[row.actorRole]}）`
}

export function auditBasisText(basis: AuditBasis, purpose: string): string {
  if (basis === 'family') return `依据亲属关系：${purpose}`
  return basis === 'grant' ? `依据您的授权：${purpose}` : `依职责：${purpose}`
}
