import type { Browser, Page } from 'playwright-core'
import type { OrderDoc } from '../../cloudfunctions/domain/order/docs'
import { runJob } from '../../cloudfunctions/kernel/main'
import { orderModule } from '../../cloudfunctions/order/module'
import { COMMUNITY_A } from '../../scripts/seed/demo-ids'
import { PRESALE_IDS } from '../../scripts/seed/presale'
import { callAs, devToken } from './support/api'
import { type TestApp, startTestApp } from './support/app'
import { launch, phone, shot } from './support/browser'
import { loginAs } from './support/flows'
import { overflowing, primeStorage, settle as settled } from './support/probe'
import { decodeDataUri } from '../support/qr-decode'

jest.setTimeout(180_000)

/** The page on screen: Taro's H5 router keeps earlier pages in the document, hidden. */
const cur = (page: Page, selector: string, hasText?: string) => page.locator(selector, hasText ? { hasText } : {}).last()

/**
 * Pre-sales end to end, in headless Chromium against the real local server: a resident buys in a
 * pre-sale and pays through the sandbox cashier (real notify handler); the settlement job refunds a
 * failed group, and the resident sees the refund; a succeeded group is delivered by the butler.
 */
describe('pre-sale orders end to end', () => {
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

  const settle = async () => {
    const res = await runJob(orderModule, 'presale-settle', app.ports)
    await app.ports.sandbox.flush()
    return res
  }

  async function ordersOf(campaignId: string): Promise<OrderDoc[]> {
    return app.ports.store.find('orders', { where: { campaignId }, limit: 100 })
  }

  it('a resident buys two vegetable boxes in the pre-sale and pays through the sandbox cashier', async () => {
    const { context, page } = await phone(browser)
    await loginAs(page, app.url, 'u-wang')
    await page.locator('#tile-presale').click()
    await page.locator(`#campaign-${PRESALE_IDS.veg}`).waitFor()
    await shot(page, 'presale', '01-list')

    await page.locator(`#campaign-${PRESALE_IDS.veg}`).click()
    await page.locator('#campaign-countdown', { hasText: '距截止' }).waitFor()
    expect(await page.locator('#campaign-progress').textContent()).toContain('已付 0/20')
    expect(await page.locator('#sku-left-s1').textContent()).toContain('剩余 100/100')
    await shot(page, 'presale', '02-detail')
    // Its three photos page sideways; the dots follow.
    const gallery = cur(page, '#campaign-photos')
    expect(await gallery.locator('.ps-gallery__dot').count()).toBe(3)
    await gallery.locator('.ps-gallery__track').evaluate((el) => el.scrollTo({ left: el.clientWidth, behavior: 'instant' }))
    await gallery.locator('.ps-gallery__dot:nth-child(2).ps-gallery__dot--on').waitFor()
    expect(await gallery.locator('.ps-gallery__dot--on').count()).toBe(1)

    await page.locator('#go-confirm').click()
    await page.locator('#presale-confirm').waitFor()
    await page.locator('#qty-plus').click()
    await page.locator('#qty-value', { hasText: '2' }).waitFor()
    await page.locator('#confirm-note input').fill('放门口即可')
    await shot(page, 'presale', '03-confirm')
    await page.locator('#confirm-submit').click()

    await page.locator('#cashier-page').waitFor()
    await shot(page, 'presale', '04-cashier')
    await page.locator('#sandbox-confirm').click()
    await page.locator('#result-status', { hasText: '支付成功' }).waitFor()
    await shot(page, 'presale', '05-result')
    await page.locator('#go-order').click()
    await page.locator('#order-status', { hasText: '已支付' }).waitFor()
    await page.locator('#order-code').waitFor()
    await shot(page, 'presale', '06-order-paid')

    const [order] = await ordersOf(PRESALE_IDS.veg)
    expect(order).toMatchObject({ status: 'paid', quantity: 2, amountFen: 13600, note: '放门口即可', householdId: 'h-a1-101' })
    const payment = await app.ports.store.get('payments', order!.paymentId!)
    expect(payment).toMatchObject({ status: 'paid', totalFen: 13600, lines: [expect.objectContaining({ type: 'order', id: order!._id })] })
    expect((await page.locator('#order-code').textContent())?.replace('-', '')).toBe(order!.code)
    // The code is also drawn as a QR for the butler's scanner: it reads back as the order code.
    const qr = page.locator('#order-qr img, img#order-qr').first()
    expect(await decodeDataUri((await qr.getAttribute('src')) ?? '')).toBe(order!.code)

    // The detail page now shows the progress and the stock taken.
    await page.goto('about:blank')
    await page.goto(`${app.url}#/packages/presale/pages/detail/index?id=${PRESALE_IDS.veg}`)
    await page.locator('#campaign-progress', { hasText: '已付 2/20' }).waitFor()
    expect(await page.locator('#sku-left-s1').textContent()).toContain('剩余 98/100')
    expect(await page.locator('#mine-bought').textContent()).toContain('本户已购 2')
    await context.close()
  })

  it('links open from cold: a butler’s card and a poster’s code signed out, an order message, the coupon picker', async () => {
    // The butler's card carries the campaign, the invitation and the community. A neighbour opens
    // it in a new browser: sign in, then the campaign says who invited them.
    const share = await callAs(app.url, 'u-butler-zhang', 'order.share', { campaignId: PRESALE_IDS.veg }, COMMUNITY_A)
    expect(share.path).toContain(`communityId=${COMMUNITY_A}`)
    const li = await phone(browser)
    await li.page.goto(`${app.url}#${share.path}`)
    await li.page.locator('#persona-u-li').click()
    await cur(li.page, '#presale-detail', '张管家').waitFor()
    await cur(li.page, '#go-confirm').waitFor()
    await shot(li.page, 'presale', '14-cold-butler-card')
    await li.context.close()

    // A poster's mini-program code carries only the invitation token (its scene).
    const poster = await callAs(app.url, 'u-butler-zhang', 'order.poster', { campaignId: PRESALE_IDS.veg }, COMMUNITY_A)
    const scan = await phone(browser)
    await scan.page.goto(`${app.url}#/packages/presale/pages/detail/index?scene=${poster.token}`)
    await scan.page.locator('#persona-u-li').click()
    await cur(scan.page, '#campaign-countdown', '距截止').waitFor()
    await scan.context.close()

    // The pickup and delivery messages link to the order with its community.
    const [order] = await ordersOf(PRESALE_IDS.veg)
    const msg = await phone(browser)
    await msg.page.goto(`${app.url}#/packages/presale/pages/order/index?id=${order!._id}&communityId=${COMMUNITY_A}`)
    await msg.page.locator('#persona-u-wang').click()
    await cur(msg.page, '#order-status', '已支付').waitFor()
    await msg.context.close()

    // The coupon picker reloaded on its own: the choice goes on to a checkout for the same purchase.
    const picker = await phone(browser)
    await primeStorage(picker.page, { token: await devToken(app.url, 'u-wang'), elder: false })
    await picker.page.goto(`${app.url}#/packages/member/pages/picker/index?kind=presale&campaignId=${PRESALE_IDS.fruit}&skuId=s1&quantity=2&communityId=${COMMUNITY_A}`)
    await cur(picker.page, '#picker-none').click()
    await cur(picker.page, '#picker-confirm').click()
    await cur(picker.page, '#presale-confirm').waitFor()
    await cur(picker.page, '#qty-value', '2').waitFor()
    await picker.context.close()
  })

  it('the settlement job refunds a failed group (money, and the points used), and the resident sees the refund', async () => {
    const balance = async () => (await app.ports.store.get('memberAccounts', 'c-linyuan:u-wang'))?.balance ?? 0
    const pointsBefore = await balance()
    const { context, page } = await phone(browser)
    await loginAs(page, app.url, 'u-wang')
    await page.goto(`${app.url}#/packages/presale/pages/detail/index?id=${PRESALE_IDS.fruit}`)
    await page.locator('#campaign-progress', { hasText: '还差 40' }).waitFor()
    await page.locator('#go-confirm').click()
    // Pay part with membership points (at most 20 % of ¥79).
    await page.locator('#confirm-points').click()
    await page.locator('#confirm-points', { hasText: '已使用' }).waitFor()
    await page.locator('#presale-confirm', { hasText: '已优惠' }).waitFor()
    await shot(page, 'presale', '07a-confirm-points')
    await page.locator('#confirm-submit').click()
    await page.locator('#sandbox-confirm').click()
    await page.locator('#result-status', { hasText: '支付成功' }).waitFor()
    await page.locator('#go-order').click()
    await page.locator('#order-status', { hasText: '已支付' }).waitFor()
    const [order] = await ordersOf(PRESALE_IDS.fruit)
    expect(order).toMatchObject({ status: 'paid', subtotalFen: 7900 })
    expect(order!.pointsUsed).toBeGreaterThan(0)
    expect(order!.amountFen).toBe(7900 - order!.discountFen)
    expect(await balance()).toBeLessThan(pointsBefore)

    // The campaign ends without reaching its threshold of 40; the timer job settles it.
    expect(await app.ports.store.update('campaigns', PRESALE_IDS.fruit, { set: { endAt: Date.now() - 5 * 60_000 } })).toBe(true)
    const res = await settle()
    expect(res.report).toMatchObject({ failed: 1, refundedOrders: 1 })
    const refunds = await app.ports.store.find('refunds', { where: { paymentId: order!.paymentId! }, limit: 10 })
    expect(refunds).toEqual([expect.objectContaining({ idempotencyKey: `group-failed:${order!._id}`, status: 'succeeded', amountFen: order!.amountFen })])

    await page.reload()
    await page.locator('#order-status', { hasText: '已退款' }).waitFor()
    expect(await page.locator('#order-explain').textContent()).toContain('未成团自动退款')
    expect(await page.locator('#order-refunded').textContent()).toContain((order!.amountFen / 100).toFixed(2))
    // The points spent are back, and those the payment earned are taken back.
    expect(await balance()).toBe(pointsBefore)
    await shot(page, 'presale', '07-order-refunded')

    // Running the job again refunds nothing twice.
    await settle()
    expect(await app.ports.store.find('refunds', { where: { paymentId: order!.paymentId! }, limit: 10 })).toHaveLength(1)
    await context.close()
  })

  it('a succeeded group: the butler delivers by the order code, the operator follows the dashboard', async () => {
    expect(await app.ports.store.update('campaigns', PRESALE_IDS.veg, { set: { threshold: 2, endAt: Date.now() - 5 * 60_000 } })).toBe(true)
    expect((await settle()).report).toMatchObject({ succeeded: 1, confirmedOrders: 1 })
    const [order] = await ordersOf(PRESALE_IDS.veg)
    expect(order?.status).toBe('confirmed')

    const resident = await phone(browser)
    await loginAs(resident.page, app.url, 'u-wang')
    await resident.page.goto(`${app.url}#/packages/presale/pages/order/index?id=${order!._id}`)
    await resident.page.locator('#order-status', { hasText: '已成团' }).waitFor()
    await shot(resident.page, 'presale', '08-order-confirmed')

    const butler = await phone(browser)
    await loginAs(butler.page, app.url, 'u-butler-zhang')
    await butler.page.locator('#butler-presale').click()
    await butler.page.locator(`#task-progress-${PRESALE_IDS.veg}`, { hasText: '已送 0/1' }).waitFor()
    await shot(butler.page, 'presale', '09-butler-deliveries')
    await butler.page.locator('#deliver-code input').fill('WRONG-CODE')
    await butler.page.locator('#deliver-submit').click()
    await butler.page.locator('#deliver-result', { hasText: '订单码' }).waitFor()
    await butler.page.locator('#deliver-code input').fill(`${order!.code.slice(0, 4)}-${order!.code.slice(4)}`)
    await butler.page.locator('#deliver-submit').click()
    await butler.page.locator('#deliver-result', { hasText: '已送达：1栋 101' }).waitFor()
    await butler.page.locator(`#task-progress-${PRESALE_IDS.veg}`, { hasText: '已送 1/1' }).waitFor()
    await shot(butler.page, 'presale', '10-butler-delivered')
    expect((await app.ports.store.get('orders', order!._id))?.status).toBe('delivered')

    await resident.page.reload()
    await resident.page.locator('#order-status', { hasText: '已完成' }).waitFor()
    await resident.context.close()
    await butler.context.close()

    const op = await phone(browser)
    await loginAs(op.page, app.url, 'u-operator-wu')
    await op.page.locator('#tile-presale-admin').click()
    await op.page.locator(`#dashboard-${PRESALE_IDS.veg}`).click()
    await op.page.locator('#dash-paid', { hasText: '2' }).waitFor()
    expect(await op.page.locator('#dash-refunded-fen').textContent()).toBe('¥0')
    await shot(op.page, 'presale', '11-dashboard')
    await op.page.goto('about:blank')
    await op.page.goto(`${app.url}#/packages/presale-admin/pages/dashboard/index?id=${PRESALE_IDS.fruit}`)
    await op.page.locator('#dash-refunded-fen', { hasText: '¥' }).waitFor()
    expect(await op.page.locator('#dash-refunded-fen').textContent()).not.toBe('¥0')
    await shot(op.page, 'presale', '12-dashboard-failed')
    await op.page.goto('about:blank')
    await op.page.goto(`${app.url}#/packages/presale-admin/pages/campaigns/index`)
    await op.page.locator('#campaign-new').click()
    await op.page.locator('#pick-pd-a-veg').click()
    await op.page.locator('#sku-row-s1').waitFor()
    await shot(op.page, 'presale', '13-campaign-editor')
    // A missing price stays on the page as a field error; nothing is sent.
    await op.page.locator('#sku-price-s1 input').fill('')
    await op.page.locator('#edit-save').click()
    await op.page.locator('#edit-errors').waitFor()
    await op.page.locator('#sku-row-s1', { hasText: '请填写预售价' }).waitFor()
    expect(await app.ports.store.find('campaigns', { where: { status: 'draft' }, limit: 10 })).toEqual([])
    await op.page.locator('#sku-price-s1 input').fill('66')
    await op.page.locator('#edit-start').scrollIntoViewIfNeeded()
    await shot(op.page, 'presale', '13b-campaign-editor-times')
    await op.page.locator('#edit-save').click()
    await op.page.locator('text=草稿已保存').waitFor()
    const drafts = await app.ports.store.find('campaigns', { where: { status: 'draft' }, limit: 10 })
    expect(drafts).toEqual([expect.objectContaining({ skus: expect.arrayContaining([expect.objectContaining({ skuId: 's1', priceFen: 6600 })]) })])
    await op.context.close()
  })

  it('长辈模式: the resident’s and the staff’s pre-sale pages grow and nothing is cut off', async () => {
    const pages: [string, string, string, string][] = [
      ['u-wang', '/packages/presale/pages/list/index', '#presale-list', '15-elder-list'],
      ['u-wang', `/packages/presale/pages/detail/index?id=${PRESALE_IDS.clean}&communityId=${COMMUNITY_A}`, '#presale-detail', '16-elder-detail'],
      ['u-wang', `/packages/presale/pages/confirm/index?id=${PRESALE_IDS.clean}&skuId=s1&communityId=${COMMUNITY_A}`, '#presale-confirm', '17-elder-confirm'],
      ['u-wang', `/packages/presale/pages/orders/index?householdId=h-a1-101&communityId=${COMMUNITY_A}`, '#presale-orders', '18-elder-orders'],
      ['u-operator-wu', '/packages/presale-admin/pages/campaigns/index', '#presale-admin', '19-elder-admin'],
      ['u-operator-wu', `/packages/presale-admin/pages/edit/index?communityId=${COMMUNITY_A}`, '#campaign-edit', '20-elder-editor'],
      ['u-operator-wu', `/packages/presale-admin/pages/dashboard/index?id=${PRESALE_IDS.veg}&communityId=${COMMUNITY_A}`, '#presale-dashboard', '21-elder-dashboard'],
      ['u-butler-zhang', '/packages/presale-admin/pages/deliveries/index', '#presale-deliveries', '22-elder-deliveries']
    ]
    for (const [persona, hash, root, name] of pages) {
      const { context, page } = await phone(browser)
      await primeStorage(page, { token: await devToken(app.url, persona), elder: true })
      await page.goto(`${app.url}#${hash}`)
      await cur(page, `${root}.is-elder`).waitFor()
      await settled(page)
      await shot(page, 'presale', name)
      expect({ name, overflow: await overflowing(page) }).toEqual({ name, overflow: [] })
      await context.close()
    }
  })
})
