/**
 * Plain constants only (no zod): main-package pages import the labels, and zod stays in the
 * subpackages that validate forms.
 *
 * Roles a user can hold inside one community. `resident` comes from an active household membership;
 * the work roles (STAFF_ROLES) from an operator's invitation. */
export const STAFF_ROLES = ['butler', 'staff', 'verifier', 'operator', 'worker', 'dispatcher', 'finance', 'service'] as const
export type StaffRole = (typeof STAFF_ROLES)[number]
export const ROLES = ['resident', ...STAFF_ROLES] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  resident: '住户',
  butler: '网格管家',
  staff: '活动专员',
  verifier: '核销员',
  operator: '运营',
  worker: '服务师傅',
  dispatcher: '调度员',
  finance: '财务',
  service: '客服'
}

export const RELATIONS = ['owner', 'family', 'tenant'] as const
export type Relation = (typeof RELATIONS)[number]

export const RELATION_LABELS: Record<Relation, string> = {
  owner: '业主',
  family: '家庭成员',
  tenant: '租户'
}
