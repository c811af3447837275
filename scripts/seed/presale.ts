import type { CampaignDoc, CampaignStockDoc, CompetitorPriceDoc, PickupPointDoc, ProductDoc, ProposalDoc, ProposalInterestDoc, SupplierDoc } from '../../cloudfunctions/domain/order/docs'
import { interestId, interestKey } from '../../cloudfunctions/domain/order/proposals'
import type { Store } from '../../cloudfunctions/kernel/store'
import { COMMUNITY_A, COMMUNITY_B } from './demo-ids'
import { demoPhoto } from './photos'
import { shanghaiMidnight } from '../../cloudfunctions/contracts/shanghai'

/**
 * The pre-sale demo (严选预售), relative to `now`: suppliers, products with SKUs, a pickup point,
 * and campaigns in each interesting state — a live vegetable box with a group threshold, a fruit
 * box close to its end that will miss its threshold, a cleaning package that starts tomorrow,
 * and one in the second community. No orders are seeded: orders come with payments.
 */
const HOUR = 3600_000
const DAY = 24 * HOUR

export const PRESALE_IDS = {
  veg: 'pc-a-veg',
  fruit: 'pc-a-fruit',
  clean: 'pc-a-clean',
  season: 'pc-a-season',
  rice: 'pc-b-rice',
  pickup: 'pp-a-center'
} as const

export const PROPOSAL_IDS = { cashmere: 'pp-a-cashmere', aircon: 'pp-a-aircon' } as const

/** Midnight (Asia/Shanghai) `days` after `now`, plus `hour` hours. */
function shanghaiDay(now: number, days: number, hour: number): number {
  return shanghaiMidnight(now) + days * DAY + hour * HOUR
}

/** The products' photos; a campaign shows its product's, under a cover of its own. */
const IMAGES = {
  veg: [demoPhoto('product-veg'), demoPhoto('product-veg-2')],
  fruit: [demoPhoto('product-fruit')],
  clean: [demoPhoto('product-clean')],
  season: [demoPhoto('product-season')],
  rice: [demoPhoto('product-rice')]
}

export function buildPresale(now: number) {
  const suppliers: SupplierDoc[] = [
    { _id: 'sp-a-farm', communityId: COMMUNITY_A, name: '杭州绿源农场', contact: '陈经理', phone: '0571-88001234', createdAt: now, updatedAt: now },
    { _id: 'sp-a-clean', communityId: COMMUNITY_A, name: '洁家家政服务', contact: '林店长', phone: '0571-88005678', createdAt: now + 1, updatedAt: now + 1 },
    { _id: 'sp-b-grain', communityId: COMMUNITY_B, name: '五常稻香合作社', contact: '王主任', phone: '0451-55001234', createdAt: now, updatedAt: now }
  ]
  const products: ProductDoc[] = [
    {
      _id: 'pd-a-veg',
      communityId: COMMUNITY_A,
      supplierId: 'sp-a-farm',
      name: '有机蔬菜箱',
      kind: 'goods',
      category: 'fresh',
      description: '绿源农场当天采摘的时令有机蔬菜，8-10 种搭配，冷链配送到家。',
      images: [...IMAGES.veg],
      unit: '箱',
      skus: [
        { id: 's1', name: '标准箱 约 5 斤', priceFen: 7800, costFen: 5200 },
        { id: 's2', name: '家庭箱 约 10 斤', priceFen: 13800, costFen: 9600 }
      ],
      needs: ['save_time', 'save_effort'],
      createdAt: now,
      updatedAt: now
    },
    {
      _id: 'pd-a-fruit',
      communityId: COMMUNITY_A,
      supplierId: 'sp-a-farm',
      name: '当季水果礼盒',
      kind: 'goods',
      category: 'fresh',
      description: '产地直发的当季水果组合，到社区服务中心自提。',
      images: [...IMAGES.fruit],
      unit: '盒',
      skus: [{ id: 's1', name: '尝鲜装 约 4 斤', priceFen: 9900, costFen: 6800 }],
      needs: ['save_money'],
      createdAt: now + 1,
      updatedAt: now + 1
    },
    {
      _id: 'pd-a-clean',
      communityId: COMMUNITY_A,
      supplierId: 'sp-a-clean',
      name: '家庭深度保洁',
      kind: 'service',
      category: 'housekeeping',
      description: '两位保洁师上门，厨房油污、卫生间除垢、全屋除尘。预约成功后管家与您确认上门时间。',
      images: [...IMAGES.clean],
      unit: '次',
      skus: [
        { id: 's1', name: '3 小时', priceFen: 26800, costFen: 16000 },
        { id: 's2', name: '5 小时', priceFen: 39800, costFen: 24000 }
      ],
      needs: ['save_effort', 'peace_of_mind'],
      createdAt: now + 2,
      updatedAt: now + 2
    },
    {
      _id: 'pd-a-season',
      communityId: COMMUNITY_A,
      supplierId: 'sp-a-clean',
      name: '换季焕新包',
      kind: 'package',
      category: 'housekeeping',
      description: '日常保洁 3 次卡，加一套清洁用品和两瓶除螨喷雾。保洁次卡付款后放入「我的服务卡」，一年内随时预约；用品随预售送货上门。',
      images: [...IMAGES.season],
      unit: '份',
      skus: [{ id: 's1', name: '3 次保洁 + 用品', priceFen: 39800, costFen: 27000 }],
      needs: ['save_money', 'save_effort'],
      parts: [
        { type: 'card', lineId: 'sl-a-clean', lineName: '日常保洁', title: '日常保洁 3 次卡', uses: 3, validDays: 365, unitFen: 12_000 },
        { type: 'goods', name: '清洁用品套装', quantity: 1, unitFen: 5900 },
        { type: 'goods', name: '除螨喷雾', quantity: 2, unitFen: 2900 }
      ],
      createdAt: now + 3,
      updatedAt: now + 3
    },
    {
      _id: 'pd-b-rice',
      communityId: COMMUNITY_B,
      supplierId: 'sp-b-grain',
      name: '五常稻花香大米',
      kind: 'goods',
      category: 'grocery',
      description: '当年新米，真空包装。',
      images: [...IMAGES.rice],
      unit: '袋',
      skus: [{ id: 's1', name: '5 公斤', priceFen: 8900, costFen: 6100 }],
      needs: ['save_money'],
      createdAt: now,
      updatedAt: now
    }
  ]
  const pickupPoints: PickupPointDoc[] = [
    { _id: PRESALE_IDS.pickup, communityId: COMMUNITY_A, name: '社区服务中心', address: '3栋旁 社区服务中心一楼', hours: '每天 9:00-20:00', createdAt: now }
  ]
  // Campaigns carry their product's needs, as saving one copies them.
  const campaign = (c: Omit<CampaignDoc, 'createdBy' | 'createdAt' | 'updatedAt' | 'publishedAt'>): CampaignDoc => ({
    ...c,
    needs: products.find((p) => p._id === c.productId)?.needs ?? [],
    createdBy: 'u-operator-wu',
    createdAt: now - 2 * DAY,
    updatedAt: now - 2 * DAY,
    publishedAt: now - 2 * DAY
  })
  const campaigns: CampaignDoc[] = [
    campaign({
      _id: PRESALE_IDS.veg,
      communityId: COMMUNITY_A,
      title: '有机蔬菜箱 · 本周预售',
      description: '满 20 箱成团，周六由网格管家送货上门。未成团自动原路退款。',
      productId: 'pd-a-veg',
      productName: '有机蔬菜箱',
      productKind: 'goods',
      category: 'fresh',
      supplierId: 'sp-a-farm',
      supplierName: '杭州绿源农场',
      cover: demoPhoto('campaign-veg'),
      images: [...IMAGES.veg],
      unit: '箱',
      skus: [
        { skuId: 's1', name: '标准箱 约 5 斤', priceFen: 6800, originalFen: 7800, costFen: 5200, stock: 100 },
        { skuId: 's2', name: '家庭箱 约 10 斤', priceFen: 11800, originalFen: 13800, costFen: 9600, stock: 50 }
      ],
      startAt: now - DAY,
      endAt: now + 2 * DAY,
      householdLimit: 2,
      threshold: 20,
      deliveryMode: 'door',
      pickupPointId: null,
      deliveryDate: shanghaiDay(now, 3, 9),
      status: 'live'
    }),
    campaign({
      _id: PRESALE_IDS.fruit,
      communityId: COMMUNITY_A,
      title: '当季水果礼盒 · 限时拼团',
      description: '满 40 盒成团，到社区服务中心自提。',
      productId: 'pd-a-fruit',
      productName: '当季水果礼盒',
      productKind: 'goods',
      category: 'fresh',
      supplierId: 'sp-a-farm',
      supplierName: '杭州绿源农场',
      cover: demoPhoto('campaign-fruit'),
      images: [...IMAGES.fruit],
      unit: '盒',
      skus: [{ skuId: 's1', name: '尝鲜装 约 4 斤', priceFen: 7900, originalFen: 9900, costFen: 6800, stock: 80 }],
      startAt: now - 2 * DAY,
      endAt: now + 50 * 60_000,
      householdLimit: 3,
      threshold: 40,
      deliveryMode: 'pickup',
      pickupPointId: PRESALE_IDS.pickup,
      deliveryDate: shanghaiDay(now, 2, 9),
      status: 'live'
    }),
    campaign({
      _id: PRESALE_IDS.clean,
      communityId: COMMUNITY_A,
      title: '家庭深度保洁 · 团购套餐',
      description: '满 10 单成团，成团后管家预约上门时间。',
      productId: 'pd-a-clean',
      productName: '家庭深度保洁',
      productKind: 'service',
      category: 'housekeeping',
      supplierId: 'sp-a-clean',
      supplierName: '洁家家政服务',
      cover: demoPhoto('campaign-clean'),
      images: [...IMAGES.clean],
      unit: '次',
      skus: [
        { skuId: 's1', name: '3 小时', priceFen: 19900, originalFen: 26800, costFen: 16000, stock: 30 },
        { skuId: 's2', name: '5 小时', priceFen: 29900, originalFen: 39800, costFen: 24000, stock: 20 }
      ],
      startAt: shanghaiDay(now, 1, 10),
      endAt: shanghaiDay(now, 6, 20),
      householdLimit: 1,
      threshold: 10,
      deliveryMode: 'door',
      pickupPointId: null,
      deliveryDate: shanghaiDay(now, 8, 9),
      status: 'scheduled'
    }),
    campaign({
      _id: PRESALE_IDS.season,
      communityId: COMMUNITY_A,
      title: '换季焕新包 · 保洁 3 次 + 清洁用品',
      description: '单买合计 ¥477，产品包 ¥368。付款后保洁次卡即刻到账，可在「家政服务」里直接用卡预约。',
      productId: 'pd-a-season',
      productName: '换季焕新包',
      productKind: 'package',
      category: 'housekeeping',
      supplierId: 'sp-a-clean',
      supplierName: '洁家家政服务',
      cover: demoPhoto('product-season'),
      images: [...IMAGES.season],
      unit: '份',
      skus: [{ skuId: 's1', name: '3 次保洁 + 用品', priceFen: 36800, originalFen: 39800, costFen: 27000, stock: 60 }],
      parts: [
        { type: 'card', lineId: 'sl-a-clean', lineName: '日常保洁', title: '日常保洁 3 次卡', uses: 3, validDays: 365, unitFen: 12_000 },
        { type: 'goods', name: '清洁用品套装', quantity: 1, unitFen: 5900 },
        { type: 'goods', name: '除螨喷雾', quantity: 2, unitFen: 2900 }
      ],
      startAt: now - DAY,
      endAt: now + 5 * DAY,
      householdLimit: 2,
      threshold: null,
      deliveryMode: 'door',
      pickupPointId: null,
      deliveryDate: shanghaiDay(now, 6, 9),
      status: 'live'
    }),
    campaign({
      _id: PRESALE_IDS.rice,
      communityId: COMMUNITY_B,
      title: '五常新米预售',
      description: '和谐家园专享。',
      productId: 'pd-b-rice',
      productName: '五常稻花香大米',
      productKind: 'goods',
      category: 'grocery',
      supplierId: 'sp-b-grain',
      supplierName: '五常稻香合作社',
      cover: demoPhoto('campaign-rice'),
      images: [...IMAGES.rice],
      unit: '袋',
      skus: [{ skuId: 's1', name: '5 公斤', priceFen: 7900, originalFen: 8900, costFen: 6100, stock: 60 }],
      startAt: now - DAY,
      endAt: now + 3 * DAY,
      householdLimit: 2,
      threshold: null,
      deliveryMode: 'door',
      pickupPointId: null,
      deliveryDate: shanghaiDay(now, 4, 9),
      status: 'live'
    })
  ]
  const stock: CampaignStockDoc[] = campaigns.flatMap((c) =>
    c.skus.map((s) => ({ _id: `${c._id}:${s.skuId}`, campaignId: c._id, communityId: c.communityId, skuId: s.skuId, stock: s.stock, available: s.stock, holds: {}, paidQuantity: 0, paid: {} }))
  )
  // What the office saw of the same items elsewhere (竞品), for the campaign editor's comparison.
  const seen = (c: Omit<CompetitorPriceDoc, 'communityId' | 'recordedBy' | 'createdAt' | 'updatedAt'>): CompetitorPriceDoc => ({
    ...c,
    communityId: COMMUNITY_A,
    recordedBy: { userId: 'u-operator-wu', name: '吴运营' },
    createdAt: c.seenAt,
    updatedAt: c.seenAt
  })
  const competitorPrices: CompetitorPriceDoc[] = [
    seen({ _id: 'cp-a-veg-hema', competitor: '盒马鲜生', channel: 'ecommerce', productId: 'pd-a-veg', item: '有机时蔬组合 5 斤', priceFen: 8900, promotion: { name: '双12 年终好价', festival: 'double12', startAt: shanghaiDay(now, -1, 0), endAt: shanghaiDay(now, 6, 0), priceFen: 7990 }, addedValue: '30 分钟送达，满 99 元免运费', seenAt: shanghaiDay(now, -1, 10) }),
    seen({ _id: 'cp-a-veg-meituan', competitor: '美团优选', channel: 'community_group', productId: 'pd-a-veg', item: '时令蔬菜组合 约 5 斤', priceFen: 6990, promotion: null, addedValue: '次日到自提点，非有机', seenAt: shanghaiDay(now, -2, 20) }),
    seen({ _id: 'cp-a-veg-yonghui', competitor: '永辉超市', channel: 'supermarket', productId: 'pd-a-veg', item: '有机青菜、番茄等 约 5 斤（散称）', priceFen: 9600, promotion: null, addedValue: '需自行到店', seenAt: shanghaiDay(now, -3, 18) }),
    seen({ _id: 'cp-a-fruit-pagoda', competitor: '百果园', channel: 'convenience', productId: 'pd-a-fruit', item: '精选水果礼盒 4 斤', priceFen: 12800, promotion: { name: '会员日 9 折', festival: 'other', startAt: shanghaiDay(now, 2, 0), endAt: shanghaiDay(now, 3, 0), priceFen: 11520 }, addedValue: '不好吃三无退货', seenAt: shanghaiDay(now, -4, 15) }),
    seen({ _id: 'cp-a-clean-58', competitor: '58到家', channel: 'ecommerce', productId: 'pd-a-clean', item: '日常深度保洁 3 小时', priceFen: 29900, promotion: { name: '双11 保洁节', festival: 'double11', startAt: shanghaiDay(now, -30, 0), endAt: shanghaiDay(now, -24, 0), priceFen: 25900 }, addedValue: '平台保险，阿姨不固定', seenAt: shanghaiDay(now, -28, 11) })
  ]
  const { proposals, proposalInterests } = buildProposals(now)
  return { suppliers, products, pickupPoints, campaigns, stock, competitorPrices, proposals, proposalInterests }
}

/**
 * 意向登记 in 临苑社区: winter cashmere gathering interest (two households registered), and a
 * deep-cleaning service just posted. Totals and the journal agree, as the action keeps them.
 */
function buildProposals(now: number): { proposals: ProposalDoc[]; proposalInterests: ProposalInterestDoc[] } {
  const registrations: [string, string, string, number][] = [
    [PROPOSAL_IDS.cashmere, 'h-a2-302', 'u-wang', 1],
    [PROPOSAL_IDS.cashmere, 'h-a3-201', 'u-zhao', 2]
  ]
  const proposalInterests: ProposalInterestDoc[] = registrations.map(([proposalId, householdId, userId, quantity], i) => ({
    _id: interestId(proposalId, householdId),
    proposalId,
    communityId: COMMUNITY_A,
    householdId,
    userId,
    quantity,
    createdAt: now - (20 - i) * HOUR,
    updatedAt: now - (20 - i) * HOUR
  }))
  const proposal = (p: Pick<ProposalDoc, '_id' | 'title' | 'description' | 'kind' | 'category' | 'images' | 'unit' | 'indicativePriceFen' | 'threshold' | 'householdLimit' | 'closesAt' | 'createdAt'>): ProposalDoc => {
    const mine = proposalInterests.filter((r) => r.proposalId === p._id)
    return {
      ...p,
      communityId: COMMUNITY_A,
      status: 'open',
      registered: mine.reduce((n, r) => n + r.quantity, 0),
      households: mine.length,
      interests: Object.fromEntries(mine.map((r) => [interestKey(r.householdId), r.quantity])),
      campaignId: null,
      reserved: null,
      convertedBy: null,
      createdBy: 'u-operator-wu',
      updatedAt: p.createdAt
    }
  }
  return {
    proposals: [
      proposal({
        _id: PROPOSAL_IDS.cashmere,
        title: '冬季羊绒衫团购',
        description: '内蒙古厂家直供的纯羊绒圆领衫，男女款多色可选。先看大家需要多少件，够 20 件物业去谈团购价。',
        kind: 'goods',
        category: 'other',
        images: [demoPhoto('proposal-cashmere')],
        unit: '件',
        indicativePriceFen: 29900,
        threshold: 20,
        householdLimit: 3,
        closesAt: shanghaiDay(now, 6, 22),
        createdAt: now - DAY
      }),
      proposal({
        _id: PROPOSAL_IDS.aircon,
        title: '空调深度清洗',
        description: '换季前的挂机深度清洗（拆洗滤网、蒸发器杀菌），物业合作师傅上门。满 10 台开团，按登记台数预约上门时间。',
        kind: 'service',
        category: 'housekeeping',
        images: [demoPhoto('line-aircon')],
        unit: '台',
        indicativePriceFen: 8800,
        threshold: 10,
        householdLimit: 5,
        closesAt: shanghaiDay(now, 10, 22),
        createdAt: now - 2 * HOUR
      })
    ],
    proposalInterests
  }
}

/** Idempotent: existing documents are left alone. */
export async function seedPresale(store: Store, now: number): Promise<{ inserted: number; skipped: number }> {
  const d = buildPresale(now)
  let inserted = 0
  let skipped = 0
  const put = async (coll: Parameters<Store['insert']>[0], docs: { _id: string }[]) => {
    for (const doc of docs) {
      if ((await store.insert(coll, doc)).ok) inserted++
      else skipped++
    }
  }
  await put('suppliers', d.suppliers)
  await put('products', d.products)
  await put('pickupPoints', d.pickupPoints)
  await put('campaigns', d.campaigns)
  await put('campaignStock', d.stock)
  await put('competitorPrices', d.competitorPrices)
  await put('proposals', d.proposals)
  await put('proposalInterests', d.proposalInterests)
  return { inserted, skipped }
}
