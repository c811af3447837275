import type { Browser, Page } from 'playwright-core'
import { shanghaiMonth } from '../../cloudfunctions/contracts/shanghai'
import { COMMUNITY_A } from '../../scripts/seed/demo-ids'
import { PRESALE_IDS } from '../../scripts/seed/presale'
import { DEMO_COURSE_ID, DEMO_COURSE_RIGHT_ANSWERS } from '../../scripts/seed/training'
import { callAs } from './support/api'
import { type TestApp, startTestApp } from './support/app'
import { desk, launch, phone, shot } from './support/browser'
import { loginAs } from './support/flows'

jest.setTimeout(300_000)

const BUTLER = 'u-butler-zhang'
const OPERATOR = 'u-operator-wu'
const RESIDENT = 'u-wang'
const FEATURE = 'butler-selling'
/** The demo's finished cleaning booking of 王's home, done by 马师傅. */
const DONE_BOOKING = 'bk-demo-past-1'
const WORKER = 'w-a-ma'

/** The page on screen: Taro's H5 router keeps earlier pages in the document, hidden. */
const cur = (page: Page, selector: string, hasText?: string) => page.locator(selector, hasText ? { hasText } : {}).last()

/**
 * Butler enablement end to end (issue 20), against the real local server in headless Chromium:
 * 张管家 passes the required pre-sale course, which opens the selling kit; he copies a script and
 * shares the vegetable box; 王 opens the card and buys; the commission lands on 张's statement,
 * the operator approves it in the console and 张 confirms receipt in the transfer sandbox; 王
 * thanks the worker of a finished booking, the operator approves the letter, puts the worker on
 * the month's 光荣榜 and publishes it, and 王 sees it.
 */
describe('butler selling: course, kit, commission, payout and the honour roll', () => {
  let app: TestApp
  let browser: Browser
  const month = shanghaiMonth(Date.now())

  beforeAll(async () => {
    app = await startTestApp()
    browser = await launch()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  it('张管家 passes the course, copies a script and shares; 王 buys; the statement is approved and paid', async () => {
    const butler = await phone(browser)
    const zp = butler.page
    await loginAs(zp, app.url, BUTLER)

    // The kit of the vegetable box is closed until the required course is passed.
    await zp.goto(`${app.url}#/packages/butler/pages/kit/index?kind=campaign&id=${PRESALE_IDS.veg}&communityId=${COMMUNITY_A}`)
    await cur(zp, `#missing-${DEMO_COURSE_ID}`).waitFor()
    await shot(zp, FEATURE, '01-kit-closed')

    // 学习与佣金 → the course → every lesson read → the quiz, passed.
    await zp.goto('about:blank')
    await zp.goto(`${app.url}#/pages/home/index`)
    await zp.locator('#tile-butler-grow').click()
    await cur(zp, '#grow-page').waitFor()
    await shot(zp, FEATURE, '02-grow')
    await cur(zp, '#grow-go-courses').click()
    await cur(zp, `#course-${DEMO_COURSE_ID}`).click()
    await cur(zp, '#course-page').waitFor()
    const lessons = await cur(zp, '#course-page').locator('[id^="lesson-"][id$="-read"]').count()
    expect(lessons).toBeGreaterThan(0)
    for (let n = 1; n <= lessons; n++) {
      await cur(zp, `#lesson-${n}-read`).click()
      await cur(zp, `#lesson-${n}-state`, '已学').waitFor()
    }
    await shot(zp, FEATURE, '03-course-read')
    await cur(zp, '#course-quiz').click()
    await cur(zp, '#quiz-page').waitFor()
    for (const [q, picks] of DEMO_COURSE_RIGHT_ANSWERS.entries()) {
      for (const i of picks) await cur(zp, `#q${q + 1}-${i}`).click()
    }
    await cur(zp, '#quiz-submit').click()
    await cur(zp, '#quiz-verdict', '通过').waitFor()
    await shot(zp, FEATURE, '04-quiz-passed')

    // The kit is open: copy a group script (recorded once), then prepare the share card.
    await zp.goto('about:blank')
    await zp.goto(`${app.url}#/packages/butler/pages/kit/index?kind=campaign&id=${PRESALE_IDS.veg}&communityId=${COMMUNITY_A}`)
    await cur(zp, '#kit-facts').waitFor()
    await cur(zp, '#copy-sveggroup1').click()
    await cur(zp, '#kit-today', '已复制话术 1 次').waitFor()
    await cur(zp, '#kit-share-prepare').click()
    await cur(zp, '#kit-share-send').waitFor()
    await shot(zp, FEATURE, '05-kit-open')
    const uses = await app.ports.store.find('kitUses', { where: { butlerUserId: BUTLER, refId: PRESALE_IDS.veg }, limit: 20 })
    expect(uses.filter((u) => u.what === 'copy_script')).toEqual([expect.objectContaining({ scriptId: 'sveggroup1' })])
    expect(uses.filter((u) => u.what === 'share')).toHaveLength(1)

    // The operator pays 8% of each order (the demo's rule, saved again as the console would) to the last butler whose card the buyer opened.
    await callAs(app.url, OPERATOR, 'selling.saveRule', { scope: 'campaign', refId: PRESALE_IDS.veg, mode: 'percent', percent: 8, touch: 'last' }, COMMUNITY_A)

    // 王 opens 张's card from the group and buys one box through the sandbox cashier.
    const share = await callAs(app.url, BUTLER, 'order.share', { campaignId: PRESALE_IDS.veg }, COMMUNITY_A)
    const wang = await phone(browser)
    await wang.page.goto(`${app.url}#${share.path}`)
    await wang.page.locator(`#persona-${RESIDENT}`).click()
    await cur(wang.page, '#presale-detail', '张管家').waitFor()
    await cur(wang.page, '#go-confirm').click()
    await cur(wang.page, '#confirm-submit').click()
    await cur(wang.page, '#sandbox-confirm').click()
    await cur(wang.page, '#result-status', '支付成功').waitFor()
    await wang.context.close()

    const [order] = await app.ports.store.find('orders', { where: { campaignId: PRESALE_IDS.veg }, limit: 10 })
    expect(order).toMatchObject({ status: 'paid', inviterUserId: BUTLER })
    const [accrued, ...more] = await app.ports.store.find('commissionEntries', { where: { orderId: order!._id }, limit: 10 })
    expect(more).toHaveLength(0)
    expect(accrued).toMatchObject({ butlerUserId: BUTLER, amountFen: Math.floor((order!.paidFen * 800) / 10000) })

    // The operator builds this month's statements and approves 张's in the console.
    const office = await desk(browser)
    const op = office.page
    await op.goto(`${app.url}console/#/commission`)
    await op.locator(`#persona-${OPERATOR}`).click()
    await op.locator('.rules-table').waitFor()
    await op.locator('.rules-table', { hasText: '8%' }).waitFor()
    await op.locator('.t-tabs__nav-item', { hasText: '结算单' }).click()
    // The tab opens on last month (the demo's statement waits there); this order is this month's.
    await op.locator('.statement-month').click()
    await op.locator('.t-select-option', { hasText: `${month.slice(0, 4)}年${Number(month.slice(5))}月` }).click()
    await op.locator('.statements-table', { hasText: '还没有结算单' }).waitFor()
    await op.locator('#statements-build').click()
    await op.locator('.statements-table', { hasText: '待审批' }).waitFor()
    await shot(op, FEATURE, '06-console-statements')
    await op.locator('.statements-table .statement-open').first().click()
    await op.locator('#statement-approve').click()
    await op.locator('.t-popconfirm .t-button', { hasText: '审批并打款' }).click()
    await op.locator('.t-drawer', { hasText: '待确认收款' }).waitFor()
    await shot(op, FEATURE, '07-console-approved')

    // 张 sees the statement and confirms receipt; the sandbox plays WeChat's confirmation page.
    const statementId = `${COMMUNITY_A}:${BUTLER}:${month}`
    await zp.goto('about:blank')
    await zp.goto(`${app.url}#/packages/butler/pages/statements/index`)
    await cur(zp, `#statement-${month}-status`, '待确认收款').waitFor()
    await shot(zp, FEATURE, '08-statements')
    await cur(zp, `#statement-${month}`).click()
    await cur(zp, '#statement-lines').waitFor()
    await cur(zp, '#confirm-receipt-btn').click()
    await cur(zp, '#transfer-sandbox-sheet').waitFor()
    await shot(zp, FEATURE, '09-confirm-sheet')
    await cur(zp, '#transfer-sandbox-confirm').click()
    await cur(zp, '#statement-status', '已到账').waitFor()
    await shot(zp, FEATURE, '10-statement-paid')

    const statement = await app.ports.store.get('commissionStatements', statementId)
    expect(statement).toMatchObject({ status: 'paid', payableFen: accrued!.amountFen })
    const transfers = await app.ports.store.find('transfers', { where: { refId: statementId }, limit: 10 })
    expect(transfers).toHaveLength(1)
    expect(transfers[0]).toMatchObject({ amountFen: accrued!.amountFen, state: 'SUCCESS' })
    await butler.context.close()
    await office.context.close()
  })

  it('王 thanks the worker; the operator approves it and publishes the 光荣榜; 王 sees it', async () => {
    const wang = await phone(browser)
    const wp = wang.page
    await loginAs(wp, app.url, RESIDENT)
    await wp.goto(`${app.url}#/packages/service/pages/booking/index?id=${DONE_BOOKING}&communityId=${COMMUNITY_A}`)
    await cur(wp, '#go-thank').click()
    await cur(wp, '#thank-text textarea, textarea#thank-text').fill('马师傅做事细致，厨房油烟机拆下来洗得干干净净，谢谢！')
    await shot(wp, FEATURE, '11-thank')
    await cur(wp, '#thank-submit').click()
    await cur(wp, '#thank-sent').waitFor()

    const office = await desk(browser)
    const op = office.page
    await op.goto(`${app.url}console/#/honor`)
    await op.locator(`#persona-${OPERATOR}`).click()
    await op.locator('.praise-table', { hasText: '油烟机' }).waitFor()
    await shot(op, FEATURE, '12-console-praise')
    await op.locator('.praise-table .praise-approve').first().click()
    await op.locator('.praise-table', { hasText: '油烟机' }).waitFor({ state: 'detached' })

    await op.locator('.t-tabs__nav-item', { hasText: '光荣榜' }).click()
    await op.locator(`.honor-pick-${WORKER}`).click()
    await op.locator(`.honor-reason-${WORKER} input`).fill('本月住户表扬，服务细致准时')
    await op.locator('#honor-save').click()
    await op.locator('#honor-publish').click()
    await op.locator('.t-popconfirm .t-button', { hasText: '确定' }).click()
    await op.locator('.honor-roll').waitFor()
    await shot(op, FEATURE, '13-console-honor')
    await office.context.close()

    await wp.goto('about:blank')
    await wp.goto(`${app.url}#/packages/service/pages/honor/index?communityId=${COMMUNITY_A}&month=${month}`)
    await cur(wp, `#honoree-${WORKER}`, '服务细致准时').waitFor()
    await shot(wp, FEATURE, '14-honor-roll')
    await wang.context.close()
  })
})
