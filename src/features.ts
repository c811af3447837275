import type { Me } from '@contracts/user'
import type { Tile } from './components/Tiles'
import { pkgPage } from './utils/link'

/**
 * The resident home's feature tiles. A feature adds its tile here when its pages exist, so the
 * home never links to something that is not built.
 */
export function residentTiles(me: Me): Tile[] {
  const current = me.current
  const home = me.households.find((h) => h.householdId === current?.householdId)
  if (!home) {
    return [
      { key: 'bind', title: '绑定房屋', icon: 'add', tone: 'blue', url: pkgPage('household', 'bind') },
      { key: 'switch', title: '切换身份', icon: 'switch', tone: 'purple', url: pkgPage('account', 'switch') }
    ]
  }
  // Every link names its household and community, so each page also opens straight from a share.
  const c = `communityId=${home.communityId}`
  const q = `householdId=${home.householdId}&${c}`
  const tiles: Tile[] = [
    { key: 'members', title: '我的房屋', icon: 'home', tone: 'green', url: pkgPage('household', 'members', q) },
    // Door access: the pass is what residents open most, so it comes first after the home.
    { key: 'pass', title: '通行码', icon: 'door', tone: 'blue', url: pkgPage('access', 'pass', q) },
    { key: 'visitor', title: '访客邀请', icon: 'visitor', tone: 'purple', url: pkgPage('access', 'visitors', q) },
    { key: 'fee', title: '物业缴费', icon: 'bill', tone: 'orange', url: pkgPage('fee', 'bills', q) },
    { key: 'parcels', title: '我的快递', icon: 'delivery', tone: 'green', url: pkgPage('parcel', 'mine', c) },
    // One tile for parking keeps the main package small; the pay page leads on to the household's spaces and cards.
    { key: 'parking', title: '智能停车', icon: 'pay', tone: 'blue', url: pkgPage('parking', 'pay', q) },
    { key: 'events', title: '社区活动', icon: 'event', tone: 'green', url: pkgPage('event', 'list', c) },
    { key: 'service', title: '到家服务', icon: 'cleaning', tone: 'blue', url: pkgPage('service', 'list', c) },
    { key: 'repair', title: '报修投诉', icon: 'repair', tone: 'orange', url: pkgPage('service', 'list', `kind=repair&${c}`) },
    { key: 'presale', title: '邻里严选', icon: 'store', tone: 'orange', url: pkgPage('presale', 'list', c) },
    { key: 'member', title: '会员中心', icon: 'card', tone: 'purple', url: pkgPage('member', 'card', c) },
    { key: 'coupons', title: '优惠券', icon: 'coupon', tone: 'orange', url: pkgPage('member', 'coupons', c) },
    { key: 'votes', title: '业主表决', icon: 'check', tone: 'blue', url: pkgPage('vote', 'list', c) },
    { key: 'surveys', title: '问卷调研', icon: 'edit', tone: 'green', url: pkgPage('survey', 'list', c) }
  ]
  if (home.relation === 'owner') {
    tiles.push({ key: 'invite', title: '邀请家人', icon: 'team', tone: 'orange', url: pkgPage('household', 'invite', q) })
  }
  tiles.push(
    { key: 'bind', title: '绑定房屋', icon: 'add', tone: 'blue', url: pkgPage('household', 'bind') },
    { key: 'switch', title: '切换身份', icon: 'switch', tone: 'purple', url: pkgPage('account', 'switch') }
  )
  return tiles
}

/** The butler home's workspace tiles (issue 9): today's tasks first. */
export function butlerTiles(): Tile[] {
  return [
    { key: 'butler-tasks', title: '今日任务', icon: 'task', tone: 'green', url: pkgPage('butler', 'tasks') },
    { key: 'butler-grid', title: '我的网格', icon: 'grid', tone: 'blue', url: pkgPage('butler', 'grid') },
    { key: 'butler-cases', title: '流失预警', icon: 'warning', tone: 'orange', url: pkgPage('butler', 'cases') },
    { key: 'butler-scoreboard', title: '排行榜', icon: 'chart', tone: 'purple', url: pkgPage('butler', 'scoreboard') },
    { key: 'butler-grow', title: '学习与佣金', icon: 'star', tone: 'purple', url: pkgPage('butler', 'grow') },
    // The complaints of the households in the butler's grid(s): the server scopes the list.
    { key: 'butler-complaints', title: '网格投诉', icon: 'complaint', tone: 'orange', url: pkgPage('service-staff', 'complaints') },
    // Requests 客服 handed to the butler (complaints, questions, a lift fault), with their SLA timers.
    { key: 'butler-work-orders', title: '我的工单', icon: 'task', tone: 'blue', url: pkgPage('service-staff', 'work-orders') },
    // Important notices: who in the grid has not read them, and a reminder to each.
    { key: 'butler-notices', title: '公告跟进', icon: 'notice', tone: 'blue', url: pkgPage('message-admin', 'notices') },
    // Owner votes: progress of the grid, and the paper ballots collected at the door.
    { key: 'butler-votes', title: '业主表决', icon: 'check', tone: 'green', url: pkgPage('vote', 'list') },
    // Surveys: the grid's response rate, and the paper and door-to-door copies entered for households.
    { key: 'butler-surveys', title: '问卷调研', icon: 'edit', tone: 'orange', url: pkgPage('survey', 'list') }
  ]
}

/** The operator home's tools; features append theirs. */
export function operatorTiles(): Tile[] {
  return [
    { key: 'insights', title: '经营看板', icon: 'chart', tone: 'green', url: pkgPage('insights-admin', 'dashboard') },
    { key: 'notices', title: '社区公告', icon: 'notice', tone: 'blue', url: pkgPage('message-admin', 'notices') },
    { key: 'votes', title: '业主表决', icon: 'check', tone: 'purple', url: pkgPage('vote', 'list') },
    { key: 'surveys', title: '问卷调研', icon: 'edit', tone: 'green', url: pkgPage('survey', 'list') },
    { key: 'collection', title: '收缴率', icon: 'pay', tone: 'green', url: pkgPage('fee-admin', 'collection') },
    { key: 'arrears', title: '欠费户', icon: 'bill', tone: 'orange', url: pkgPage('fee-admin', 'arrears') },
    { key: 'refund', title: '退款', icon: 'refund', tone: 'blue', url: pkgPage('fee-admin', 'refund') },
    { key: 'ideas', title: '创意墙', icon: 'thumb', tone: 'purple', url: pkgPage('event', 'ideas') },
    { key: 'gates', title: '门禁设备', icon: 'door', tone: 'blue', url: pkgPage('access', 'gates') },
    { key: 'presale-admin', title: '严选预售', icon: 'store', tone: 'orange', url: pkgPage('presale-admin', 'campaigns') },
    { key: 'presale-verify', title: '自提核销', icon: 'scan', tone: 'green', url: pkgPage('presale-admin', 'verify') },
    { key: 'coupon-templates', title: '会员券', icon: 'coupon', tone: 'orange', url: pkgPage('member', 'templates') },
    { key: 'budgets', title: '激励预算', icon: 'gift', tone: 'purple', url: pkgPage('member', 'budgets') },
    { key: 'member-rules', title: '积分规则', icon: 'points', tone: 'green', url: pkgPage('member', 'rules') },
    { key: 'reputation', title: '师傅口碑', icon: 'repair', tone: 'blue', url: pkgPage('service-staff', 'reputation') },
    { key: 'complaints', title: '投诉工单', icon: 'complaint', tone: 'orange', url: pkgPage('service-staff', 'complaints') },
    { key: 'insights-churn', title: '流失预警', icon: 'warning', tone: 'orange', url: pkgPage('insights-admin', 'churn') },
    { key: 'insights-segments', title: '住户分群', icon: 'team', tone: 'purple', url: pkgPage('insights-admin', 'segment') },
    { key: 'insights-rules', title: '分群规则', icon: 'setting', tone: 'blue', url: pkgPage('insights-admin', 'rules') },
    { key: 'replicate', title: '复制社区', icon: 'copy', tone: 'green', url: pkgPage('insights-admin', 'replicate') }
  ]
}
