/**
 * What event invitations and pre-sale sharing have in common, on a bare store: the butler's
 * invitation made once with a fresh token, the group a card was opened in, and the visit counted
 * once per visitor with later opens adding their groups.
 */
import { SqliteStore } from '../../cloudfunctions/adapters/sqlite/sqlite-store'
import type { InviteDoc, VisitDoc } from '../../cloudfunctions/domain/event/docs'
import { visitGroupId } from '../../cloudfunctions/domain/invites/groups'
import { INVITE_TOKEN_LENGTH, ensureInvite } from '../../cloudfunctions/domain/invites/invite'
import { recordOpen } from '../../cloudfunctions/domain/invites/visits'
import type { OrderVisitDoc } from '../../cloudfunctions/domain/order/docs'
import type { Ports } from '../../cloudfunctions/kernel/ports'

const T = Date.UTC(2026, 0, 10, 2)

describe('invitations and their visits on a bare store', () => {
  let store: SqliteStore
  let tokens: string[]
  const warnings: string[] = []
  const ports = () =>
    ({
      store,
      clock: { now: () => T },
      random: { code: (length: number) => (tokens.shift() ?? 'Z'.repeat(length)).slice(0, length) },
      log: { info: () => {}, warn: (msg: string) => warnings.push(msg), error: () => {} }
    }) as unknown as Ports
  const invite = (id: string) => (token: string): InviteDoc => ({
    _id: id,
    eventId: id.split(':')[0]!,
    communityId: 'c',
    butlerUserId: id.split(':')[1]!,
    token,
    shares: 0,
    visits: 0,
    signups: 0,
    checkins: 0,
    createdAt: T
  })

  beforeEach(() => {
    store = new SqliteStore(':memory:')
    tokens = []
    warnings.length = 0
  })
  afterEach(() => store.close())

  it('makes the invitation once, and draws another token when one is taken', async () => {
    tokens = ['AAAAAAAAAA', 'AAAAAAAAAA', 'BBBBBBBBBB']
    const first = await ensureInvite(ports(), 'eventInvites', 'e1:b1', invite('e1:b1'))
    expect(first.token).toBe('AAAAAAAAAA')
    expect(first.token).toHaveLength(INVITE_TOKEN_LENGTH)
    expect(await ensureInvite(ports(), 'eventInvites', 'e1:b1', invite('e1:b1'))).toEqual(first)
    const second = await ensureInvite(ports(), 'eventInvites', 'e2:b1', invite('e2:b1'))
    expect(second.token).toBe('BBBBBBBBBB')
    expect(await store.count('eventInvites')).toBe(2)
  })

  it('reads the group from the platform, and counts the visit without one when the platform fails', async () => {
    const groups = { resolve: async (id: string) => ({ cloudID: id, data: { opengid: `G-${id}`, watermark: { appid: 'wx1', timestamp: 1 } } }) }
    expect(await visitGroupId(ports(), groups, 'one', 'wx1')).toBe('G-one')
    expect(await visitGroupId(ports(), groups, 'one', 'wx2')).toBeNull()
    expect(await visitGroupId(ports(), groups, undefined, 'wx1')).toBeNull()
    const broken = { resolve: async () => Promise.reject(new Error('cloudID expired')) }
    expect(await visitGroupId(ports(), broken, 'one', 'wx1')).toBeNull()
    expect(warnings).toEqual(['group open data unavailable'])
  })

  it('counts a visitor once; later opens bump the count and add new groups only', async () => {
    const inv = await ensureInvite(ports(), 'eventInvites', 'e1:b1', invite('e1:b1'))
    const on = { invites: 'eventInvites', visits: 'eventVisits' } as const
    const open = (groupId: string | null, at: number) =>
      recordOpen<VisitDoc>(ports(), on, { _id: `${inv._id}:u1`, inviteId: inv._id, eventId: 'e1', userId: 'u1', groupIds: groupId ? [groupId] : [], opens: 1, firstAt: at, lastAt: at }, groupId)
    await open('G1', T)
    await open('G2', T + 1)
    await open('G1', T + 2)
    await open(null, T + 3)
    expect(await store.get('eventVisits', `${inv._id}:u1`)).toMatchObject({ groupIds: ['G1', 'G2'], opens: 4, firstAt: T, lastAt: T + 3 })
    expect(await store.get('eventInvites', inv._id)).toMatchObject({ visits: 1 })
  })

  it('sets what the caller adds on later opens (the pre-sale keeps the latest group)', async () => {
    const on = { invites: 'orderInvites', visits: 'orderVisits' } as const
    const open = (groupId: string | null, at: number) =>
      recordOpen<OrderVisitDoc>(
        ports(),
        on,
        { _id: 'i1:u1', inviteId: 'i1', campaignId: 'pc', communityId: 'c', butlerUserId: 'b1', userId: 'u1', lastGroupId: groupId, groupIds: groupId ? [groupId] : [], opens: 1, firstAt: at, lastAt: at },
        groupId,
        groupId ? { lastGroupId: groupId } : {}
      )
    await open('G1', T)
    await open('G2', T + 1)
    await open(null, T + 2)
    expect(await store.get('orderVisits', 'i1:u1')).toMatchObject({ lastGroupId: 'G2', groupIds: ['G1', 'G2'], opens: 3 })
  })
})
