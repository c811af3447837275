import type { Browser } from 'playwright-core'
import { runJob } from '../../cloudfunctions/kernel/main'
import { orderModule } from '../../cloudfunctions/order/module'
import { purchaseOrderId } from '../../cloudfunctions/domain/order/supply'
import { COMMUNITY_A } from '../../scripts/seed/demo-ids'
import { PRESALE_IDS } from '../../scripts/seed/presale'
import { callAs, payOrder } from './support/api'
import { type TestApp, startTestApp } from './support/app'
import { desk, launch, shot } from './support/browser'

jest.setTimeout(240_000)

/**
 * The supply loop at the office desk (issue 19, part 6): a pre-sale succeeds, its purchase order
 * is waiting; the clerk receives it with one box damaged and one short, rates the supplier, and
 * reads the scorecard and the month's statement, exported.
 */
describe('a succeeded pre-sale: purchase order, receipt, scorecard, statement', () => {
  let app: TestApp
  let browser: Browser

  beforeAll(async () => {
    app = await startTestApp()
    browser = await launch()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  it('receives the purchase order and settles the month with the supplier', async () => {
    // Three boxes are bought and paid, the sale ends above its threshold, and the job settles it.
    for (const [who, householdId, quantity] of [
      ['u-wang', 'h-a1-101', 2],
      ['u-zhao', 'h-a3-201', 1]
    ] as const) {
      const o = await callAs(app.url, who, 'order.create', { campaignId: PRESALE_IDS.veg, skuId: 's1', quantity, householdId, clientRequestId: `supply-${who}` }, COMMUNITY_A)
      await payOrder(app.url, who, o.id, COMMUNITY_A)
    }
    await app.ports.sandbox.flush()
    expect(await app.ports.store.update('campaigns', PRESALE_IDS.veg, { set: { threshold: 3, endAt: Date.now() - 5 * 60_000 } })).toBe(true)
    await runJob(orderModule, 'presale-settle', app.ports)
    expect(await app.ports.store.get('purchaseOrders', purchaseOrderId(PRESALE_IDS.veg))).toMatchObject({ status: 'open', lines: [{ skuId: 's1', ordered: 3, costFen: 5200 }] })

    const office = await desk(browser)
    const op = office.page
    await op.goto(`${app.url}console/#/presale`)
    await op.locator('#persona-u-operator-wu').click()
    await op.locator('.t-tabs__nav-item', { hasText: '采购与结算' }).click()
    const row = op.locator('.purchases-table tbody tr', { hasText: '有机蔬菜箱' })
    await row.locator('.t-tag', { hasText: '待收货' }).waitFor()
    expect(await row.innerText()).toContain('¥156.00')
    await shot(op, 'supply', '01-purchase-orders')

    // Receiving more than was ordered is refused, naming the line; then 3 arrive, one damaged.
    await row.locator('.purchase-receive').click()
    await op.locator('.t-dialog .receive-received input').fill('4')
    await op.locator('#receive-save').click()
    await op.locator('.t-dialog', { hasText: '不能多于订购的 3' }).waitFor()
    await op.locator('.t-dialog .receive-received input').fill('3')
    await op.locator('.t-dialog .receive-damaged input').fill('1')
    await op.locator('.t-dialog textarea[name="receive-note"]').fill('一箱压坏，已拍照')
    await shot(op, 'supply', '02-receive')
    await op.locator('#receive-save').click()
    await row.locator('.t-tag', { hasText: '已收货' }).waitFor()
    expect(await row.innerText()).toContain('破损1')
    expect(await row.innerText()).toContain('¥104.00')

    // The scorecard and the month's statement follow.
    const farm = op.locator('.scorecard-table tbody tr', { hasText: '杭州绿源农场' })
    await farm.waitFor()
    expect(await farm.innerText()).toContain('100%')
    expect(await farm.innerText()).toContain('5 星')
    await op.locator('#statement-total', { hasText: '合计 2 件，应结 ¥104.00' }).waitFor()
    await op.locator('#statement-total').scrollIntoViewIfNeeded()
    await shot(op, 'supply', '03-scorecard-statement')
    const [file] = await Promise.all([op.waitForEvent('download'), op.locator('#export-statement-xlsx').click()])
    expect(file.suggestedFilename()).toMatch(/杭州绿源农场-\d{4}-\d{2}-结算单\.xlsx$/)
    // 经营看板: the sale's gross margin, and its line's.
    await op.goto(`${app.url}console/#/insights`)
    const margin = op.locator('.insights-margins tbody tr', { hasText: '有机蔬菜箱' })
    await margin.waitFor()
    expect(await margin.innerText()).toContain('¥156.00')
    await margin.scrollIntoViewIfNeeded()
    await shot(op, 'supply', '04-insights-margins')
    expect(office.errors).toEqual([])
    await office.context.close()
  })
})
