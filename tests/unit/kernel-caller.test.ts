import { loadCaller } from '../../cloudfunctions/kernel/actor'
import { COMMUNITY_A } from '../../scripts/seed/demo-ids'
import { type Harness, as, makeHarness } from '../support/harness'
import { RoundTripStore } from '../support/round-trip-store'

/**
 * Who is calling, in as few round trips as CloudBase allows: a WeChat caller the instance has
 * seen before is read together with their memberships and staff roles (one level), a caller seen
 * for the first time takes one more (their user by openid), and nothing learnt on one store
 * connection is used on another.
 */
let h: Harness
let store: RoundTripStore
beforeEach(async () => {
  h = await makeHarness({
    wrapStore: (inner) => {
      store = new RoundTripStore(inner, 0)
      return store
    }
  })
})
afterEach(() => h.close())

const wang = { source: 'dev' as const, openid: as('u-wang') }

it('reads a caller seen before in one round trip, and a new one in two', async () => {
  store.reset()
  const first = await loadCaller(store, wang, COMMUNITY_A, h.clock.now())
  expect(first?.user._id).toBe('u-wang')
  expect(first?.roles).toEqual(['resident'])
  expect(store.read().sequentialDepth).toBe(2)

  store.reset()
  const again = await loadCaller(store, wang, COMMUNITY_A, h.clock.now())
  expect(again).toEqual(first)
  expect(store.read().sequentialDepth).toBe(1)
})

it('reads a butler’s grids alongside the roles when the action is a butler’s', async () => {
  const butler = { source: 'dev' as const, openid: as('u-butler-zhang') }
  await loadCaller(store, butler, COMMUNITY_A, h.clock.now())
  store.reset()
  const actor = await loadCaller(store, butler, COMMUNITY_A, h.clock.now(), { grids: true })
  expect(actor?.roles).toContain('butler')
  expect(actor?.grids.length).toBeGreaterThan(0)
  expect(store.read().sequentialDepth).toBe(1)
  // Not a butler's action: the grids are read only once the roles say so.
  store.reset()
  const same = await loadCaller(store, butler, COMMUNITY_A, h.clock.now())
  expect(same?.grids).toEqual(actor?.grids)
  expect(store.read().sequentialDepth).toBe(2)
})

it('takes the user as stored now, not as first seen', async () => {
  await loadCaller(store, wang, COMMUNITY_A, h.clock.now())
  expect(await h.store.update('users', 'u-wang', { set: { nickname: '王老师' } })).toBe(true)
  expect((await loadCaller(store, wang, COMMUNITY_A, h.clock.now()))?.user.nickname).toBe('王老师')
})

it('finds no caller once the user is gone, though the instance knew them', async () => {
  await loadCaller(store, wang, COMMUNITY_A, h.clock.now())
  expect(await h.store.remove('users', 'u-wang')).toBe(true)
  expect(await loadCaller(store, wang, COMMUNITY_A, h.clock.now())).toBeNull()
})

it('follows a user whose openid now belongs to another record', async () => {
  await loadCaller(store, wang, COMMUNITY_A, h.clock.now())
  const user = await h.store.get('users', 'u-wang')
  expect(await h.store.remove('users', 'u-wang')).toBe(true)
  expect((await h.store.insert('users', { ...user!, _id: 'u-wang-2' })).ok).toBe(true)
  expect((await loadCaller(store, wang, null, h.clock.now()))?.user._id).toBe('u-wang-2')
})

it('learns nothing across store connections', async () => {
  await loadCaller(store, wang, COMMUNITY_A, h.clock.now())
  const other = await makeHarness({ seed: false })
  try {
    // The same openid on another database: no such user there.
    expect(await loadCaller(other.store, wang, COMMUNITY_A, other.clock.now())).toBeNull()
  } finally {
    await other.close()
  }
})

it('reads a console caller’s session, then the user and roles together', async () => {
  const now = h.clock.now()
  expect((await h.store.insert('consoleSessions', { _id: 's-1', userId: 'u-operator-wu', device: '办公室电脑', createdAt: now, expiresAt: now + 3600_000 })).ok).toBe(true)
  store.reset()
  const actor = await loadCaller(store, { source: 'console', sessionId: 's-1' }, COMMUNITY_A, now)
  expect(actor?.roles).toContain('operator')
  expect(store.read().sequentialDepth).toBe(2)
  expect(await h.store.update('consoleSessions', 's-1', { set: { revokedAt: now } })).toBe(true)
  expect(await loadCaller(store, { source: 'console', sessionId: 's-1' }, COMMUNITY_A, now)).toBeNull()
})
