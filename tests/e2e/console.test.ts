import type { Browser, Page } from 'playwright-core'
import { type TestApp, startTestApp } from './support/app'
import { desk, launch, phone, shot } from './support/browser'
import { loginAs } from './support/flows'
import { callAs, devToken, payOneBill } from './support/api'
import type { BarrierAnswer } from '../../cloudfunctions/contracts/parking-barrier'
import { runNightly } from '../../cloudfunctions/domain/insights/nightly'
import { COMMUNITY_A } from '../../scripts/seed/demo-ids'
import { DEMO_LOT_ID } from '../../scripts/seed/parking'
import { formatFen } from '../../src/utils/money'
import { gateSim } from '../support/gate'

jest.setTimeout(180_000)

/**
 * The office console at 1440x900, signed in the way staff do it: the console shows a code, the
 * staff member opens it in the mini-program (the H5 build on a phone-sized page stands in for
 * WeChat's scanner), confirms, and the console opens in their community.
 */
describe('office console: sign in by scanning', () => {
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

  /** What the console's QR code holds, as a scanner reads it. */
  async function scannedLink(page: Page): Promise<string> {
    await page.locator('#signin-qr').waitFor()
    const link = await page.getAttribute('#signin-qr', 'data-link')
    if (!link) throw new Error('the sign-in code holds no link')
    return link
  }

  it('an operator scans, confirms on the phone, works in the console, then signs that computer out from the phone', async () => {
    const { context, page, errors } = await desk(browser)
    await page.goto(`${app.url}console/#/sessions`)
    const link = await scannedLink(page)
    expect(page.url()).toContain('#/login?redirect=%2Fsessions')
    await shot(page, 'console', '01-sign-in')

    const mobile = await phone(browser)
    await loginAs(mobile.page, app.url, 'u-operator-wu')
    await mobile.page.goto(link)
    await mobile.page.locator('#console-signin-confirm').waitFor()
    await mobile.page.locator('.console-roles', { hasText: '临苑社区 · 运营' }).waitFor()
    await mobile.page.locator('#console-signin', { hasText: 'Chrome · Linux' }).waitFor()
    await shot(mobile.page, 'console', '02-phone-confirm')
    await mobile.page.locator('#console-signin-confirm').click()
    await mobile.page.locator('.console-hero__title', { hasText: '已确认登录' }).waitFor()
    await shot(mobile.page, 'console', '03-phone-confirmed')

    // The console collects its session and returns to the page it was opened on.
    await page.locator('.sessions-table', { hasText: 'Chrome · Linux' }).waitFor()
    expect(page.url()).toMatch(/#\/sessions$/)
    await page.locator('.sessions-table .t-tag', { hasText: '当前' }).waitFor()
    await page.locator('.frame__user', { hasText: '吴运营' }).waitFor()
    await shot(page, 'console', '04-sessions')

    await page.locator('.menu-home').click()
    await page.locator('#overview-stats', { hasText: '48 户' }).waitFor()
    await page.locator('.buildings-table', { hasText: '1栋' }).waitFor()
    await shot(page, 'console', '05-overview')

    // Working in the other community the operator serves reloads the page for it.
    await page.locator('.community-switch').click()
    await page.locator('.t-select-option', { hasText: '和谐家园' }).click()
    await page.locator('#overview-stats').waitFor()
    await page.locator('.buildings-table', { hasText: 'A座' }).waitFor()
    await shot(page, 'console', '06-overview-other-community')

    // From the phone: the computer is listed and signed out at once.
    await mobile.page.locator('#console-signin-sessions').click()
    await mobile.page.locator('#console-sessions', { hasText: 'Chrome · Linux' }).waitFor()
    await shot(mobile.page, 'console', '07-phone-sessions')
    await mobile.page.locator('[id^="console-session-"][id$="-revoke"]').first().click()
    await mobile.page.locator('.taro-modal__foot >> text=退出登录').click()
    await mobile.page.locator('#state-empty', { hasText: '没有在电脑上登录' }).waitFor()
    await shot(mobile.page, 'console', '08-phone-signed-out')

    // The console's next call is refused, and it goes back to the code.
    await page.locator('.menu-sessions').click()
    await page.locator('#signin-qr').waitFor()
    expect(page.url()).toContain('#/login?redirect=%2Fsessions')
    await shot(page, 'console', '09-signed-out')

    expect(errors).toEqual([])
    await mobile.context.close()
    await context.close()
  })

  it('a resident who scans is told only staff can sign in, and cannot confirm', async () => {
    const { context, page } = await desk(browser)
    await page.goto(`${app.url}console/`)
    const link = await scannedLink(page)
    const mobile = await phone(browser)
    await loginAs(mobile.page, app.url, 'u-wang')
    await mobile.page.goto(link)
    await mobile.page.locator('#console-signin', { hasText: '只有物业工作人员可以登录管理后台' }).waitFor()
    expect(await mobile.page.locator('#console-signin-confirm').count()).toBe(0)
    await shot(mobile.page, 'console', '10-phone-resident-refused')
    // The console is still waiting for a staff member.
    expect(await page.locator('#signin-qr').count()).toBe(1)
    await mobile.context.close()
    await context.close()
  })

  it('cancelling on the phone tells the console, which offers a fresh code', async () => {
    const { context, page } = await desk(browser)
    await page.goto(`${app.url}console/`)
    const first = await scannedLink(page)
    const mobile = await phone(browser)
    await loginAs(mobile.page, app.url, 'u-staff-sun')
    await mobile.page.goto(first)
    await mobile.page.locator('#console-signin-reject').click()
    await mobile.page.locator('.console-hero__title', { hasText: '已取消这次登录' }).waitFor()
    await page.locator('#signin-ended', { hasText: '已在手机上取消登录' }).waitFor()
    await shot(page, 'console', '11-cancelled')
    await page.locator('#signin-refresh').click()
    const second = await scannedLink(page)
    expect(second).not.toBe(first)
    await mobile.context.close()
    await context.close()
  })

  it('shows each role only its menus, and a cold link outside them says so (local persona sign-in)', async () => {
    const { context, page, errors } = await desk(browser)
    await page.goto(`${app.url}console/#/households`)
    await page.locator('#persona-u-staff-sun').click()
    await page.locator('#state-missing', { hasText: '你在这个社区的身份看不到这个页面' }).waitFor()
    expect(await page.locator('.menu-home').count()).toBe(0)
    await page.locator('.frame__roles', { hasText: '活动专员' }).waitFor()
    await shot(page, 'console', '12-staff-no-households')
    // The way on is the role's own first page: events, for event staff.
    await page.locator('#state-missing button', { hasText: '去活动' }).click()
    await page.locator('.events-table').waitFor()
    expect(errors).toEqual([])
    await context.close()

    // Finance signs in at the console's home and lands on bills and arrears; its menus are the fee ones.
    const fin = await desk(browser)
    const p = fin.page
    await p.goto(`${app.url}console/#/`)
    await p.locator('#persona-u-finance-he').click()
    await p.locator('#collection-stats').waitFor()
    expect(await p.locator('.t-menu__item').allInnerTexts()).toEqual(['账单与欠费', '现金收款', '收款与退款', '收费设置', '登录设备'])
    const wang = p.locator('.arrears-table tbody tr', { hasText: '1栋 101' })
    await wang.waitFor()
    await shot(p, 'console', '13-finance-bills')

    // Remind 1栋 101 now; a second click within the week is refused with the reason.
    await wang.locator('button', { hasText: '提醒缴费' }).click()
    await p.locator('.t-message', { hasText: '已提醒1栋 101' }).waitFor()
    await wang.locator('button', { hasText: '提醒缴费' }).click()
    await p.locator('.t-message', { hasText: '7 天内已提醒过' }).waitFor()

    // A call logged shows as the household's last contact.
    await wang.locator('button', { hasText: '记录电话' }).click()
    await p.locator('.t-dialog textarea[name="call-note"]').fill('业主出差，月底回来缴清')
    await shot(p, 'console', '14-finance-call')
    await p.locator('#call-save').click()
    await wang.locator('td', { hasText: '承诺缴费：业主出差，月底回来缴清（何财务）' }).waitFor()

    // A one-off charge for one building: a missing amount is named, then one bill per household.
    await p.locator('#charge-new').click()
    await p.locator('.t-dialog input[name="charge-title"]').fill('3 栋电梯维修分摊')
    await p.locator('#charge-save').click()
    await p.locator('.t-dialog .t-form__item', { hasText: '每户金额' }).locator('.t-input__extra', { hasText: '请填写金额' }).waitFor()
    await p.locator('.t-dialog input[name="charge-amount"]').fill('120')
    await p.locator('.charge-buildings').click()
    await p.locator('.t-select-option', { hasText: '3栋' }).click()
    await p.locator('.t-dialog__header').click()
    await shot(p, 'console', '15-finance-charge')
    await p.locator('#charge-save').click()
    await p.locator('.t-message', { hasText: '已生成 8 张账单' }).waitFor()

    // 王建国 paid a bill on his phone; finance finds it by room and refunds part of it.
    const paymentId = await payOneBill(app.url, 'u-wang', 'h-a1-101', COMMUNITY_A)
    await p.locator('.menu-payments').click()
    await p.locator('input[name="payments-query"]').fill('1栋 101')
    await p.locator('#payments-search').click()
    const paid = p.locator('.payments-table tbody tr', { hasText: '已支付' }).first()
    await paid.waitFor()
    await paid.locator('button', { hasText: '退款' }).click()
    await p.locator('.refund-lines tbody tr').first().locator('.t-input input').fill('10')
    await p.locator('#refund-save').click()
    await p.locator('.t-dialog .t-form__item', { hasText: '退款原因' }).locator('.t-input__extra', { hasText: '请填写退款原因' }).waitFor()
    await p.locator('.t-dialog input[name="refund-reason"]').fill('多收的车位费，退回差额')
    await shot(p, 'console', '16-finance-refund')
    await p.locator('#refund-save', { hasText: '¥10.00' }).click()
    await p.locator('.t-message', { hasText: '退款已提交' }).waitFor()
    const refunds = await app.ports.store.find('refunds', { where: { paymentId }, limit: 5 })
    expect(refunds.map((r) => [r.amountFen, r.reason])).toEqual([[1000, '多收的车位费，退回差额']])
    await shot(p, 'console', '17-finance-payments')

    await p.locator('.menu-fees').click()
    await p.locator('.items-table tbody tr', { hasText: '物业费' }).waitFor()
    await p.locator('.runs-table tbody tr').first().waitFor()
    await shot(p, 'console', '18-finance-fees')
    expect(fin.errors).toEqual([])
    await fin.context.close()
  })

  it('an operator adds a service line with its standard and sets a worker up (local persona sign-in)', async () => {
    const { context, page, errors } = await desk(browser)
    await page.goto(`${app.url}console/#/services`)
    await page.locator('#persona-u-operator-wu').click()
    await page.locator('.lines-table tbody tr').first().waitFor()
    await page.locator('#line-new').click()
    await page.locator('.t-dialog input[name="line-name"]').fill('油烟机深度清洗')
    await page.locator('.t-dialog input[name="line-price"]').fill('168')
    await page.locator('.t-dialog .checklist-item input').first().fill('铺设防护布')
    await page.locator('.t-dialog button', { hasText: '再加一项' }).click()
    await page.locator('.t-dialog .checklist-item input').nth(1).fill('拆洗油网与风轮')
    await shot(page, 'console', '19-service-line')
    await page.locator('#line-save').click()
    await page.locator('.lines-table tbody tr', { hasText: '油烟机深度清洗' }).locator('td', { hasText: '铺设防护布；拆洗油网与风轮' }).waitFor()
    expect(await page.locator('.lines-table tbody tr', { hasText: '油烟机深度清洗' }).innerText()).toContain('¥168.00')

    const hu = page.locator('.workers-table tbody tr', { hasText: '胡师傅' })
    await hu.locator('button', { hasText: '修改' }).click()
    await page.locator('.t-dialog input[name="worker-company"]').fill('安居家政服务有限公司')
    await shot(page, 'console', '20-worker')
    await page.locator('#worker-save').click()
    await hu.locator('td', { hasText: '安居家政服务有限公司' }).waitFor()
    await shot(page, 'console', '21-services')
    expect(errors).toEqual([])
    await context.close()
  })

  /** Pays in the sandbox cashier as the persona would on the phone. */
  async function confirmInSandbox(personaId: string, launch: { kind: string; prepayId?: string } | null): Promise<void> {
    if (launch?.kind !== 'sandbox') return
    await fetch(`${app.url}sandbox/pay/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await devToken(app.url, personaId)}` },
      body: JSON.stringify({ prepayId: launch.prepayId })
    })
  }

  it('an operator reads the dashboard and the churn cases, and exports them (local persona sign-in)', async () => {
    // Today's parking: a driver from elsewhere pays a 50-minute stay at the exit, and 王建国 buys
    // a two-month card (300 yuan a month); the nightly pass then brings the board up to date.
    const sim = gateSim(app.ports)
    const plate = '浙C66779'
    const entry = sim.signed('barrier', { deviceId: 'ly-car', ts: Date.now(), nonce: `e2e-revenue-${Date.now()}`, door: 'd1', plate, at: Date.now() - 50 * 60_000, eventId: `e2e-revenue-${Date.now()}`, photo: 'cam/e2e-revenue.jpg' })
    expect(((await sim.send('barrier', entry)) as BarrierAnswer).decision).toBe('open')
    const { session } = await callAs(app.url, 'u-newcomer', 'parking.driverSession', { lotId: DEMO_LOT_ID, plate })
    const stay = await callAs(app.url, 'u-newcomer', 'pay.createAsDriver', { lotId: DEMO_LOT_ID, payables: [session!.payable!], clientRequestId: `e2e-stay-${Date.now()}` })
    await confirmInSandbox('u-newcomer', stay.launch)
    const card = await callAs(app.url, 'u-wang', 'parking.buyCard', { lotId: DEMO_LOT_ID, plate: '沪AD12345', months: 2, clientRequestId: `e2e-card-${Date.now()}` }, COMMUNITY_A)
    const cardPay = await callAs(app.url, 'u-wang', 'pay.create', { payables: [card.payable!], clientRequestId: `e2e-card-pay-${Date.now()}` }, COMMUNITY_A)
    await confirmInSandbox('u-wang', cardPay.launch)
    await app.ports.sandbox.flush()
    await runNightly(app.ports, { communityId: COMMUNITY_A })

    const { context, page, errors } = await desk(browser)
    await page.goto(`${app.url}console/#/insights`)
    await page.locator('#persona-u-operator-wu').click()
    await page.locator('#insights-figures .stat').first().waitFor()
    expect(await page.locator('#insights-figures .stat__label').allInnerTexts()).toEqual(['订单', '成交额', '客单价', '回购率', '物业费收缴率', '服务评分'])
    expect(await page.locator('#insights-parking .stat__label').allInnerTexts()).toEqual(['临停收入', '临停缴费', '月卡收入', '月卡售出'])
    const parking = await page.locator('#insights-parking .stat__value').allInnerTexts()
    expect(parking.map((v) => v.replace(/[↑↓]/g, '').trim())).toEqual([formatFen(stay.payment.totalFen), '1 笔', formatFen(60000), '1 张'])
    expect(await page.locator('#insights-gmv .bars__col').count()).toBe(30)
    await page.locator('.cases-table tbody tr').first().waitFor()
    await shot(page, 'console', '22-insights')
    const [file] = await Promise.all([page.waitForEvent('download'), page.locator('#export-cases-csv').click()])
    expect(file.suggestedFilename()).toBe('临苑社区-流失预警.csv')

    // In 收款与退款 the driver's payment names the stay and the masked plate where a room would be.
    await page.locator('.menu-payments').click()
    const driverRow = page.locator('.payments-table tbody tr', { hasText: stay.payment.outTradeNo })
    await driverRow.waitFor()
    expect(await driverRow.innerText()).toContain('临停缴费 · 浙C·***79')
    await shot(page, 'console', '23-payments-driver')
    expect(errors).toEqual([])
    await context.close()
  })
})
