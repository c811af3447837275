import type { Browser } from 'playwright-core'
import { type TestApp, startTestApp } from './support/app'
import { launch, phone, shot } from './support/browser'
import { loginAs } from './support/flows'

jest.setTimeout(120_000)

describe('property fees end to end (sandbox payment through the real notify handler)', () => {
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

  it('a resident pays two bills, sees the receipt, and the bills show paid', async () => {
    const { context, page } = await phone(browser)
    await loginAs(page, app.url, 'u-wang')
    await page.locator('#tile-fee').click()
    await page.locator('#bills-page .bill').first().waitFor()
    await shot(page, 'payments', '01-bills')

    // Everything starts selected; pick exactly the two oldest bills.
    await page.locator('#pick-all').click()
    const rows = page.locator('#bills-page .bill')
    const before = await rows.count()
    expect(before).toBeGreaterThanOrEqual(3)
    await rows.nth(0).click()
    await rows.nth(1).click()
    await page.locator('#pay-submit', { hasText: '（2）' }).waitFor()
    await shot(page, 'payments', '02-two-selected')
    await page.locator('#pay-submit').click()

    await page.locator('#cashier-page').waitFor()
    await shot(page, 'payments', '03-sandbox-cashier')
    await page.locator('#sandbox-confirm').click()

    await page.locator('#result-status', { hasText: '缴费成功' }).waitFor()
    await shot(page, 'payments', '04-result')
    await page.locator('#go-receipt').click()
    await page.locator('#receipt-no').waitFor()
    await shot(page, 'payments', '05-receipt')

    const payments = await app.ports.store.find('payments', { where: { status: 'paid' }, limit: 10 })
    expect(payments).toHaveLength(1)
    const paid = payments[0]!
    expect(paid.lines).toHaveLength(2)
    expect(await page.locator('#receipt-no').textContent()).toBe(paid.outTradeNo)
    for (const line of paid.lines) {
      const bill = await app.ports.store.get('bills', line.id)
      expect(bill).toMatchObject({ status: 'paid', paymentId: paid._id })
    }
    const ledger = await app.ports.store.find('ledger', { limit: 10 })
    expect(ledger).toEqual([expect.objectContaining({ _id: `pay:${paid.outTradeNo}`, amountFen: paid.totalFen })])

    // Back on the bills: two fewer outstanding, and both listed as paid.
    await page.goto('about:blank')
    await page.goto(`${app.url}#/packages/fee/pages/bills/index?householdId=${paid.householdId}`)
    await page.locator('#bills-page .bill').first().waitFor()
    expect(await page.locator('#bills-page .bill').count()).toBe(before - 2)
    await page.locator('#tab-settled').click()
    await page.locator('#bills-page .bill__meta', { hasText: '已缴' }).first().waitFor()
    expect(await page.locator('#bills-page .bill__meta', { hasText: '已缴' }).count()).toBeGreaterThanOrEqual(2)
    await shot(page, 'payments', '06-bills-paid')
    await context.close()
  })

  it('an operator sees the collection rate and arrears, and refunds part of the payment', async () => {
    const { context, page } = await phone(browser)
    await loginAs(page, app.url, 'u-operator-wu')
    await page.locator('#tile-collection').click()
    await page.locator('#collection-rate').waitFor()
    await shot(page, 'payments', '07-collection')
    await page.goto('about:blank')
    await page.goto(`${app.url}#/packages/fee-admin/pages/arrears/index`)
    await page.locator('#arrears-page .list-item').first().waitFor()
    await shot(page, 'payments', '08-arrears')

    await page.goto('about:blank')
    await page.goto(`${app.url}#/packages/fee-admin/pages/refund/index`)
    await page.locator('[id^="refund-pick-"]').first().click()
    await page.locator('#refund-form').waitFor()
    await page.locator('#refund-form .refund-line input').first().fill('1.00')
    await page.locator('#refund-form textarea').fill('重复收取的滞纳金')
    await page.locator('#refund-submit').click()
    await page.locator('#refund-form [id^="refund-status-"]', { hasText: /退款中|已退款/ }).first().waitFor()
    await shot(page, 'payments', '09-refund')
    await app.ports.sandbox.flush()
    const refunds = await app.ports.store.find('refunds', { limit: 5 })
    expect(refunds).toEqual([expect.objectContaining({ status: 'succeeded', amountFen: 100 })])
    await context.close()
  })
})
