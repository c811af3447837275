import type { Browser, Page } from 'playwright-core'
import { COMMUNITY_A } from '../../scripts/seed/demo-ids'
import { callAs, devToken } from './support/api'
import { type TestApp, startTestApp } from './support/app'
import { desk, launch, phone, shot } from './support/browser'
import { loginAs } from './support/flows'
import { overflowing, primeStorage, settle } from './support/probe'

jest.setTimeout(240_000)

const FEATURE = 'household-360'
const HOME = 'h-a1-101'

/** Taro's H5 router keeps earlier pages in the document: the visible one is the last. */
const cur = (page: Page, selector: string, hasText?: string) => page.locator(selector, hasText ? { hasText } : {}).last()

/**
 * Household 360 (户档案) end to end: 张管家 opens 1栋 101's history at the door from its household
 * file in the H5 app, in both text modes; the office's 客服 opens 户档案 from the rooms table in the
 * console, reads each part in its tab and pages one with 加载更多, and opens it again from a cold link.
 */
describe('household 360', () => {
  let app: TestApp
  let browser: Browser

  beforeAll(async () => {
    app = await startTestApp()
    browser = await launch()
    // What the demo lacks, made the way the desk and the butler make it.
    const n = Date.now()
    await callAs(
      app.url,
      'u-service-zhao',
      'desk.createWorkOrder',
      { householdId: HOME, type: 'leak', channel: 'phone400', text: '厨房水管漏水，楼下已经渗水', photos: [], clientRequestId: `hh360-wo-${n}` },
      COMMUNITY_A
    )
    await callAs(app.url, 'u-service-zhao', 'parcel.register', { householdId: HOME, courier: 'sf', trackingNo: `SF${n}`, shelf: 'A-03', clientRequestId: `hh360-parcel-${n}` }, COMMUNITY_A)
    // 沪A12345 (a monthly card) let in by hand: a stay for the file's parking section.
    await callAs(app.url, 'u-service-zhao', 'parking.manualOpen', { lotId: 'lotLinyuanB1', direction: 'in', plate: '沪A12345', reason: '车牌识别失败', clientRequestId: `hh360-park-${n}` }, COMMUNITY_A)
    // More follow-ups than one page holds, so the console pages them.
    for (let i = 0; i < 22; i++) {
      await callAs(app.url, 'u-butler-zhang', 'insights.logFollowUp', { householdId: HOME, channel: i % 2 ? 'call' : 'visit', note: `第 ${i + 1} 次回访：住户反映楼道灯不亮`, clientRequestId: `hh360-follow-${n}-${i}` }, COMMUNITY_A)
    }
  })
  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  it('张管家 opens the household’s history from its file: members masked, arrears, and each part at the door', async () => {
    const { context, page } = await phone(browser)
    await loginAs(page, app.url, 'u-butler-zhang')
    await page.goto(`${app.url}#/packages/butler/pages/household/index?householdId=${HOME}&communityId=${COMMUNITY_A}`)
    await cur(page, '#household-page').waitFor()
    // The profile's parking: plates masked as phones are, the monthly card, the entries.
    const cars = cur(page, '#hh-parking')
    await cars.scrollIntoViewIfNeeded()
    expect(await cur(page, '#hh-parking-plates').innerText()).toMatch(/沪A·\*\*\*45/)
    expect(await cars.innerText()).not.toContain('12345')
    expect(await cur(page, '#hh-parking-card').innerText()).toMatch(/有效至 \d{4}-\d\d-\d\d/)
    await shot(page, FEATURE, '00-butler-household-parking')
    await cur(page, '#hh-history').click()
    await cur(page, '#history-page').waitFor()
    await cur(page, '#history-label', '1栋 101').waitFor()
    const body = (await cur(page, '#history-page').textContent()) ?? ''
    expect(body).toContain('王*国（业主）')
    expect(body).toContain('138****1111')
    expect(body).not.toContain('13800001111')
    expect(body).not.toContain('王建国')
    await cur(page, '#history-arrears', '有欠费').waitFor()
    await cur(page, '#history-bills', '逾期未缴').waitFor()
    await shot(page, FEATURE, '01-butler-history-bills')

    await cur(page, '#history-parts-workOrders').click()
    await cur(page, '#history-workOrders', '漏水').waitFor()
    expect(await cur(page, '#history-workOrders').textContent()).toContain('400 电话')
    await shot(page, FEATURE, '02-butler-history-work-orders')

    await cur(page, '#history-parts-parcels').click()
    await cur(page, '#history-parcels', '顺丰快递').waitFor()
    await shot(page, FEATURE, '03-butler-history-parcels')

    await cur(page, '#history-parts-followUps').click()
    await cur(page, '#history-followUps', '张管家').waitFor()
    expect(await cur(page, '#history-followUps').locator('[id^="history-row-"]').count()).toBe(20)
    await cur(page, '#history-more').click()
    await page.waitForFunction(() => document.querySelectorAll('#history-followUps [id^="history-row-"]').length >= 22)
    await shot(page, FEATURE, '04-butler-history-follow-ups')
    await context.close()
  })

  it('the butler’s history page in both text modes: nothing cut off, 长辈模式 grows', async () => {
    for (const elder of [false, true]) {
      const { context, page } = await phone(browser)
      await primeStorage(page, { token: await devToken(app.url, 'u-butler-zhang'), elder })
      await page.goto(`${app.url}#/packages/butler/pages/history/index?householdId=${HOME}&communityId=${COMMUNITY_A}`)
      await page.locator(`#history-page${elder ? '.is-elder' : ''}`).last().waitFor()
      await cur(page, '#history-bills').waitFor()
      await settle(page)
      const name = elder ? '06-butler-history-elder' : '05-butler-history-normal'
      await shot(page, FEATURE, name)
      expect({ name, overflow: await overflowing(page) }).toEqual({ name, overflow: [] })
      await context.close()
    }
  })

  it('客服 opens 户档案 from the rooms table, reads the parts tab by tab and pages the follow-ups', async () => {
    const office = await desk(browser)
    const { page } = office
    await page.goto(`${app.url}console/#/households`)
    await page.locator('#persona-u-service-zhao').click()
    const row = page.locator('.households-table tbody tr', { hasText: '1栋' }).filter({ hasText: '101' }).first()
    await row.waitFor()
    await shot(page, FEATURE, '10-console-households')
    await row.locator('a', { hasText: '户档案' }).click()
    await page.locator('.household360-header', { hasText: '户档案 · 1栋 101' }).waitFor()
    const header = (await page.locator('.household360-header').textContent()) ?? ''
    expect(header).toContain('王*国')
    expect(header).toContain('138****1111')
    expect(header).toContain('网格管家 张管家')
    expect(header).not.toContain('王建国')
    await page.locator('#part-bills', { hasText: '逾期未缴' }).waitFor()
    await shot(page, FEATURE, '11-console-household-bills')
    // The 14 parts' tabs scroll inside the card: the page itself is no wider than the window.
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0)

    await page.locator('.t-tabs__nav-item', { hasText: '工单' }).click()
    await page.locator('#part-workOrders', { hasText: '漏水' }).waitFor()
    await shot(page, FEATURE, '12-console-household-work-orders')

    await page.locator('.t-tabs__nav-item', { hasText: '跟进记录' }).click()
    const follows = page.locator('#part-followUps')
    await follows.locator('tbody tr').nth(19).waitFor()
    expect(await follows.locator('tbody tr').count()).toBe(20)
    await page.locator('#part-followUps-more').click()
    await follows.locator('tbody tr').nth(21).waitFor()
    expect(await follows.locator('tbody tr').count()).toBe(22)
    await expect(page.locator('#part-followUps-more').count()).resolves.toBe(0)
    await shot(page, FEATURE, '13-console-household-follow-ups')

    await page.locator('.t-tabs__nav-item', { hasText: '快递' }).click()
    await page.locator('#part-parcels', { hasText: '顺丰快递' }).waitFor()
    await shot(page, FEATURE, '14-console-household-parcels')

    // 车辆与车位: the space, the plates and the monthly card, plates masked as phones are.
    const parking = page.locator('.household360-parking', { hasText: 'B1-001' })
    await parking.waitFor()
    const cars = (await parking.innerText()).replace(/\s+/g, ' ')
    expect(cars).toContain('地下车库')
    expect(cars).toContain('产权车位')
    expect(cars).toContain('沪A·***45')
    expect(cars).toContain('生效中')
    const stay = page.locator('.household360-stays tbody tr').first()
    expect((await stay.innerText()).replace(/\s+/g, ' ')).toMatch(/沪A·\*\*\*45 地下车库 月卡 .* 在场 —/)
    expect(cars).not.toContain('沪A12345')
    await parking.scrollIntoViewIfNeeded()
    await shot(page, FEATURE, '16-console-household-parking')
    expect(office.errors).toEqual([])
    await office.context.close()
  })

  it('户档案 opens from a cold link, and a foreign household reads as not found', async () => {
    const office = await desk(browser)
    const { page } = office
    await page.goto(`${app.url}console/#/household/${HOME}`)
    await page.locator('#persona-u-service-zhao').click()
    await page.locator('.household360-header', { hasText: '1栋 101' }).waitFor()
    // A household with no car says so in words.
    await page.goto(`${app.url}console/#/household/h-a3-201`)
    await page.locator('.household360-parking', { hasText: '这户没有车位、登记车牌和月卡' }).waitFor()
    await shot(page, FEATURE, '17-console-household-no-parking')
    await page.goto(`${app.url}console/#/household/h-b1-101`)
    await page.locator('#state-error', { hasText: '没有找到这户' }).waitFor()
    await shot(page, FEATURE, '15-console-household-foreign')
    await office.context.close()
  })
})
