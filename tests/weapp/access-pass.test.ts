/**
 * The pass pages as they ship to WeChat: the COMPILED weapp pages (dist/) rendered by
 * miniprogram-simulate, `wx.cloud` answered by the real `access` function over an in-memory
 * store. The QR is read off the rendered <image> (a PNG data URI) and presented at a simulated
 * gate: what a resident and a visitor hold up is what opens the door.
 */
import { parseCode } from '../../cloudfunctions/domain/access/code'
import { COMMUNITY_A } from '../../scripts/seed/demo'
import { gateSim } from '../support/gate'
import { type Harness, as, makeHarness } from '../support/harness'
import { decodeDataUri } from '../support/qr-decode'
import { type OpenedPage, connectHarness, launchApp, openUrl, renderedNode, textOf, waitFor, waitForText } from './support/simulate'

let h: Harness
let caller: string | null = as('u-wang')
const open: OpenedPage[] = []

beforeAll(async () => {
  h = await makeHarness()
  connectHarness(h, () => caller)
  launchApp()
})

afterAll(async () => {
  for (const page of open.reverse()) page.close()
  await h.close()
})

/** The QR the page shows, as a gate's scanner reads it. */
async function scan(page: OpenedPage): Promise<string> {
  const src = await waitFor(
    () => Object.values(renderedNode(page, 'pass-qr-img') ?? {}).find((v): v is string => typeof v === 'string' && v.startsWith('data:image/png;base64,')),
    'the pass image'
  )
  return decodeDataUri(src)
}

describe('pass pages on the compiled weapp build', () => {
  test("a resident's pass shows a scannable code that opens the gate", async () => {
    caller = as('u-wang')
    const page = openUrl(`/packages/access/pages/pass/index?householdId=h-a1-101&communityId=${COMMUNITY_A}`)
    open.push(page)
    await waitForText(page, '秒后自动刷新')
    await waitForText(page, '1栋单元门')
    const code = await scan(page)
    expect(parseCode(code)?.claims).toMatchObject({ kind: 'resident', householdId: 'h-a1-101', userId: 'u-wang' })
    expect(await gateSim(h.ports).verify('ly-b1', 'd1', code)).toMatchObject({ decision: 'open' })
  })

  test('a visitor with no account opens the card and gets a code; nothing of the host is shown', async () => {
    const now = h.clock.now()
    const created = await h.call(
      'access.createVisitorPass',
      { householdId: 'h-a1-101', visitorName: '周访客', visitorPhone: '13712345678', purpose: '探亲访友', validFrom: now, validTo: now + 3600_000, maxUses: 2 },
      as('u-wang'),
      COMMUNITY_A
    )
    if (!created.ok) throw new Error(created.error.message)
    // A WeChat user the app has never seen: no user record, no household.
    caller = 'wx-first-time-visitor'
    const page = openUrl(`/packages/access/pages/visitor/index?t=${created.data.token}`)
    open.push(page)
    await waitForText(page, '还可通行 2 次')
    const text = textOf(page)
    expect(text).toContain('前往 1栋')
    for (const hostInfo of ['王建国', '101', '13800001111']) expect(text).not.toContain(hostInfo)
    const code = await scan(page)
    expect(parseCode(code)?.claims).toMatchObject({ kind: 'visitor', passId: created.data.id })
    const gate = gateSim(h.ports)
    expect(await gate.verify('ly-main', 'd1', code)).toMatchObject({ decision: 'open', message: '欢迎来访' })
    expect(await gate.verify('ly-b1', 'd1', code)).toMatchObject({ decision: 'deny', reason: 'REPLAYED' })
    expect(await h.store.count('users', { openid: 'wx-first-time-visitor' })).toBe(0)
  })
})
