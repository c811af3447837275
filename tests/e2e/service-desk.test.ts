import type { Browser } from 'playwright-core'
import { runSlaSweep } from '../../cloudfunctions/domain/desk/sla-job'
import { COMMUNITY_A } from '../../scripts/seed/demo-ids'
import { type TestApp, startTestApp } from './support/app'
import { desk, launch, phone, shot } from './support/browser'
import { loginAs } from './support/flows'

jest.setTimeout(180_000)

/**
 * The service desk in the browser: 客服 take a call in the console, find the caller's home by the
 * masked number on the screen, log a leak, and the skilled worker gets it in the mini-program; when
 * the clock passes the SLA the worker is reminded and the supervisors get the escalation. Then a
 * 微信客服 message is answered from the console and turned into a work order.
 */
describe('service desk', () => {
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

  it('客服 log a leak from a call; the worker gets it; a breach is escalated', async () => {
    const office = await desk(browser)
    await office.page.goto(`${app.url}console/#/desk`)
    await office.page.locator('#persona-u-service-zhao').click()
    await office.page.locator('#desk-stats').waitFor()
    // The caller's number shows masked on the phone's screen: that is enough to find the home.
    await office.page.locator('input[name="desk-q"]').fill('138****1111')
    await office.page.locator('#desk-find').click()
    await office.page.locator('.caller__hit', { hasText: '1栋 101' }).waitFor()
    await shot(office.page, 'service-desk', '01-console-find-caller')
    await office.page.locator('.caller__hit', { hasText: '1栋 101' }).locator('.caller__pick').click()
    await office.page.locator('#wo-household', { hasText: '1栋 101' }).waitFor()
    await office.page.locator('.wo-type-leak').click()
    await office.page.locator('#wo-sla', { hasText: '15 分钟内响应' }).waitFor()
    await office.page.locator('textarea[name="wo-text"]').fill('卫生间天花板漏水，楼上正在装修')
    await office.page.locator('input[name="wo-contact-name"]').fill('王先生')
    await office.page.locator('input[name="wo-contact-phone"]').fill('13800001111')
    await shot(office.page, 'service-desk', '02-console-log-leak')
    await office.page.locator('#wo-create').click()
    const row = office.page.locator('.wo-table tbody tr', { hasText: '卫生间天花板漏水' })
    await row.waitFor()
    expect(await row.innerText()).toContain('400 电话')
    const [wo] = await app.ports.store.find('workOrders', { where: { text: '卫生间天花板漏水，楼上正在装修' }, limit: 1 })
    expect(wo).toMatchObject({ type: 'leak', channel: 'phone400', householdId: 'h-a1-101', status: 'open' })
    expect(['u-worker-niu', 'u-worker-hu']).toContain(wo!.assigneeUserId)
    await shot(office.page, 'service-desk', '03-console-logged')

    // The worker finds it in the mini-program and answers it.
    const worker = await phone(browser)
    await loginAs(worker.page, app.url, wo!.assigneeUserId!)
    await worker.page.goto(`${app.url}#/packages/service-staff/pages/work-orders/index?communityId=${COMMUNITY_A}`)
    await worker.page.locator(`#wo-${wo!._id}`).waitFor()
    await shot(worker.page, 'service-desk', '04-worker-work-orders')
    await worker.page.locator(`#wo-${wo!._id}`).click()
    await worker.page.locator('#wo-timers').waitFor()
    await shot(worker.page, 'service-desk', '05-worker-work-order')

    // The clock passes the 15-minute answer and the 15 minutes of grace after it. The server's
    // clock is real, so the work order is moved back in time instead, and the SLA job runs.
    const shift = 31 * 60_000
    const fresh = (await app.ports.store.get('workOrders', wo!._id))!
    await app.ports.store.update('workOrders', wo!._id, {
      set: {
        createdAt: fresh.createdAt - shift,
        clockFrom: fresh.clockFrom - shift,
        due: { respond: fresh.due.respond - shift, arrive: (fresh.due.arrive ?? 0) - shift, finish: fresh.due.finish - shift },
        alarmAt: (fresh.alarmAt ?? 0) - shift
      }
    })
    const report = await runSlaSweep(app.ports)
    expect(report.escalations).toBeGreaterThanOrEqual(1)
    const up = await app.ports.store.find('inbox', { where: { kind: 'work-order-breach', userId: 'u-operator-wu' }, limit: 20 })
    expect(up.some((m) => m.title === '工单响应超时升级')).toBe(true)
    const reminded = await app.ports.store.find('inbox', { where: { kind: 'work-order-breach', userId: wo!.assigneeUserId! }, limit: 20 })
    expect(reminded.some((m) => m.title === '工单响应已超时')).toBe(true)

    await worker.page.reload()
    await worker.page.locator('#wo-status', { hasText: '已超时' }).waitFor()
    await shot(worker.page, 'service-desk', '06-worker-breached')
    await worker.page.locator('#wo-step-go').click()
    await worker.page.locator('#wo-step-go', { hasText: '已到场' }).waitFor()
    await worker.context.close()

    // The desk sees it among the breached, with the escalation on its timer.
    await office.page.goto(`${app.url}console/#/work-orders`)
    await office.page.locator('#wo-stats').waitFor()
    await office.page.locator('.t-radio-button', { hasText: '已超时' }).click()
    const late = office.page.locator('.wo-table tbody tr', { hasText: '卫生间天花板漏水' })
    await late.waitFor()
    await late.locator('.wo-open').click()
    await office.page.locator('.wo-stage--late', { hasText: '响应' }).waitFor()
    expect(await office.page.locator('.wo-drawer').innerText()).toContain('已升级给主管')
    await shot(office.page, 'service-desk', '07-console-breach-escalated')
    expect(office.errors).toEqual([])
    await office.context.close()
  })

  it('客服 answer a 微信客服 message and turn it into a work order', async () => {
    const office = await desk(browser)
    await office.page.goto(`${app.url}console/#/chats`)
    await office.page.locator('#persona-u-service-zhao').click()
    const chat = office.page.locator('.chat-item', { hasText: '声控灯' })
    await chat.waitFor()
    await chat.click()
    await office.page.locator('#chat-thread .bubble--in', { hasText: '声控灯' }).waitFor()
    await office.page.locator('textarea[name="chat-reply"]').fill('您好，已安排电工今天下午上门检修')
    await office.page.locator('#chat-send').click()
    await shot(office.page, 'service-desk', '08-console-chat-reply')
    await office.page.locator('#chat-thread .bubble--out', { hasText: '已安排电工' }).waitFor()
    await office.page.locator('#chat-to-work-order').click()
    await office.page.locator('.wo-type-electric').click()
    await office.page.locator('#wo-create').click()
    await office.page.locator('#chat-thread .thread__note', { hasText: '已转为工单' }).waitFor()
    await shot(office.page, 'service-desk', '09-console-chat-to-work-order')
    const [made] = await app.ports.store.find('workOrders', { where: { source: 'chat', householdId: 'h-a1-101' }, limit: 5 })
    expect(made).toMatchObject({ type: 'electric', channel: 'wechat' })
    expect(office.errors).toEqual([])
    await office.context.close()

    // 王建国 reads the answer in the mini-program's own chat, and follows his work order.
    const wang = await phone(browser)
    await loginAs(wang.page, app.url, 'u-wang')
    await wang.page.goto(`${app.url}#/packages/service/pages/contact/index?communityId=${COMMUNITY_A}`)
    await wang.page.locator('#chat-messages .sv-bubble--out', { hasText: '已安排电工' }).waitFor()
    await shot(wang.page, 'service-desk', '10-resident-chat')
    await wang.page.goto(`${app.url}#/packages/service/pages/work-order/index?id=${made!._id}&communityId=${COMMUNITY_A}`)
    await wang.page.locator('#wo-timers').waitFor()
    await shot(wang.page, 'service-desk', '11-resident-work-order')
    await wang.context.close()
  })

  it('客服 book a home service for a caller, to be paid after the service by the resident', async () => {
    const office = await desk(browser)
    await office.page.goto(`${app.url}console/#/desk`)
    await office.page.locator('#persona-u-service-zhao').click()
    await office.page.locator('input[name="desk-q"]').fill('1栋101')
    await office.page.locator('#desk-find').click()
    await office.page.locator('#wo-household', { hasText: '1栋 101' }).waitFor()
    await office.page.locator('#desk-book-for').click()
    // The household's members are listed once its options have loaded.
    await office.page.locator('.t-dialog .t-radio', { hasText: '王*国' }).waitFor()
    await office.page.locator('.book-for-line').click()
    await office.page.locator('.t-select-option', { hasText: '日常保洁' }).click()
    await office.page.locator('.book-for-slot').click()
    // The slots of the chosen service, each with the places left.
    await office.page.locator('.t-select-option:visible', { hasText: '余' }).first().click()
    await office.page.locator('.t-dialog .t-radio', { hasText: '王*国' }).click()
    await shot(office.page, 'service-desk', '12-console-book-for')
    await office.page.locator('#book-for-save').click()
    await office.page.locator('.t-message', { hasText: '已为王*国预约日常保洁' }).waitFor()
    const [booked] = await app.ports.store.find('bookings', { where: { householdId: 'h-a1-101', channel: 'phone400' }, limit: 5 })
    expect(booked).toMatchObject({ userId: 'u-wang', payMode: 'after', status: 'confirmed' })
    expect(office.errors).toEqual([])
    await office.context.close()
  })

  it('客服 order a pre-sale for a caller; finance takes the cash and prints the receipt; the resident sees it paid', async () => {
    const office = await desk(browser)
    await office.page.goto(`${app.url}console/#/desk`)
    await office.page.locator('#persona-u-service-zhao').click()
    await office.page.locator('input[name="desk-q"]').fill('1栋101')
    await office.page.locator('#desk-find').click()
    await office.page.locator('#wo-household', { hasText: '1栋 101' }).waitFor()
    await office.page.locator('#desk-order-for').click()
    await office.page.locator('.t-dialog .t-radio', { hasText: '王*国' }).waitFor()
    await office.page.locator('.order-for-campaign').click()
    await office.page.locator('.t-select-option:visible').first().click()
    await office.page.locator('.order-for-sku').click()
    await office.page.locator('.t-select-option:visible:not(.t-is-disabled)', { hasText: '余' }).first().click()
    await office.page.locator('.t-dialog .t-radio', { hasText: '王*国' }).click()
    await shot(office.page, 'service-desk', '13-console-order-for')
    await office.page.locator('#order-for-save').click()
    await office.page.locator('.t-message', { hasText: '已为王*国下单' }).waitFor()
    const [order] = await app.ports.store.find('orders', { where: { householdId: 'h-a1-101', channel: 'phone400' }, limit: 5 })
    expect(order).toMatchObject({ userId: 'u-wang', status: 'pending_payment', enteredBy: { userId: 'u-service-zhao' } })
    expect(office.errors).toEqual([])
    await office.context.close()

    // 王建国 comes down with cash: finance finds the home, ticks the order, counts the money.
    const finance = await desk(browser)
    await finance.page.goto(`${app.url}console/#/cash`)
    await finance.page.locator('#persona-u-finance-he').click()
    await finance.page.locator('input[name="desk-q"]').fill('1栋101')
    await finance.page.locator('#desk-find').click()
    const orderRow = finance.page.locator('.cash-due tbody tr', { hasText: order!.code })
    await orderRow.waitFor()
    await orderRow.locator('.t-checkbox').click()
    await finance.page.locator('input[name="cash-payer"]').fill('王建国')
    // What is due is filled in; the clerk checks it against the cash counted.
    expect(Math.round(Number(await finance.page.locator('input[name="cash-received"]').inputValue()) * 100)).toBe(order!.amountFen)
    await shot(finance.page, 'service-desk', '14-console-cash-due')
    await finance.page.locator('#cash-record').click()
    await finance.page.locator('#cash-receipt-no').waitFor()
    expect(await finance.page.locator('#cash-receipt').innerText()).toContain('现金（经办：何财务）')
    await shot(finance.page, 'service-desk', '15-console-cash-receipt')
    expect((await app.ports.store.get('orders', order!._id))!.status).toBe('paid')
    expect(finance.errors).toEqual([])
    await finance.context.close()

    const wang = await phone(browser)
    await loginAs(wang.page, app.url, 'u-wang')
    await wang.page.goto(`${app.url}#/packages/presale/pages/order/index?id=${order!._id}&communityId=${COMMUNITY_A}`)
    await wang.page.locator('#order-status', { hasText: '已支付' }).waitFor()
    await shot(wang.page, 'service-desk', '16-resident-order-paid-cash')
    await wang.context.close()
  })
})
