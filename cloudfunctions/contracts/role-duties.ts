import type { StaffRole } from './roles'

/**
 * What each work role does, in a line: shown where a role is handed out (the console's invitation
 * form) and accepted (the mini-program's invitation page), so both sides agree on the work. Apart
 * from roles.ts, which the mini-program's main package carries.
 */
export const ROLE_DUTIES: Record<StaffRole, string> = {
  butler: '走访网格住户、推送活动与团购、最后一公里配送',
  staff: '创建活动与服务体验会、查看报名与反馈',
  verifier: '活动签到、自提核销',
  operator: '管理整个社区：房屋、员工、收费与运营',
  worker: '接单上门服务',
  dispatcher: '到家服务派单与改派',
  finance: '收费项目、出账、退款与对账',
  service: '查询房屋与住户、受理和办结投诉'
}
