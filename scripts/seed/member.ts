import type { CouponBatchDoc, CouponDoc, CouponTemplateDoc, BudgetDoc, MemberAccountDoc, MemberRulesDoc, PointEntryDoc, RewardDoc, ServiceCardDoc, CardEventDoc } from '../../cloudfunctions/domain/member/docs'
import { POINTS } from '../../cloudfunctions/domain/member/points'
import { DEFAULT_RULES, expiryOf, monthKey } from '../../cloudfunctions/domain/member/rules'
import type { Store } from '../../cloudfunctions/kernel/store'
import { COMMUNITY_A } from './demo-ids'

/**
 * Membership demo data in 临苑社区, relative to `now`: the points rule and levels, three coupon
 * templates (two claimable in 领券中心), 王建国's points history (bills paid and an event reward,
 * some spent on an order), his coupons (one usable, one used, one expired), a 10-use cleaning
 * card of 1栋 101 with three uses redeemed, and an incentive budget with one grant. Ids are
 * fixed and every counter matches the documents behind it, so seeding twice changes nothing.
 */
const DAY = 24 * 3600_000
const WANG = 'u-wang'
const HOME = 'h-a1-101'

interface Seeded {
  inserted: number
  skipped: number
}

function closed<T>(doc: T, at: number): T & { state: 'closed'; nonce: string; createdAt: number; appliedAt: number } {
  return { ...doc, state: 'closed', nonce: 'seed', createdAt: at, appliedAt: at }
}

/** 王建国's ledger: what the account's counters are folded from (the journal's own change rules). */
function wangEntries(now: number): PointEntryDoc[] {
  const target = `${COMMUNITY_A}:${WANG}`
  const earn = (id: string, daysAgo: number, points: number, spendFen: number, title: string): PointEntryDoc => {
    const at = now - daysAgo * DAY
    const { bucket, expiresAt } = expiryOf(at, DEFAULT_RULES.expiryMonths)
    return closed({ _id: id, target, communityId: COMMUNITY_A, userId: WANG, kind: 'earn', delta: points, title, ref: id, bucket, month: monthKey(at), spendFen, expiresAt, at }, at)
  }
  const spend = (id: string, daysAgo: number, points: number, title: string): PointEntryDoc => {
    const at = now - daysAgo * DAY
    return closed({ _id: id, target, communityId: COMMUNITY_A, userId: WANG, kind: 'spend', delta: -points, title, ref: id, at }, at)
  }
  return [
    earn('seed:pay:wang-1', 75, 862, 86_208, '缴费 · 1栋 101 物业费、车位管理费'),
    earn('seed:pay:wang-2', 45, 431, 43_104, '缴费 · 1栋 101 物业费、车位管理费'),
    earn('seed:event:wang-1', 30, 50, 0, '活动奖励 · 邻里读书会签到'),
    spend('seed:checkout:wang-1', 20, 300, '订单积分抵扣 · 有机蔬菜礼盒'),
    earn('seed:pay:wang-3', 15, 199, 19_900, '消费 · 有机蔬菜礼盒')
  ]
}

function accountFrom(entries: readonly PointEntryDoc[], now: number): MemberAccountDoc {
  const a: MemberAccountDoc = {
    _id: `${COMMUNITY_A}:${WANG}`,
    communityId: COMMUNITY_A,
    userId: WANG,
    balance: 0,
    debitTotal: 0,
    pastCredits: 0,
    expiring: {},
    spend: {},
    earned: {},
    level: 'normal',
    rev: 0,
    j: {},
    createdAt: now - 90 * DAY,
    updatedAt: now
  }
  const bag = a as unknown as Record<string, number | Record<string, number>>
  for (const e of entries) {
    for (const [field, by] of Object.entries(POINTS.change(e).spec.inc ?? {})) {
      const [top, sub] = field.split('.') as [string, string | undefined]
      if (sub === undefined) bag[top] = (bag[top] as number) + by
      else {
        const map = bag[top] as Record<string, number>
        map[sub] = (map[sub] ?? 0) + by
      }
    }
  }
  return a
}

export function demoMember(now: number) {
  const rules: MemberRulesDoc = { _id: COMMUNITY_A, ...DEFAULT_RULES, updatedAt: now - 120 * DAY, updatedBy: 'u-operator-wu' }
  const t0 = now - 10 * DAY
  const template = (t: Omit<CouponTemplateDoc, 'communityId' | 'createdBy' | 'idempotencyKey' | 'j' | 'createdAt' | 'updatedAt' | 'active'>): CouponTemplateDoc => ({
    ...t,
    communityId: COMMUNITY_A,
    active: true,
    createdBy: 'u-operator-wu',
    idempotencyKey: `seed:${t._id}`,
    j: {},
    createdAt: t0,
    updatedAt: t0
  })
  const templates: CouponTemplateDoc[] = [
    template({
      _id: 'ct-demo-welcome',
      title: '邻里新人券',
      kind: 'fixed',
      valueFen: 500,
      percentOff: 0,
      capFen: 0,
      minSpendFen: 0,
      scope: { type: 'all', value: '', label: '' },
      validity: { type: 'days', days: 30 },
      totalStock: 500,
      issued: 0,
      perUserLimit: 1,
      claimable: true
    }),
    template({
      _id: 'ct-demo-fresh',
      title: '生鲜满减券',
      kind: 'threshold',
      valueFen: 800,
      percentOff: 0,
      capFen: 0,
      minSpendFen: 5000,
      scope: { type: 'category', value: 'fresh', label: '生鲜' },
      validity: { type: 'days', days: 14 },
      totalStock: 200,
      issued: 1,
      perUserLimit: 2,
      claimable: true
    }),
    template({
      _id: 'ct-demo-clean',
      title: '家政服务 88 折',
      kind: 'percent',
      valueFen: 0,
      percentOff: 12,
      capFen: 3000,
      minSpendFen: 0,
      scope: { type: 'category', value: 'housekeeping', label: '家政服务' },
      validity: { type: 'dates', from: t0, to: now + 60 * DAY },
      totalStock: 100,
      issued: 1,
      perUserLimit: 1,
      claimable: false
    })
  ]
  const [, fresh, clean] = templates as [CouponTemplateDoc, CouponTemplateDoc, CouponTemplateDoc]
  // The operator's batch of the cleaning coupon, and 王建国's claim of the fresh-food coupon (used since).
  const batch: CouponBatchDoc = closed(
    { _id: 'bseeddemo0000001', target: clean._id, communityId: COMMUNITY_A, templateId: clean._id, segment: { type: 'building', buildingId: 'b-a1' }, recipients: [WANG], stockAt: 100, issued: 1, done: true, createdBy: 'u-operator-wu' },
    t0
  )
  const claimedAt = now - 9 * DAY
  const claim = closed({ _id: `claim:${fresh._id}:${WANG}:0`, target: fresh._id, couponId: `${fresh._id}:${WANG}:0`, templateId: fresh._id, userId: WANG, communityId: COMMUNITY_A, stockAt: 200 }, claimedAt)
  const base = (t: CouponTemplateDoc) => ({
    templateId: t._id,
    communityId: COMMUNITY_A,
    userId: WANG,
    title: t.title,
    kind: t.kind,
    valueFen: t.valueFen,
    percentOff: t.percentOff,
    capFen: t.capFen,
    minSpendFen: t.minSpendFen,
    scope: t.scope
  })
  const coupons: CouponDoc[] = [
    { _id: `${batch._id}:${WANG}`, ...base(clean), validFrom: t0, validTo: now + 60 * DAY, status: 'available', source: { kind: 'batch', ref: batch._id }, createdAt: t0 },
    {
      _id: claim.couponId,
      ...base(fresh),
      validFrom: claimedAt,
      validTo: claimedAt + 14 * DAY,
      status: 'used',
      source: { kind: 'claim', ref: claim._id },
      holder: 'seed-order-1',
      usedAt: now - 8 * DAY,
      createdAt: claimedAt
    },
    {
      _id: 'vseed-expired-0001',
      templateId: null,
      communityId: COMMUNITY_A,
      userId: WANG,
      title: '国庆活动现金券',
      kind: 'fixed',
      valueFen: 1000,
      percentOff: 0,
      capFen: 0,
      minSpendFen: 0,
      scope: { type: 'all', value: '', label: '' },
      validFrom: now - 60 * DAY,
      validTo: now - 30 * DAY,
      status: 'expired',
      source: { kind: 'reward', ref: 'seed' },
      createdAt: now - 60 * DAY
    }
  ]

  const entries = wangEntries(now)
  const account = accountFrom(entries, now)

  const cardAt = now - 40 * DAY
  const card: ServiceCardDoc = {
    _id: 'sc-demo-clean10',
    communityId: COMMUNITY_A,
    householdId: HOME,
    ownerUserId: WANG,
    title: '家政保洁 10 次卡',
    scope: { type: 'category', value: 'housekeeping', label: '家政服务' },
    usesTotal: 10,
    usesLeft: 7,
    validTo: cardAt + 365 * DAY,
    status: 'active',
    source: { kind: 'purchase', ref: 'seed-order-card' },
    valueFen: 88_000,
    transfers: 0,
    lastUsedAt: now - 6 * DAY,
    j: {},
    createdAt: cardAt,
    updatedAt: now - 6 * DAY
  }
  const uses: CardEventDoc[] = [30, 18, 6].map((d, i) =>
    closed({ _id: `use:${card._id}:seed-booking-${i + 1}`, target: card._id, cardId: card._id, kind: 'use' as const, ref: `seed-booking-${i + 1}`, userId: WANG, at: now - d * DAY }, now - d * DAY)
  )

  const budgetAt = now - 14 * DAY
  const voucher = { type: 'voucher' as const, title: '邻里节现金券', valueFen: 2000, validDays: 30 }
  const grantKey = 'reward:seed:neighbour-day:u-r1'
  const reward: RewardDoc = closed(
    { _id: grantKey, target: 'bg-demo-neighbour', budgetId: 'bg-demo-neighbour', communityId: COMMUNITY_A, userId: 'u-r1', householdId: 'h-a1-101', incentive: voucher, costFen: voucher.valueFen, capAt: 200_000, issuedBy: 'u-operator-wu', itemId: 'vseed-neighbour-u-r1', at: now - 3 * DAY },
    now - 3 * DAY
  )
  const budget: BudgetDoc = {
    _id: 'bg-demo-neighbour',
    communityId: COMMUNITY_A,
    title: '邻里节活跃住户激励',
    kind: 'campaign',
    eventId: null,
    capFen: 200_000,
    spentFen: reward.costFen,
    grants: 1,
    createdBy: 'u-operator-wu',
    idempotencyKey: 'seed:bg-demo-neighbour',
    j: {},
    createdAt: budgetAt
  }
  const rewardCoupon: CouponDoc = {
    _id: reward.itemId,
    templateId: null,
    communityId: COMMUNITY_A,
    userId: 'u-r1',
    title: voucher.title,
    kind: 'fixed',
    valueFen: voucher.valueFen,
    percentOff: 0,
    capFen: 0,
    minSpendFen: 0,
    scope: { type: 'all', value: '', label: '' },
    validFrom: now - 3 * DAY,
    validTo: now + 27 * DAY,
    status: 'available',
    source: { kind: 'reward', ref: grantKey },
    createdAt: now - 3 * DAY
  }
  return { rules, templates, batch, claim, coupons: [...coupons, rewardCoupon], entries, account, card, uses, budget, reward }
}

export async function seedMember(store: Store, now: number): Promise<Seeded> {
  const d = demoMember(now)
  let inserted = 0
  let skipped = 0
  const put = async (coll: Parameters<Store['insert']>[0], docs: readonly { _id: string }[]) => {
    for (const doc of docs) {
      const r = await store.insert(coll, doc)
      if (r.ok) inserted++
      else skipped++
    }
  }
  await put('memberRules', [d.rules])
  await put('couponTemplates', d.templates)
  await put('couponBatches', [d.batch])
  await put('couponClaims', [d.claim])
  await put('coupons', d.coupons)
  await put('pointEntries', d.entries)
  await put('memberAccounts', [d.account])
  await put('serviceCards', [d.card])
  await put('cardEvents', d.uses)
  await put('budgets', [d.budget])
  await put('rewards', [d.reward])
  return { inserted, skipped }
}
