import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { DEMO_IMAGE_DIR } from '../../scripts/seed/photos'
import { type TestApp, startTestApp } from './support/app'
import { desk, launch, phone, shot } from './support/browser'
import { loginAs } from './support/flows'

jest.setTimeout(180_000)

/** A real photo from the demo set, picked from the computer as a clerk would. */
const PHOTO = path.join(DEMO_IMAGE_DIR, 'demo-photo-product-fruit.png')
const COVER = path.join(DEMO_IMAGE_DIR, 'demo-photo-event-craft.png')

/** Every thumbnail on the page shows a photo the local server actually serves (not a broken image). */
async function photosLoaded(page: Page, selector: string): Promise<number> {
  const imgs = page.locator(`${selector} img.thumb`)
  await imgs.first().waitFor()
  return page.locator(selector).evaluate((root) => {
    const all = Array.from(root.querySelectorAll<HTMLImageElement>('img.thumb'))
    return Promise.all(all.map((i) => (i.complete ? Promise.resolve() : new Promise((r) => i.addEventListener('load', r, { once: true }))))).then(() => all.filter((i) => i.naturalWidth > 0).length)
  })
}

/**
 * The selling side of the office at 1440x900: pre-sale products with staff photos, campaigns from
 * draft to published, events with covers and their sign-up lists, coupons issued to a segment,
 * and a worker's certificates. Signed in with the local persona picker (the scan has its own suite).
 */
describe('office console: pre-sales, events, coupons and certificates', () => {
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

  it('an operator adds a product with a photo, drafts and publishes a campaign, and reads a campaign board', async () => {
    const { context, page, errors } = await desk(browser)
    await page.goto(`${app.url}console/#/presale`)
    await page.locator('#persona-u-operator-wu').click()
    await page.locator('.campaigns-table tbody tr').first().waitFor()
    expect(await photosLoaded(page, '.campaigns-table')).toBeGreaterThan(0)
    await shot(page, 'console-selling', '01-campaigns')

    await page.locator('.t-tabs__nav-item', { hasText: '商品' }).click()
    await page.locator('.products-table tbody tr').first().waitFor()
    await page.locator('#product-new').click()
    await page.locator('.t-dialog input[name="product-name"]').fill('赣南脐橙')
    await page.locator('#product-images input[type="file"]').setInputFiles(PHOTO)
    await page.locator('#product-images .photo-field__item img.thumb').waitFor()
    await page.locator('.t-dialog .sku-name input').fill('5 斤装')
    await page.locator('.t-dialog input[name="product-unit"]').fill('箱')
    // No price yet: the SKU's price is named, and nothing is saved.
    await page.locator('#product-save').click()
    await page.locator('.t-dialog .sku-price', { hasText: '请填写价格' }).waitFor()
    await page.locator('.t-dialog .sku-price input').fill('59.9')
    await shot(page, 'console-selling', '02-product-dialog')
    await page.locator('#product-save').click()
    const row = page.locator('.products-table tbody tr', { hasText: '赣南脐橙' })
    await row.waitFor()
    expect(await row.innerText()).toContain('5 斤装 ¥59.90/箱')
    expect(await photosLoaded(page, '.products-table')).toBeGreaterThan(0)
    const [orange] = await app.ports.store.find('products', { where: { name: '赣南脐橙' }, limit: 2 })
    expect(orange?.images).toHaveLength(1)
    expect(orange?.images[0]).toMatch(/^local:[A-Za-z0-9_-]{24}\.png$/)
    await shot(page, 'console-selling', '03-products')

    await page.locator('.t-tabs__nav-item', { hasText: '预售活动' }).click()
    await page.locator('#campaign-new').click()
    await page.locator('.campaign-product').click()
    await page.locator('.t-select-option', { hasText: '赣南脐橙' }).click()
    expect(await page.locator('.t-dialog input[name="campaign-title"]').inputValue()).toBe('赣南脐橙 · 预售')
    await page.locator('.t-dialog .sku-price input').fill('49.9')
    await page.locator('.t-dialog .sku-stock input').fill('200')
    await shot(page, 'console-selling', '04-campaign-dialog')
    await page.locator('#campaign-save').click()
    const draft = page.locator('.campaigns-table tbody tr', { hasText: '赣南脐橙 · 预售' })
    await draft.locator('.t-tag', { hasText: '草稿' }).waitFor()
    await draft.locator('.campaign-publish').click()
    await page.locator('.t-popconfirm .t-button', { hasText: '确定' }).click()
    await draft.locator('.t-tag', { hasText: '未开始' }).waitFor()
    expect(await draft.innerText()).toContain('0 / 200')

    // A live campaign's board: figures, SKUs, every order, exportable.
    await page.locator('.campaigns-table tbody tr', { has: page.locator('.t-tag', { hasText: '预售中' }) }).first().locator('.campaign-board').click()
    await page.locator('.t-drawer .campaign-skus tbody tr').first().waitFor()
    await page.locator('.t-drawer .campaign-orders tbody tr').first().waitFor()
    await shot(page, 'console-selling', '05-campaign-board')
    const [file] = await Promise.all([page.waitForEvent('download'), page.locator('#export-campaign-orders-xlsx').click()])
    expect(file.suggestedFilename()).toMatch(/-订单\.xlsx$/)
    await page.locator('.t-drawer__close-btn').click()
    await page.locator('.t-drawer .campaign-skus').waitFor({ state: 'hidden' })

    // Its selling kit: a script edited on one tab and a daily target on the other, saved together.
    // The vegetable box's, which the demo seeds with a kit.
    const live = page.locator('.campaigns-table tbody tr', { hasText: '有机蔬菜箱' }).filter({ has: page.locator('.t-tag', { hasText: '预售中' }) })
    await live.locator('.campaign-kit').click()
    const script = page.locator('.t-dialog .kit-script-text textarea').first()
    await script.waitFor()
    await script.fill('邻居们好，赣南脐橙今晚开团，产地直发，满 20 户成团。')
    await page.locator('.t-dialog .t-tabs__nav-item', { hasText: '每日目标' }).click()
    await page.locator('.t-dialog .target-shares input').fill('3')
    await shot(page, 'console-selling', '06-kit-dialog')
    await page.locator('#kit-save').click()
    await page.locator('.t-message', { hasText: '已保存话术工具包和每日目标' }).waitFor()
    await live.locator('.campaign-kit').click()
    await expect(page.locator('.t-dialog .kit-script-text textarea').first().inputValue()).resolves.toContain('产地直发')
    await page.locator('.t-dialog .t-tabs__nav-item', { hasText: '每日目标' }).click()
    await expect(page.locator('.t-dialog .target-shares input').inputValue()).resolves.toBe('3')
    expect(errors).toEqual([])
    await context.close()
  })

  it('an operator records a competitor’s price and promotion, and sees it with cost and margin in the campaign editor', async () => {
    const { context, page, errors } = await desk(browser)
    await page.goto(`${app.url}console/#/presale`)
    await page.locator('#persona-u-operator-wu').click()
    await page.locator('.t-tabs__nav-item', { hasText: '竞品价格' }).click()
    await page.locator('.competitors-table tbody tr', { hasText: '盒马鲜生' }).waitFor()
    expect(await page.locator('#promo-calendar').innerText()).toContain('双12 年终好价')

    await page.locator('#competitor-new').click()
    await page.locator('.t-dialog input[name="competitor-name"]').fill('叮咚买菜')
    await page.locator('.competitor-product').click()
    await page.locator('.t-select-option', { hasText: '当季水果礼盒' }).click()
    await page.locator('.t-dialog input[name="competitor-item"]').fill('精品水果礼盒 4 斤')
    // A negative price is refused on the spot, and nothing is saved.
    await page.locator('.t-dialog input[name="competitor-price"]').fill('-5')
    await page.locator('#competitor-save').click()
    await page.locator('.t-dialog', { hasText: '请填写价格' }).waitFor()
    await page.locator('.t-dialog input[name="competitor-price"]').fill('109')
    await page.locator('.t-dialog .t-switch').click()
    await page.locator('.t-dialog input[name="competitor-promo-name"]').fill('双12 水果节')
    await page.locator('.t-dialog input[name="competitor-promo-price"]').fill('99')
    await shot(page, 'console-selling', '07-competitor-dialog')
    await page.locator('#competitor-save').click()
    const row = page.locator('.competitors-table tbody tr', { hasText: '叮咚买菜' })
    await row.waitFor()
    expect(await row.innerText()).toContain('对比 当季水果礼盒')
    expect(await page.locator('#promo-calendar').innerText()).toContain('叮咚买菜')
    await shot(page, 'console-selling', '08-competitors')

    // The campaign editor: cost and margin per SKU as the price is typed, competitors beside it.
    await page.locator('.t-tabs__nav-item', { hasText: '预售活动' }).click()
    await page.locator('#campaign-new').click()
    await page.locator('.campaign-product').click()
    await page.locator('.t-select-option', { hasText: '当季水果礼盒' }).click()
    await page.locator('.t-dialog .sku-price input').fill('89')
    await page.locator('.t-dialog .sku-stock input').fill('50')
    expect(await page.locator('.t-dialog .sku-margin').innerText()).toBe('成本 ¥68.00 · 毛利 ¥21.00（24%）')
    const compare = page.locator('#competitor-compare')
    await compare.locator('.competitor-compare__row', { hasText: '叮咚买菜' }).waitFor()
    expect(await compare.locator('.competitor-compare__row', { hasText: '叮咚买菜' }).innerText()).toMatch(/¥99\.00[\s\S]*双12 水果节[\s\S]*我们便宜 ¥10\.00/)
    expect(await compare.innerText()).toContain('百果园')
    await shot(page, 'console-selling', '09-campaign-compare')
    // Below cost: allowed, and said plainly when saved.
    await page.locator('.t-dialog .sku-price input').fill('59')
    expect(await page.locator('.t-dialog .sku-margin').innerText()).toBe('成本 ¥68.00 · 每份亏 ¥9.00')
    await page.locator('#campaign-save').click()
    await page.locator('.t-message', { hasText: '预售价 ¥59.00 低于成本价 ¥68.00' }).waitFor()
    await page.locator('.campaigns-table tbody tr', { hasText: '当季水果礼盒 · 预售' }).first().waitFor()
    await shot(page, 'console-selling', '10-below-cost-warning')
    expect(errors).toEqual([])
    await context.close()
  })

  it('event staff create an event with a cover and read a sign-up list; the operator sees events too', async () => {
    const { context, page, errors } = await desk(browser)
    await page.goto(`${app.url}console/#/events`)
    await page.locator('#persona-u-staff-sun').click()
    await page.locator('.events-table tbody tr').first().waitFor()
    expect(await page.locator('.t-menu__item').allInnerTexts()).toEqual(['活动', '登录设备'])
    await shot(page, 'console-selling', '06-events')

    await page.locator('#event-new').click()
    await page.locator('.t-dialog input[name="event-title"]').fill('阳台花园种植课')
    await page.locator('#event-cover input[type="file"]').setInputFiles(COVER)
    await page.locator('#event-cover .photo-field__item img.thumb').waitFor()
    await page.locator('.t-dialog .event-capacity input').fill('十二')
    await page.locator('#event-save').click()
    await page.locator('.t-dialog .t-form__item', { hasText: '名额' }).locator('.t-input__extra', { hasText: '请填写名额（整数）' }).waitFor()
    await page.locator('.t-dialog .event-capacity input').fill('12')
    await page.locator('.t-dialog .field-new-label input').fill('孩子年龄')
    await page.locator('.t-dialog button', { hasText: '添加' }).click()
    await page.locator('.t-dialog .event-field', { hasText: '孩子年龄（必填）' }).waitFor()
    await shot(page, 'console-selling', '07-event-dialog')
    await page.locator('#event-save').click()
    const added = page.locator('.events-table tbody tr', { hasText: '阳台花园种植课' })
    await added.waitFor()
    expect(await added.innerText()).toContain('0 / 12')
    expect(await photosLoaded(page, '.events-table')).toBeGreaterThan(1)

    await page.locator('.events-table tbody tr', { hasText: '上门深度保洁服务体验会' }).locator('.event-signups').click()
    await page.locator('.t-drawer .signups-table tbody tr').first().waitFor()
    await shot(page, 'console-selling', '08-signups')
    const [file] = await Promise.all([page.waitForEvent('download'), page.locator('#export-signups-csv').click()])
    expect(file.suggestedFilename()).toBe('上门深度保洁服务体验会-报名名单.csv')
    expect(errors).toEqual([])
    await context.close()
  })

  it('an operator makes a coupon, issues it to a building after seeing the count, and reads the need segments', async () => {
    const { context, page, errors } = await desk(browser)
    await page.goto(`${app.url}console/#/members`)
    await page.locator('#persona-u-operator-wu').click()
    await page.locator('.templates-table tbody tr').first().waitFor()
    await page.locator('.segment-table').waitFor()
    await shot(page, 'console-selling', '09-members')

    await page.locator('#template-new').click()
    await page.locator('.t-dialog input[name="template-title"]').fill('冬季家政券')
    await page.locator('#template-save').click()
    await page.locator('.t-dialog .t-form__item', { hasText: '面额' }).locator('.t-input__extra', { hasText: '请填写金额' }).waitFor()
    await page.locator('.t-dialog .template-value input').fill('15')
    await shot(page, 'console-selling', '10-template-dialog')
    await page.locator('#template-save').click()
    const coupon = page.locator('.templates-table tbody tr', { hasText: '冬季家政券' })
    await coupon.waitFor()
    expect(await coupon.innerText()).toContain('0 / 100')

    await coupon.locator('.template-issue').click()
    await page.locator('#issue-count', { hasText: '位住户' }).waitFor()
    await page.locator('.issue-segment').click()
    await page.locator('.t-select-option', { hasText: '楼栋：1栋' }).click()
    const count = page.locator('#issue-count', { hasText: /共 \d+ 位住户/ })
    await count.waitFor()
    const recipients = Number(/共 (\d+) 位住户/.exec(await count.innerText())?.[1])
    expect(recipients).toBeGreaterThan(0)
    await shot(page, 'console-selling', '11-issue')
    await page.locator('#issue-save').click()
    await page.locator('.t-message', { hasText: `已发放 ${recipients} 张` }).waitFor()
    await coupon.locator('td', { hasText: `${recipients} / 100` }).waitFor()

    await page.locator('.segment-needs label', { hasText: '省力' }).click()
    await page.locator('.segment-table').waitFor()
    await shot(page, 'console-selling', '12-segments')
    expect(errors).toEqual([])
    await context.close()
  })

  it("an operator gives a service line its cover and keeps a worker's certificate photos with the profile", async () => {
    const { context, page, errors } = await desk(browser)
    await page.goto(`${app.url}console/#/services`)
    await page.locator('#persona-u-operator-wu').click()
    const line = page.locator('.lines-table tbody tr', { hasText: '空调清洗' })
    await line.locator('button', { hasText: '修改' }).click()
    await page.locator('#line-cover .photo-field__remove').click()
    await page.locator('#line-cover input[type="file"]').setInputFiles(PHOTO)
    await page.locator('#line-cover .photo-field__item img.thumb').waitFor()
    await page.locator('#line-save').click()
    await page.locator('.t-message', { hasText: '已保存' }).first().waitFor()
    const [aircon] = await app.ports.store.find('serviceLines', { where: { name: '空调清洗' }, limit: 1 })
    expect(aircon?.cover).toMatch(/^local:[A-Za-z0-9_-]{24}\.png$/)

    const hu = page.locator('.workers-table tbody tr', { hasText: '胡师傅' })
    await hu.locator('td', { hasText: '未上传' }).waitFor()
    await hu.locator('button', { hasText: '修改' }).click()
    await page.locator('#worker-certificates input[type="file"]').setInputFiles([PHOTO, COVER])
    await page.locator('#worker-certificates .photo-field__item').nth(1).waitFor()
    await shot(page, 'console-selling', '13-worker-certificates')
    await page.locator('#worker-save').click()
    await page.locator('.t-message', { hasText: '已保存师傅档案' }).waitFor()
    expect(await photosLoaded(page, '.workers-table')).toBe(2)
    const [profile] = await app.ports.store.find('workers', { where: { name: '胡师傅' }, limit: 1 })
    expect(profile?.certificates).toHaveLength(2)
    await shot(page, 'console-selling', '14-services')
    expect(errors).toEqual([])
    await context.close()
  })

  it('customer service reads the rooms and takes on and closes a complaint, and sees nothing else', async () => {
    const { context, page, errors } = await desk(browser)
    await page.goto(`${app.url}console/#/complaints`)
    await page.locator('#persona-u-service-zhao').click()
    const open = page.locator('.complaints-table tbody tr', { hasText: '2 栋门口垃圾桶满了一整天没人清运' })
    await open.locator('.t-tag', { hasText: '待受理' }).waitFor()
    expect(await page.locator('.t-menu__item').allInnerTexts()).toEqual(['房屋', '客服台', '工单与 SLA', '微信客服', '投诉工单', '快递代收', '停车场', '社区公告', '问卷调研', '登录设备'])
    await shot(page, 'console-selling', '15-service-complaints')

    await open.locator('.complaint-respond').click()
    await page.locator('#respond-save').click()
    await page.locator('.t-dialog .t-form__item', { hasText: '处理说明' }).locator('.t-input__extra', { hasText: '请填写处理说明' }).waitFor()
    await page.locator('.t-dialog textarea[name="respond-text"]').fill('已通知保洁，今天 15 点前清运')
    await page.locator('#respond-save').click()
    await open.locator('.t-tag', { hasText: '处理中' }).waitFor()
    await open.locator('.complaint-respond', { hasText: '办结' }).click()
    await page.locator('.t-dialog textarea[name="respond-text"]').fill('垃圾已清运，已和保洁约定每天两次')
    await shot(page, 'console-selling', '16-service-respond')
    await page.locator('#respond-save').click()
    await open.locator('.t-tag', { hasText: '已处理' }).waitFor()

    // The rooms, read only: no import and no code slips for customer service.
    await page.locator('.menu-households').click()
    await page.locator('.households-table tbody tr').first().waitFor()
    expect(await page.locator('#households-import').count()).toBe(0)
    expect(await page.locator('#households-print').count()).toBe(0)
    await shot(page, 'console-selling', '17-service-households')
    // A cold link to an operator's page says it is not theirs.
    await page.goto(`${app.url}console/#/presale`)
    await page.locator('#state-missing', { hasText: '你在这个社区的身份看不到这个页面' }).waitFor()
    expect(errors).toEqual([])
    await context.close()

    // On the phone, 客服 has a desk with the complaints, closed one included.
    const mobile = await phone(browser)
    await loginAs(mobile.page, app.url, 'u-service-zhao')
    await mobile.page.locator('#tile-complaints').click()
    await mobile.page.locator('#staff-complaints', { hasText: '垃圾已清运' }).waitFor()
    await shot(mobile.page, 'console-selling', '18-service-phone')
    await mobile.context.close()
  })
})
