import type { Browser, Page } from 'playwright-core'
import { type TestApp, startTestApp } from './support/app'
import { launch, phone, shot } from './support/browser'
import { loginAs } from './support/flows'

jest.setTimeout(180_000)

const SV = '/packages/service/pages'
const ST = '/packages/service-staff/pages'

async function open(page: Page, path: string): Promise<void> {
  await page.evaluate((p) => {
    window.location.hash = p
  }, path)
}

/** Taro's H5 router keeps earlier pages in the document: the visible one is the last. */
const cur = (page: Page, selector: string, hasText?: string) => page.locator(selector, hasText ? { hasText } : {}).last()

describe('home services end to end (H5 build + local server + headless Chromium)', () => {
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

  it('a resident books a cleaning and pays; the worker completes the checklist; the resident sees the timeline and rates', async () => {
    const resident = await phone(browser)
    const page = resident.page
    await loginAs(page, app.url, 'u-wang')
    await page.locator('#tile-service').click()
    await page.locator('#line-sl-a-clean').waitFor()
    await shot(page, 'booking', '01-service-list')
    await page.locator('#line-sl-a-clean').click()
    await page.locator('#slot-picker').waitFor()
    await cur(page, '.sv-slot:not(.sv-slot--full)').waitFor()
    await cur(page, '#slot-picker').locator('.sv-slot:not(.sv-slot--full)').first().click()
    await cur(page, '#pay-upfront').click()
    await shot(page, 'booking', '02-book-slot-picker')
    await cur(page, '#book-submit').click()
    await page.locator('#cashier-page').waitFor()
    await shot(page, 'booking', '03-sandbox-cashier')
    await page.locator('#sandbox-confirm').click()
    await page.locator('#result-status').waitFor()

    await open(page, `${SV}/mine/index`)
    await cur(page, '[id^="mine-"]').waitFor()
    const bookingId = ((await cur(page, '#my-bookings').locator('[id^="mine-"]').first().getAttribute('id')) ?? '').replace(/^mine-/, '')
    expect(bookingId).toMatch(/^bk/)
    await cur(page, `#mine-${bookingId}`).click()
    await cur(page, '#booking-status', '已预约').waitFor()
    expect(await cur(page, '#booking-worker').textContent()).toContain('马师傅')
    await shot(page, 'booking', '04-booking-confirmed')

    // The worker (马师傅, preferred: this household rated him well last time) works the checklist.
    const worker = await phone(browser)
    await loginAs(worker.page, app.url, 'u-worker-ma')
    await worker.page.locator('#home-worker').waitFor()
    await shot(worker.page, 'booking', '05-worker-home')
    await open(worker.page, `${ST}/job/index?id=${bookingId}`)
    await cur(worker.page, '#job-onway').click()
    await cur(worker.page, '#job-status', '师傅已出发').waitFor()
    await cur(worker.page, '#job-arrived').click()
    await cur(worker.page, '#job-status', '服务中').waitFor()
    for (let i = 0; i < 10; i++) {
      const next = cur(worker.page, '#job-checklist').locator('[id^="check-"]')
      if ((await next.count()) === 0) break
      const id = await next.first().getAttribute('id')
      await next.first().click()
      await cur(worker.page, `#done-${(id ?? '').replace(/^check-/, '')}`).waitFor()
      if (i === 2) await shot(worker.page, 'booking', '06-worker-checklist')
    }
    await cur(worker.page, '#job-finish', '完工').click()
    await cur(worker.page, '#job-done').waitFor()
    await shot(worker.page, 'booking', '07-worker-done')

    // The resident sees the timeline and rates.
    await page.goto('about:blank')
    await page.goto(`${app.url}#${SV}/booking/index?id=${bookingId}`)
    await cur(page, '#booking-status', '已完成').waitFor()
    await cur(page, '#rate-form').waitFor()
    await cur(page, '#tl-finished.sv-tl--done').waitFor()
    expect(await cur(page, '#timeline').locator('.sv-tl--done').count()).toBeGreaterThanOrEqual(10)
    await shot(page, 'booking', '08-resident-timeline')
    await cur(page, '#rate-punctuality-4').click()
    await cur(page, '#next-same').click()
    await cur(page, '#rate-comment textarea').fill('鞋套、垫布都有，很规范')
    await shot(page, 'booking', '09-rate')
    await cur(page, '#rate-submit').click()
    await cur(page, '#rating-view').waitFor()
    await shot(page, 'booking', '10-rated')
    await resident.context.close()
    await worker.context.close()
  })

  it('the dispatcher board, the operator’s reputation view and the butler’s follow-ups', async () => {
    const d = await phone(browser)
    await loginAs(d.page, app.url, 'u-dispatch-lin')
    await d.page.locator('#home-dispatcher').waitFor()
    await open(d.page, `${ST}/board/index`)
    await cur(d.page, '#board-page').waitFor()
    await shot(d.page, 'booking', '11-dispatch-board')
    await d.context.close()

    const op = await phone(browser)
    await loginAs(op.page, app.url, 'u-operator-wu')
    await op.page.locator('#tile-reputation').click()
    await cur(op.page, '#rep-w-a-ma').waitFor()
    await shot(op.page, 'booking', '12-reputation')
    await op.context.close()

    const butler = await phone(browser)
    await loginAs(butler.page, app.url, 'u-butler-zhang')
    await butler.page.locator('#butler-followups').click()
    await cur(butler.page, '#followup-bk-demo-past-2').waitFor()
    await shot(butler.page, 'booking', '13-followups')
    await butler.context.close()
  })
})
