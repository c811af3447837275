/**
 * The pre-sale rules in isolation: the campaign's state from the clock, the pay deadline, which
 * orders give their holds back, order codes, server pricing, group open data, and the holds'
 * exactly-once behaviour on a bare store.
 */
import { SqliteStore } from '../../cloudfunctions/adapters/sqlite/sqlite-store'
import { OrderCode, formatOrderCode } from '../../cloudfunctions/contracts/order'
import type { CampaignDoc, CampaignStockDoc } from '../../cloudfunctions/domain/order/docs'
import { holdQuota, holdStock, releaseQuota, releaseStock } from '../../cloudfunctions/domain/order/holds'
import { MIN_PAY_WINDOW_MS, ORDER_PAY_WINDOW_MS, campaignPhase, payDeadline, shouldRelease } from '../../cloudfunctions/domain/order/rules'
import { groupIdFrom } from '../../cloudfunctions/domain/invites/groups'
import type { Ports } from '../../cloudfunctions/kernel/ports'
import { buildPresale } from '../../scripts/seed/presale'

const T = Date.UTC(2026, 0, 10, 2)
const MIN = 60_000

function campaign(patch: Partial<CampaignDoc> = {}): CampaignDoc {
  const base = buildPresale(T).campaigns[0]!
  return { ...base, startAt: T, endAt: T + 60 * MIN, status: 'scheduled', ...patch }
}

describe('campaignPhase', () => {
  it('follows the clock for published campaigns, exact at the start and the end', () => {
    const c = campaign()
    expect(campaignPhase(c, T - 1)).toBe('scheduled')
    expect(campaignPhase(c, T)).toBe('live')
    expect(campaignPhase(c, T + 60 * MIN - 1)).toBe('live')
    expect(campaignPhase(c, T + 60 * MIN)).toBe('ended')
    // A stored state that lags behind (the job has not run) changes nothing.
    expect(campaignPhase({ ...c, status: 'live' }, T - 1)).toBe('scheduled')
    expect(campaignPhase({ ...c, status: 'ended' }, T + 1)).toBe('live')
  })

  it('keeps the states the clock does not decide', () => {
    for (const s of ['draft', 'settling', 'succeeded', 'failed', 'fulfilled'] as const) expect(campaignPhase(campaign({ status: s }), T + 1)).toBe(s)
  })
})

describe('payDeadline', () => {
  it('gives the full window while the campaign runs, and a short one at its very end', () => {
    const c = campaign()
    expect(payDeadline(c, T)).toBe(T + ORDER_PAY_WINDOW_MS)
    expect(payDeadline(c, T + 50 * MIN)).toBe(T + 60 * MIN)
    expect(payDeadline(c, T + 59 * MIN)).toBe(T + 59 * MIN + MIN_PAY_WINDOW_MS)
  })
})

it('shouldRelease: expired, cancelled, rejected and cancel refunds give their holds back; group and after-sale refunds keep theirs', () => {
  expect(shouldRelease({ status: 'expired', refundReason: null })).toBe(true)
  expect(shouldRelease({ status: 'cancelled', refundReason: null })).toBe(true)
  expect(shouldRelease({ status: 'rejected', refundReason: null })).toBe(true)
  expect(shouldRelease({ status: 'refunding', refundReason: 'cancel' })).toBe(true)
  expect(shouldRelease({ status: 'refunded', refundReason: 'group_failed' })).toBe(false)
  expect(shouldRelease({ status: 'refunded', refundReason: 'after_sale' })).toBe(false)
  expect(shouldRelease({ status: 'paid', refundReason: null })).toBe(false)
})

it('order codes: typed with or without the dash, any case; look-alike characters refused', () => {
  expect(OrderCode.parse('abcd-efgh')).toBe('ABCDEFGH')
  expect(OrderCode.parse(' K7QF 2M9X ')).toBe('K7QF2M9X')
  expect(OrderCode.safeParse('ABCD-EFG0').success).toBe(false)
  expect(OrderCode.safeParse('ABCD-EFGI').success).toBe(false)
  expect(OrderCode.safeParse('ABCDEFG').success).toBe(false)
  expect(formatOrderCode('K7QF2M9X')).toBe('K7QF-2M9X')
})

describe('groupIdFrom (platform-decrypted group data)', () => {
  it('reads openGId or opengid, checking the watermark against the caller’s mini-program', () => {
    expect(groupIdFrom({ cloudID: 'x', data: { openGId: 'G1', watermark: { appid: 'wxA', timestamp: 1 } } }, 'wxA')).toBe('G1')
    expect(groupIdFrom({ cloudID: 'x', data: { opengid: 'G2', watermark: { appid: 'wxA', timestamp: 1 } } }, 'wxA')).toBe('G2')
    expect(groupIdFrom({ cloudID: 'x', data: { openGId: 'G1', watermark: { appid: 'wxB', timestamp: 1 } } }, 'wxA')).toBeNull()
    expect(groupIdFrom({ cloudID: 'x', errCode: -604101, errMsg: 'cloudID expired' }, 'wxA')).toBeNull()
    expect(groupIdFrom(null, 'wxA')).toBeNull()
    expect(groupIdFrom({ data: { openGId: 42 } }, undefined)).toBeNull()
  })
})

describe('holds on a bare store', () => {
  let store: SqliteStore
  const ports = () => ({ store }) as unknown as Ports
  const order = { _id: 'oAAAAAAAAAAAAAAA1', campaignId: 'pc-x', householdId: 'h-1', skuId: 's1', quantity: 2 }
  beforeEach(async () => {
    store = new SqliteStore(':memory:')
    const stock: CampaignStockDoc = { _id: 'pc-x:s1', campaignId: 'pc-x', communityId: 'c', skuId: 's1', stock: 3, available: 3, holds: {}, paidQuantity: 0, paid: {} }
    await store.insert('campaignStock', stock)
  })
  afterEach(() => store.close())

  it('a reservation applies once per order; a release gives back once', async () => {
    expect(await holdStock(ports(), order)).toBe('held')
    expect(await holdStock(ports(), order)).toBe('held')
    expect(await store.get('campaignStock', 'pc-x:s1')).toMatchObject({ available: 1, holds: { [order._id]: 2 } })
    expect(await holdStock(ports(), { ...order, _id: 'oBBBBBBBBBBBBBBB2' })).toBe('refused')
    expect(await releaseStock(ports(), order)).toBe(true)
    expect(await releaseStock(ports(), order)).toBe(false)
    expect(await store.get('campaignStock', 'pc-x:s1')).toMatchObject({ available: 3, holds: {} })
  })

  it('the household counter is created on first use and capped at the limit', async () => {
    expect(await holdQuota(ports(), order, 3)).toBe('held')
    expect(await holdQuota(ports(), { ...order, _id: 'oCCCCCCCCCCCCCCC3' }, 3)).toBe('refused')
    expect(await holdQuota(ports(), { ...order, _id: 'oDDDDDDDDDDDDDDD4', quantity: 1 }, 3)).toBe('held')
    expect(await store.get('orderQuotas', 'pc-x:h-1')).toMatchObject({ bought: 3 })
    expect(await releaseQuota(ports(), order)).toBe(true)
    expect(await releaseQuota(ports(), order)).toBe(false)
    expect(await store.get('orderQuotas', 'pc-x:h-1')).toMatchObject({ bought: 1, holds: { oDDDDDDDDDDDDDDD4: 1 } })
  })
})
