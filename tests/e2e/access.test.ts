import type { Browser, Page } from 'playwright-core'
import type { GateAnswer } from '../../cloudfunctions/contracts/gate'
import { parseCode } from '../../cloudfunctions/domain/access/code'
import { buildDeviceRequest } from '../../cloudfunctions/domain/access/device-auth'
import { demoGateSecret } from '../../scripts/seed/access'
import { decodeDataUri } from '../support/qr-decode'
import { type TestApp, startTestApp } from './support/app'
import { desk, launch, phone, shot } from './support/browser'
import { loginAs } from './support/flows'

jest.setTimeout(180_000)

/**
 * Door access end to end: the H5 build in headless Chromium against the real local server. The
 * QR codes are read from the screen (the PNG the page shows, decoded by a QR reader) and
 * presented at the local gate endpoint, signed like a real device.
 */
describe('access control end to end', () => {
  let app: TestApp
  let browser: Browser
  let nonce = 0

  beforeAll(async () => {
    app = await startTestApp()
    browser = await launch()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  async function atGate(deviceId: string, door: string, code: string, secret = demoGateSecret(deviceId)): Promise<GateAnswer> {
    const req = buildDeviceRequest(secret, 'verify', { deviceId, ts: Date.now(), nonce: `e2e-nonce-${++nonce}-${Date.now()}`, door, code })
    const res = await fetch(`${app.url}gate/verify`, { method: 'POST', headers: req.headers, body: req.body })
    expect(res.status).toBe(200)
    return (await res.json()) as GateAnswer
  }

  /** What a scanner reads off the pass page right now. */
  async function scanPass(page: Page): Promise<string> {
    const img = page.locator('#pass-qr-img img')
    await img.waitFor()
    const src = await img.getAttribute('src')
    if (!src) throw new Error('the pass shows no image')
    return decodeDataUri(src)
  }

  function imageChangedFrom(page: Page, before: string | null) {
    return page.waitForFunction((b) => document.querySelector('#pass-qr-img img')?.getAttribute('src') !== b, before)
  }

  it('a resident opens the pass page; the code opens the gate once and changes after 30 s', async () => {
    const { context, page } = await phone(browser)
    // The page's clock is Playwright's: 30 seconds pass at once, the server's clock runs as usual.
    await page.clock.install({ time: new Date() })
    await loginAs(page, app.url, 'u-wang')
    await page.locator('#tile-visitor').waitFor()
    await shot(page, 'access', '00-resident-home')
    await page.locator('#tile-pass').click()
    await page.locator('#pass-page').waitFor()
    await page.locator('#pass-countdown', { hasText: '秒后自动刷新' }).waitFor()
    await page.locator('#pass-doors', { hasText: '1栋单元门' }).waitFor()
    expect(await page.locator('#pass-doors').textContent()).not.toContain('2栋单元门')
    await shot(page, 'access', '01-resident-pass')

    const first = await scanPass(page)
    expect(parseCode(first)?.claims).toMatchObject({ kind: 'resident', householdId: 'h-a1-101', userId: 'u-wang' })
    expect(await atGate('ly-main', 'd1', first)).toMatchObject({ decision: 'open', message: '欢迎回家' })
    expect(await atGate('ly-b1', 'd1', first)).toMatchObject({ decision: 'deny', reason: 'REPLAYED' })

    const shown = await page.locator('#pass-qr-img img').getAttribute('src')
    await page.clock.fastForward(30_000)
    await imageChangedFrom(page, shown)
    const second = await scanPass(page)
    expect(second).not.toBe(first)
    const [a, b] = [parseCode(first)?.claims, parseCode(second)?.claims]
    expect((b?.issuedAt ?? 0) - (a?.issuedAt ?? 0)).toBe(30_000)
    expect((b?.expiresAt ?? 0) - (b?.issuedAt ?? 0)).toBe(60_000)
    await shot(page, 'access', '02-resident-pass-after-30s')

    // "换一个" fetches a fresh code valid now, for the door right after the gate.
    const beforeRefresh = await page.locator('#pass-qr-img img').getAttribute('src')
    await page.locator('#pass-refresh').click()
    await imageChangedFrom(page, beforeRefresh)
    const fresh = await scanPass(page)
    expect(await atGate('ly-b1', 'd1', fresh)).toMatchObject({ decision: 'open' })
    await context.close()
  })

  let visitorLink = ''

  it('a resident invites a visitor and gets a link to share', async () => {
    const { context, page } = await phone(browser)
    await loginAs(page, app.url, 'u-wang')
    await page.locator('#tile-visitor').click()
    await page.locator('#visitors-page').waitFor()
    await page.locator('#visitors-new').click()
    await page.locator('#visitor-invite-page').waitFor()
    await page.locator('#visitor-create').click()
    await page.locator('.kit-field__error').first().waitFor()
    await shot(page, 'access', '03-visitor-invite-errors')
    await page.locator('#visitor-name input').fill('林晓')
    await page.locator('#visitor-phone input').fill('13712345678')
    await page.locator('#visitor-uses-1').click()
    await shot(page, 'access', '04-visitor-invite-form')
    await page.locator('#visitor-create').click()
    await page.locator('#visitor-created').waitFor()
    visitorLink = (await page.locator('#visitor-link').textContent()) ?? ''
    expect(visitorLink).toMatch(/#\/packages\/access\/pages\/visitor\/index\?t=[A-Za-z0-9_-]{16,}&communityId=[A-Za-z0-9_-]+$/)
    await shot(page, 'access', '05-visitor-created')

    // A second invitation, revoked from the list: its link then shows the pass as revoked.
    await page.locator('#visitor-another').click()
    await page.locator('#visitor-name input').fill('赵师傅')
    await page.locator('#visitor-create').click()
    const revokedLink = (await page.locator('#visitor-link').textContent()) ?? ''
    await page.goBack()
    const card = page.locator('[id^="visitor-pass-"]', { hasText: '赵师傅' })
    await card.locator('[id^="revoke-"]').waitFor()
    await shot(page, 'access', '05b-my-visitors-active')
    await card.locator('[id^="revoke-"]').click()
    await page.locator('.taro-model__confirm').click()
    await card.locator('.kit-chip', { hasText: '已撤销' }).waitFor()
    const { context: other, page: visitor } = await phone(browser)
    await loginAs(visitor, app.url, 'u-newcomer')
    await visitor.goto(revokedLink)
    await visitor.locator('#visitor-ended', { hasText: '已被邀请人撤销' }).waitFor()
    expect(await visitor.locator('#pass-qr-img').count()).toBe(0)
    await other.close()
    await context.close()
  })

  it('the visitor opens the link without any household, enters once, and the second use is refused', async () => {
    const { context, page } = await phone(browser)
    // No session yet: the page sends the visitor through the (dev) login and back.
    await page.goto(visitorLink)
    await page.locator('#persona-u-newcomer').click()
    await page.locator('#visitor-page').waitFor()
    await page.locator('#visitor-uses-left', { hasText: '还可通行 1 次' }).waitFor()
    const text = (await page.locator('#visitor-page').textContent()) ?? ''
    expect(text).toContain('林晓')
    expect(text).toContain('前往 1栋')
    for (const hostInfo of ['王建国', '101', '1380000']) expect(text).not.toContain(hostInfo)
    await shot(page, 'access', '06-visitor-pass')

    const code = await scanPass(page)
    expect(parseCode(code)?.claims).toMatchObject({ kind: 'visitor', householdId: null, userId: null })
    expect(await atGate('ly-b2', 'd1', code)).toMatchObject({ decision: 'deny', reason: 'DOOR_FORBIDDEN' })
    expect(await atGate('ly-b1', 'd1', code)).toMatchObject({ decision: 'open', message: '欢迎来访' })
    expect(await atGate('ly-b1', 'd1', code)).toMatchObject({ decision: 'deny', reason: 'REPLAYED' })

    await page.reload()
    await page.locator('#visitor-ended', { hasText: '通行次数已用完' }).waitFor()
    await shot(page, 'access', '07-visitor-pass-used-up')
    await context.close()
  })

  it('someone the card was forwarded to cannot use it', async () => {
    const { context, page } = await phone(browser)
    await loginAs(page, app.url, 'u-zhao')
    await page.goto(visitorLink)
    await page.locator('#state-error', { hasText: '已由他人领取' }).waitFor()
    await context.close()
  })

  it("the resident sees the visitor's entry in the household log and the pass as used", async () => {
    const { context, page } = await phone(browser)
    await loginAs(page, app.url, 'u-li')
    await page.locator('#tile-pass').click()
    await page.locator('#go-access-log').click()
    await page.locator('#access-log-page', { hasText: '访客 林晓' }).waitFor()
    await page.locator('#access-log-page', { hasText: '王建国' }).waitFor()
    await shot(page, 'access', '08-household-log')
    await page.goBack()
    await page.locator('#go-visitors').click()
    await page.locator('#visitors-page', { hasText: '次数已用完' }).waitFor()
    await shot(page, 'access', '09-my-visitors')
    await context.close()
  })

  it('an operator registers a gate in the console, sees its secret once, and reads a gate log on the phone', async () => {
    // Registration is done at a desk, where the one-time secret can be copied into the device.
    const office = await desk(browser)
    await office.page.goto(`${app.url}console/#/places`)
    await office.page.locator('#persona-u-operator-wu').click()
    await office.page.locator('#gate-new').click()
    await office.page.locator('.t-dialog input[name="gate-id"]').fill('ly-b2-west')
    await office.page.locator('.t-dialog input[name="gate-name"]').fill('2栋西门')
    await office.page.locator('.t-dialog .doors__name input').fill('2栋西侧单元门')
    await office.page.locator('.t-dialog .doors__zone').click()
    await office.page.locator('.t-select-option', { hasText: '楼栋门' }).click()
    await office.page.locator('.t-dialog .doors__building').click()
    await office.page.locator('.t-select-option', { hasText: '2栋' }).click()
    await shot(office.page, 'access', '11-operator-gate-form')
    await office.page.locator('#gate-save').click()
    const secret = ((await office.page.locator('#gate-secret .secret').textContent()) ?? '').trim()
    expect(Buffer.from(secret, 'base64url')).toHaveLength(32)
    // The device is entered with its community's prefix, so two communities can both have a 西门.
    const deviceId = ((await office.page.locator('#gate-secret code').first().textContent()) ?? '').trim()
    expect(deviceId).toBe('c-linyuan:ly-b2-west')
    await shot(office.page, 'access', '12-operator-gate-secret')

    // The new device works with the secret it was given, at the door it was given.
    const resident = await (async () => {
      const { context: c2, page: p2 } = await phone(browser)
      await loginAs(p2, app.url, 'u-wang')
      await p2.locator('#home-switch').click()
      await p2.locator('#ctx-c-linyuan-resident-h-a2-302').click()
      await p2.locator('#home-hero', { hasText: '2栋 302' }).waitFor()
      await p2.locator('#tile-pass').click()
      const code = await scanPass(p2)
      await c2.close()
      return code
    })()
    expect(await atGate(deviceId, 'd1', resident, Buffer.from(secret, 'base64url'))).toMatchObject({ decision: 'open' })
    await office.page.locator('#gate-done').click()
    await office.context.close()

    // On the phone the operator sees the devices, switches them and reads their logs; new ones are registered in the console.
    const { context, page } = await phone(browser)
    await loginAs(page, app.url, 'u-operator-wu')
    await page.locator('#tile-gates').click()
    await page.locator('#gate-ly-b2-west').waitFor()
    await page.locator('#gates-console', { hasText: '电脑端管理后台' }).waitFor()
    await shot(page, 'access', '10-operator-gates')
    await page.locator('#gate-log-ly-main').click()
    await page.locator('#gate-log-page', { hasText: '1栋 101' }).waitFor()
    await shot(page, 'access', '13-operator-gate-log')
    await context.close()
  })

  it('a butler sees the visitors to the grid', async () => {
    const { context, page } = await phone(browser)
    await loginAs(page, app.url, 'u-butler-zhang')
    await page.locator('#butler-visitors').click()
    await page.locator('#grid-visitors-page', { hasText: '林晓' }).waitFor()
    await page.locator('#grid-visitors-page', { hasText: '137****5678' }).waitFor()
    await shot(page, 'access', '14-butler-grid-visitors')
    await context.close()
  })
})
