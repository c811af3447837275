/**
 * The main journeys of residents, butlers and the office, request by request, through the real
 * handlers (the harness's in-process functions, on the seeded demo), on a store that answers each
 * call after `delayMs` and counts it (round-trip-store.ts). `npm run bench -- roundtrips` reports
 * them; tests/unit/round-trip-budget.test.ts holds every request to its budget.
 *
 * Every caller has been seen by the instance before (the warm-up below): a cold instance's first
 * request of a caller waits for one round trip more. A step that issues codes, mints a ticket key
 * or makes the day's tasks is a write, whatever its name; the same request looked at again is a read.
 */
import { COMMUNITY_A } from '../../scripts/seed/demo-ids'
import { DEMO_LINES } from '../../scripts/seed/booking'
import { PRESALE_IDS } from '../../scripts/seed/presale'
import { shanghaiDay } from '../../cloudfunctions/contracts/shanghai'
import type { ApiResponse } from '../../cloudfunctions/contracts/errors'
import type { ActionId, InputOf, OutputOf } from '../../cloudfunctions/contracts/registry'
import type { LocalPorts } from '../../scripts/server/local-runtime'
import { draft } from './events'
import { gateSim } from './gate'
import { type Harness, as, makeHarness } from './harness'
import { RoundTripStore, type RoundTrips } from './round-trip-store'

/** Sequential round trips a request may wait for: a read at most 4, a write at most 8. */
export const BUDGET = { read: 4, write: 8 } as const

type Kind = keyof typeof BUDGET

interface Step {
  journey: string
  /** The action, or what the request is when it is not an action (`gate /verify`). */
  request: string
  kind: Kind
  run: () => Promise<unknown>
}

export interface Measured extends RoundTrips {
  journey: string
  request: string
  kind: Kind
  budget: number
  simulatedMs: number
}

const WANG = as('u-wang')
const HOME = 'h-a1-101'
const BUTLER = as('u-butler-zhang')
const OPERATOR = as('u-operator-wu')
const STAFF = as('u-staff-sun')
const GATE = { deviceId: 'ly-main', door: 'd1' }

function ok<T>(res: ApiResponse<T>, what: string): T {
  if (!res.ok) throw new Error(`${what}: ${res.error.code} ${res.error.message}`)
  return res.data
}

/** Runs every journey once; `trace` hears each store call with its level. */
export async function measureJourneys(delayMs: number, trace?: (line: string) => void): Promise<Measured[]> {
  /** A seeded owner with no sign-ups: the event journey's resident. */
  const r1 = { openid: as('u-r1'), householdId: '' }
  let store: RoundTripStore | null = null
  const h: Harness = await makeHarness({
    wrapStore: (inner) => {
      store = new RoundTripStore(inner, delayMs, trace)
      return store
    }
  })
  const counted = store as RoundTripStore | null
  if (!counted) throw new Error('the harness did not take the round-trip store')
  const sandbox = (h.ports as LocalPorts).sandbox
  const gate = gateSim(h.ports)
  const call = async <A extends ActionId>(id: A, input: InputOf<A>, who: string): Promise<OutputOf<A>> => ok(await h.call(id, input, who, COMMUNITY_A), id)

  try {
    // Set-up outside the counts: an event open for sign-up, and the resident who signs up.
    const membership = await h.store.find('memberships', { where: { userId: 'u-r1', status: 'active' }, limit: 1 })
    r1.householdId = membership[0]?.householdId ?? ''
    if (!r1.householdId) throw new Error('the seed has no u-r1')
    const eventId = (await call('event.create', { event: draft(h.clock.now()) }, STAFF)).id
    // Each person has opened the app on this instance before (the mini-program's launch asks for
    // user.me): a warm instance knows their user id (kernel/actor.ts). A first request on a cold
    // instance waits for one more round trip.
    for (const who of [WANG, BUTLER, OPERATOR, r1.openid]) ok(await h.call('user.me', {}, who), 'user.me')

    // Values the journey learns as it goes (a bill's payment, an order, a pass code…).
    const seen: { billIds?: string[]; paymentId?: string; prepayId?: string; orderId?: string; signupId?: string; slotStart?: number; bookingId?: string; code?: string; parcelId?: string; pickupCode?: string } = {}
    const launchOf = (created: { payment: { id: string }; launch: { kind: string; prepayId?: string } | null }) => {
      seen.paymentId = created.payment.id
      seen.prepayId = created.launch?.kind === 'sandbox' ? created.launch.prepayId : undefined
      if (!seen.prepayId) throw new Error('no sandbox launch')
    }
    const notify = async () => {
      const res = await sandbox.confirm(seen.prepayId ?? '', {})
      if (!res.ok || res.status !== 204) throw new Error(`payment notification not taken: ${res.ok ? res.status : res.reason}`)
    }
    const today = shanghaiDay(h.clock.now())

    const steps: Step[] = [
      // 首页与我的
      { journey: '首页与我的', request: 'user.me', kind: 'read', run: () => h.call('user.me', {}, WANG) },
      { journey: '首页与我的', request: 'member.card', kind: 'read', run: () => call('member.card', {}, WANG) },
      // 账单与缴费
      {
        journey: '账单与缴费',
        request: 'fee.myBills',
        kind: 'read',
        run: async () => {
          seen.billIds = (await call('fee.myBills', { householdId: HOME, status: 'outstanding' }, WANG)).bills.slice(0, 2).map((b) => b.id)
        }
      },
      {
        journey: '账单与缴费',
        request: 'pay.create (bills)',
        kind: 'write',
        run: async () => launchOf(await call('pay.create', { payables: (seen.billIds ?? []).map((id) => ({ type: 'bill' as const, id })), clientRequestId: 'rt-bills-0001' }, WANG))
      },
      { journey: '账单与缴费', request: 'payment notification (bills)', kind: 'write', run: notify },
      { journey: '账单与缴费', request: 'pay.get', kind: 'read', run: () => call('pay.get', { paymentId: seen.paymentId ?? '' }, WANG) },
      { journey: '账单与缴费', request: 'pay.receipt', kind: 'read', run: () => call('pay.receipt', { paymentId: seen.paymentId ?? '' }, WANG) },
      { journey: '账单与缴费', request: 'pay.history', kind: 'read', run: () => call('pay.history', { householdId: HOME }, WANG) },
      // 严选预售
      { journey: '严选预售', request: 'order.campaigns', kind: 'read', run: () => call('order.campaigns', { scope: 'current' }, WANG) },
      { journey: '严选预售', request: 'order.campaign', kind: 'read', run: () => call('order.campaign', { id: PRESALE_IDS.veg, householdId: HOME }, WANG) },
      {
        journey: '严选预售',
        request: 'member.checkoutOptions',
        kind: 'read',
        run: () => call('member.checkoutOptions', { purchase: { kind: 'presale', campaignId: PRESALE_IDS.veg, skuId: 's1', quantity: 1 }, couponId: null, usePoints: false }, WANG)
      },
      {
        journey: '严选预售',
        request: 'order.create',
        kind: 'write',
        run: async () => {
          seen.orderId = (await call('order.create', { campaignId: PRESALE_IDS.veg, skuId: 's1', quantity: 1, householdId: HOME, clientRequestId: 'rt-order-0001' }, WANG)).id
        }
      },
      {
        journey: '严选预售',
        request: 'pay.create (order)',
        kind: 'write',
        run: async () => launchOf(await call('pay.create', { payables: [{ type: 'order', id: seen.orderId ?? '' }], clientRequestId: 'rt-order-pay-01' }, WANG))
      },
      { journey: '严选预售', request: 'payment notification (order)', kind: 'write', run: notify },
      { journey: '严选预售', request: 'order.get', kind: 'read', run: () => call('order.get', { orderId: seen.orderId ?? '' }, WANG) },
      { journey: '严选预售', request: 'order.mine', kind: 'read', run: () => call('order.mine', { householdId: HOME }, WANG) },
      // 活动报名
      { journey: '活动报名', request: 'event.list', kind: 'read', run: () => call('event.list', { when: 'upcoming' }, r1.openid) },
      { journey: '活动报名', request: 'event.get', kind: 'read', run: () => call('event.get', { id: eventId }, r1.openid) },
      {
        journey: '活动报名',
        request: 'event.signUp',
        kind: 'write',
        run: async () => {
          const r = await call('event.signUp', { eventId, householdId: r1.householdId, answers: {}, subscribed: [] }, r1.openid)
          seen.signupId = r.id
        }
      },
      // The first look at a ticket gives the sign-up its ticket key (a write); every later look reads.
      { journey: '活动报名', request: 'event.ticket (first)', kind: 'write', run: () => call('event.ticket', { signupId: seen.signupId ?? '' }, r1.openid) },
      { journey: '活动报名', request: 'event.ticket', kind: 'read', run: () => call('event.ticket', { signupId: seen.signupId ?? '' }, r1.openid) },
      { journey: '活动报名', request: 'event.mine', kind: 'read', run: () => call('event.mine', {}, r1.openid) },
      // 上门服务
      { journey: '上门服务', request: 'booking.lines', kind: 'read', run: () => call('booking.lines', {}, WANG) },
      {
        journey: '上门服务',
        request: 'booking.slots',
        kind: 'read',
        run: async () => {
          const r = await call('booking.slots', { lineId: DEMO_LINES.clean, householdId: HOME }, WANG)
          seen.slotStart = r.slots.find((s) => s.free > 0 && s.start > h.clock.now() + 2 * 3600_000)?.start
        }
      },
      {
        journey: '上门服务',
        request: 'booking.book',
        kind: 'write',
        run: async () => {
          const r = await call(
            'booking.book',
            { lineId: DEMO_LINES.clean, householdId: HOME, slotStart: seen.slotStart ?? 0, payMode: 'upfront', couponId: null, usePoints: false, note: '', clientRequestId: 'rt-booking-0001' },
            WANG
          )
          seen.bookingId = r.booking.id
        }
      },
      {
        journey: '上门服务',
        request: 'pay.create (booking)',
        kind: 'write',
        run: async () => launchOf(await call('pay.create', { payables: [{ type: 'booking', id: seen.bookingId ?? '' }], clientRequestId: 'rt-booking-pay-1' }, WANG))
      },
      { journey: '上门服务', request: 'payment notification (booking)', kind: 'write', run: notify },
      { journey: '上门服务', request: 'booking.mine', kind: 'read', run: () => call('booking.mine', { householdId: HOME }, WANG) },
      // 通行
      {
        journey: '通行',
        request: 'access.residentPass',
        kind: 'write',
        run: async () => {
          seen.code = (await call('access.residentPass', { householdId: HOME }, WANG)).codes[0]?.code
        }
      },
      {
        journey: '通行',
        request: 'gate /verify',
        kind: 'write',
        run: async () => {
          const a = await gate.verify(GATE.deviceId, GATE.door, seen.code ?? '')
          if (a.decision !== 'open') throw new Error(`gate refused the pass: ${a.reason}`)
        }
      },
      {
        journey: '通行',
        request: 'access.createVisitorPass',
        kind: 'write',
        run: () =>
          call(
            'access.createVisitorPass',
            { householdId: HOME, visitorName: '林访客', visitorPhone: '13712345678', purpose: '探亲', validFrom: h.clock.now(), validTo: h.clock.now() + 4 * 3600_000, maxUses: 2 },
            WANG
          )
      },
      { journey: '通行', request: 'access.listVisitorPasses', kind: 'read', run: () => call('access.listVisitorPasses', { householdId: HOME }, WANG) },
      // 管家
      // The day's first look makes the tasks when the night's pass has not (a write); later looks read.
      { journey: '管家', request: 'insights.todayTasks (first)', kind: 'write', run: () => call('insights.todayTasks', {}, BUTLER) },
      { journey: '管家', request: 'insights.todayTasks', kind: 'read', run: () => call('insights.todayTasks', {}, BUTLER) },
      { journey: '管家', request: 'insights.myGrid', kind: 'read', run: () => call('insights.myGrid', {}, BUTLER) },
      { journey: '管家', request: 'user.gridOverview', kind: 'read', run: () => call('user.gridOverview', {}, BUTLER) },
      { journey: '管家', request: 'insights.scoreboard', kind: 'read', run: () => call('insights.scoreboard', { weeksAgo: 0 }, BUTLER) },
      { journey: '管家', request: 'training.myCourses', kind: 'read', run: () => call('training.myCourses', {}, BUTLER) },
      { journey: '管家', request: 'training.gate', kind: 'read', run: () => call('training.gate', { line: 'presale' }, BUTLER) },
      // 快递: the front desk registers, the resident looks, asks for the door, the desk hands another one over.
      {
        journey: '快递',
        request: 'parcel.register',
        kind: 'write',
        run: async () => {
          const p = await call('parcel.register', { householdId: HOME, courier: 'sf', trackingNo: 'SF1234509876', shelf: 'A-01', clientRequestId: 'journey-parcel-1' }, OPERATOR)
          seen.parcelId = p.id
        }
      },
      { journey: '快递', request: 'parcel.mine', kind: 'read', run: () => call('parcel.mine', {}, WANG) },
      { journey: '快递', request: 'parcel.requestDelivery', kind: 'write', run: () => call('parcel.requestDelivery', { parcelId: seen.parcelId ?? '' }, WANG) },
      { journey: '快递', request: 'parcel.pickup', kind: 'write', run: () => call('parcel.pickup', { code: '318204' }, OPERATOR) },
      { journey: '快递', request: 'parcel.list', kind: 'read', run: () => call('parcel.list', { filter: 'waiting' }, OPERATOR) },
      // 看板
      { journey: '看板', request: 'user.communityOverview', kind: 'read', run: () => call('user.communityOverview', {}, OPERATOR) },
      { journey: '看板', request: 'insights.dashboard', kind: 'read', run: () => call('insights.dashboard', { scope: 'community', from: today, to: today }, OPERATOR) },
      { journey: '看板', request: 'order.dashboard', kind: 'read', run: () => call('order.dashboard', { campaignId: PRESALE_IDS.veg }, OPERATOR) }
    ]

    const measured: Measured[] = []
    for (const step of steps) {
      counted.reset()
      trace?.(`— ${step.request}`)
      const t0 = performance.now()
      await step.run()
      const simulatedMs = performance.now() - t0
      await sandbox.flush()
      const trips = counted.read()
      measured.push({ journey: step.journey, request: step.request, kind: step.kind, budget: BUDGET[step.kind], ...trips, simulatedMs: Math.round(simulatedMs) })
    }
    return measured
  } finally {
    await sandbox.flush()
    await h.close()
  }
}

