import type { Browser, Page } from 'playwright-core'
import { COMMUNITY_A } from '../../scripts/seed/demo-ids'
import { callAs, payOrder } from './support/api'
import { type TestApp, startTestApp } from './support/app'
import { desk, launch, phone, shot } from './support/browser'
import { loginAs } from './support/flows'

jest.setTimeout(240_000)

/** The page on screen: Taro's H5 router keeps earlier pages in the document, hidden. */
const cur = (page: Page, selector: string, hasText?: string) => page.locator(selector, hasText ? { hasText } : {}).last()

/**
 * 意向登记 end to end (issue 19): the office posts a proposal at its desk, three households
 * register (one on the phone, two as their own calls), the office turns it into a pre-sale in one
 * step, every registrant gets a reservation, and they confirm by paying; the proposal's board
 * follows demand → pre-sale → orders.
 */
describe('demand first: a proposal becomes a pre-sale and its registrants pay', () => {
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

  it('three households register, the office converts it, and they pay their reservations', async () => {
    const office = await desk(browser)
    const op = office.page
    await op.goto(`${app.url}console/#/presale`)
    await op.locator('#persona-u-operator-wu').click()
    await op.locator('.t-tabs__nav-item', { hasText: '意向登记' }).click()
    await op.locator('.proposals-table tbody tr', { hasText: '冬季羊绒衫团购' }).waitFor()

    // The office posts a proposal; a missing price is named before anything is sent.
    await op.locator('#proposal-new').click()
    await op.locator('.t-dialog input[name="proposal-title"]').fill('冬季加厚蚕丝被')
    await op.locator('.t-dialog input[name="proposal-unit"]').fill('床')
    await op.locator('#proposal-save').click()
    await op.locator('.t-dialog', { hasText: '请填写预计价格' }).waitFor()
    await op.locator('.t-dialog input[name="proposal-price"]').fill('399')
    await op.locator('.t-dialog .proposal-threshold input').fill('3')
    await op.locator('.t-dialog textarea[name="proposal-description"]').fill('桑蚕丝填充，200×230cm，够 3 床就去工厂谈团购价。')
    await shot(op, 'proposals', '01-console-new-proposal')
    await op.locator('#proposal-save').click()
    const row = op.locator('.proposals-table tbody tr', { hasText: '冬季加厚蚕丝被' })
    await row.waitFor()
    expect(await row.innerText()).toContain('0 户 · 0 / 3 床')
    const [proposal] = await app.ports.store.find('proposals', { where: { title: '冬季加厚蚕丝被' }, limit: 1 })
    if (!proposal) throw new Error('the proposal was not saved')
    expect(proposal).toMatchObject({ indicativePriceFen: 39900, threshold: 3, status: 'open' })

    // 王建国's home recommends what suits his household, each with a reason in words.
    const wang = await phone(browser)
    await loginAs(wang.page, app.url, 'u-wang')
    const forYou = wang.page.locator('#for-you')
    await forYou.waitFor()
    expect(await forYou.locator('.kit-cell').count()).toBeGreaterThan(0)
    for (const reason of await forYou.locator('.for-you__reason').allInnerTexts()) expect(reason).toMatch(/^[\u4e00-\u9fa5 ·]+$/)
    await forYou.scrollIntoViewIfNeeded()
    await shot(wang.page, 'proposals', '00-home-for-you')

    // He finds the proposal under 严选预售 and registers two for 1栋101.
    await wang.page.locator('#tile-presale').click()
    await cur(wang.page, '#go-proposals').click()
    await cur(wang.page, `#proposal-${proposal._id}`).click()
    await cur(wang.page, '#proposal-progress', '还差 3 床开团').waitFor()
    await cur(wang.page, '#proposal-qty-plus').click()
    await cur(wang.page, '#proposal-register', '登记 2 床').click()
    await cur(wang.page, '#proposal-mine', '本户已登记 2 床').waitFor()
    await cur(wang.page, '#proposal-progress', '还差 1 床开团').waitFor()
    await shot(wang.page, 'proposals', '02-resident-registered')

    // Two more households register on their own phones.
    await callAs(app.url, 'u-wang', 'order.registerInterest', { proposalId: proposal._id, householdId: 'h-a2-302', quantity: 1 }, COMMUNITY_A)
    await callAs(app.url, 'u-zhao', 'order.registerInterest', { proposalId: proposal._id, householdId: 'h-a3-201', quantity: 1 }, COMMUNITY_A)

    // The office has the quilt sourced, and converts: the pre-sale opens, each household is reserved.
    await callAs(app.url, 'u-operator-wu', 'order.saveProduct', { product: { name: '加厚蚕丝被', kind: 'goods', category: 'other', supplierId: 'sp-a-farm', description: '桑蚕丝填充', images: [], unit: '床', skus: [{ name: '200×230cm', priceFen: 45900, costFen: 26000 }] } }, COMMUNITY_A)
    await op.reload()
    await op.locator('.t-tabs__nav-item', { hasText: '意向登记' }).click()
    await op.locator('.proposals-table tbody tr', { hasText: '3 户 · 4 / 3 床' }).waitFor()
    await shot(op, 'proposals', '03-console-threshold-met')
    await op.locator('.proposals-table tbody tr', { hasText: '冬季加厚蚕丝被' }).locator('.proposal-convert').click()
    await op.locator('.t-dialog', { hasText: '3 户登记了 4 床' }).waitFor()
    await op.locator('.campaign-product').click()
    await op.locator('.t-select-option', { hasText: '加厚蚕丝被' }).click()
    await op.locator('.t-dialog .sku-price input').fill('379')
    expect(await op.locator('.t-dialog .sku-stock input').inputValue()).toBe('54')
    await op.locator('.t-dialog .sku-margin', { hasText: '毛利 ¥119.00' }).waitFor()
    await shot(op, 'proposals', '04-console-convert')
    await op.locator('#campaign-save').click()
    await op.locator('.t-message', { hasText: '为 3 户预留 4 床' }).waitFor()
    await op.locator('.proposals-table tbody tr', { hasText: '冬季加厚蚕丝被' }).locator('.t-tag', { hasText: '已转预售' }).waitFor()

    const orders = await app.ports.store.find('orders', { where: { proposalId: proposal._id }, limit: 10 })
    expect(orders.map((o) => [o.householdId, o.quantity, o.status, o.amountFen]).sort()).toEqual([
      ['h-a1-101', 2, 'pending_payment', 75800],
      ['h-a2-302', 1, 'pending_payment', 37900],
      ['h-a3-201', 1, 'pending_payment', 37900]
    ])

    // 王建国 is told, opens the proposal, and pays the reservation through the cashier.
    const told = await app.ports.store.find('inbox', { where: { userId: 'u-wang' }, limit: 200 })
    expect(told.filter((m) => m.title === '你登记的「冬季加厚蚕丝被」开团了')).toHaveLength(2)
    await wang.page.goto(`${app.url}#/packages/presale/pages/proposal/index?id=${proposal._id}&communityId=${COMMUNITY_A}`)
    await cur(wang.page, '#proposal-converted', '已为本户预留 2 床').waitFor()
    await shot(wang.page, 'proposals', '05-resident-reserved')
    await cur(wang.page, '#go-reservation').click()
    await cur(wang.page, '#order-status', '待支付').waitFor()
    await cur(wang.page, '#order-pay').click()
    await wang.page.locator('#cashier-page').waitFor()
    await wang.page.locator('#sandbox-confirm').click()
    await wang.page.locator('#result-status', { hasText: '支付成功' }).waitFor()
    await shot(wang.page, 'proposals', '06-resident-paid')

    for (const o of orders.filter((x) => x.householdId !== 'h-a1-101')) await payOrder(app.url, o.userId, o._id, COMMUNITY_A)
    await app.ports.sandbox.flush()

    // The board: 3 households, 4 registered, 3 reserved and paid, ¥1,516.00 in.
    await op.locator('.proposals-table tbody tr', { hasText: '冬季加厚蚕丝被' }).locator('.proposal-board').click()
    await op.locator('#proposal-funnel', { hasText: '100%' }).waitFor()
    expect(await op.locator('#proposal-campaign').innerText()).toContain('预留 3 单中已付 3 单')
    expect(await op.locator('#proposal-funnel').innerText()).toContain('¥1,516.00')
    expect(await op.locator('.proposal-registrations tbody').innerText()).not.toContain('待付款')
    await shot(op, 'proposals', '07-console-board')
    expect(office.errors).toEqual([])
    await wang.context.close()
    await office.context.close()
  })
})
