import type { Browser } from 'playwright-core'
import { demoCodes } from '../../scripts/seed/demo'
import { DEMO_FREE_HOUSEHOLD } from '../../scripts/server/personas'
import { type TestApp, startTestApp } from './support/app'
import { launch, phone, shot } from './support/browser'
import { loginAs, openTab } from './support/flows'

jest.setTimeout(120_000)

describe('foundation end to end (H5 build + local server + headless Chromium)', () => {
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

  it('shows the demo personas on a phone-sized login page', async () => {
    const { context, page } = await phone(browser)
    await page.goto(app.url)
    await page.locator('#persona-u-newcomer').waitFor()
    expect(await page.locator('[id^="persona-"]').count()).toBeGreaterThanOrEqual(9)
    await shot(page, 'foundation', '01-login')
    await context.close()
  })

  it('a new resident binds a household with its code and sees it on "me"', async () => {
    const { context, page } = await phone(browser)
    await loginAs(page, app.url, 'u-newcomer')
    await page.locator('#home-newcomer').waitFor()
    await shot(page, 'foundation', '02-newcomer-home')

    await page.locator('#go-bind').click()
    await page.locator('#bind-page').waitFor()
    const input = page.locator('#bind-page input')
    await input.fill('ABCD-EFGH')
    await page.locator('#bind-submit').click()
    await page.locator('#bind-error', { hasText: '房屋码不正确' }).waitFor()
    await shot(page, 'foundation', '03-bind-wrong-code')

    const code = demoCodes(app.codePepper)[DEMO_FREE_HOUSEHOLD] ?? ''
    await input.fill(`${code.slice(0, 4)}-${code.slice(4)}`)
    await page.locator('#bind-submit').click()
    await page.locator('#me').waitFor()
    await page.locator(`#household-${DEMO_FREE_HOUSEHOLD}`, { hasText: '3栋 102' }).waitFor()
    await shot(page, 'foundation', '04-me-after-bind')

    await openTab(page, '首页')
    await page.locator('#home-resident').waitFor()
    await page.locator('#tile-invite').waitFor()
    await shot(page, 'foundation', '05-resident-home-after-bind')
    await context.close()
  })

  it('a resident with two households sees the styled home and "me"', async () => {
    const { context, page } = await phone(browser)
    await loginAs(page, app.url, 'u-wang')
    await page.locator('#home-resident').waitFor()
    await shot(page, 'foundation', '06-resident-home')
    await openTab(page, '我的')
    await page.locator('#me-household-count', { hasText: '2 套' }).waitFor()
    await shot(page, 'foundation', '07-resident-me')
    await context.close()
  })

  it('each staff role lands on its own home', async () => {
    const { context, page } = await phone(browser)
    await loginAs(page, app.url, 'u-butler-zhang')
    await page.locator('#home-butler').waitFor()
    await shot(page, 'foundation', '08-butler-home')

    await loginAs(page, app.url, 'u-operator-wu')
    await page.locator('#home-operator').waitFor()
    await shot(page, 'foundation', '09-operator-home')

    await page.locator('#home-switch').click()
    await page.locator('#switch-page').waitFor()
    await shot(page, 'foundation', '10-context-switcher')
    await page.locator('#ctx-c-hexie-operator-staff').click()
    await page.locator('#home-operator').waitFor()
    await page.locator('#home-hero', { hasText: '和谐家园' }).waitFor()

    await loginAs(page, app.url, 'u-staff-sun')
    await page.locator('#home-staff').waitFor()
    await loginAs(page, app.url, 'u-verifier-zhou')
    await page.locator('#home-verifier').waitFor()
    await context.close()
  })
})
