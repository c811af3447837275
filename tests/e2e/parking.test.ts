import type { Browser, Page } from 'playwright-core'
import type { BarrierAnswer } from '../../cloudfunctions/contracts/parking-barrier'
import type { ParkingEventDoc, ParkingLotDoc, ParkingSessionDoc, ParkingSpaceDoc } from '../../cloudfunctions/domain/parking/docs'
import { formatFen } from '../../src/utils/money'
import { COMMUNITY_A } from '../../scripts/seed/demo-ids'
import { type GateSim, gateSim } from '../support/gate'
import { callAs } from './support/api'
import { type TestApp, startTestApp } from './support/app'
import { desk, launch, phone, shot } from './support/browser'
import { loginAs } from './support/flows'

jest.setTimeout(240_000)

const CAR = '沪B23456'
const STRANGER = '浙C77889'
const MINUTE = 60_000

/** Taro's H5 router keeps earlier pages in the document: the visible one is the last. */
const cur = (page: Page, selector: string, hasText?: string) => page.locator(selector, hasText ? { hasText } : {}).last()

/**
 * Smart parking in the browser: a car enters through the barrier camera's signed route; at the
 * exit it is refused with the amount and the pay page's QR link; the resident opens that link,
 * sees the stay and pays in the sandbox cashier, sees the time to leave by, and the exit opens.
 * An exit with no entry queues an exception that the 客服 sees in the console and answers with
 * 手动抬杆 and a reason.
 */
describe('parking', () => {
  let app: TestApp
  let browser: Browser
  let sim: GateSim
  let n = 0
  // The camera at the demo lot's barrier (ly-car: d1 in, d2 out), signed with its device secret.
  const read = async (door: 'd1' | 'd2', plate: string, at = Date.now()) => {
    n++
    const req = sim.signed('barrier', { deviceId: 'ly-car', ts: Date.now(), nonce: `e2e-park-${n}-${Date.now()}`, door, plate, at, eventId: `e2e-park-${n}-${Date.now()}`, photo: `cam/e2e-${n}.jpg` })
    return (await sim.send('barrier', req)) as BarrierAnswer
  }

  beforeAll(async () => {
    app = await startTestApp()
    browser = await launch()
    sim = gateSim(app.ports)
  })
  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  it('a car enters, the resident pays from the exit QR, the exit opens; staff see the stay and open by hand for an exception', async () => {
    // Parked since 80 minutes ago (past the free quarter hour), as the camera read it then.
    const entry = await read('d1', CAR, Date.now() - 80 * MINUTE)
    expect(entry).toMatchObject({ decision: 'open', plate: CAR })
    const refused = await read('d2', CAR)
    expect(refused).toMatchObject({ decision: 'deny', reason: 'PAYMENT_DUE' })
    expect(refused.dueFen).toBeGreaterThan(0)
    expect(refused.payPath).toContain('/packages/parking/pages/pay/index?')

    // 王建国 scans the exit's QR: the pay page opens on the car's stay with what is due.
    const wang = await phone(browser)
    await loginAs(wang.page, app.url, 'u-wang')
    await wang.page.goto('about:blank')
    await wang.page.goto(`${app.url}#${refused.payPath ?? ''}`)
    await cur(wang.page, '#parking-session').waitFor()
    expect(await cur(wang.page, '#parking-plate').innerText()).toBe(CAR)
    expect(await cur(wang.page, '#parking-plate-input input').inputValue()).toBe(CAR.slice(1))
    const due = cur(wang.page, '#parking-due')
    await due.waitFor()
    const { session } = await callAs(app.url, 'u-wang', 'parking.sessionByPlate', { plate: CAR }, COMMUNITY_A)
    expect(session?.dueFen).toBeGreaterThan(0)
    expect((await due.innerText()).replace(/\s/g, '')).toContain(formatFen(session?.dueFen ?? 0).replace(/\s/g, ''))
    expect(await cur(wang.page, '#parking-duration').innerText()).toMatch(/1 小时 2\d 分钟/)
    await shot(wang.page, 'parking', '01-pay-from-exit-qr')

    // A mistyped plate is told on the field, in words, before anything is asked of the server.
    await cur(wang.page, '#parking-plate-input input').fill('I1234')
    await cur(wang.page, '#parking-look').click()
    await cur(wang.page, '#parking-plate-field-error', '车牌号格式不正确').waitFor()
    await shot(wang.page, 'parking', '02-pay-bad-plate')
    await cur(wang.page, '#parking-plate-input input').fill(CAR.slice(1))
    await cur(wang.page, '#parking-look').click()

    // Pays in the sandbox cashier; the result leads back to the time to leave by.
    await cur(wang.page, '#parking-pay').click()
    await wang.page.locator('#cashier-page').waitFor()
    await shot(wang.page, 'parking', '03-sandbox-cashier')
    await wang.page.locator('#sandbox-confirm').click()
    await wang.page.locator('#result-status', { hasText: '缴费成功' }).waitFor()
    await shot(wang.page, 'parking', '04-paid')
    await wang.page.locator('#go-parking').click()
    const leaveBy = cur(wang.page, '#parking-leave-by')
    await leaveBy.waitFor()
    expect(await leaveBy.innerText()).toMatch(/请在 \d\d:\d\d 前离场/)
    await shot(wang.page, 'parking', '05-leave-by')

    // The exit now opens, and the stay is closed once.
    expect(await read('d2', CAR)).toMatchObject({ decision: 'open', plate: CAR })
    const stays = await app.ports.store.find<ParkingSessionDoc>('parkingSessions', { where: { plate: CAR }, limit: 5 })
    expect(stays.map((s) => s.status)).toEqual(['closed'])
    expect(stays[0]?.paidFen).toBe(session?.dueFen)

    // 我的车位: the owned space with its two plates and the running monthly card.
    await wang.page.goto('about:blank')
    await wang.page.goto(`${app.url}#/packages/parking/pages/mine/index?householdId=h-a1-101&communityId=${COMMUNITY_A}`)
    await cur(wang.page, '#space-B1-001').waitFor()
    await cur(wang.page, '#plate-沪AD12345').waitFor()
    await cur(wang.page, '#card-沪A12345-active').waitFor()
    await shot(wang.page, 'parking', '06-my-spaces')

    // Another car leaves with no entry on record, and a car parks and stays: the office sees both.
    await read('d1', '沪C55667', Date.now() - 30 * MINUTE)
    const orphan = await read('d2', STRANGER)
    expect(orphan.decision).toBe('deny')
    const office = await desk(browser)
    await office.page.goto(`${app.url}console/#/parking`)
    await office.page.locator('#persona-u-service-zhao').click()
    const sessions = office.page.locator('.parking-sessions tbody tr', { hasText: '沪C55667' })
    await sessions.waitFor()
    expect(await sessions.innerText()).toContain('临停')
    const exception = office.page.locator('.parking-exceptions tbody tr', { hasText: STRANGER })
    await exception.waitFor()
    expect(await exception.innerText()).toContain('无入场记录的出场')
    await shot(office.page, 'parking', '07-console')

    // 手动抬杆 without a reason is refused on the field; with one, it opens and is logged.
    await office.page.locator(`#exception-open-${STRANGER}`).click()
    await office.page.locator('#open-save').click()
    await office.page.locator('.t-form__item', { hasText: '开闸原因' }).locator('.t-input__extra').waitFor()
    await shot(office.page, 'parking', '08-console-open-reason')
    await office.page.locator('textarea[name="open-reason"]').fill('车主出示纸质停车凭证，已核实')
    await office.page.locator('#open-save').click()
    await office.page.locator('.parking-exceptions tbody tr', { hasText: STRANGER }).waitFor({ state: 'detached' })
    await shot(office.page, 'parking', '09-console-opened')
    const manual = await app.ports.store.find<ParkingEventDoc>('parkingEvents', { where: { direction: 'manual' }, limit: 5 })
    expect(manual).toHaveLength(1)
    expect(manual[0]).toMatchObject({ plate: STRANGER, note: '车主出示纸质停车凭证，已核实', byName: '赵客服' })
    expect(office.errors).toEqual([])
  })

  it('the operator sets the fee rule in yuan and the night window, and registers a rented space for a household', async () => {
    const office = await desk(browser)
    await office.page.goto(`${app.url}console/#/parking`)
    await office.page.locator('#persona-u-operator-wu').click()
    await office.page.locator('#lot-settings-lotLinyuanB1').click()
    const first = office.page.locator('input[name="lot-first-hour"]')
    await first.waitFor()
    expect(await first.inputValue()).toBe('5')
    // A price that is not money is told on its field, and nothing is sent.
    await first.fill('五元')
    await office.page.locator('#lot-save').click()
    await office.page.locator('.t-form__item', { hasText: '首小时' }).locator('.t-input__extra', { hasText: '请填写金额' }).waitFor()
    await shot(office.page, 'parking', '10-console-lot-settings')
    await first.fill('6.5')
    await office.page.locator('#lot-save').click()
    await office.page.locator('#lot-save').waitFor({ state: 'detached' })
    await office.page.locator('.parking-rule', { hasText: '首小时 ¥6.50' }).waitFor()
    const lot = await app.ports.store.get<ParkingLotDoc>('parkingLots', 'lotLinyuanB1')
    expect(lot?.rule).toMatchObject({ firstHourFen: 650, night: { start: 22 * 60 } })

    await office.page.locator('#space-new').click()
    await office.page.locator('input[name="space-code"]').fill('b1-003')
    await office.page.locator('.t-radio-button', { hasText: '租用车位' }).click()
    await office.page.locator('.parcel-find input').fill('3-201')
    await office.page.locator('#parcel-find-go').click()
    await office.page.locator('.parcel-picker__hits .t-radio', { hasText: '3栋 201' }).first().click()
    await office.page.locator('.space-until input').click()
    await office.page.locator('.t-date-picker__panel .t-date-picker__cell:not(.t-date-picker__cell--disabled)', { hasText: /^28$/ }).last().click()
    await shot(office.page, 'parking', '11-console-space')
    await office.page.locator('#space-save').click()
    await office.page.locator('#space-save').waitFor({ state: 'detached' })
    const space = await app.ports.store.get<ParkingSpaceDoc>('parkingSpaces', 'lotLinyuanB1:B1-003')
    expect(space).toMatchObject({ type: 'rented', householdId: 'h-a3-201' })
    expect(space?.rentedUntil).not.toBeNull()
    expect(office.errors).toEqual([])
  })
})
