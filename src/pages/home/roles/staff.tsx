import type { Tile } from '../../../components/Tiles'
import { DeskHome } from './desk'

const EVENTS = '/packages/event/pages'

type StaffRole = 'staff' | 'verifier' | 'finance' | 'service'
const FEES = '/packages/fee-admin/pages'

const DESKS: Record<StaffRole, { tiles: Tile[]; notice: string }> = {
  staff: {
    tiles: [
      { key: 'event-create', title: '创建活动', icon: 'add', tone: 'green', url: `${EVENTS}/edit/index` },
      { key: 'event-manage', title: '活动管理', icon: 'event', tone: 'orange', url: `${EVENTS}/list/index` },
      { key: 'event-ideas', title: '创意墙', icon: 'thumb', tone: 'purple', url: `${EVENTS}/ideas/index` },
      // Participant incentives are issued against the event's budget.
      { key: 'budgets', title: '激励预算', icon: 'gift', tone: 'blue', url: '/packages/member/pages/budgets/index' }
    ],
    notice: '创建服务体验会与社区活动，查看报名与候补、导出名单，活动后查看反馈与新服务创意。'
  },
  verifier: {
    tiles: [
      { key: 'event-checkin', title: '签到核销', icon: 'scan', tone: 'blue', url: `${EVENTS}/list/index` },
      { key: 'presale-verify', title: '自提核销', icon: 'store', tone: 'green', url: '/packages/presale-admin/pages/verify/index' }
    ],
    notice: '在「签到核销」中选择活动，扫描居民电子票二维码或输入 6 位核销码。'
  },
  finance: {
    tiles: [
      { key: 'collection', title: '收缴率', icon: 'pay', tone: 'green', url: `${FEES}/collection/index` },
      { key: 'arrears', title: '欠费户', icon: 'bill', tone: 'orange', url: `${FEES}/arrears/index` },
      { key: 'refund', title: '退款与异常', icon: 'refund', tone: 'blue', url: `${FEES}/refund/index` }
    ],
    notice: '收费项目、出账、对账与导出请在电脑端管理后台操作；手机上可查看收缴率、跟进欠费与处理退款。'
  },
  service: {
    tiles: [
      { key: 'complaints', title: '投诉处理', icon: 'complaint', tone: 'orange', url: '/packages/service-staff/pages/complaints/index' },
      { key: 'notices', title: '社区公告', icon: 'notice', tone: 'blue', url: '/packages/message-admin/pages/notices/index' },
      { key: 'surveys', title: '问卷调研', icon: 'edit', tone: 'green', url: '/packages/survey/pages/list/index' }
    ],
    notice: '房屋与住户查询请在电脑端管理后台操作；手机上可随时受理和办结住户的投诉，发布停水停电等公告。'
  }
}

/** Event staff run events and read feedback; verifiers check people in; finance follows collection; customer service answers complaints. */
export function StaffHome({ role }: { role: StaffRole }) {
  return <DeskHome role={role} {...DESKS[role]} />
}
