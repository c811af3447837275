import type { Browser } from 'playwright-core'
import { COMMUNITY_A } from '../../scripts/seed/demo-ids'
import { callAs } from './support/api'
import { type TestApp, startTestApp } from './support/app'
import { desk, launch, phone, shot } from './support/browser'
import { loginAs, openTab } from './support/flows'

jest.setTimeout(180_000)

/**
 * The message centre and notices in the browser: a resident follows a bill reminder from the 消息
 * tab to paying it; the office publishes a notice to one building from the console, only that
 * building's residents see it, and the grid's butler reminds a household that has not read it.
 */
describe('message centre and notices', () => {
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

  it('a resident opens the message centre from a bill reminder and pays', async () => {
    const sent = await callAs(app.url, 'u-finance-he', 'fee.remind', { householdId: 'h-a1-101' }, COMMUNITY_A)
    expect(sent.messages).toBeGreaterThan(0)

    const { context, page } = await phone(browser)
    await loginAs(page, app.url, 'u-wang')
    // The tab shows how many are unread before the resident opens it.
    await page.locator('.weui-tabbar__item', { hasText: '消息' }).locator('.weui-badge').waitFor()
    await shot(page, 'messages', '01-home-badge')
    await openTab(page, '消息')
    const reminder = page.locator('#inbox .message--unread', { hasText: '缴费提醒' }).first()
    await reminder.waitFor()
    expect(await reminder.innerText()).toContain('已逾期')
    await shot(page, 'messages', '02-inbox')

    await reminder.click()
    await page.locator('#bills-page .bill').first().waitFor()
    await shot(page, 'messages', '03-bills-from-message')
    await page.locator('#pay-submit').click()
    await page.locator('#cashier-page').waitFor()
    await page.locator('#sandbox-confirm').click()
    await page.locator('#result-status', { hasText: '缴费成功' }).waitFor()

    // The payment leaves its own message, which opens the receipt.
    await page.goto('about:blank')
    await page.goto(`${app.url}#/pages/messages/index`)
    const paid = page.locator('#inbox .message', { hasText: '支付成功' }).first()
    await paid.waitFor()
    await shot(page, 'messages', '04-inbox-paid')
    await page.locator('#inbox-read-all').click()
    await page.locator('#inbox-unread', { hasText: '全部已读' }).waitFor()
    expect(await page.locator('#inbox .message--unread').count()).toBe(0)
    await shot(page, 'messages', '05-all-read')
    await paid.click()
    await page.locator('#receipt-no').waitFor()

    const inbox = await app.ports.store.find('inbox', { where: { userId: 'u-wang', kind: 'payment' }, limit: 5 })
    expect(inbox).toHaveLength(1)
    await context.close()
  })

  it('the office publishes a notice to one building; only it sees the notice; the butler reminds who has not read it', async () => {
    const office = await desk(browser)
    await office.page.goto(`${app.url}console/#/notices`)
    await office.page.locator('#persona-u-operator-wu').click()
    await office.page.locator('#notice-new').click()
    // Nothing filled in: the title and the category are named, and nothing is saved.
    await office.page.locator('#notice-save').click()
    await office.page.locator('.t-dialog .t-form__item', { hasText: '标题' }).locator('.t-input__extra', { hasText: '请填写标题' }).waitFor()
    await office.page.locator('.t-dialog .notice-title input').fill('1栋 12月8日停水通知')
    await office.page.locator('.t-dialog .notice-category .t-radio-button', { hasText: '停水停电' }).click()
    await office.page.locator('.t-dialog .notice-block-0-text textarea').fill('因二次供水设备检修，12月8日 9:00-15:00 1栋停水，请提前储水。\n如有急需请联系物业服务中心。')
    await office.page.locator('#notice-add-heading').click()
    await office.page.locator('.t-dialog .notice-block-1-text input').fill('温馨提示')
    await office.page.locator('.t-dialog .notice-audience .t-radio', { hasText: '指定楼栋' }).click()
    await office.page.locator('.t-dialog .notice-buildings').click()
    await office.page.locator('.t-select-option', { hasText: '1栋' }).click()
    await office.page.locator('.t-dialog__header').click()
    await office.page.locator('.t-dialog .notice-important').click()
    await shot(office.page, 'messages', '06-console-notice-dialog')
    await office.page.locator('#notice-save').click()
    const row = office.page.locator('.notices-table tbody tr', { hasText: '1栋 12月8日停水通知' })
    await row.waitFor()
    expect(await row.innerText()).toContain('展示中')
    await shot(office.page, 'messages', '07-console-notices')
    const [notice] = await app.ports.store.find('notices', { where: { title: '1栋 12月8日停水通知' }, limit: 2 })
    expect(notice).toMatchObject({ buildingIds: ['b-a1'], important: true, category: 'outage' })

    // 王建国 lives in 1栋: the notice is on his home and opens in full.
    const wang = await phone(browser)
    await loginAs(wang.page, app.url, 'u-wang')
    const onHome = wang.page.locator('#home-notices [id^="home-notice-"]', { hasText: '1栋 12月8日停水通知' })
    await onHome.waitFor()
    await shot(wang.page, 'messages', '08-resident-home-notice')
    await onHome.click()
    await wang.page.locator('#notice-title', { hasText: '1栋 12月8日停水通知' }).waitFor()
    expect(await wang.page.locator('#notice-page').innerText()).toContain('二次供水设备检修')
    await shot(wang.page, 'messages', '09-notice-detail')
    await wang.context.close()

    // 赵晓雨 lives in 3栋: neither her home nor her notices show it.
    const zhao = await phone(browser)
    await loginAs(zhao.page, app.url, 'u-zhao')
    await openTab(zhao.page, '消息')
    await zhao.page.locator('#messages-tabs-notices').click()
    await zhao.page.locator('#state-empty, #notices').first().waitFor()
    expect(await zhao.page.locator('#messages').innerText()).not.toContain('1栋 12月8日停水通知')
    await shot(zhao.page, 'messages', '10-other-building-notices')
    await zhao.context.close()

    // The butler of 1栋 sees who has not read it and reminds one household.
    const zhang = await phone(browser)
    await loginAs(zhang.page, app.url, 'u-butler-zhang')
    await zhang.page.locator('#tile-butler-notices').click()
    await zhang.page.locator(`#staff-notice-${notice!._id}`).click()
    await zhang.page.locator('#reach-unread').waitFor()
    expect(await zhang.page.locator('#reach-reads').innerText()).toBe('1')
    const first = zhang.page.locator('#reach-unread [id^="unread-"]', { hasText: '提醒阅读' }).first()
    await first.waitFor()
    await shot(zhang.page, 'messages', '11-butler-unread')
    await first.locator('.nut-button').click()
    await zhang.page.locator('#reach-unread .nut-button', { hasText: '今日已提醒' }).first().waitFor()
    await shot(zhang.page, 'messages', '12-butler-nudged')
    await zhang.context.close()

    const nudges = await app.ports.store.find('noticeNudges', { where: { noticeId: notice!._id }, limit: 5 })
    expect(nudges).toHaveLength(1)
    const reminded = await app.ports.store.find('inbox', { where: { kind: 'notice-nudge' }, limit: 10 })
    expect(reminded.length).toBeGreaterThan(0)
    expect(reminded[0]!.link).toContain(notice!._id)

    // The office reads the rate per building.
    await office.page.locator('.notices-table tbody tr', { hasText: '1栋 12月8日停水通知' }).locator('button', { hasText: '阅读情况' }).click()
    await office.page.locator('.reach-table tbody tr', { hasText: '1栋' }).waitFor()
    expect(await office.page.locator('.reach-table tbody tr', { hasText: '1栋' }).innerText()).toMatch(/20\s+1/)
    await shot(office.page, 'messages', '13-console-reach')
    expect(office.errors).toEqual([])
    const receipts = await app.ports.store.find('noticeReads', { where: { noticeId: notice!._id }, limit: 5 })
    expect(receipts.map((r) => r.householdId)).toEqual(['h-a1-101'])
    await office.context.close()
  })
})
