/**
 * Parcels (快递代收) through the real request path: registration with its pickup code, message and
 * monthly count; refusals that write nothing; pickup by code and by QR exactly once; reminders
 * with the clock; door delivery as a butler task.
 */
import type { InputOf } from '../../cloudfunctions/contracts/registry'
import { findAll } from '../../cloudfunctions/kernel/paging'
import { COMMUNITY_A, COMMUNITY_B } from '../../scripts/seed/demo'
import { type Harness, as, makeHarness } from '../support/harness'
import { codeOf, errorOf, okData, snapshot } from './support'

const SERVICE = as('u-service-zhao')
const VERIFIER = as('u-verifier-zhou')
const OPERATOR = as('u-operator-wu')
const WANG = as('u-wang') // 1栋 101 (with 李秀英) and 2栋 302
const ZHAO = as('u-zhao') // 3栋 201
const ZHANG = as('u-butler-zhang') // 东区网格: 1栋
const LIU = as('u-butler-liu') // 西区网格: 2栋, 3栋
const DAY = 24 * 3600_000

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
  // Each case counts from an empty shelf; the demo's own parcels are checked once, below.
  for (const c of ['parcels', 'parcelCodes', 'parcelMonths'] as const) for (const d of await findAll(h.store, c)) await h.store.remove(c, d._id)
})
afterEach(async () => {
  await h.close()
})

let n = 0
function parcel(over: Partial<InputOf<'parcel.register'>> = {}): InputOf<'parcel.register'> {
  n++
  return { householdId: 'h-a1-101', courier: 'sf', trackingNo: `SF10${String(n).padStart(8, '0')}`, shelf: 'A-03', clientRequestId: `parcel-req-${n}`, ...over }
}

async function register(over: Partial<InputOf<'parcel.register'>> = {}, by = SERVICE) {
  return okData(await h.call('parcel.register', parcel(over), by, COMMUNITY_A))
}

const inboxOf = async (userId: string) => (await findAll(h.store, 'inbox', { userId })).sort((a, b) => b.createdAt - a.createdAt)

describe('the demo', () => {
  it("shows 王建国 his waiting parcels with code and QR, and the one 刘管家 is to bring up", async () => {
    const fresh = await makeHarness()
    try {
      const mine = okData(await fresh.call('parcel.mine', {}, WANG, COMMUNITY_A))
      expect(mine.waiting.map((p) => p.id).sort()).toEqual(['pcSeedDoor', 'pcSeedOld', 'pcSeedToday'])
      expect(mine.history.map((p) => p.id)).toEqual(['pcSeedPicked1', 'pcSeedPicked2'])
      const liu = okData(await fresh.call('parcel.deliveries', {}, LIU, COMMUNITY_A))
      expect(liu.pending.map((p) => p.id)).toEqual(['pcSeedDoor'])
      expect(okData(await fresh.call('parcel.pickup', { code: '318204' }, VERIFIER, COMMUNITY_A)).id).toBe('pcSeedToday')
    } finally {
      await fresh.close()
    }
  })
})

describe('register', () => {
  it('gives the household a six-digit code, a message for every member, and counts the month', async () => {
    const p = await register({ trackingNo: ' sf1234-5678 90 ' })
    expect(p).toMatchObject({ householdLabel: '1栋 101', courier: 'sf', trackingNo: 'SF123456789' + '0', shelf: 'A-03', status: 'waiting', registeredByName: '赵客服', daysHeld: 0 })
    expect(p.pickupCode).toMatch(/^\d{6}$/)
    for (const userId of ['u-wang', 'u-li']) {
      const [m] = await inboxOf(userId)
      expect(m).toMatchObject({ kind: 'parcel', title: '您有快递待领取', link: `/packages/parcel/pages/mine/index?communityId=${COMMUNITY_A}` })
      expect(m!.body).toContain(`${p.pickupCode.slice(0, 3)} ${p.pickupCode.slice(3)}`)
    }
    const code = await h.store.get('parcelCodes', `${COMMUNITY_A}:${p.pickupCode}`)
    expect(code).toMatchObject({ parcelId: p.id, state: 'held' })
    const counts = okData(await h.call('parcel.householdCounts', { householdId: 'h-a1-101' }, OPERATOR, COMMUNITY_A))
    expect(counts).toEqual({ thisMonth: 1, lastThreeMonths: 1, waiting: 1 })
  })

  it('refuses a duplicate tracking number for the same courier, naming the field, and writes nothing', async () => {
    const first = await register({ trackingNo: 'YT9988776655', courier: 'yto' })
    const before = await snapshot(h.store)
    const again = await h.call('parcel.register', parcel({ trackingNo: 'yt9988776655', courier: 'yto', householdId: 'h-a2-302' }), VERIFIER, COMMUNITY_A)
    const e = errorOf(again)
    expect(e.code).toBe('PARCEL.DUPLICATE_TRACKING')
    expect(e.message).toContain('已登记')
    expect(e.message).toContain('1栋 101')
    expect(e.message).toContain(`${first.pickupCode.slice(0, 3)} ${first.pickupCode.slice(3)}`)
    expect(e.fields).toEqual([expect.objectContaining({ path: 'trackingNo', label: '快递单号' })])
    expect(await snapshot(h.store)).toEqual(before)
    // Another courier's number may be the same digits.
    await register({ trackingNo: 'YT9988776655', courier: 'zto' })
  })

  it('answers a retried registration (same request id) as the first one', async () => {
    const input = parcel()
    const a = okData(await h.call('parcel.register', input, SERVICE, COMMUNITY_A))
    const b = okData(await h.call('parcel.register', input, SERVICE, COMMUNITY_A))
    expect(b.id).toBe(a.id)
    expect(b.pickupCode).toBe(a.pickupCode)
    expect((await h.store.get('parcelMonths', `h-a1-101:${new Date(h.clock.now() + 8 * 3600_000).toISOString().slice(0, 7)}`))?.count).toBe(1)
    expect((await inboxOf('u-wang')).filter((m) => m.kind === 'parcel')).toHaveLength(1)
  })

  it('refuses an unknown household, or one of another community, naming the field', async () => {
    const before = await snapshot(h.store)
    for (const householdId of ['h-nope', 'h-b1-101']) {
      const e = errorOf(await h.call('parcel.register', parcel({ householdId }), SERVICE, COMMUNITY_A))
      expect(e.code).toBe('PARCEL.HOUSEHOLD_NOT_FOUND')
      expect(e.fields).toEqual([expect.objectContaining({ path: 'householdId', label: '收件房屋' })])
    }
    expect(await snapshot(h.store)).toEqual(before)
  })

  it('explains a bad tracking number or a missing shelf in Chinese', async () => {
    const e = errorOf(await h.call('parcel.register', parcel({ trackingNo: '12', shelf: ' ' }), SERVICE, COMMUNITY_A))
    expect(e.code).toBe('REQUEST.INVALID_INPUT')
    const byPath = Object.fromEntries((e.fields ?? []).map((f) => [f.path, f.message]))
    expect(byPath.trackingNo).toBe('快递单号至少 6 位')
    expect(byPath.shelf).toBe('请填写货架位置')
  })

  it('never gives two waiting parcels of a community the same code, even registered at once', async () => {
    const made = await Promise.all(Array.from({ length: 40 }, (_, i) => h.call('parcel.register', parcel({ householdId: i % 2 ? 'h-a1-102' : 'h-a2-101' }), i % 2 ? SERVICE : VERIFIER, COMMUNITY_A)))
    const codes = made.map((r) => okData(r).pickupCode)
    expect(new Set(codes).size).toBe(40)
    const held = await findAll(h.store, 'parcelCodes', {})
    expect(held.filter((c) => c.state === 'held')).toHaveLength(40)
  })
})

describe('pickup', () => {
  it('by code: once only; the second use says when and by whom', async () => {
    const p = await register()
    const done = okData(await h.call('parcel.pickup', { code: p.pickupCode }, VERIFIER, COMMUNITY_A))
    expect(done).toMatchObject({ id: p.id, status: 'picked', pickedByName: '周核销', pickedVia: 'code', pickedAt: h.clock.now() })
    expect(await h.store.get('parcelCodes', `${COMMUNITY_A}:${p.pickupCode}`)).toMatchObject({ state: 'released' })
    const before = await snapshot(h.store)
    h.clock.advance(60_000)
    const e = errorOf(await h.call('parcel.pickup', { code: ` ${p.pickupCode.slice(0, 3)} ${p.pickupCode.slice(3)}` }, SERVICE, COMMUNITY_A))
    expect(e.code).toBe('PARCEL.ALREADY_PICKED')
    expect(e.message).toMatch(/^该包裹已取件：\d\d-\d\d \d\d:\d\d 由周核销核销（取件码）$/)
    expect(e.fields?.[0]).toMatchObject({ path: 'code', label: '取件码' })
    expect(await snapshot(h.store)).toEqual(before)
  })

  it('by the QR of the resident page, and a code or QR that names nothing is refused', async () => {
    await register()
    const mine = okData(await h.call('parcel.mine', {}, WANG, COMMUNITY_A))
    const qr = mine.waiting[0]!.qr!
    expect(qr.startsWith('LLP1.')).toBe(true)
    const done = okData(await h.call('parcel.pickup', { code: qr }, OPERATOR, COMMUNITY_A))
    expect(done.pickedVia).toBe('qr')
    expect(codeOf(await h.call('parcel.pickup', { code: qr }, VERIFIER, COMMUNITY_A))).toBe('PARCEL.ALREADY_PICKED')
    const after = okData(await h.call('parcel.mine', {}, WANG, COMMUNITY_A))
    expect(after.waiting).toHaveLength(0)
    expect(after.history[0]).toMatchObject({ status: 'picked', qr: null, pickupCode: null, pickedVia: 'qr' })

    expect(codeOf(await h.call('parcel.pickup', { code: 'LLP1.abcdefghijklmnopqrstuvwx' }, VERIFIER, COMMUNITY_A))).toBe('PARCEL.CODE_INVALID')
    expect(codeOf(await h.call('parcel.pickup', { code: '000000' }, VERIFIER, COMMUNITY_A))).toBe('PARCEL.CODE_INVALID')
    const e = errorOf(await h.call('parcel.pickup', { code: '1234' }, VERIFIER, COMMUNITY_A))
    expect(e.fields?.[0]).toMatchObject({ path: 'code', label: '取件码', message: '取件码为 6 位数字，已输入 4 位' })
  })

  it('two desks at once: exactly one hands the parcel over', async () => {
    const p = await register()
    const both = await Promise.all([h.call('parcel.pickup', { code: p.pickupCode }, VERIFIER, COMMUNITY_A), h.call('parcel.pickup', { code: p.pickupCode }, SERVICE, COMMUNITY_A)])
    expect(both.filter((r) => r.ok)).toHaveLength(1)
    expect(both.filter((r) => !r.ok).map(codeOf)).toEqual(['PARCEL.ALREADY_PICKED'])
  })

  it("refuses another community's parcel: its code is not known there, its QR says so", async () => {
    const b = okData(await h.call('parcel.register', parcel({ householdId: 'h-b1-101' }), OPERATOR, COMMUNITY_B))
    const mine = okData(await h.call('parcel.mine', {}, as('u-b-resident'), COMMUNITY_B))
    expect(codeOf(await h.call('parcel.pickup', { code: b.pickupCode }, VERIFIER, COMMUNITY_A))).toBe('PARCEL.CODE_INVALID')
    const e = errorOf(await h.call('parcel.pickup', { code: mine.waiting[0]!.qr! }, VERIFIER, COMMUNITY_A))
    expect(e.code).toBe('PARCEL.WRONG_COMMUNITY')
    expect((await h.store.get('parcels', b.id))?.status).toBe('waiting')
  })

  it('reuses a released code only a week after its pickup', async () => {
    const p = await register()
    await h.call('parcel.pickup', { code: p.pickupCode }, VERIFIER, COMMUNITY_A)
    const { claimCode } = await import('../../cloudfunctions/domain/parcel/codes')
    expect(await claimCode(h.ports, COMMUNITY_A, 'other', p.pickupCode)).not.toBe(p.pickupCode)
    h.clock.advance(8 * DAY)
    expect(await claimCode(h.ports, COMMUNITY_A, 'later', p.pickupCode)).toBe(p.pickupCode)
  })
})

describe('lists and counts', () => {
  it('the desk lists the shelf oldest first, the day newest first, and counts overdue parcels', async () => {
    const old = await register()
    h.clock.advance(4 * DAY)
    const fresh = await register({ householdId: 'h-a2-302' })
    const waiting = okData(await h.call('parcel.list', { filter: 'waiting' }, SERVICE, COMMUNITY_A))
    expect(waiting.items.map((p) => p.id)).toEqual([old.id, fresh.id])
    expect(waiting.items[0]!.daysHeld).toBe(4)
    expect(waiting.counts).toEqual({ waiting: 2, overdue: 1, registeredToday: 1, pickedToday: 0 })
    await h.call('parcel.pickup', { code: old.pickupCode }, SERVICE, COMMUNITY_A)
    const picked = okData(await h.call('parcel.list', { filter: 'picked' }, SERVICE, COMMUNITY_A))
    expect(picked.items.map((p) => p.id)).toEqual([old.id])
    expect(picked.counts.pickedToday).toBe(1)
    const today = okData(await h.call('parcel.list', { filter: 'today', householdId: 'h-a2-302' }, VERIFIER, COMMUNITY_A))
    expect(today.items.map((p) => p.id)).toEqual([fresh.id])
  })

  it('pages the shelf without skipping or repeating', async () => {
    for (let i = 0; i < 55; i++) await register({ householdId: 'h-a1-103' })
    const seen: string[] = []
    let cursor: string | undefined
    for (;;) {
      const page = okData(await h.call('parcel.list', { filter: 'waiting', ...(cursor ? { cursor } : {}) }, SERVICE, COMMUNITY_A))
      seen.push(...page.items.map((p) => p.id))
      if (!page.cursor) break
      cursor = page.cursor
    }
    expect(new Set(seen).size).toBe(55)
  })

  it('feeds the household file the butler and the operator open', async () => {
    await register()
    await register()
    const file = okData(await h.call('insights.household', { householdId: 'h-a1-101' }, ZHANG, COMMUNITY_A))
    expect(file.parcels).toEqual({ thisMonth: 2, lastThreeMonths: 2, waiting: 2 })
  })
})

describe('reminders', () => {
  const remind = async () => {
    const job = h.mains.parcel
    if (!job) throw new Error('no parcel function')
    return job({ Type: 'Timer', TriggerName: 'parcel-reminders' }, { request_id: 'timer' })
  }

  it('reminds parcels held over three days, at most once a day', async () => {
    const p = await register()
    await register({ householdId: 'h-a2-302' })
    h.clock.advance(2 * DAY)
    await remind()
    expect((await inboxOf('u-li')).filter((m) => m.kind === 'parcel-reminder')).toHaveLength(0)
    h.clock.advance(DAY + 3600_000)
    await remind()
    await remind()
    const li = (await inboxOf('u-li')).filter((m) => m.kind === 'parcel-reminder')
    expect(li).toHaveLength(1)
    expect(li[0]!.body).toContain('已在物业前台存放 3 天')
    // 王建国 is in both homes, whose second parcel is a few ms younger: reminded too.
    expect((await inboxOf('u-wang')).filter((m) => m.kind === 'parcel-reminder')).toHaveLength(2)
    h.clock.advance(DAY)
    await h.call('parcel.pickup', { code: p.pickupCode }, SERVICE, COMMUNITY_A)
    await remind()
    expect((await inboxOf('u-li')).filter((m) => m.kind === 'parcel-reminder')).toHaveLength(1)
    expect((await inboxOf('u-wang')).filter((m) => m.kind === 'parcel-reminder')).toHaveLength(3)
  })

  it('resumes after a run cut short: what was sent is not sent again', async () => {
    for (let i = 0; i < 5; i++) await register({ householdId: 'h-a1-104' })
    h.clock.advance(4 * DAY)
    const { remindParcels } = await import('../../cloudfunctions/domain/parcel/reminders')
    let sent = 0
    const notify = h.ports.notifier.notify.bind(h.ports.notifier)
    const failing = {
      ...h.ports,
      notifier: {
        notify: async (...args: Parameters<typeof notify>) => {
          if (++sent > 2) throw new Error('timeout')
          return notify(...args)
        }
      }
    }
    await expect(remindParcels(failing)).rejects.toThrow('timeout')
    const report = await remindParcels(h.ports)
    expect(report.parcels).toBe(3)
    const to = await findAll(h.store, 'inbox', { kind: 'parcel-reminder' })
    expect(to).toHaveLength(5)
  })
})

describe('door delivery', () => {
  it('becomes a butler task; the butler delivers once; the task counts it done', async () => {
    const p = await register()
    const mine = okData(await h.call('parcel.mine', {}, as('u-li'), COMMUNITY_A))
    expect(mine.waiting[0]!.canRequestDelivery).toBe(true)
    const asked = okData(await h.call('parcel.requestDelivery', { parcelId: p.id }, WANG, COMMUNITY_A))
    expect(asked).toMatchObject({ canRequestDelivery: false })
    expect(asked.deliveryRequestedAt).toBe(h.clock.now())
    // A second tap changes nothing.
    okData(await h.call('parcel.requestDelivery', { parcelId: p.id }, as('u-li'), COMMUNITY_A))
    const [work] = (await inboxOf('u-butler-zhang')).filter((m) => m.kind === 'parcel-delivery')
    expect(work).toMatchObject({ title: '住户申请快递送货上门', link: `/packages/parcel/pages/deliveries/index?communityId=${COMMUNITY_A}` })

    const today = okData(await h.call('insights.todayTasks', {}, ZHANG, COMMUNITY_A))
    const task = today.tasks.find((t) => t.kind === 'deliver_parcel')
    expect(task).toMatchObject({ title: '快递送货上门', target: 1, progress: 0, link: '/packages/parcel/pages/deliveries/index' })
    expect(task!.households).toEqual([expect.objectContaining({ householdId: 'h-a1-101', label: '1栋 101', done: false })])
    // The day's other tasks were still made around the parcel task.
    const stored = await findAll(h.store, 'butlerTasks', { butlerUserId: 'u-butler-zhang' })
    expect(stored.length).toBe(today.tasks.length)

    const list = okData(await h.call('parcel.deliveries', {}, ZHANG, COMMUNITY_A))
    expect(list.pending.map((x) => x.id)).toEqual([p.id])
    expect(codeOf(await h.call('parcel.deliver', { parcelId: p.id }, LIU, COMMUNITY_A))).toBe('PARCEL.NOT_YOUR_DELIVERY')
    const done = okData(await h.call('parcel.deliver', { parcelId: p.id }, ZHANG, COMMUNITY_A))
    expect(done).toMatchObject({ status: 'picked', pickedVia: 'door', pickedByName: '张管家' })
    expect(codeOf(await h.call('parcel.deliver', { parcelId: p.id }, ZHANG, COMMUNITY_A))).toBe('PARCEL.ALREADY_PICKED')
    expect(codeOf(await h.call('parcel.pickup', { code: p.pickupCode }, VERIFIER, COMMUNITY_A))).toBe('PARCEL.ALREADY_PICKED')
    expect((await inboxOf('u-li')).find((m) => m.title === '快递已送达')).toBeDefined()

    const after = okData(await h.call('insights.todayTasks', {}, ZHANG, COMMUNITY_A))
    expect(after.tasks.find((t) => t.kind === 'deliver_parcel')).toMatchObject({ progress: 1, done: true })
    expect(okData(await h.call('parcel.deliveries', {}, ZHANG, COMMUNITY_A)).deliveredToday.map((x) => x.id)).toEqual([p.id])
  })

  it('adds later requests to the day’s task, and carries unfinished ones to the next day', async () => {
    const a = await register()
    const b = await register({ householdId: 'h-a1-102' })
    okData(await h.call('insights.todayTasks', {}, ZHANG, COMMUNITY_A))
    await h.call('parcel.requestDelivery', { parcelId: a.id }, WANG, COMMUNITY_A)
    await h.call('parcel.requestDelivery', { parcelId: b.id }, as('u-r2'), COMMUNITY_A)
    const task = okData(await h.call('insights.todayTasks', {}, ZHANG, COMMUNITY_A)).tasks.find((t) => t.kind === 'deliver_parcel')
    expect(task?.target).toBe(2)
    h.clock.advance(DAY)
    await h.call('parcel.deliver', { parcelId: a.id }, ZHANG, COMMUNITY_A)
    const next = okData(await h.call('insights.todayTasks', {}, ZHANG, COMMUNITY_A)).tasks.find((t) => t.kind === 'deliver_parcel')
    expect(next).toMatchObject({ target: 1 })
    expect(next!.households[0]!.householdId).toBe('h-a1-102')
  })

  it('refuses a parcel not of the caller’s home, one already picked, and a building without a butler', async () => {
    const p = await register()
    expect(codeOf(await h.call('parcel.requestDelivery', { parcelId: p.id }, ZHAO, COMMUNITY_A))).toBe('PARCEL.NOT_FOUND')
    await h.store.update('grids', 'g-a-west', { set: { buildingIds: ['b-a2'] } })
    const z = await register({ householdId: 'h-a3-201' })
    expect(okData(await h.call('parcel.mine', {}, ZHAO, COMMUNITY_A)).waiting[0]!.canRequestDelivery).toBe(false)
    expect(codeOf(await h.call('parcel.requestDelivery', { parcelId: z.id }, ZHAO, COMMUNITY_A))).toBe('PARCEL.NO_BUTLER')
    await h.call('parcel.pickup', { code: p.pickupCode }, SERVICE, COMMUNITY_A)
    expect(codeOf(await h.call('parcel.requestDelivery', { parcelId: p.id }, WANG, COMMUNITY_A))).toBe('PARCEL.ALREADY_PICKED')
    expect(codeOf(await h.call('parcel.deliver', { parcelId: z.id }, LIU, COMMUNITY_A))).toBe('PARCEL.DELIVERY_NOT_REQUESTED')
  })
})
