import type { Browser, Page } from 'playwright-core'
import { COMMUNITY_A } from '../../scripts/seed/demo-ids'
import { PRESALE_IDS } from '../../scripts/seed/presale'
import { cardIdOf } from '../../cloudfunctions/domain/member/cards'
import { type TestApp, startTestApp } from './support/app'
import { desk, launch, phone, shot } from './support/browser'
import { loginAs } from './support/flows'

jest.setTimeout(240_000)

/** The page on screen: Taro's H5 router keeps earlier pages in the document, hidden. */
const cur = (page: Page, selector: string, hasText?: string) => page.locator(selector, hasText ? { hasText } : {}).last()

/**
 * 产品包 end to end (issue 19, part 4): the office sees what the package holds and its saving at
 * its desk; 王建国 buys the seeded 换季焕新包 on his phone and pays; the card arrives with the
 * order; he books a cleaning with it; then he cancels the order, and the refund takes back the
 * two uses left and keeps back the one he used.
 */
describe('a package: bought, its card used for a booking, refunded', () => {
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

  it('issues the card when paid, books with it, and a refund revokes the rest', async () => {
    // The office: the package's parts and their sum, with the saving at its price.
    const office = await desk(browser)
    const op = office.page
    await op.goto(`${app.url}console/#/presale`)
    await op.locator('#persona-u-operator-wu').click()
    await op.locator('.t-tabs__nav-item', { hasText: '商品' }).click()
    const row = op.locator('.products-table tbody tr', { hasText: '换季焕新包' })
    await row.waitFor()
    expect(await row.innerText()).toContain('日常保洁 3 次 + 清洁用品套装 ×1 + 除螨喷雾 ×2 · 单买 ¥477.00')
    await row.locator('button', { hasText: '修改' }).click()
    await op.locator('#package-sum', { hasText: '单买合计 ¥477.00，售价 ¥398.00 省 ¥79.00' }).waitFor()
    expect(await op.locator('.package-part').count()).toBe(3)
    await shot(op, 'packages', '01-console-package-parts')
    // A package left with no card is refused, naming the field, and nothing changes.
    await op.locator('.package-part').first().locator('button').click()
    await op.locator('#product-save').click()
    await op.locator('.t-dialog', { hasText: '产品包须包含一张服务卡' }).waitFor()
    await shot(op, 'packages', '02-console-no-card-refused')
    expect((await app.ports.store.get('products', 'pd-a-season'))?.parts).toHaveLength(3)
    await op.locator('.t-dialog button', { hasText: '取消' }).click()

    // 王建国 opens the pre-sale: what the package holds, and what it saves.
    const wang = await phone(browser)
    const page = wang.page
    await loginAs(page, app.url, 'u-wang')
    await page.goto(`${app.url}#/packages/presale/pages/detail/index?id=${PRESALE_IDS.season}&communityId=${COMMUNITY_A}`)
    await cur(page, '#package-saving', '产品包省 ¥109.00').waitFor()
    expect(await cur(page, '#package-parts').innerText()).toContain('日常保洁 3 次')
    await cur(page, '#package-parts').scrollIntoViewIfNeeded()
    await shot(page, 'packages', '03-resident-package-detail')
    await cur(page, '#go-confirm').click()
    await page.locator('#presale-confirm').waitFor()
    await page.locator('#confirm-submit').click()
    await page.locator('#cashier-page').waitFor()
    await page.locator('#sandbox-confirm').click()
    await page.locator('#result-status', { hasText: '支付成功' }).waitFor()
    await page.locator('#go-order').click()
    await cur(page, '#order-status', '已支付').waitFor()
    await cur(page, '#order-cards', '剩余 3/3 次').waitFor()
    await cur(page, '#order-cards').scrollIntoViewIfNeeded()
    await shot(page, 'packages', '04-resident-order-card')

    const [order] = await app.ports.store.find('orders', { where: { campaignId: PRESALE_IDS.season, userId: 'u-wang' }, limit: 1 })
    if (!order) throw new Error('the package order was not placed')
    const cardId = cardIdOf(`order:${order._id}:0`)
    expect(await app.ports.store.get('serviceCards', cardId)).toMatchObject({ usesTotal: 3, usesLeft: 3, status: 'active' })

    // He books a cleaning with the package's card.
    await page.goto(`${app.url}#/packages/service/pages/book/index?lineId=sl-a-clean&communityId=${COMMUNITY_A}`)
    await page.locator('#slot-picker').waitFor()
    const ids = await cur(page, '#slot-picker').locator('.sv-slot:not(.sv-slot--full)').evaluateAll((els) => els.map((e) => e.id))
    const later = ids.find((id) => Number(id.replace(/^slot-/, '')) - Date.now() > 3 * 3600_000)
    if (!later) throw new Error('no free cleaning slot')
    await cur(page, `#${later}`).click()
    await cur(page, '#pay-card').click()
    await cur(page, `#card-${cardId}`, '剩 3 次').click()
    await shot(page, 'packages', '05-resident-book-with-card')
    await cur(page, '#book-submit').click()
    await page.waitForFunction(() => location.hash.includes('/pages/booking/'))
    expect(await app.ports.store.get('serviceCards', cardId)).toMatchObject({ usesLeft: 2 })

    // He cancels the order: told what happens to the card, then refunded all but the used cleaning.
    await page.goto(`${app.url}#/packages/presale/pages/order/index?id=${order._id}&communityId=${COMMUNITY_A}`)
    await cur(page, '#order-cards', '剩余 2/3 次').waitFor()
    await cur(page, '#order-cancel').click()
    await page.locator('.taro-modal__content', { hasText: '已用的次数按产品包价格折算后扣除' }).waitFor()
    await page.locator('.taro-modal__foot >> text=确定').click()
    await cur(page, '#order-status', '退款中').waitFor()
    // WeChat Pay reports the refund: the order is then refunded.
    await app.ports.sandbox.flush()
    await page.reload()
    await cur(page, '#order-status', '已退款').waitFor()
    const after = await app.ports.store.get('orders', order._id)
    const share = Math.round((order.amountFen * 36_000) / 47_700)
    const kept = share - Math.round((share * 2) / 3)
    expect(after).toMatchObject({ status: 'refunded', retainedFen: kept, refundedFen: order.amountFen - kept })
    expect(await app.ports.store.get('serviceCards', cardId)).toMatchObject({ usesLeft: 0, status: 'void', revokedUses: 2 })
    await cur(page, '#order-retained').waitFor()
    await cur(page, '#order-cards', '2 次随退款收回').waitFor()
    await shot(page, 'packages', '06-resident-refunded')

    // The card can book nothing more; 我的服务卡 shows it refunded.
    await page.goto(`${app.url}#/packages/member/pages/cards/index?communityId=${COMMUNITY_A}`)
    await cur(page, '.mb-scard', '日常保洁 3 次卡').waitFor()
    expect(await cur(page, '.mb-scard', '日常保洁 3 次卡').innerText()).toContain('已退款')
    await shot(page, 'packages', '07-resident-cards')
    expect(office.errors).toEqual([])
    await wang.context.close()
    await office.context.close()
  })
})
