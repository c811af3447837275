/**
 * The supply loop (issue 19, part 6): a succeeded pre-sale raises one purchase order for its
 * supplier from the settled quantities; the office records what arrived (short and damaged); the
 * supplier's scorecard and monthly statement follow from the receipts.
 */
import type { ActionId, InputOf } from '../../cloudfunctions/contracts/registry'
import { SETTLE_GRACE_MS } from '../../cloudfunctions/domain/order/rules'
import { purchaseOrderId } from '../../cloudfunctions/domain/order/supply'
import { shanghaiMonth } from '../../cloudfunctions/contracts/shanghai'
import { findAll } from '../../cloudfunctions/kernel/paging'
import { type Harness, makeHarness } from '../support/harness'
import { sandboxOf } from '../support/pay'
import { COMMUNITY_A, HOME, HOME2, OPERATOR, VEG, WANG, ZHAO, ZHAO_HOME, buyAndPay, campaignDoc, runOrderJob, setCampaign } from '../support/presale'
import { codeOf, errorOf, okData, snapshot } from './support'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(async () => {
  await sandboxOf(h).flush()
  await h.close()
})

const op = <A extends ActionId>(id: A, input: InputOf<A>) => h.call(id, input, OPERATOR, COMMUNITY_A)
const PO = purchaseOrderId(VEG)

/** 3 标准箱 and 1 家庭箱 sold and settled: the campaign succeeds. */
async function settled(): Promise<void> {
  await buyAndPay(h, { campaignId: VEG, skuId: 's1', quantity: 2, householdId: HOME })
  await buyAndPay(h, { campaignId: VEG, skuId: 's1', quantity: 1, householdId: HOME2 })
  await buyAndPay(h, { campaignId: VEG, skuId: 's2', quantity: 1, householdId: ZHAO_HOME, who: ZHAO })
  await setCampaign(h, VEG, { threshold: 3 })
  const c = await campaignDoc(h, VEG)
  h.clock.t = c.endAt + SETTLE_GRACE_MS
  await runOrderJob(h, 'presale-settle')
  expect((await campaignDoc(h, VEG)).status).toBe('succeeded')
}

it('a succeeded pre-sale raises one purchase order for its supplier, at the copied cost, once', async () => {
  await settled()
  await runOrderJob(h, 'presale-settle')
  expect(await findAll(h.store, 'purchaseOrders', { campaignId: VEG })).toHaveLength(1)
  const { purchaseOrders } = okData(await op('order.purchaseOrders', {}))
  expect(purchaseOrders).toHaveLength(1)
  expect(purchaseOrders[0]).toMatchObject({
    id: PO,
    supplierName: '杭州绿源农场',
    status: 'open',
    lines: [
      { skuId: 's1', ordered: 3, costFen: 5200, received: null },
      { skuId: 's2', ordered: 1, costFen: 9600, received: null }
    ],
    orderedFen: 3 * 5200 + 9600,
    acceptedFen: null,
    onTime: null
  })
  expect(okData(await op('order.purchaseOrders', { status: 'received' })).purchaseOrders).toEqual([])
  // Residents and butlers see no purchase orders.
  expect(codeOf(await h.call('order.purchaseOrders', {}, WANG, COMMUNITY_A))).toMatch(/^AUTH\./)
})

it('a failed pre-sale raises none', async () => {
  await buyAndPay(h, { campaignId: VEG, quantity: 1 })
  h.clock.t = (await campaignDoc(h, VEG)).endAt + SETTLE_GRACE_MS
  await runOrderJob(h, 'presale-settle')
  expect((await campaignDoc(h, VEG)).status).toBe('failed')
  expect(await h.store.get('purchaseOrders', PO)).toBeNull()
})

describe('receiving', () => {
  beforeEach(settled)

  it.each([
    ['more than ordered', { lines: [{ skuId: 's1', received: 4, damaged: 0 }], rating: 4 }, 'receipt.lines.0.received', '不能多于订购的 3'],
    ['more damaged than received', { lines: [{ skuId: 's1', received: 1, damaged: 2 }], rating: 4 }, 'receipt.lines.0.damaged', '破损数量不能多于实收数量'],
    ['a SKU not on the order', { lines: [{ skuId: 's9', received: 1, damaged: 0 }], rating: 4 }, 'receipt.lines.0.skuId', '规格不在采购单中'],
    ['no rating', { lines: [{ skuId: 's1', received: 1, damaged: 0 }], rating: 0 }, 'receipt.rating', '请给供应商打分'],
    ['a negative count', { lines: [{ skuId: 's1', received: -1, damaged: 0 }], rating: 3 }, 'receipt.lines.0.received', '数量不能为负']
  ])('refuses %s with the field named, writing nothing', async (_what, receipt, field, message) => {
    const before = await snapshot(h.store)
    const e = errorOf(await op('order.receivePurchase', { id: PO, receipt: { note: '', ...receipt } }))
    expect(e.fields?.find((f) => f.path === field)?.message).toContain(message)
    expect(await snapshot(h.store)).toEqual(before)
  })

  it('records short and damaged once; the scorecard and the month’s statement follow', async () => {
    const received = okData(await op('order.receivePurchase', { id: PO, receipt: { lines: [{ skuId: 's1', received: 3, damaged: 1 }], rating: 4, note: '家庭箱缺货，下周补' } }))
    expect(received).toMatchObject({
      status: 'received',
      lines: [
        { skuId: 's1', received: 3, short: 0, damaged: 1 },
        { skuId: 's2', received: 0, short: 1, damaged: 0 }
      ],
      acceptedFen: 2 * 5200,
      onTime: true,
      rating: 4,
      receivedBy: '吴运营'
    })
    expect(codeOf(await op('order.receivePurchase', { id: PO, receipt: { lines: [{ skuId: 's1', received: 3, damaged: 0 }], rating: 5, note: '' } }))).toBe('ORDER.PURCHASE_RECEIVED')
    expect(codeOf(await op('order.receivePurchase', { id: 'po-nowhere', receipt: { lines: [{ skuId: 's1', received: 3, damaged: 0 }], rating: 5, note: '' } }))).toBe('ORDER.PURCHASE_NOT_FOUND')

    const { suppliers } = okData(await op('order.supplierScorecard', {}))
    expect(suppliers.find((s) => s.supplierId === 'sp-a-farm')).toMatchObject({
      purchaseOrders: 1,
      received: 1,
      onTimePercent: 100,
      shortPercent: 25,
      damagedPercent: 25,
      afterSalePercent: 0,
      ratingAvg: 4,
      acceptedFen: 10_400
    })
    expect(suppliers.find((s) => s.supplierId === 'sp-a-clean')).toMatchObject({ purchaseOrders: 0, onTimePercent: null, ratingAvg: null })

    const month = shanghaiMonth(h.clock.now())
    const statement = okData(await op('order.supplierStatement', { supplierId: 'sp-a-farm', month }))
    expect(statement).toMatchObject({ supplierName: '杭州绿源农场', totalUnits: 2, totalFen: 10_400 })
    expect(statement.rows.map((r) => [r.skuName, r.ordered, r.received, r.damaged, r.accepted, r.amountFen])).toEqual([
      ['标准箱 约 5 斤', 3, 3, 1, 2, 10_400],
      ['家庭箱 约 10 斤', 1, 0, 0, 0, 0]
    ])
    expect(okData(await op('order.supplierStatement', { supplierId: 'sp-a-farm', month: '2020-01' })).rows).toEqual([])
    expect(codeOf(await op('order.supplierStatement', { supplierId: 'sp-b-grain', month }))).toBe('ORDER.SUPPLIER_NOT_FOUND')
    expect(errorOf(await op('order.supplierStatement', { supplierId: 'sp-a-farm', month: '2026-13' })).fields?.[0]?.path).toBe('month')
  })

  it('a late receipt is not on time', async () => {
    h.clock.t = (await campaignDoc(h, VEG)).deliveryDate + 2 * 24 * 3600_000
    const late = okData(await op('order.receivePurchase', { id: PO, receipt: { lines: [{ skuId: 's1', received: 3, damaged: 0 }, { skuId: 's2', received: 1, damaged: 0 }], rating: 3, note: '' } }))
    expect(late).toMatchObject({ onTime: false, acceptedFen: 3 * 5200 + 9600 })
    expect(okData(await op('order.supplierScorecard', {})).suppliers.find((s) => s.supplierId === 'sp-a-farm')).toMatchObject({ onTimePercent: 0, shortPercent: 0 })
  })
})

it('the margin board: each recent pre-sale’s gross margin, and the lines summed', async () => {
  await settled()
  const paid = (await findAll(h.store, 'orders', { campaignId: VEG })).reduce((n, o) => n + o.paidFen, 0)
  const board = okData(await op('order.marginBoard', {}))
  expect(board.campaigns.find((c) => c.id === VEG)).toMatchObject({ status: 'succeeded', margin: { revenueFen: paid, costFen: 3 * 5200 + 9600, grossFen: paid - (3 * 5200 + 9600) } })
  expect(board.campaigns.map((c) => c.id)).not.toContain('pc-b-rice')
  const goods = board.lines.find((l) => l.kind === 'goods')
  expect(goods).toMatchObject({ campaigns: 2, unknown: 0, margin: { revenueFen: paid, costFen: 25_200 } })
  expect(board.lines.map((l) => l.kind).sort()).toEqual(['goods', 'package', 'service'])
  expect(codeOf(await h.call('order.marginBoard', {}, WANG, COMMUNITY_A))).toMatch(/^AUTH\./)
})
