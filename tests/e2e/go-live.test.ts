import type { Browser } from 'playwright-core'
import { printedSetupCode } from '../../scripts/server/env'
import { type TestApp, startTestApp } from './support/app'
import { desk, launch, phone, shot } from './support/browser'
import { loginAs } from './support/flows'

jest.setTimeout(180_000)

/**
 * A property company's first day, from an empty database (`npm start -- --empty`): the console
 * at 1440x900 shows its sign-in code, the company's head scans it with the mini-program (the H5
 * build on a phone-sized page), becomes administrator with the setup code, confirms, and
 * creates the first community in the console.
 */
describe('going live from an empty database', () => {
  let app: TestApp
  let browser: Browser

  beforeAll(async () => {
    app = await startTestApp({ seed: false })
    browser = await launch()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  it('the holder of the setup code becomes administrator by scanning, then creates the first community', async () => {
    expect(app.setupCode).not.toBeNull()
    const { context, page, errors } = await desk(browser)
    await page.goto(`${app.url}console/`)
    await page.locator('#signin-qr').waitFor()
    const link = (await page.getAttribute('#signin-qr', 'data-link')) ?? ''
    expect(link).toContain('console-signin')
    await shot(page, 'go-live', '01-console-sign-in')

    // The company's head, a WeChat user with nothing yet, scans: no work role, but a first day.
    const mobile = await phone(browser)
    await loginAs(mobile.page, app.url, 'u-first-zhou')
    await mobile.page.goto(link)
    await mobile.page.locator('#console-signin', { hasText: '只有物业工作人员可以登录管理后台' }).waitFor()
    expect(await mobile.page.locator('#console-signin-confirm').count()).toBe(0)
    await shot(mobile.page, 'go-live', '02-phone-no-role')
    await mobile.page.locator('#console-signin-claim').click()

    // A wrong code is named at its field; the printed one makes the administrator.
    await mobile.page.locator('#claim-admin-code input').fill('K7M2-P9QX-R4TW')
    await mobile.page.locator('#claim-admin-submit').click()
    await mobile.page.locator('#claim-admin', { hasText: '初始化码不正确' }).waitFor()
    await shot(mobile.page, 'go-live', '03-phone-wrong-code')
    await mobile.page.locator('#claim-admin-code input').fill(printedSetupCode(app.setupCode ?? '').toLowerCase())
    await mobile.page.locator('#claim-admin-submit').click()
    await mobile.page.locator('.console-hero__title', { hasText: '你已是物业公司管理员' }).waitFor()
    await shot(mobile.page, 'go-live', '04-phone-admin')
    await mobile.page.locator('#claim-admin-continue').click()
    await mobile.page.locator('.console-roles', { hasText: '物业公司 · 管理员' }).waitFor()
    await mobile.page.locator('#console-signin-confirm').click()
    await mobile.page.locator('.console-hero__title', { hasText: '已确认登录' }).waitFor()

    // The console opens on the first community's form; bad fields are named by their labels.
    await page.locator('#first-community').waitFor()
    await shot(page, 'go-live', '05-first-community')
    await page.locator('#community-create').click()
    await page.locator('#first-community .t-form__item', { hasText: '社区名称' }).locator('.t-input__extra', { hasText: '至少 2 个字' }).waitFor()
    expect(await page.locator('#first-community .t-is-error').count()).toBe(4)
    await shot(page, 'go-live', '06-first-community-errors')
    const fill = (name: string, value: string) => page.locator(`#first-community input[name="${name}"]`).fill(value)
    await fill('name', '临江花园')
    await fill('city', '杭州')
    await fill('address', '滨江区江南大道 188 号')
    await fill('company', '邻里物业服务有限公司')
    await page.locator('#community-create').click()

    // Created: the administrator now works in it as its operator.
    await page.locator('.frame__community-name', { hasText: '临江花园' }).waitFor()
    await page.locator('.frame__roles', { hasText: '运营' }).waitFor()
    await page.locator('#state-empty', { hasText: '这个社区还没有房屋' }).waitFor()
    await shot(page, 'go-live', '07-community-created')
    expect(errors).toEqual([])
    await mobile.context.close()
    await context.close()
  })
})
