import type { Browser, Page } from 'playwright-core'
import type { BarrierAnswer } from '../../cloudfunctions/contracts/parking-barrier'
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
    const stays = await app.ports.store.find('parkingSessions', { where: { plate: CAR }, limit: 5 })
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
    const manual = await app.ports.store.find('parkingEvents', { where: { direction: 'manual' }, limit: 5 })
    expect(manual).toHaveLength(1)
    expect(manual[0]).toMatchObject({ plate: STRANGER, note: '车主出示纸质停车凭证，已核实', byName: '赵客服' })
    expect(office.errors).toEqual([])
  })

  it('a host pre-registers a visitor\'s plate and pays past the pass; a driver from elsewhere pays at the exit QR', async () => {
    const GUEST = '苏E66881'
    const host = await phone(browser)
    await loginAs(host.page, app.url, 'u-wang')
    await host.page.goto('about:blank')
    await host.page.goto(`${app.url}#/packages/access/pages/invite/index?communityId=${COMMUNITY_A}`)
    await host.page.locator('#visitor-invite-page').waitFor()
    await host.page.locator('#visitor-name input').fill('林晓')
    await host.page.locator('#visitor-phone input').fill('13712345678')
    await host.page.locator('#visitor-plate input').fill('苏e 66881')
    await host.page.locator('#visitor-uses-1').click()
    await shot(host.page, 'parking', '12-invite-with-plate')
    await host.page.locator('#visitor-create').click()
    await host.page.locator('#visitor-created').waitFor()
    const [pass] = await app.ports.store.find('visitorPasses', { where: { plate: GUEST }, limit: 2 })
    expect(pass).toMatchObject({ householdId: 'h-a1-101', plate: GUEST })

    // The visit, moved back in time: invited for 10:00–12:40, the car came at 11:00 and is still
    // inside at 14:00, 80 minutes past the pass.
    const now = Date.now()
    await app.ports.store.update('visitorPasses', pass!._id, { set: { validFrom: now - 240 * MINUTE, validTo: now - 80 * MINUTE } })
    expect(await read('d1', GUEST, now - 180 * MINUTE)).toMatchObject({ decision: 'open', plate: GUEST })
    const [stay] = await app.ports.store.find('parkingSessions', { where: { plate: GUEST }, limit: 2 })
    expect(stay).toMatchObject({ kind: 'visitor', hostHouseholdId: 'h-a1-101', freeUntil: now - 80 * MINUTE })
    const refused = await read('d2', GUEST)
    expect(refused).toMatchObject({ decision: 'deny', reason: 'PAYMENT_DUE' })
    expect(refused.payPath).toContain('lotId=lotLinyuanB1')

    // The host pays the 80 minutes past the pass from the mini-program, from their own home.
    await host.page.goto('about:blank')
    await host.page.goto(`${app.url}#/packages/parking/pages/pay/index?communityId=${COMMUNITY_A}&plate=${encodeURIComponent(GUEST)}`)
    await cur(host.page, '#parking-session').waitFor()
    expect(await cur(host.page, '#parking-session').innerText()).toContain('访客')
    expect(await cur(host.page, '#parking-grace').innerText()).toContain('15 分钟内')
    // The pass's end is shown, so the host sees why three hours inside cost only the last 80 minutes.
    expect(await cur(host.page, '#parking-session').innerText()).toContain('通行证免费至')
    expect(await cur(host.page, '#parking-covered').innerText()).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/)
    const due = refused.dueFen ?? 0
    expect((await cur(host.page, '#parking-due').innerText()).replace(/\s/g, '')).toContain(formatFen(due).replace(/\s/g, ''))
    await shot(host.page, 'parking', '13-host-pays-visitor')
    await cur(host.page, '#parking-pay').click()
    await host.page.locator('#sandbox-confirm').click()
    await host.page.locator('#result-status', { hasText: '缴费成功' }).waitFor()
    expect(await read('d2', GUEST)).toMatchObject({ decision: 'open', plate: GUEST })
    const [hostPaid] = await app.ports.store.find('payments', { where: { status: 'paid', totalFen: due, householdId: 'h-a1-101' }, orderBy: [{ field: 'createdAt', dir: 'desc' }], limit: 1 })
    expect(hostPaid?.lines[0]?.title).toContain(GUEST)

    // 陈新来 lives elsewhere: the exit's QR shows the car he typed and takes his payment as a driver's.
    const DRIVER_CAR = '浙C66778'
    await read('d1', DRIVER_CAR, Date.now() - 50 * MINUTE)
    const atExit = await read('d2', DRIVER_CAR)
    expect(atExit).toMatchObject({ decision: 'deny', reason: 'PAYMENT_DUE' })
    const driver = await phone(browser)
    await loginAs(driver.page, app.url, 'u-newcomer')
    await driver.page.goto('about:blank')
    await driver.page.goto(`${app.url}#${atExit.payPath ?? ''}`)
    await cur(driver.page, '#parking-session').waitFor()
    const shown = await cur(driver.page, '#parking-session').innerText()
    expect(shown).toContain(DRIVER_CAR)
    expect(shown).not.toContain('车辆类型')
    expect(await driver.page.locator('#parking-go-mine').count()).toBe(0)
    await shot(driver.page, 'parking', '14-driver-at-exit')
    await cur(driver.page, '#parking-pay').click()
    await driver.page.locator('#sandbox-confirm').click()
    await driver.page.locator('#result-status', { hasText: '缴费成功' }).waitFor()
    expect(await driver.page.locator('#go-receipt').count()).toBe(0)
    await shot(driver.page, 'parking', '15-driver-paid')
    await driver.page.locator('#go-parking').click()
    await cur(driver.page, '#parking-leave-by').waitFor()
    expect(await read('d2', DRIVER_CAR)).toMatchObject({ decision: 'open', plate: DRIVER_CAR })
    const [driverPaid] = await app.ports.store.find('payments', { where: { status: 'paid', totalFen: atExit.dueFen ?? -1 }, orderBy: [{ field: 'createdAt', dir: 'desc' }], limit: 1 })
    expect(driverPaid).toMatchObject({ householdId: '', communityId: COMMUNITY_A })
    await host.context.close()
    await driver.context.close()
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
    const lot = await app.ports.store.get('parkingLots', 'lotLinyuanB1')
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
    const space = await app.ports.store.get('parkingSpaces', 'lotLinyuanB1:B1-003')
    expect(space).toMatchObject({ type: 'rented', householdId: 'h-a3-201' })
    expect(space?.rentedUntil).not.toBeNull()

    // 车位: the lot's spaces with whose each is and its plates masked; a row opens 修改 pre-filled.
    await office.page.locator('.parking-tabs .t-tabs__nav-item', { hasText: '车位' }).click()
    const rented = office.page.locator('.parking-spaces tbody tr', { hasText: 'B1-003' })
    await rented.waitFor()
    expect(await rented.innerText()).toMatch(/租用车位[\s\S]*3栋 201/)
    const owned = office.page.locator('.parking-spaces tbody tr', { hasText: 'B1-001' })
    expect(await owned.innerText()).toContain('2 个：沪A·***45、沪A·****45')
    expect(await office.page.locator('.parking-spaces').innerText()).not.toContain('沪A12345')
    await shot(office.page, 'parking', '20-console-spaces')
    await office.page.locator('#space-edit-B1-003').click()
    const code = office.page.locator('input[name="space-code"]')
    await code.waitFor()
    expect(await code.inputValue()).toBe('B1-003')
    expect(await code.isDisabled()).toBe(true)
    await office.page.locator('.t-form__item', { hasText: '所属房屋' }).locator('.t-input__help', { hasText: '现为 3栋 201' }).waitFor()
    await shot(office.page, 'parking', '21-console-space-edit')
    expect(await office.page.locator('.space-until input').count()).toBe(1)
    expect(await office.page.locator('.space-until input').inputValue()).toMatch(/^\d{4}-\d{2}-28$/)
    await office.page.locator('#space-save').click()
    await office.page.locator('#space-save').waitFor({ state: 'detached' })
    expect(await app.ports.store.get('parkingSpaces', 'lotLinyuanB1:B1-003')).toMatchObject({ householdId: 'h-a3-201', rentedUntil: space?.rentedUntil })
    // Looking a code up by its start.
    await office.page.locator('input[name="spaces-keyword"]').fill('b1-1')
    await office.page.locator('#spaces-search').click()
    await office.page.locator('.parking-spaces tbody tr', { hasText: 'B1-001' }).waitFor({ state: 'detached' })
    expect(await office.page.locator('.parking-spaces tbody tr').count()).toBe(1)

    // 黑名单: a plate added with its reason shows with who listed it, and leaves after a confirm.
    await office.page.locator('.parking-tabs .t-tabs__nav-item', { hasText: '黑名单' }).click()
    await office.page.locator('.parking-blacklist-table', { hasText: '黑名单为空' }).waitFor()
    await office.page.locator('#blacklist-new').click()
    await office.page.locator('input[name="blacklist-plate"]').fill('沪C 99887')
    await office.page.locator('textarea[name="blacklist-reason"]').fill('多次逃缴停车费')
    await office.page.locator('#blacklist-save').click()
    const listed = office.page.locator('.parking-blacklist-table tbody tr', { hasText: '沪C99887' })
    await listed.waitFor()
    expect(await listed.innerText()).toMatch(/多次逃缴停车费[\s\S]*吴运营/)
    await shot(office.page, 'parking', '22-console-blacklist')
    await office.page.locator('#blacklist-remove-沪C99887').click()
    await office.page.locator('.t-popup .t-button', { hasText: '移出' }).click()
    await listed.waitFor({ state: 'detached' })
    expect(await app.ports.store.find('parkingBlacklist', { limit: 5 })).toEqual([])
    await shot(office.page, 'parking', '23-console-blacklist-removed')
    expect(office.errors).toEqual([])
  })
})
