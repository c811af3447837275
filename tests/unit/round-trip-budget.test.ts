import { type Measured, measureJourneys } from '../support/journeys'
import { RoundTripStore } from '../support/round-trip-store'
import { SqliteStore } from '../../cloudfunctions/adapters/sqlite/sqlite-store'

/**
 * On CloudBase every store call is a network round trip, so the calls a request makes one after
 * another are its latency. Every request of the main journeys stays within its budget: a read at
 * most 4 sequential round trips, a write at most 8 (`npm run bench -- roundtrips` gives the times).
 */
let measured: Measured[]
beforeAll(async () => {
  measured = await measureJourneys(1)
}, 60_000)

it('runs every journey', () => {
  expect(new Set(measured.map((m) => m.journey))).toEqual(new Set(['首页与我的', '账单与缴费', '严选预售', '活动报名', '上门服务', '通行', '管家', '快递', '看板']))
  expect(measured.length).toBeGreaterThanOrEqual(35)
})

it('keeps every request within its round-trip budget', () => {
  const over = measured.filter((m) => m.sequentialDepth > m.budget).map((m) => `${m.request}: ${m.sequentialDepth} > ${m.budget}`)
  expect(over).toEqual([])
})

it('reads what a resident opens in at most four round trips', () => {
  const opened = ['user.me', 'fee.myBills', 'order.campaign', 'order.get', 'event.ticket', 'booking.mine', 'access.listVisitorPasses']
  const depths = opened.map((request) => [request, measured.find((m) => m.request === request)?.sequentialDepth ?? Number.NaN] as const)
  expect(depths.filter(([, depth]) => !(depth <= 4))).toEqual([])
})

describe('the round-trip store', () => {
  let store: RoundTripStore
  beforeEach(() => {
    store = new RoundTripStore(new SqliteStore(':memory:'), 1)
  })

  it('counts calls made one after another as levels, and calls made together as one', async () => {
    await store.get('users', 'a')
    await store.get('users', 'b')
    await Promise.all([store.get('users', 'c'), store.find('users', { where: { openid: 'x' } }), store.count('users')])
    expect(store.read()).toMatchObject({ calls: 5, reads: 5, writes: 0, sequentialDepth: 3 })
  })

  it('tells writes and conditional writes apart, and starts afresh on reset', async () => {
    await store.insert('jobRuns', { _id: 'a' })
    await Promise.all([store.update('jobRuns', 'a', { set: { nickname: 'n' } }), store.update('jobRuns', 'a', { inc: { n: 1 } }, { _id: 'a' })])
    expect(store.read()).toMatchObject({ calls: 3, writes: 3, conditionalWrites: 1, sequentialDepth: 2 })
    store.reset()
    expect(store.read()).toEqual({ calls: 0, reads: 0, writes: 0, conditionalWrites: 0, sequentialDepth: 0 })
  })
})
