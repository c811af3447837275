import type { Tile } from '../../../components/Tiles'
import { DeskHome } from './desk'
import { pkgPage } from '../../../utils/link'


type StaffRole = 'staff' | 'verifier' | 'finance' | 'service'
/** The front desk's pickup, on both the verifier's and 客服's homes. */
const PARCEL_DESK: Tile = { key: 'parcel-desk', title: '快递取件', icon: 'delivery', tone: 'orange', url: pkgPage('parcel', 'desk') }

const DESKS: Record<StaffRole, { tiles: Tile[]; notice: string }> = {
  staff: {
    tiles: [
      { key: 'event-create', title: '创建活动', icon: 'add', tone: 'green', url: pkgPage('event', 'edit') },
      { key: 'event-manage', title: '活动管理', icon: 'event', tone: 'orange', url: pkgPage('event', 'list') },
      { key: 'event-ideas', title: '创意墙', icon: 'thumb', tone: 'purple', url: pkgPage('event', 'ideas') },
      // Participant incentives are issued against the event's budget.
      { key: 'budgets', title: '激励预算', icon: 'gift', tone: 'blue', url: pkgPage('member', 'budgets') }
    ],
    notice: '创建服务体验会与社区活动，查看报名与候补、导出名单，活动后查看反馈与新服务创意。'
  },
  verifier: {
    tiles: [
      { key: 'event-checkin', title: '签到核销', icon: 'scan', tone: 'blue', url: pkgPage('event', 'list') },
      { key: 'presale-verify', title: '自提核销', icon: 'store', tone: 'green', url: pkgPage('presale-admin', 'verify') },
      PARCEL_DESK
    ],
    notice: '在「签到核销」中选择活动，扫描居民电子票二维码或输入 6 位核销码。'
  },
  finance: {
    tiles: [
      { key: 'collection', title: '收缴率', icon: 'pay', tone: 'green', url: pkgPage('fee-admin', 'collection') },
      { key: 'arrears', title: '欠费户', icon: 'bill', tone: 'orange', url: pkgPage('fee-admin', 'arrears') },
      { key: 'refund', title: '退款与异常', icon: 'refund', tone: 'blue', url: pkgPage('fee-admin', 'refund') }
    ],
    notice: '收费项目、出账、对账与导出请在电脑端管理后台操作；手机上可查看收缴率、跟进欠费与处理退款。'
  },
  service: {
    tiles: [
      { key: 'complaints', title: '投诉处理', icon: 'complaint', tone: 'orange', url: pkgPage('service-staff', 'complaints') },
      { key: 'notices', title: '社区公告', icon: 'notice', tone: 'blue', url: pkgPage('message-admin', 'notices') },
      { key: 'surveys', title: '问卷调研', icon: 'edit', tone: 'green', url: pkgPage('survey', 'list') },
      PARCEL_DESK
    ],
    notice: '房屋与住户查询请在电脑端管理后台操作；手机上可随时受理和办结住户的投诉，发布停水停电等公告。'
  }
}

/** Event staff run events and read feedback; verifiers check people in; finance follows collection; customer service answers complaints. */
export function StaffHome({ role }: { role: StaffRole }) {
  return <DeskHome role={role} {...DESKS[role]} />
}
