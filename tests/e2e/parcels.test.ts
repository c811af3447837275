import type { Browser } from 'playwright-core'
import { COMMUNITY_A } from '../../scripts/seed/demo-ids'
import { callAs } from './support/api'
import { type TestApp, startTestApp } from './support/app'
import { desk, launch, phone, shot } from './support/browser'
import { loginAs, openTab } from './support/flows'

jest.setTimeout(180_000)

const TRACKING = 'JD0077123456789'

/**
 * Parcels (快递代收) in the browser: the front desk registers a parcel in the console for a
 * household found by room; the resident finds the message and the parcel with its code and QR;
 * a verifier scans the QR on the phone and the parcel leaves the shelf once.
 */
describe('parcels', () => {
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

  it('registered in the console, seen by the resident, picked up once with the QR code', async () => {
    // 客服 at the front desk: find 1栋 101 by room, register a 京东 parcel with its shelf.
    const office = await desk(browser)
    await office.page.goto(`${app.url}console/#/parcels`)
    await office.page.locator('#persona-u-service-zhao').click()
    await office.page.locator('#parcel-register').waitFor()
    await office.page.locator('.parcel-find input').fill('1-101')
    await office.page.locator('#parcel-find-go').click()
    await office.page.locator('.parcel-picker__hits .t-radio', { hasText: '1栋 101' }).first().click()
    await office.page.locator('.parcel-courier').click()
    await office.page.locator('.t-select-option', { hasText: '京东' }).click()
    await office.page.locator('.parcel-tracking input').fill(TRACKING)
    await office.page.locator('.parcel-shelf input').fill('B-07')
    await shot(office.page, 'parcels', '01-console-register')
    await office.page.locator('#parcel-register-save').click()
    const registered = office.page.locator('#parcel-registered')
    await registered.waitFor()
    expect(await registered.innerText()).toContain('1栋 101')
    const [parcel] = await app.ports.store.find('parcels', { where: { trackingNo: TRACKING }, limit: 2 })
    expect(parcel).toMatchObject({ householdId: 'h-a1-101', courier: 'jd', shelf: 'B-07', status: 'waiting', registeredByName: '赵客服' })
    expect(await registered.innerText()).toContain(`${parcel!.pickupCode.slice(0, 3)} ${parcel!.pickupCode.slice(3)}`)
    await office.page.locator('.parcels-table tbody tr', { hasText: TRACKING }).waitFor()
    await shot(office.page, 'parcels', '02-console-registered')

    // The same number again (for the wrong home, say): refused on the field, nothing written.
    await office.page.locator('.parcel-find input').fill('2-302')
    await office.page.locator('#parcel-find-go').click()
    await office.page.locator('.parcel-picker__hits .t-radio', { hasText: '2栋 302' }).first().click()
    await office.page.locator('.parcel-tracking input').fill(TRACKING.toLowerCase())
    await office.page.locator('#parcel-register-save').click()
    await office.page.locator('.t-form__item', { hasText: '快递单号' }).locator('.t-input__extra', { hasText: '已登记' }).waitFor()
    await shot(office.page, 'parcels', '03-console-duplicate')
    expect(await app.ports.store.count('parcels', { trackingKey: parcel!.trackingKey })).toBe(1)

    // 王建国 opens the message and sees the parcel with its code and QR.
    const wang = await phone(browser)
    await loginAs(wang.page, app.url, 'u-wang')
    await openTab(wang.page, '消息')
    const message = wang.page.locator('#inbox .message', { hasText: '您有快递待领取' }).first()
    await message.waitFor()
    expect(await message.innerText()).toContain('B-07')
    await shot(wang.page, 'parcels', '04-resident-message')
    await message.click()
    const card = wang.page.locator(`#parcel-${parcel!._id}`)
    await card.waitFor()
    await wang.page.locator(`#parcel-qr-${parcel!._id}`).waitFor()
    expect(await wang.page.locator(`#parcel-code-${parcel!._id}`).innerText()).toBe(`${parcel!.pickupCode.slice(0, 3)} ${parcel!.pickupCode.slice(3)}`)
    await shot(wang.page, 'parcels', '05-resident-parcels')
    const inbox = await app.ports.store.find('inbox', { where: { userId: 'u-li', kind: 'parcel' }, limit: 10 })
    expect(inbox.some((m) => m.body.includes('B-07'))).toBe(true)

    // What the QR encodes, as the scanner reads it off 王建国's screen.
    const mine = await callAs(app.url, 'u-wang', 'parcel.mine', {}, COMMUNITY_A)
    const qr = mine.waiting.find((p) => p.id === parcel!._id)?.qr
    expect(qr).toMatch(/^LLP1\./)

    // 周核销 at the desk on the phone: the scanner types the QR's text; the parcel leaves once.
    const verifier = await phone(browser)
    await loginAs(verifier.page, app.url, 'u-verifier-zhou')
    await verifier.page.locator('#tile-parcel-desk').click()
    await verifier.page.locator('#parcel-desk').waitFor()
    await verifier.page.locator('#parcel-pickup-code input').fill(qr!)
    await verifier.page.locator('#parcel-pickup-submit').click()
    await verifier.page.locator(`#parcel-done-${parcel!._id}`).waitFor()
    await shot(verifier.page, 'parcels', '06-verifier-picked')
    await verifier.page.locator('#parcel-pickup-code input').fill(qr!)
    await verifier.page.locator('#parcel-pickup-submit').click()
    await verifier.page.locator('#parcel-pickup-error', { hasText: '已取件' }).waitFor()
    await shot(verifier.page, 'parcels', '07-verifier-second-scan')
    const after = await app.ports.store.get('parcels', parcel!._id)
    expect(after).toMatchObject({ status: 'picked', pickedVia: 'qr', pickedByName: '周核销' })

    // Back on 王建国's page: the parcel has moved to the history.
    await wang.page.reload()
    await wang.page.locator(`#parcel-history-${parcel!._id}`).waitFor()
    expect(await wang.page.locator(`#parcel-${parcel!._id}`).count()).toBe(0)
    await shot(wang.page, 'parcels', '08-resident-history')

    // The console's list of the day's pickups shows who handed it out.
    await office.page.locator('.parcels-page .t-radio-button', { hasText: '今日取件' }).click()
    await office.page.locator('.parcels-table tbody tr', { hasText: TRACKING }).filter({ hasText: '周核销' }).waitFor()
    await shot(office.page, 'parcels', '09-console-picked-today')
    expect(office.errors).toEqual([])
    await Promise.all([wang.context.close(), verifier.context.close(), office.context.close()])
  })
})
