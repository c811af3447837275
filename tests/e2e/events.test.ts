import type { Browser, Page } from 'playwright-core'
import { COMMUNITY_A } from '../../scripts/seed/demo-ids'
import { localMains } from '../../scripts/server/local-runtime'
import { devToken } from './support/api'
import { type TestApp, startTestApp } from './support/app'
import { launch, phone, shot } from './support/browser'
import { loginAs } from './support/flows'
import { overflowing, primeStorage, settle } from './support/probe'

jest.setTimeout(180_000)

const EV = '/packages/event/pages'

/** Opens a page of the event subpackage inside the running app (same document, same session). */
async function open(page: Page, path: string): Promise<void> {
  await page.evaluate((p) => {
    window.location.hash = p
  }, path)
}

/** Taro's H5 router keeps earlier pages in the document: the visible one is the last. */
const cur = (page: Page, selector: string, hasText?: string) => page.locator(selector, hasText ? { hasText } : {}).last()

async function confirmModal(page: Page): Promise<void> {
  await page.locator('.taro-modal__foot >> text=确定').click()
}

describe('events end to end (H5 build + local server + headless Chromium)', () => {
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

  it('a resident signs up with the form and cancels', async () => {
    const { context, page } = await phone(browser)
    await loginAs(page, app.url, 'u-wang')
    await page.locator('#tile-events').click()
    await page.locator('#event-ev-demo-craft').waitFor()
    await shot(page, 'events', '01-resident-list')
    await page.locator('#event-ev-demo-craft').click()
    await page.locator('#event-detail').waitFor()
    await shot(page, 'events', '02-detail')
    await page.locator('#go-signup').click()
    await page.locator('#signup-page').waitFor()
    // The required field is checked by the same schema on the page before anything is sent.
    await page.locator('#signup-submit').click()
    await page.locator('#signup-kids-error', { hasText: '请填写孩子人数' }).waitFor()
    await page.locator('#field-kids input').fill('2')
    await shot(page, 'events', '03-signup-form')
    await page.locator('#signup-submit').click()
    await cur(page, '#my-status', '已报名').waitFor()
    await shot(page, 'events', '04-signed-up')
    await cur(page, '[id^="cancel-"]').click()
    await confirmModal(page)
    // The page reloads after the cancel: the sign-up goes (the button says 立即报名 throughout).
    await cur(page, '#event-detail').locator('#my-status').waitFor({ state: 'detached' })
    await cur(page, '#go-signup', '立即报名').waitFor()
    await context.close()
  })

  it('the waitlisted resident is promoted when a seat is freed, and is told', async () => {
    const li = await phone(browser)
    await loginAs(li.page, app.url, 'u-li')
    await open(li.page, `${EV}/signup/index?id=ev-demo-cleaning`)
    await li.page.locator('#signup-page').waitFor()
    await li.page.locator('#field-contact input').fill('李秀英')
    await li.page.locator('#field-period-上午').click()
    await li.page.locator('#signup-submit', { hasText: '加入候补' }).click()
    await cur(li.page, '#my-status', '候补第 1 位').waitFor()
    await shot(li.page, 'events', '05-waitlisted')

    const zhao = await phone(browser)
    await loginAs(zhao.page, app.url, 'u-zhao')
    await open(zhao.page, `${EV}/mine/index`)
    await zhao.page.locator('[id^="mine-ev-demo-cleaning"]').click()
    await cur(zhao.page, '[id^="cancel-"]').click()
    await confirmModal(zhao.page)
    await cur(zhao.page, '#go-signup', '加入候补').waitFor()
    await zhao.context.close()

    await loginAs(li.page, app.url, 'u-li')
    await open(li.page, `${EV}/mine/index`)
    await li.page.locator('#my-notices', { hasText: '候补成功，已为你保留席位' }).waitFor()
    await li.page.locator('[id^="mine-ev-demo-cleaning"]', { hasText: '已报名' }).waitFor()
    await shot(li.page, 'events', '06-promoted-notice')
    await li.context.close()
  })

  it('a verifier types the ticket code and the resident is checked in once', async () => {
    const wang = await phone(browser)
    await loginAs(wang.page, app.url, 'u-wang')
    await open(wang.page, `${EV}/ticket/index?id=${encodeURIComponent('ev-demo-health:h-a1-101:1')}`)
    const codeEl = wang.page.locator('#ticket-short-code')
    await codeEl.waitFor()
    // The signed ticket token is shown as a QR for the verifier's scanner, drawn on the phone.
    const qr = wang.page.locator('#ticket-qr img, img#ticket-qr').first()
    await qr.waitFor()
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/)
    await shot(wang.page, 'events', '07-ticket')
    const code = (await codeEl.textContent())?.trim() ?? ''
    expect(code).toMatch(/^[2-9A-Z]{6}$/)

    const v = await phone(browser)
    await loginAs(v.page, app.url, 'u-verifier-zhou')
    await v.page.locator('#tile-event-checkin').click()
    await v.page.locator('#event-ev-demo-health').click()
    await v.page.locator('#checkin-page').waitFor()
    await v.page.locator('#checkin-code input').fill(code)
    await v.page.locator('#checkin-submit').click()
    await v.page.locator('#checkin-done', { hasText: '王建国' }).waitFor()
    await shot(v.page, 'events', '08-checked-in')
    await v.page.locator('#checkin-code input').fill(code)
    await v.page.locator('#checkin-submit').click()
    await v.page.locator('#checkin-error', { hasText: '已签到' }).waitFor()
    await v.context.close()

    await open(wang.page, `${EV}/mine/index`)
    await wang.page.locator('#my-events').waitFor()
    await open(wang.page, `${EV}/ticket/index?id=${encodeURIComponent('ev-demo-health:h-a1-101:1')}`)
    await wang.page.locator('#ticket-checked').waitFor()
    await wang.page.locator('#ticket-rewards', { hasText: '10 积分' }).waitFor()
    await wang.context.close()
  })

  it('feedback earns its reward once', async () => {
    const { context, page } = await phone(browser)
    await loginAs(page, app.url, 'u-wang')
    await open(page, `${EV}/feedback/index?id=ev-demo-appliance`)
    await page.locator('#feedback-page').waitFor()
    for (const d of ['content', 'organisation', 'service']) await page.locator(`#rate-${d}-5`).click()
    await page.locator('#feedback-ideas textarea').fill('希望有上门修家电')
    await shot(page, 'events', '09-feedback-form')
    await page.locator('#feedback-submit').click()
    await page.locator('#feedback-reward', { hasText: '30 积分' }).waitFor()
    await shot(page, 'events', '10-feedback-reward')

    // Opened again (from a message, say): it says so instead of offering the form.
    await loginAs(page, app.url, 'u-wang')
    await open(page, `${EV}/feedback/index?id=ev-demo-appliance`)
    await cur(page, '#feedback-done', '你已评价过这场活动').waitFor()
    expect(await cur(page, '#feedback-page').locator('#feedback-submit').count()).toBe(0)
    await open(page, `${EV}/mine/index`)
    const rewards = page.locator('#my-rewards')
    await rewards.locator('text=30 积分').first().waitFor()
    expect(await rewards.locator('.kit-cell', { hasText: '评价奖励' }).count()).toBe(1)
    await shot(page, 'events', '11-my-rewards')
    await context.close()
  })

  it('links open from cold: a message’s ticket, a butler’s card and a poster’s code, signed out; a list reloaded', async () => {
    // The waitlist-promotion message links to the ticket with its community. Opened in a new
    // browser, it asks who is signing in and comes back to the ticket.
    const wang = await phone(browser)
    await wang.page.goto(`${app.url}#${EV}/ticket/index?id=${encodeURIComponent('ev-demo-health:h-a1-101:1')}&communityId=${COMMUNITY_A}`)
    await wang.page.locator('#persona-u-wang').click()
    await cur(wang.page, '#ticket-page').waitFor()
    await cur(wang.page, '#ticket-status').waitFor()
    await shot(wang.page, 'events', '18-cold-ticket')
    // Reloading a page in H5 keeps the session and the page.
    await wang.page.goto(`${app.url}#${EV}/list/index?communityId=${COMMUNITY_A}`)
    await wang.page.reload()
    await cur(wang.page, '#event-ev-demo-craft').waitFor()
    await wang.context.close()

    // A butler's card (event id, invitation token, community) opened signed out: sign in, then the
    // event shows who invited, and the visit is counted for the butler.
    const res = (await localMains(app.ports).event!(
      { action: 'shareInvite', input: { eventId: 'ev-demo-craft' }, communityId: COMMUNITY_A },
      { request_id: 'e2e-cold-share', identity: { openid: 'dev-u-butler-zhang', source: 'dev' } }
    )) as { ok: boolean; data: { path: string } }
    expect(res.ok).toBe(true)
    expect(res.data.path).toContain(`communityId=${COMMUNITY_A}`)
    const li = await phone(browser)
    await li.page.goto(`${app.url}#${res.data.path}`)
    await li.page.locator('#persona-u-li').click()
    await cur(li.page, '#detail-inviter', '张管家').waitFor()
    await cur(li.page, '#go-signup').waitFor()
    await shot(li.page, 'events', '19-cold-butler-card')
    await li.context.close()

    // The poster's mini-program code carries only the token (`scene`, 32 characters at most): the
    // recorded visit names the event and its community.
    const token = new URLSearchParams(res.data.path.split('?')[1]).get('inv') ?? ''
    const zhao = await phone(browser)
    await zhao.page.goto(`${app.url}#${EV}/detail/index?scene=${token}`)
    await zhao.page.locator('#persona-u-zhao').click()
    await cur(zhao.page, '#detail-inviter', '张管家').waitFor()
    await cur(zhao.page, '#event-detail', '邻里亲子手工课').waitFor()
    await zhao.context.close()
  })

  it('staff, butler and operator pages render their figures', async () => {
    const { context, page } = await phone(browser)
    await loginAs(page, app.url, 'u-staff-sun')
    await page.locator('#tile-event-manage').click()
    await page.locator('#event-ev-demo-cleaning').click()
    await page.locator('#signups-page').waitFor()
    await page.locator('#tab-waitlist').click()
    await shot(page, 'events', '12-staff-signups')
    await open(page, `${EV}/signups/index?id=ev-demo-appliance`)
    await page.locator('#feedback-summary').waitFor()
    await shot(page, 'events', '13-staff-feedback')
    await open(page, `${EV}/edit/index`)
    await page.locator('#event-edit').waitFor()
    await shot(page, 'events', '14-staff-editor')

    await loginAs(page, app.url, 'u-operator-wu')
    await page.locator('#tile-ideas').click()
    await page.locator('#ideas-page').waitFor()
    await page.locator('text=希望有上门修家电').waitFor()
    await shot(page, 'events', '15-ideas-board')

    await loginAs(page, app.url, 'u-butler-zhang')
    await page.locator('#butler-invites').click()
    await page.locator('#invite-ev-demo-craft').waitFor()
    await shot(page, 'events', '16-butler-invites')
    await open(page, `${EV}/poster/index?id=ev-demo-craft`)
    await page.locator('#poster-scene').waitFor()
    await shot(page, 'events', '17-poster')
    await context.close()
  })

  it('every event page in both text modes: nothing is cut off, 长辈模式 grows', async () => {
    const A = `communityId=${COMMUNITY_A}`
    const pages: [string, string, string, string][] = [
      ['u-wang', `${EV}/list/index?${A}`, '#event-list', 'list'],
      ['u-wang', `${EV}/detail/index?id=ev-demo-craft&${A}`, '#event-detail', 'detail'],
      ['u-wang', `${EV}/signup/index?id=ev-demo-cleaning&${A}`, '#signup-page', 'signup'],
      ['u-wang', `${EV}/mine/index?${A}`, '#my-events', 'mine'],
      ['u-wang', `${EV}/ticket/index?id=${encodeURIComponent('ev-demo-health:h-a1-101:1')}&${A}`, '#ticket-page', 'ticket'],
      ['u-wang', `${EV}/feedback/index?id=ev-demo-appliance&${A}`, '#feedback-page', 'feedback'],
      ['u-staff-sun', `${EV}/signups/index?id=ev-demo-appliance&${A}`, '#signups-page', 'signups'],
      ['u-staff-sun', `${EV}/edit/index?${A}`, '#event-edit', 'edit'],
      ['u-verifier-zhou', `${EV}/checkin/index?id=ev-demo-health&${A}`, '#checkin-page', 'checkin'],
      ['u-operator-wu', `${EV}/ideas/index?${A}`, '#ideas-page', 'ideas'],
      ['u-butler-zhang', `${EV}/invites/index?${A}`, '#invites-page', 'invites'],
      ['u-butler-zhang', `${EV}/poster/index?id=ev-demo-craft&${A}`, '#poster-page', 'poster'],
      ['u-butler-zhang', `${EV}/detail/index?id=ev-demo-craft&${A}`, '#event-detail', 'detail-butler']
    ]
    for (const elder of [false, true]) {
      for (const [persona, hash, root, name] of pages) {
        const { context, page } = await phone(browser)
        await primeStorage(page, { token: await devToken(app.url, persona), elder })
        await page.goto(`${app.url}#${hash}`)
        await page.locator(`${root}${elder ? '.is-elder' : ''}`).last().waitFor()
        await settle(page)
        const shotName = `${elder ? '3' : '2'}0-${elder ? 'elder' : 'normal'}-${name}`
        await shot(page, 'events', shotName)
        expect({ shotName, overflow: await overflowing(page) }).toEqual({ shotName, overflow: [] })
        await context.close()
      }
    }
  })
})
