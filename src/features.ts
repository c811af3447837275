import type { Me } from '@contracts/user'
import type { Tile } from './components/Tiles'

/**
 * The resident home's feature tiles. A feature adds its tile here when its pages exist, so the
 * home never links to something that is not built.
 */
export function residentTiles(me: Me): Tile[] {
  const current = me.current
  const home = me.households.find((h) => h.householdId === current?.householdId)
  if (!home) {
    return [
      { key: 'bind', title: '绑定房屋', icon: 'add', tone: 'blue', url: '/packages/household/pages/bind/index' },
      { key: 'switch', title: '切换身份', icon: 'switch', tone: 'purple', url: '/packages/account/pages/switch/index' }
    ]
  }
  // Every link names its household and community, so each page also opens straight from a share.
  const c = `communityId=${home.communityId}`
  const q = `householdId=${home.householdId}&${c}`
  const tiles: Tile[] = [
    { key: 'members', title: '我的房屋', icon: 'home', tone: 'green', url: `/packages/household/pages/members/index?${q}` },
    // Door access: the pass is what residents open most, so it comes first after the home.
    { key: 'pass', title: '通行码', icon: 'door', tone: 'blue', url: `/packages/access/pages/pass/index?${q}` },
    { key: 'visitor', title: '访客邀请', icon: 'visitor', tone: 'purple', url: `/packages/access/pages/visitors/index?${q}` },
    { key: 'fee', title: '物业缴费', icon: 'bill', tone: 'orange', url: `/packages/fee/pages/bills/index?${q}` },
    { key: 'events', title: '社区活动', icon: 'event', tone: 'green', url: `/packages/event/pages/list/index?${c}` },
    { key: 'service', title: '到家服务', icon: 'cleaning', tone: 'blue', url: `/packages/service/pages/list/index?${c}` },
    { key: 'repair', title: '报修投诉', icon: 'repair', tone: 'orange', url: `/packages/service/pages/list/index?kind=repair&${c}` },
    { key: 'presale', title: '邻里严选', icon: 'store', tone: 'orange', url: `/packages/presale/pages/list/index?${c}` },
    { key: 'member', title: '会员中心', icon: 'card', tone: 'purple', url: `/packages/member/pages/card/index?${c}` },
    { key: 'coupons', title: '优惠券', icon: 'coupon', tone: 'orange', url: `/packages/member/pages/coupons/index?${c}` },
    { key: 'votes', title: '业主表决', icon: 'check', tone: 'blue', url: `/packages/vote/pages/list/index?${c}` },
    { key: 'surveys', title: '问卷调研', icon: 'edit', tone: 'green', url: `/packages/survey/pages/list/index?${c}` }
  ]
  if (home.relation === 'owner') {
    tiles.push({ key: 'invite', title: '邀请家人', icon: 'team', tone: 'orange', url: `/packages/household/pages/invite/index?${q}` })
  }
  tiles.push(
    { key: 'bind', title: '绑定房屋', icon: 'add', tone: 'blue', url: '/packages/household/pages/bind/index' },
    { key: 'switch', title: '切换身份', icon: 'switch', tone: 'purple', url: '/packages/account/pages/switch/index' }
  )
  return tiles
}

/** The butler home's workspace tiles (issue 9): today's tasks first. */
export function butlerTiles(): Tile[] {
  return [
    { key: 'butler-tasks', title: '今日任务', icon: 'task', tone: 'green', url: '/packages/butler/pages/tasks/index' },
    { key: 'butler-grid', title: '我的网格', icon: 'grid', tone: 'blue', url: '/packages/butler/pages/grid/index' },
    { key: 'butler-cases', title: '流失预警', icon: 'warning', tone: 'orange', url: '/packages/butler/pages/cases/index' },
    { key: 'butler-scoreboard', title: '排行榜', icon: 'chart', tone: 'purple', url: '/packages/butler/pages/scoreboard/index' },
    // The complaints of the households in the butler's grid(s): the server scopes the list.
    { key: 'butler-complaints', title: '网格投诉', icon: 'complaint', tone: 'orange', url: '/packages/service-staff/pages/complaints/index' },
    // Important notices: who in the grid has not read them, and a reminder to each.
    { key: 'butler-notices', title: '公告跟进', icon: 'notice', tone: 'blue', url: '/packages/message-admin/pages/notices/index' },
    // Owner votes: progress of the grid, and the paper ballots collected at the door.
    { key: 'butler-votes', title: '业主表决', icon: 'check', tone: 'green', url: '/packages/vote/pages/list/index' },
    // Surveys: the grid's response rate, and the paper and door-to-door copies entered for households.
    { key: 'butler-surveys', title: '问卷调研', icon: 'edit', tone: 'orange', url: '/packages/survey/pages/list/index' }
  ]
}

/** The operator home's tools; features append theirs. */
export function operatorTiles(): Tile[] {
  return [
    { key: 'insights', title: '经营看板', icon: 'chart', tone: 'green', url: '/packages/insights-admin/pages/dashboard/index' },
    { key: 'notices', title: '社区公告', icon: 'notice', tone: 'blue', url: '/packages/message-admin/pages/notices/index' },
    { key: 'votes', title: '业主表决', icon: 'check', tone: 'purple', url: '/packages/vote/pages/list/index' },
    { key: 'surveys', title: '问卷调研', icon: 'edit', tone: 'green', url: '/packages/survey/pages/list/index' },
    { key: 'collection', title: '收缴率', icon: 'pay', tone: 'green', url: '/packages/fee-admin/pages/collection/index' },
    { key: 'arrears', title: '欠费户', icon: 'bill', tone: 'orange', url: '/packages/fee-admin/pages/arrears/index' },
    { key: 'refund', title: '退款', icon: 'refund', tone: 'blue', url: '/packages/fee-admin/pages/refund/index' },
    { key: 'ideas', title: '创意墙', icon: 'thumb', tone: 'purple', url: '/packages/event/pages/ideas/index' },
    { key: 'gates', title: '门禁设备', icon: 'door', tone: 'blue', url: '/packages/access/pages/gates/index' },
    { key: 'presale-admin', title: '严选预售', icon: 'store', tone: 'orange', url: '/packages/presale-admin/pages/campaigns/index' },
    { key: 'presale-verify', title: '自提核销', icon: 'scan', tone: 'green', url: '/packages/presale-admin/pages/verify/index' },
    { key: 'coupon-templates', title: '会员券', icon: 'coupon', tone: 'orange', url: '/packages/member/pages/templates/index' },
    { key: 'budgets', title: '激励预算', icon: 'gift', tone: 'purple', url: '/packages/member/pages/budgets/index' },
    { key: 'member-rules', title: '积分规则', icon: 'points', tone: 'green', url: '/packages/member/pages/rules/index' },
    { key: 'reputation', title: '师傅口碑', icon: 'repair', tone: 'blue', url: '/packages/service-staff/pages/reputation/index' },
    { key: 'complaints', title: '投诉工单', icon: 'complaint', tone: 'orange', url: '/packages/service-staff/pages/complaints/index' },
    { key: 'insights-churn', title: '流失预警', icon: 'warning', tone: 'orange', url: '/packages/insights-admin/pages/churn/index' },
    { key: 'insights-segments', title: '住户分群', icon: 'team', tone: 'purple', url: '/packages/insights-admin/pages/segment/index' },
    { key: 'insights-rules', title: '分群规则', icon: 'setting', tone: 'blue', url: '/packages/insights-admin/pages/rules/index' },
    { key: 'replicate', title: '复制社区', icon: 'copy', tone: 'green', url: '/packages/insights-admin/pages/replicate/index' }
  ]
}
