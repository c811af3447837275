/**
 * Operators (catalog, campaign editor, publishing, dashboard, after-sales) and butlers' sharing:
 * invitations with a ≤ 32-character scene, visits with the platform-decrypted group id, and the
 * attribution orders carry.
 */
import type { CampaignDraft } from '../../cloudfunctions/contracts/order'
import type { ApiResponse } from '../../cloudfunctions/contracts/errors'
import type { OrderPorts } from '../../cloudfunctions/domain/order/ports'
import { SETTLE_GRACE_MS } from '../../cloudfunctions/domain/order/rules'
import { createMain } from '../../cloudfunctions/kernel/main'
import { findAll } from '../../cloudfunctions/kernel/paging'
import { createOrderModule } from '../../cloudfunctions/order/module'
import { localRuntime } from '../../scripts/server/local-runtime'
import { type Harness, makeHarness } from '../support/harness'
import { sandboxOf } from '../support/pay'
import {
  BUTLER_EAST,
  BUTLER_WEST,
  COMMUNITY_A,
  DAY,
  HOME2,
  HOUR,
  OPERATOR,
  PRESALE_IDS,
  VEG,
  WANG,
  ZHAO,
  ZHAO_HOME,
  buy,
  buyAndPay,
  campaignDoc,
  orderDoc,
  runOrderJob,
  setCampaign,
  stockOf
} from '../support/presale'
import { codeOf, errorOf, okData, snapshot } from './support'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(async () => {
  await sandboxOf(h).flush()
  await h.close()
})

const op = <A extends Parameters<Harness['call']>[0]>(id: A, input: Parameters<Harness['call']>[1] & object) => h.call(id, input as never, OPERATOR, COMMUNITY_A)

function draft(patch: Partial<CampaignDraft> = {}): CampaignDraft {
  const now = h.clock.now()
  return {
    title: '周末草莓团',
    description: '',
    productId: 'pd-a-fruit',
    cover: null,
    images: [],
    skus: [{ skuId: 's1', priceFen: 5900, stock: 30 }],
    startAt: now + HOUR,
    endAt: now + 2 * DAY,
    householdLimit: 2,
    threshold: 10,
    deliveryMode: 'pickup',
    pickupPointId: PRESALE_IDS.pickup,
    deliveryDate: now + 3 * DAY,
    ...patch
  }
}

describe('catalog', () => {
  it('lists the community’s products, suppliers and pickup points', async () => {
    const c = okData(await op('order.catalog', {}))
    expect(c.products.map((p) => p.name).sort()).toEqual(['家庭深度保洁', '当季水果礼盒', '换季焕新包', '有机蔬菜箱'])
    expect(c.products.find((p) => p.id === 'pd-a-veg')).toMatchObject({ supplierName: '杭州绿源农场', kind: 'goods', skus: [{ id: 's1', priceFen: 7800 }, { id: 's2' }] })
    expect(c.suppliers.map((s) => s.name)).toEqual(['杭州绿源农场', '洁家家政服务'])
    expect(c.pickupPoints.map((p) => p.id)).toEqual([PRESALE_IDS.pickup])
  })

  it('saves suppliers, products (SKU ids kept across edits) and pickup points', async () => {
    const sup = okData(await op('order.saveSupplier', { supplier: { name: '山里人家', contact: '', phone: '' } }))
    const p = okData(await op('order.saveProduct', { product: { name: '土鸡蛋', kind: 'goods', supplierId: sup.id, unit: '盒', skus: [{ name: '30 枚', priceFen: 4500 }, { name: '60 枚', priceFen: 8500 }] } }))
    expect(p.skus.map((s) => s.id)).toEqual(['s1', 's2'])
    const edited = okData(await op('order.saveProduct', { id: p.id, product: { name: '土鸡蛋', kind: 'goods', supplierId: sup.id, unit: '盒', skus: [{ id: 's2', name: '60 枚', priceFen: 8000 }, { name: '90 枚', priceFen: 11000 }] } }))
    expect(edited.skus).toEqual([{ id: 's2', name: '60 枚', priceFen: 8000, costFen: null }, { id: 's3', name: '90 枚', priceFen: 11000, costFen: null }])
    const point = okData(await op('order.savePickupPoint', { point: { name: '南门驿站', address: '南门岗亭旁' } }))
    expect(okData(await op('order.catalog', {})).pickupPoints.map((x) => x.id)).toContain(point.id)
  })

  it('refuses a supplier of another community and duplicate SKU names, writing nothing', async () => {
    const before = await snapshot(h.store)
    expect(codeOf(await op('order.saveProduct', { product: { name: '大米', kind: 'goods', supplierId: 'sp-b-grain', unit: '袋', skus: [{ name: '5kg', priceFen: 1 }] } }))).toBe('ORDER.SUPPLIER_NOT_FOUND')
    const dup = errorOf(await op('order.saveProduct', { product: { name: '大米', kind: 'goods', supplierId: 'sp-a-farm', unit: '袋', skus: [{ name: '5kg', priceFen: 1 }, { name: '5kg', priceFen: 2 }] } }))
    expect(dup).toMatchObject({ code: 'REQUEST.INVALID_INPUT', fields: [expect.objectContaining({ path: 'product.skus.1.name' })] })
    expect(await snapshot(h.store)).toEqual(before)
  })
})

describe('campaign editor', () => {
  it('saves a draft (invisible to residents), publishes it, and the clock makes it live', async () => {
    const saved = okData(await op('order.saveCampaign', { campaign: draft() }))
    expect(saved).toMatchObject({ status: 'draft', productName: '当季水果礼盒', skus: [{ id: 's1', priceFen: 5900, originalFen: 9900, stock: 30, remaining: 30 }] })
    expect(codeOf(await h.call('order.campaign', { id: saved.id }, WANG, COMMUNITY_A))).toBe('ORDER.CAMPAIGN_NOT_FOUND')
    expect(okData(await h.call('order.campaigns', {}, WANG, COMMUNITY_A)).campaigns.map((c) => c.id)).not.toContain(saved.id)
    const edited = okData(await op('order.saveCampaign', { id: saved.id, campaign: draft({ title: '周末草莓拼团', householdLimit: 3 }) }))
    expect(edited).toMatchObject({ id: saved.id, title: '周末草莓拼团', householdLimit: 3 })

    const published = okData(await op('order.publishCampaign', { id: saved.id }))
    expect(published.status).toBe('scheduled')
    expect((await stockOf(h, saved.id)).available).toBe(30)
    expect(codeOf(await op('order.saveCampaign', { id: saved.id, campaign: draft() }))).toBe('ORDER.CAMPAIGN_NOT_EDITABLE')
    // Publishing again is harmless.
    okData(await op('order.publishCampaign', { id: saved.id }))
    expect(codeOf(await h.call('order.create', { campaignId: saved.id, skuId: 's1', quantity: 1, householdId: 'h-a1-101', clientRequestId: 'early-000001' }, WANG, COMMUNITY_A))).toBe('ORDER.CAMPAIGN_NOT_STARTED')
    h.clock.advance(HOUR)
    await runOrderJob(h, 'presale-settle')
    expect((await campaignDoc(h, saved.id)).status).toBe('live')
    await buy(h, { campaignId: saved.id })
  })

  it.each([
    ['an end before the start', { endAt: 0 }, 'campaign.endAt'],
    ['pickup without a pickup point', { pickupPointId: null }, 'campaign.pickupPointId'],
    ['a threshold above the total stock', { threshold: 31 }, 'campaign.threshold'],
    ['a delivery date before the end', { deliveryDate: Date.UTC(2025, 0, 1) }, 'campaign.deliveryDate'],
    ['no SKU', { skus: [] }, 'campaign.skus']
  ])('refuses %s, naming the field, writing nothing', async (_name, patch, path) => {
    const before = await snapshot(h.store)
    const d = draft(patch as Partial<CampaignDraft>)
    if ((patch as { endAt?: number }).endAt === 0) d.endAt = d.startAt - 1
    const err = errorOf(await op('order.saveCampaign', { campaign: d }))
    expect(err.code).toBe('REQUEST.INVALID_INPUT')
    expect(err.fields?.map((f) => f.path)).toContain(path)
    expect(await snapshot(h.store)).toEqual(before)
  })

  it('refuses another community’s product or an unknown SKU, writing nothing', async () => {
    const before = await snapshot(h.store)
    expect(codeOf(await op('order.saveCampaign', { campaign: draft({ productId: 'pd-b-rice' }) }))).toBe('ORDER.PRODUCT_NOT_FOUND')
    expect(errorOf(await op('order.saveCampaign', { campaign: draft({ skus: [{ skuId: 's7', priceFen: 100, stock: 30 }] }) })).fields).toEqual([expect.objectContaining({ path: 'campaign.skus.0.skuId' })])
    expect(await snapshot(h.store)).toEqual(before)
  })

  it('a campaign whose end has passed cannot be published', async () => {
    const saved = okData(await op('order.saveCampaign', { campaign: draft() }))
    h.clock.advance(3 * DAY)
    expect(codeOf(await op('order.publishCampaign', { id: saved.id }))).toBe('ORDER.CAMPAIGN_ENDED')
  })
})

describe('dashboard and after-sales', () => {
  it('shows sold, paid, refunded and threshold progress', async () => {
    const a = await buyAndPay(h, { quantity: 2 })
    await buyAndPay(h, { quantity: 1, householdId: HOME2 })
    await buy(h, { quantity: 1, householdId: ZHAO_HOME, who: ZHAO })
    okData(await h.call('order.cancel', { orderId: a._id }, WANG, COMMUNITY_A))
    await sandboxOf(h).flush()
    const d = okData(await op('order.dashboard', { campaignId: VEG }))
    expect(d).toMatchObject({
      counts: { pendingPayment: 1, paid: 1, refunded: 1, confirmed: 0, delivered: 0, cancelled: 0, expired: 0, refunding: 0 },
      soldQuantity: 2,
      paidQuantity: 1,
      paidFen: 13600 + 6800,
      refundedFen: 13600,
      refundedOrders: 1,
      stuckRefunds: 0
    })
    expect(d.campaign).toMatchObject({ threshold: 20, paidQuantity: 1 })
    expect(d.skus.find((s) => s.id === 's1')).toEqual({ id: 's1', name: '标准箱 约 5 斤', stock: 100, remaining: 98, paidQuantity: 1 })
    expect(d.orders).toHaveLength(3)
    expect(codeOf(await h.call('order.dashboard', { campaignId: 'pc-b-rice' }, OPERATOR, COMMUNITY_A))).toBe('ORDER.CAMPAIGN_NOT_FOUND')
  })

  async function delivered() {
    await setCampaign(h, VEG, { threshold: 1 })
    const o = await buyAndPay(h, { quantity: 2 })
    h.clock.t = (await campaignDoc(h, VEG)).endAt + SETTLE_GRACE_MS
    await runOrderJob(h, 'presale-settle')
    okData(await h.call('order.deliver', { code: o.code }, BUTLER_EAST, COMMUNITY_A))
    return o
  }

  it('a resident asks for a refund after delivery; the operator approves and the money goes back', async () => {
    const o = await delivered()
    expect(codeOf(await h.call('order.reviewAfterSale', { orderId: o._id, approve: true }, OPERATOR, COMMUNITY_A))).toBe('ORDER.AFTER_SALE_NOT_FOUND')
    const asked = okData(await h.call('order.requestAfterSale', { orderId: o._id, type: 'return', reason: '菜叶有损坏' }, WANG, COMMUNITY_A))
    expect(asked.afterSale).toMatchObject({ type: 'return', status: 'requested', reason: '菜叶有损坏' })
    expect(codeOf(await h.call('order.requestAfterSale', { orderId: o._id, type: 'refund', reason: '再申请一次' }, WANG, COMMUNITY_A))).toBe('ORDER.AFTER_SALE_EXISTS')
    const d = okData(await op('order.dashboard', { campaignId: VEG }))
    expect(d.afterSales.map((x) => x.id)).toEqual([o._id])

    const reviewed = okData(await h.call('order.reviewAfterSale', { orderId: o._id, approve: true, note: '同意退货，管家上门取回' }, OPERATOR, COMMUNITY_A))
    expect(reviewed).toMatchObject({ status: 'refunding', refundReason: 'after_sale', afterSale: { status: 'approved', note: '同意退货，管家上门取回' } })
    await sandboxOf(h).flush()
    expect(await orderDoc(h, o._id)).toMatchObject({ status: 'refunded', refundedFen: o.paidFen })
    expect(codeOf(await h.call('order.reviewAfterSale', { orderId: o._id, approve: false }, OPERATOR, COMMUNITY_A))).toBe('ORDER.AFTER_SALE_NOT_FOUND')
  })

  it('a rejected after-sale keeps the order; requests need a succeeded group and come within 7 days', async () => {
    const early = await buyAndPay(h, { householdId: HOME2, quantity: 1 })
    expect(codeOf(await h.call('order.requestAfterSale', { orderId: early._id, type: 'refund', reason: '不想要了' }, WANG, COMMUNITY_A))).toBe('ORDER.AFTER_SALE_NOT_ALLOWED')
    const o = await delivered()
    okData(await h.call('order.requestAfterSale', { orderId: o._id, type: 'refund', reason: '少了一把青菜' }, WANG, COMMUNITY_A))
    const r = okData(await h.call('order.reviewAfterSale', { orderId: o._id, approve: false, note: '已补发' }, OPERATOR, COMMUNITY_A))
    expect(r).toMatchObject({ status: 'delivered', afterSale: { status: 'rejected', note: '已补发' } })
    const other = await orderDoc(h, early._id)
    expect(other.status).toBe('confirmed')
    okData(await h.call('order.confirmReceived', { orderId: other._id }, WANG, COMMUNITY_A))
    h.clock.advance(8 * DAY)
    expect(codeOf(await h.call('order.requestAfterSale', { orderId: other._id, type: 'refund', reason: '太晚了吗' }, WANG, COMMUNITY_A))).toBe('ORDER.AFTER_SALE_NOT_ALLOWED')
  })
})

describe('sharing and attribution', () => {
  const APPID = 'wx1234567890abcdef'
  let decrypted: unknown = null
  let posterImage: string | null = null
  const platform: OrderPorts = {
    groups: { resolve: async (cloudId) => (decrypted === null ? null : { cloudID: cloudId, ...(decrypted as object) }) },
    posterCodes: { unlimited: async (scene, page) => posterImage && `${posterImage}?scene=${scene}&page=${page}` }
  }
  /** The order function as deployed in WeChat: platform ports, callers with an appid. */
  function wechat(openid: string, action: string, input: unknown): Promise<ApiResponse<never>> {
    const main = createMain(createOrderModule(() => platform), localRuntime(h.ports))
    return main({ action, input, communityId: COMMUNITY_A }, { request_id: `wx-${action}`, identity: { openid, source: 'wechat', appid: APPID } }) as Promise<ApiResponse<never>>
  }

  it('a butler’s card opened in a group: the visit records the inviter and the decrypted group, and the order carries both', async () => {
    const share = okData(await h.call('order.share', { campaignId: VEG }, BUTLER_EAST, COMMUNITY_A))
    expect(share.token).toMatch(/^[A-Za-z0-9]{6,32}$/)
    expect(share.path).toBe(`/packages/presale/pages/detail/index?id=${VEG}&inv=${share.token}&communityId=${COMMUNITY_A}`)
    // The same butler gets the same invitation.
    expect(okData(await h.call('order.share', { campaignId: VEG }, BUTLER_EAST, COMMUNITY_A)).token).toBe(share.token)

    decrypted = { data: { openGId: 'tGroupAbc123', watermark: { appid: APPID, timestamp: 1767600000 } } }
    const visit = (await wechat(WANG, 'recordVisit', { token: share.token, groupCloudId: 'cloud-id-from-getGroupEnterInfo' })) as ApiResponse<{ groupRecorded: boolean }>
    expect(okData(visit)).toEqual({ campaignId: VEG, proposalId: null, communityId: COMMUNITY_A, inviterName: '张管家', groupRecorded: true })
    const [v] = await findAll(h.store, 'orderVisits', { userId: 'u-wang' })
    expect(v).toMatchObject({ campaignId: VEG, butlerUserId: 'u-butler-zhang', lastGroupId: 'tGroupAbc123', groupIds: ['tGroupAbc123'], opens: 1 })

    const o = await buyAndPay(h)
    expect(await orderDoc(h, o._id)).toMatchObject({ invitationId: `${VEG}:u-butler-zhang`, inviterUserId: 'u-butler-zhang', openGId: 'tGroupAbc123' })
    expect(okData(await h.call('order.get', { orderId: o._id }, WANG, COMMUNITY_A)).inviterName).toBe('张管家')
    expect(okData(await h.call('order.share', { campaignId: VEG }, BUTLER_EAST, COMMUNITY_A))).toMatchObject({ visits: 1, groups: 1, orders: 1 })
  })

  it('group data stamped for another mini-program, or none at all, records the visit without a group', async () => {
    const { token } = okData(await h.call('order.share', { campaignId: VEG }, BUTLER_WEST, COMMUNITY_A))
    decrypted = { data: { openGId: 'tForged', watermark: { appid: 'wxsomeoneelse', timestamp: 1 } } }
    expect(okData((await wechat(WANG, 'recordVisit', { token, groupCloudId: 'x' })) as ApiResponse<{ groupRecorded: boolean }>).groupRecorded).toBe(false)
    decrypted = { errCode: -1 }
    expect(okData((await wechat(WANG, 'recordVisit', { token, groupCloudId: 'x' })) as ApiResponse<{ groupRecorded: boolean }>).groupRecorded).toBe(false)
    // Locally (H5) there is no group at all.
    expect(okData(await h.call('order.recordVisit', { token }, WANG)).groupRecorded).toBe(false)
    const [v] = await findAll(h.store, 'orderVisits', { userId: 'u-wang' })
    expect(v).toMatchObject({ groupIds: [], lastGroupId: null, opens: 3 })
    const o = await buy(h)
    expect(await orderDoc(h, o.id)).toMatchObject({ inviterUserId: 'u-butler-liu', openGId: null })
  })

  it('an unknown token, and the butler opening their own card', async () => {
    expect(codeOf(await h.call('order.recordVisit', { token: 'nosuchtoken' }, WANG))).toBe('ORDER.INVITATION_NOT_FOUND')
    const { token } = okData(await h.call('order.share', { campaignId: VEG }, BUTLER_EAST, COMMUNITY_A))
    okData(await h.call('order.recordVisit', { token }, BUTLER_EAST))
    expect(await findAll(h.store, 'orderVisits', {})).toEqual([])
  })

  it('the poster: a mini-program code whose scene is the invitation token (≤ 32 characters)', async () => {
    const local = okData(await h.call('order.poster', { campaignId: VEG }, BUTLER_EAST, COMMUNITY_A))
    expect(local).toMatchObject({ codeImage: null, page: 'packages/presale/pages/detail/index', butlerName: '张管家', campaign: { id: VEG } })
    posterImage = 'cloud://env/posters/x.png'
    const res = okData((await wechat(BUTLER_EAST, 'poster', { campaignId: VEG })) as ApiResponse<{ codeImage: string; token: string }>)
    expect(res.token).toBe(local.token)
    expect(res.codeImage).toBe(`cloud://env/posters/x.png?scene=${local.token}&page=packages/presale/pages/detail/index`)
    expect(local.token.length).toBeLessThanOrEqual(32)
    expect(codeOf(await h.call('order.poster', { campaignId: 'pc-b-rice' }, BUTLER_EAST, COMMUNITY_A))).toBe('ORDER.CAMPAIGN_NOT_FOUND')
  })
})
