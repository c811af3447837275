import type { ComponentType } from 'react'
import { AssignmentIcon, BillIcon, CallIcon, ChatBubble1Icon, CalendarEventIcon, ChatIcon, CheckRectangleIcon, FileIcon, NotificationIcon, ChartBarIcon, CouponIcon, DashboardIcon, DesktopIcon, EducationIcon, HomeIcon, LocationIcon, MapGridIcon, MailIcon, MoneyIcon, PercentIcon, ServiceIcon, ShopIcon, ThumbUpIcon, TrafficIcon, UsergroupIcon, WalletIcon } from 'tdesign-icons-react'
import type { Role } from '@contracts/roles'

export interface MenuEntry {
  path: string
  label: string
  icon: ComponentType
  /** Who sees it; the server still refuses any action outside the caller's role. */
  roles: readonly Role[] | 'anyone'
}

/** The side menu, in order; each role sees only its own entries. */
export const MENU: readonly MenuEntry[] = [
  { path: '/', label: '社区概况', icon: DashboardIcon, roles: ['operator'] },
  { path: '/insights', label: '经营看板', icon: ChartBarIcon, roles: ['operator'] },
  { path: '/households', label: '房屋', icon: HomeIcon, roles: ['operator', 'service'] },
  { path: '/desk', label: '客服台', icon: CallIcon, roles: ['service', 'operator'] },
  { path: '/work-orders', label: '工单与 SLA', icon: AssignmentIcon, roles: ['service', 'operator', 'dispatcher'] },
  { path: '/chats', label: '微信客服', icon: ChatBubble1Icon, roles: ['service', 'operator'] },
  { path: '/complaints', label: '投诉工单', icon: ChatIcon, roles: ['operator', 'service', 'dispatcher'] },
  { path: '/parcels', label: '快递代收', icon: MailIcon, roles: ['operator', 'service', 'verifier'] },
  { path: '/parking', label: '停车场', icon: TrafficIcon, roles: ['operator', 'service', 'verifier'] },
  { path: '/notices', label: '社区公告', icon: NotificationIcon, roles: ['operator', 'service'] },
  { path: '/surveys', label: '问卷调研', icon: FileIcon, roles: ['operator', 'service'] },
  { path: '/votes', label: '业主表决', icon: CheckRectangleIcon, roles: ['operator'] },
  { path: '/grids', label: '网格', icon: MapGridIcon, roles: ['operator'] },
  { path: '/staff', label: '工作人员', icon: UsergroupIcon, roles: ['operator'] },
  { path: '/places', label: '门禁与自提点', icon: LocationIcon, roles: ['operator'] },
  { path: '/services', label: '到家服务', icon: ServiceIcon, roles: ['operator'] },
  { path: '/presale', label: '严选预售', icon: ShopIcon, roles: ['operator'] },
  { path: '/training', label: '培训课程', icon: EducationIcon, roles: ['operator'] },
  { path: '/commission', label: '管家佣金', icon: PercentIcon, roles: ['operator'] },
  { path: '/honor', label: '表扬与光荣榜', icon: ThumbUpIcon, roles: ['operator'] },
  { path: '/events', label: '活动', icon: CalendarEventIcon, roles: ['operator', 'staff'] },
  { path: '/members', label: '会员与优惠券', icon: CouponIcon, roles: ['operator'] },
  { path: '/bills', label: '账单与欠费', icon: BillIcon, roles: ['operator', 'finance'] },
  { path: '/cash', label: '现金收款', icon: MoneyIcon, roles: ['finance'] },
  { path: '/payments', label: '收款与退款', icon: WalletIcon, roles: ['operator', 'finance'] },
  { path: '/fees', label: '收费设置', icon: MoneyIcon, roles: ['operator', 'finance'] },
  { path: '/sessions', label: '登录设备', icon: DesktopIcon, roles: 'anyone' }
]

export function menuFor(roles: readonly Role[]): MenuEntry[] {
  return MENU.filter((m) => m.roles === 'anyone' || m.roles.some((r) => roles.includes(r)))
}
