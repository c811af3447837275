import type { Me } from '@contracts/user'
import type { Tile } from './components/Tiles'

/**
 * The resident home's feature tiles. A feature adds its tile here when its pages exist, so the
 * home never links to something that is not built.
 */
export function residentTiles(me: Me): Tile[] {
  const current = me.current
  const home = me.households.find((h) => h.householdId === current?.householdId)
  const tiles: Tile[] = [
    {
      key: 'members',
      title: '我的房屋',
      glyph: '房',
      tone: 'green',
      url: `/packages/household/pages/members/index?householdId=${home?.householdId ?? ''}&communityId=${current?.communityId ?? ''}`
    }
  ]
  if (home) {
    // Door access: the pass is what residents open most, so it comes first after the home.
    const q = `householdId=${home.householdId}&communityId=${home.communityId}`
    tiles.push(
      { key: 'pass', title: '通行码', glyph: '门', tone: 'blue', url: `/packages/access/pages/pass/index?${q}` },
      { key: 'visitor', title: '访客邀请', glyph: '访', tone: 'purple', url: `/packages/access/pages/visitors/index?${q}` }
    )
  }
  if (home) {
    tiles.push({
      key: 'fee',
      title: '物业缴费',
      glyph: '缴',
      tone: 'orange',
      url: `/packages/fee/pages/bills/index?householdId=${home.householdId}`
    })
  }
  if (home) {
    tiles.push({ key: 'events', title: '社区活动', glyph: '活', tone: 'green', url: '/packages/event/pages/list/index' })
  }
  if (home) {
    tiles.push(
      { key: 'service', title: '到家服务', glyph: '家', tone: 'blue', url: '/packages/service/pages/list/index' },
      { key: 'repair', title: '报修投诉', glyph: '修', tone: 'orange', url: '/packages/service/pages/list/index?kind=repair' }
    )
  }
  if (home) {
    tiles.push({ key: 'presale', title: '邻里严选', glyph: '选', tone: 'orange', url: '/packages/presale/pages/list/index' })
  }
  if (home) {
    tiles.push(
      { key: 'member', title: '会员中心', glyph: '会', tone: 'purple', url: '/packages/member/pages/card/index' },
      { key: 'coupons', title: '优惠券', glyph: '券', tone: 'orange', url: '/packages/member/pages/coupons/index' }
    )
  }
  if (home?.relation === 'owner') {
    tiles.push({
      key: 'invite',
      title: '邀请家人',
      glyph: '邀',
      tone: 'orange',
      url: `/packages/household/pages/invite/index?householdId=${home.householdId}&communityId=${home.communityId}`
    })
  }
  tiles.push(
    { key: 'bind', title: '绑定房屋', glyph: '绑', tone: 'blue', url: '/packages/household/pages/bind/index' },
    { key: 'switch', title: '切换身份', glyph: '换', tone: 'purple', url: '/packages/account/pages/switch/index' }
  )
  return tiles
}

/** The butler home's workspace tiles (issue 9): today's tasks first. */
export function butlerTiles(): Tile[] {
  return [
    { key: 'butler-tasks', title: '今日任务', glyph: '任', tone: 'green', url: '/packages/butler/pages/tasks/index' },
    { key: 'butler-grid', title: '我的网格', glyph: '网', tone: 'blue', url: '/packages/butler/pages/grid/index' },
    { key: 'butler-cases', title: '流失预警', glyph: '警', tone: 'orange', url: '/packages/butler/pages/cases/index' },
    { key: 'butler-scoreboard', title: '排行榜', glyph: '榜', tone: 'purple', url: '/packages/butler/pages/scoreboard/index' },
    // The complaints of the households in the butler's grid(s): the server scopes the list.
    { key: 'butler-complaints', title: '网格投诉', glyph: '诉', tone: 'orange', url: '/packages/service-staff/pages/complaints/index' }
  ]
}

/** The operator home's tools; features append theirs. */
export function operatorTiles(): Tile[] {
  return [
    { key: 'insights', title: '经营看板', glyph: '看', tone: 'green', url: '/packages/insights-admin/pages/dashboard/index' },
    { key: 'collection', title: '收缴率', glyph: '率', tone: 'green', url: '/packages/fee-admin/pages/collection/index' },
    { key: 'arrears', title: '欠费户', glyph: '欠', tone: 'orange', url: '/packages/fee-admin/pages/arrears/index' },
    { key: 'refund', title: '退款', glyph: '退', tone: 'blue', url: '/packages/fee-admin/pages/refund/index' },
    { key: 'ideas', title: '创意墙', glyph: '创', tone: 'purple', url: '/packages/event/pages/ideas/index' },
    { key: 'gates', title: '门禁设备', glyph: '门', tone: 'blue', url: '/packages/access/pages/gates/index' },
    { key: 'presale-admin', title: '严选预售', glyph: '选', tone: 'orange', url: '/packages/presale-admin/pages/campaigns/index' },
    { key: 'presale-verify', title: '自提核销', glyph: '提', tone: 'green', url: '/packages/presale-admin/pages/verify/index' },
    { key: 'coupon-templates', title: '会员券', glyph: '券', tone: 'orange', url: '/packages/member/pages/templates/index' },
    { key: 'budgets', title: '激励预算', glyph: '励', tone: 'purple', url: '/packages/member/pages/budgets/index' },
    { key: 'member-rules', title: '积分规则', glyph: '积', tone: 'green', url: '/packages/member/pages/rules/index' },
    { key: 'reputation', title: '师傅口碑', glyph: '师', tone: 'blue', url: '/packages/service-staff/pages/reputation/index' },
    { key: 'complaints', title: '投诉工单', glyph: '诉', tone: 'orange', url: '/packages/service-staff/pages/complaints/index' },
    { key: 'insights-churn', title: '流失预警', glyph: '警', tone: 'orange', url: '/packages/insights-admin/pages/churn/index' },
    { key: 'insights-segments', title: '住户分群', glyph: '群', tone: 'purple', url: '/packages/insights-admin/pages/segment/index' },
    { key: 'insights-rules', title: '分群规则', glyph: '规', tone: 'blue', url: '/packages/insights-admin/pages/rules/index' },
    { key: 'replicate', title: '复制社区', glyph: '复', tone: 'green', url: '/packages/insights-admin/pages/replicate/index' }
  ]
}
