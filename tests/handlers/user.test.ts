/**
 * The `user` function through its real request path (envelope, identity, roles, zod, handler,
 * output contract) on an in-memory SQLite store seeded with the demo data.
 */
import { BIND_ATTEMPTS_PER_DAY } from '../../cloudfunctions/domain/user/bind'
import { INVITATION_TTL_MS } from '../../cloudfunctions/domain/user/invitations'
import { userContracts } from '../../cloudfunctions/contracts/user'
import { COMMUNITY_A, COMMUNITY_B, buildDemo, demoCodes } from '../../scripts/seed/demo'
import { type Harness, TEST_PEPPER, as, makeHarness } from '../support/harness'
import { codeOf, errorOf, grantFreshUser, okData, snapshot } from './support'
import { rawStore } from '../support/raw-store'


const CODES = demoCodes(TEST_PEPPER)
const DEMO = buildDemo(TEST_PEPPER)
const HOUR = 3600_000

function codeFor(householdId: string): string {
  const c = CODES[householdId]
  if (!c) throw new Error(`no demo code for ${householdId}`)
  return c
}
/** How residents type it: lower case with the printed dash. */
const typed = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`.toLowerCase()
/** A well-formed code that belongs to no household. */
const WRONG_CODE = ['ZZZZZZZZ', 'YYYYYYYY', 'XXXXXXXX'].find((c) => !Object.values(CODES).includes(c)) ?? 'WWWWWWWW'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(async () => {
  await h.close()
})

const membership = (householdId: string, userId: string) => h.store.get('memberships', `${householdId}:${userId}`)

it('covers every action of the user function', () => {
  // New actions must get handler tests here; this list is the checklist.
  expect(Object.keys(userContracts).sort()).toEqual(
    [
      'login',
      'me',
      'updateProfile',
      'switchContext',
      'bindHousehold',
      'createInvitation',
      'getInvitation',
      'acceptInvitation',
      'listCommunities',
      'listBuildings',
      'requestJoin',
      'listJoinRequests',
      'reviewJoinRequest',
      'householdMembers',
      'gridOverview',
      'communityOverview'
    ].sort()
  )
})

describe('user.login', () => {
  it('creates a user on the first call, with a default nickname', async () => {
    const me = okData(await h.call('user.login', {}, 'wx-fresh-1234'))
    expect(me.user.nickname).toBe('邻居1234')
    expect(me.households).toEqual([])
    expect(me.contexts).toEqual([])
    expect(me.current).toBeNull()
    const stored = await h.store.find('users', { where: { openid: 'wx-fresh-1234' } })
    expect(stored.map((u) => u._id)).toEqual([me.user.id])
  })

  it('uses the given nickname and is idempotent afterwards', async () => {
    const first = okData(await h.call('user.login', { nickname: ' 新邻居 ' }, 'wx-fresh'))
    expect(first.user.nickname).toBe('新邻居')
    const again = okData(await h.call('user.login', { nickname: '别的名字' }, 'wx-fresh'))
    expect(again.user).toEqual(first.user)
    expect(await h.store.count('users', { openid: 'wx-fresh' })).toBe(1)
  })

  it('concurrent first logins of one openid create one user and both see it', async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => h.call('user.login', {}, 'wx-race')))
    const ids = results.map((r) => okData(r).user.id)
    expect(new Set(ids).size).toBe(1)
    expect(await h.store.count('users', { openid: 'wx-race' })).toBe(1)
  })

  it('logs in a seeded user as that user', async () => {
    const me = okData(await h.call('user.login', {}, as('u-wang')))
    expect(me.user).toMatchObject({ id: 'u-wang', nickname: '王建国' })
    expect(me.households.map((x) => x.householdId).sort()).toEqual(['h-a1-101', 'h-a2-302'])
  })
})

describe('user.me', () => {
  it('returns the user, households and every context, with the phone masked', async () => {
    const me = okData(await h.call('user.me', {}, as('u-wang')))
    expect(me.user).toEqual({ id: 'u-wang', nickname: '王建国', avatarUrl: '', phoneMasked: '138****1111' })
    expect(me.households).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ householdId: 'h-a1-101', communityId: COMMUNITY_A, label: '1栋 101', relation: 'owner' }),
        expect.objectContaining({ householdId: 'h-a2-302', communityId: COMMUNITY_A, label: '2栋 302', relation: 'owner' })
      ])
    )
    expect(me.contexts.every((c) => c.role === 'resident')).toBe(true)
    expect(me.current).toEqual(me.contexts[0])
    expect(JSON.stringify(me)).not.toContain('13800001111')
  })

  it('lists staff contexts in every community the user works in', async () => {
    const me = okData(await h.call('user.me', {}, as('u-operator-wu')))
    expect(me.contexts.map((c) => [c.communityId, c.role]).sort()).toEqual([
      [COMMUNITY_B, 'operator'],
      [COMMUNITY_A, 'operator']
    ].sort())
  })
})

describe('user.updateProfile', () => {
  it('stores the phone but only ever returns it masked', async () => {
    const me = okData(await h.call('user.updateProfile', { phone: '13912345678', nickname: ' 小陈 ' }, as('u-newcomer')))
    expect(me.user.phoneMasked).toBe('139****5678')
    expect(me.user.nickname).toBe('小陈')
    expect(JSON.stringify(me)).not.toContain('13912345678')
    const stored = await h.store.get('users', 'u-newcomer')
    expect(stored?.phone).toBe('13912345678')
    expect(stored?.updatedAt).toBe(h.clock.now())
  })

  it('leaves fields that were not sent alone', async () => {
    okData(await h.call('user.updateProfile', { avatarUrl: 'https://example.com/a.png' }, as('u-wang')))
    const stored = await h.store.get('users', 'u-wang')
    expect(stored).toMatchObject({ nickname: '王建国', phone: '13800001111', avatarUrl: 'https://example.com/a.png' })
  })

  it('rejects an invalid phone with a field error and changes nothing', async () => {
    const before = await h.store.get('users', 'u-wang')
    const err = errorOf(await h.call('user.updateProfile', { phone: '12345' }, as('u-wang')))
    expect(err.code).toBe('REQUEST.INVALID_INPUT')
    expect(err.fields?.map((f) => f.path)).toEqual(['phone'])
    expect(await h.store.get('users', 'u-wang')).toEqual(before)
  })
})

describe('user.switchContext', () => {
  it('switches to another household and remembers it', async () => {
    const me = okData(await h.call('user.switchContext', { communityId: COMMUNITY_A, role: 'resident', householdId: 'h-a2-302' }, as('u-wang')))
    expect(me.current).toMatchObject({ communityId: COMMUNITY_A, role: 'resident', householdId: 'h-a2-302' })
    const again = okData(await h.call('user.me', {}, as('u-wang')))
    expect(again.current?.householdId).toBe('h-a2-302')
  })

  it('switches a staff member between communities', async () => {
    const me = okData(await h.call('user.switchContext', { communityId: COMMUNITY_B, role: 'operator' }, as('u-operator-wu')))
    expect(me.current).toMatchObject({ communityId: COMMUNITY_B, role: 'operator', communityName: '和谐家园' })
  })

  it.each([
    ['a role the user does not hold', { communityId: COMMUNITY_A, role: 'operator' as const }],
    ['a community the user is not in', { communityId: COMMUNITY_B, role: 'resident' as const, householdId: 'h-b1-101' }],
    ['a household the user is not in', { communityId: COMMUNITY_A, role: 'resident' as const, householdId: 'h-a1-102' }],
    ['a resident context without a household', { communityId: COMMUNITY_A, role: 'resident' as const }]
  ])('refuses %s with CONTEXT.NOT_AVAILABLE', async (_label, input) => {
    expect(codeOf(await h.call('user.switchContext', input, as('u-wang')))).toBe('CONTEXT.NOT_AVAILABLE')
    expect((await h.store.get('users', 'u-wang'))?.lastContext).toBeUndefined()
  })
})

describe('user.bindHousehold', () => {
  const attempts = async (userId: string) => {
    const rows = await h.store.find('attempts', { where: { _id: { gt: `bind:${userId}:` } } })
    return rows.filter((r) => r._id.startsWith(`bind:${userId}:`))
  }

  it('binds with a code typed in lower case with a dash, as owner, and lands in that household', async () => {
    const me = okData(await h.call('user.bindHousehold', { code: typed(codeFor('h-a3-101')) }, as('u-newcomer')))
    expect(me.households).toEqual([expect.objectContaining({ householdId: 'h-a3-101', relation: 'owner', label: '3栋 101' })])
    expect(me.current).toMatchObject({ role: 'resident', householdId: 'h-a3-101' })
    expect(await membership('h-a3-101', 'u-newcomer')).toMatchObject({ status: 'active', relation: 'owner', via: 'code' })
    // A correct code does not use up an attempt.
    expect((await attempts('u-newcomer')).map((a) => a.count)).toEqual([0])
  })

  it('counts down the remaining attempts on a wrong code', async () => {
    const err = errorOf(await h.call('user.bindHousehold', { code: WRONG_CODE }, as('u-newcomer')))
    expect(err.code).toBe('HOUSEHOLD.CODE_INVALID')
    expect(err.message).toContain(`${BIND_ATTEMPTS_PER_DAY - 1} 次`)
    expect(err.fields).toEqual([{ path: 'code', message: expect.any(String) }])
    const second = errorOf(await h.call('user.bindHousehold', { code: WRONG_CODE }, as('u-newcomer')))
    expect(second.message).toContain(`${BIND_ATTEMPTS_PER_DAY - 2} 次`)
  })

  it('locks after five wrong codes, even for the right one, until the next Shanghai day', async () => {
    for (let i = 0; i < BIND_ATTEMPTS_PER_DAY; i++) {
      expect(codeOf(await h.call('user.bindHousehold', { code: WRONG_CODE }, as('u-newcomer')))).toBe('HOUSEHOLD.CODE_INVALID')
    }
    const right = { code: codeFor('h-a3-101') }
    expect(codeOf(await h.call('user.bindHousehold', right, as('u-newcomer')))).toBe('HOUSEHOLD.TOO_MANY_ATTEMPTS')
    expect(await membership('h-a3-101', 'u-newcomer')).toBeNull()

    // The harness clock starts at 10:00 Shanghai; 23:59 is still the same day.
    h.clock.advance(13 * HOUR + 59 * 60_000)
    expect(codeOf(await h.call('user.bindHousehold', right, as('u-newcomer')))).toBe('HOUSEHOLD.TOO_MANY_ATTEMPTS')
    h.clock.advance(60_000)
    okData(await h.call('user.bindHousehold', right, as('u-newcomer')))
    expect(await membership('h-a3-101', 'u-newcomer')).toMatchObject({ status: 'active' })
  })

  it('ten parallel wrong codes get at most five reservations', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => h.call('user.bindHousehold', { code: WRONG_CODE }, as('u-newcomer'))))
    const codes = results.map(codeOf)
    expect(codes.filter((c) => c === 'HOUSEHOLD.CODE_INVALID')).toHaveLength(BIND_ATTEMPTS_PER_DAY)
    expect(codes.filter((c) => c === 'HOUSEHOLD.TOO_MANY_ATTEMPTS')).toHaveLength(10 - BIND_ATTEMPTS_PER_DAY)
    expect((await attempts('u-newcomer')).map((a) => a.count)).toEqual([BIND_ATTEMPTS_PER_DAY])
  })

  it('limits each user separately', async () => {
    for (let i = 0; i < BIND_ATTEMPTS_PER_DAY; i++) await h.call('user.bindHousehold', { code: WRONG_CODE }, as('u-newcomer'))
    expect(codeOf(await h.call('user.bindHousehold', { code: WRONG_CODE }, as('u-zhao')))).toBe('HOUSEHOLD.CODE_INVALID')
  })

  it('refuses an owner binding the same household again with ALREADY_BOUND', async () => {
    expect(codeOf(await h.call('user.bindHousehold', { code: codeFor('h-a1-101') }, as('u-wang')))).toBe('HOUSEHOLD.ALREADY_BOUND')
    expect(await membership('h-a1-101', 'u-wang')).toMatchObject({ relation: 'owner', via: 'seed' })
  })

  it('upgrades a tenant who has the code to owner', async () => {
    expect(await membership('h-a3-201', 'u-zhao')).toMatchObject({ relation: 'tenant' })
    const me = okData(await h.call('user.bindHousehold', { code: codeFor('h-a3-201') }, as('u-zhao')))
    expect(me.households).toEqual([expect.objectContaining({ householdId: 'h-a3-201', relation: 'owner' })])
    expect(await membership('h-a3-201', 'u-zhao')).toMatchObject({ relation: 'owner', via: 'code', status: 'active' })
  })

  it('rejects a code with ambiguous characters before trying it', async () => {
    const err = errorOf(await h.call('user.bindHousehold', { code: 'ABCD-EF01' }, as('u-newcomer')))
    expect(err.code).toBe('REQUEST.INVALID_INPUT')
    expect(err.fields?.[0]?.path).toBe('code')
    expect(await attempts('u-newcomer')).toEqual([])
  })
})

describe('invitations', () => {
  const invite = async (relation: 'family' | 'tenant' = 'family') =>
    okData(await h.call('user.createInvitation', { householdId: 'h-a1-101', relation }, as('u-wang'), COMMUNITY_A))
  const invitationDoc = async (token: string) => {
    const [doc] = await h.store.find('invitations', { where: { token } })
    return doc
  }

  describe('user.createInvitation', () => {
    it('lets an owner invite, valid for seven days', async () => {
      const inv = await invite('tenant')
      expect(inv).toMatchObject({
        householdLabel: '1栋 101',
        communityName: '临苑社区',
        relation: 'tenant',
        inviterName: '王建国',
        status: 'open',
        expiresAt: h.clock.now() + INVITATION_TTL_MS
      })
      expect(inv.token.length).toBeGreaterThanOrEqual(8)
      expect(await invitationDoc(inv.token)).toMatchObject({ createdBy: 'u-wang', householdId: 'h-a1-101', communityId: COMMUNITY_A })
    })

    it('refuses a family member with HOUSEHOLD.NOT_OWNER', async () => {
      const res = await h.call('user.createInvitation', { householdId: 'h-a1-101', relation: 'family' }, as('u-li'), COMMUNITY_A)
      expect(codeOf(res)).toBe('HOUSEHOLD.NOT_OWNER')
      expect(await h.store.count('invitations')).toBe(0)
    })

    it('refuses a resident of another household with HOUSEHOLD.NOT_MEMBER', async () => {
      const res = await h.call('user.createInvitation', { householdId: 'h-a1-101', relation: 'family' }, as('u-zhao'), COMMUNITY_A)
      expect(codeOf(res)).toBe('HOUSEHOLD.NOT_MEMBER')
    })

    it('refuses a resident of another community naming this household with HOUSEHOLD.NOT_MEMBER', async () => {
      const res = await h.call('user.createInvitation', { householdId: 'h-a1-101', relation: 'family' }, as('u-b-resident'), COMMUNITY_B)
      expect(codeOf(res)).toBe('HOUSEHOLD.NOT_MEMBER')
      expect(await h.store.count('invitations')).toBe(0)
    })
  })

  describe('user.getInvitation', () => {
    it('shows an open invitation to whoever has the token', async () => {
      const inv = await invite()
      expect(okData(await h.call('user.getInvitation', { token: inv.token }, as('u-newcomer')))).toEqual(inv)
    })

    it('shows it as expired once seven days have passed', async () => {
      const inv = await invite()
      h.clock.advance(INVITATION_TTL_MS)
      expect(okData(await h.call('user.getInvitation', { token: inv.token }, as('u-newcomer'))).status).toBe('expired')
    })

    it('gives INVITATION.NOT_FOUND for an unknown token', async () => {
      expect(codeOf(await h.call('user.getInvitation', { token: 'no-such-token' }, as('u-newcomer')))).toBe('INVITATION.NOT_FOUND')
    })
  })

  describe('user.acceptInvitation', () => {
    it('makes the invitee a member with the invited relation and uses the invitation up', async () => {
      const inv = await invite('family')
      const me = okData(await h.call('user.acceptInvitation', { token: inv.token }, as('u-newcomer')))
      expect(me.households).toEqual([expect.objectContaining({ householdId: 'h-a1-101', relation: 'family' })])
      expect(me.current?.householdId).toBe('h-a1-101')
      expect(await membership('h-a1-101', 'u-newcomer')).toMatchObject({ status: 'active', relation: 'family', via: 'invitation' })
      expect(await invitationDoc(inv.token)).toMatchObject({ status: 'accepted', acceptedBy: 'u-newcomer' })
      expect(codeOf(await h.call('user.acceptInvitation', { token: inv.token }, as('u-zhao')))).toBe('INVITATION.USED')
    })

    it('lets exactly one of two concurrent invitees in', async () => {
      const inv = await invite()
      const [a, b] = await Promise.all([
        h.call('user.acceptInvitation', { token: inv.token }, as('u-newcomer')),
        h.call('user.acceptInvitation', { token: inv.token }, as('u-zhao'))
      ])
      const outcomes = [a, b].map((r) => (r.ok ? 'ok' : r.error.code)).sort()
      expect(outcomes).toEqual(['INVITATION.USED', 'ok'])
      const members = await h.store.find('memberships', {
        where: { householdId: 'h-a1-101', userId: { in: ['u-newcomer', 'u-zhao'] } }
      })
      expect(members).toHaveLength(1)
      expect((await invitationDoc(inv.token))?.acceptedBy).toBe(members[0]?.userId)
    })

    it('expires exactly seven days after creation', async () => {
      const inv = await invite()
      h.clock.advance(INVITATION_TTL_MS)
      expect(codeOf(await h.call('user.acceptInvitation', { token: inv.token }, as('u-newcomer')))).toBe('INVITATION.EXPIRED')
      expect(await membership('h-a1-101', 'u-newcomer')).toBeNull()
    })

    it('still works a moment before expiry', async () => {
      const inv = await invite()
      h.clock.advance(INVITATION_TTL_MS - 1)
      okData(await h.call('user.acceptInvitation', { token: inv.token }, as('u-newcomer')))
    })

    it('refuses the inviter with INVITATION.SELF', async () => {
      const inv = await invite()
      expect(codeOf(await h.call('user.acceptInvitation', { token: inv.token }, as('u-wang')))).toBe('INVITATION.SELF')
      expect((await invitationDoc(inv.token))?.status).toBe('open')
    })

    it('refuses someone already in the household and leaves the invitation open', async () => {
      const inv = await invite()
      expect(codeOf(await h.call('user.acceptInvitation', { token: inv.token }, as('u-li')))).toBe('HOUSEHOLD.ALREADY_BOUND')
      expect((await invitationDoc(inv.token))?.status).toBe('open')
    })

    it('is idempotent for the invitee retrying', async () => {
      const inv = await invite()
      const first = okData(await h.call('user.acceptInvitation', { token: inv.token }, as('u-newcomer')))
      const again = okData(await h.call('user.acceptInvitation', { token: inv.token }, as('u-newcomer')))
      expect(again.households).toEqual(first.households)
      expect(await h.store.count('memberships', { userId: 'u-newcomer' })).toBe(1)
    })

    it('gives INVITATION.NOT_FOUND for an unknown token', async () => {
      expect(codeOf(await h.call('user.acceptInvitation', { token: 'no-such-token' }, as('u-newcomer')))).toBe('INVITATION.NOT_FOUND')
    })
  })

  describe('expire-invitations timer job', () => {
    const timer = { Type: 'Timer', TriggerName: 'expire-invitations' }

    it('marks overdue open invitations expired and leaves the rest', async () => {
      const old = await invite()
      const used = await invite()
      okData(await h.call('user.acceptInvitation', { token: used.token }, as('u-newcomer')))
      h.clock.advance(INVITATION_TTL_MS + 1)
      const fresh = await invite()

      expect(await h.raw('user', timer, null)).toEqual({ ok: true, job: 'expire-invitations', report: { expired: 1 } })
      expect((await invitationDoc(old.token))?.status).toBe('expired')
      expect((await invitationDoc(used.token))?.status).toBe('accepted')
      expect((await invitationDoc(fresh.token))?.status).toBe('open')
      expect(await h.raw('user', timer, null)).toEqual({ ok: true, job: 'expire-invitations', report: { expired: 0 } })
      expect(h.logs).toContainEqual(expect.objectContaining({ level: 'info', msg: 'job finished' }))
    })

    it('refuses a timer event that arrives with a user identity', async () => {
      const inv = await invite()
      h.clock.advance(INVITATION_TTL_MS + 1)
      expect(codeOf(await h.raw('user', timer, as('u-operator-wu')))).toBe('AUTH.FORBIDDEN')
      expect((await invitationDoc(inv.token))?.status).toBe('open')
    })

    it('reports an unknown trigger', async () => {
      expect(await h.raw('user', { Type: 'Timer', TriggerName: 'nope' }, null)).toEqual({ ok: false, job: 'nope', error: 'unknown job' })
    })
  })
})

describe('directory', () => {
  it('user.listCommunities lists both communities, oldest first', async () => {
    expect(okData(await h.call('user.listCommunities', {}, as('u-newcomer')))).toEqual({
      communities: [
        { id: COMMUNITY_A, name: '临苑社区', city: '杭州' },
        { id: COMMUNITY_B, name: '和谐家园', city: '杭州' }
      ]
    })
  })

  it('user.listBuildings lists buildings in order with their rooms sorted', async () => {
    const res = okData(await h.call('user.listBuildings', { communityId: COMMUNITY_A }, as('u-newcomer')))
    expect(res.communityName).toBe('临苑社区')
    expect(res.buildings.map((b) => b.name)).toEqual(['1栋', '2栋', '3栋'])
    for (const b of res.buildings) {
      const expected = DEMO.households.filter((x) => x.doc.buildingId === b.id).map((x) => x.doc.room).sort()
      expect(b.households.map((x) => x.room)).toEqual(expected)
    }
    expect(res.buildings[0]?.households[0]).toEqual({ id: 'h-a1-101', room: '101' })
  })

  it('user.listBuildings gives HOUSEHOLD.NOT_FOUND for an unknown community', async () => {
    expect(codeOf(await h.call('user.listBuildings', { communityId: 'c-nowhere' }, as('u-newcomer')))).toBe('HOUSEHOLD.NOT_FOUND')
  })

  it('user.householdMembers lists the active members and marks the caller', async () => {
    const res = okData(await h.call('user.householdMembers', { householdId: 'h-a1-101' }, as('u-li'), COMMUNITY_A))
    expect(res.householdLabel).toBe('1栋 101')
    const expected = DEMO.memberships.filter((m) => m.householdId === 'h-a1-101').map((m) => m.userId)
    expect(res.members.map((m) => m.userId).sort()).toEqual(expected.sort())
    expect(res.members.filter((m) => m.isMe).map((m) => m.userId)).toEqual(['u-li'])
    expect(res.members.find((m) => m.userId === 'u-wang')).toMatchObject({ nickname: '王建国', relation: 'owner' })
  })

  it('user.householdMembers refuses a resident of another household', async () => {
    expect(codeOf(await h.call('user.householdMembers', { householdId: 'h-a1-101' }, as('u-zhao'), COMMUNITY_A))).toBe('HOUSEHOLD.NOT_MEMBER')
  })

  it('user.householdMembers refuses a resident of another community', async () => {
    expect(codeOf(await h.call('user.householdMembers', { householdId: 'h-a1-101' }, as('u-b-resident'), COMMUNITY_B))).toBe(
      'HOUSEHOLD.NOT_MEMBER'
    )
  })
})

describe('join requests', () => {
  const request = (householdId: string, userId = 'u-newcomer', note?: string) =>
    h.call('user.requestJoin', { householdId, relation: 'family', ...(note === undefined ? {} : { note }) }, as(userId))
  const review = (id: string, approve: boolean, butler = 'u-butler-zhang', note?: string) =>
    h.call('user.reviewJoinRequest', { id, approve, ...(note === undefined ? {} : { note }) }, as(butler), COMMUNITY_A)

  describe('user.requestJoin', () => {
    it('files a pending request', async () => {
      expect(okData(await request('h-a1-102', 'u-newcomer', ' 我是业主的女儿 '))).toEqual({ id: 'h-a1-102:u-newcomer', status: 'pending' })
      expect(await h.store.get('joinRequests', 'h-a1-102:u-newcomer')).toMatchObject({
        status: 'pending',
        note: '我是业主的女儿',
        communityId: COMMUNITY_A,
        buildingId: 'b-a1'
      })
    })

    it('refuses a second request while one is pending', async () => {
      okData(await request('h-a1-102'))
      expect(codeOf(await request('h-a1-102'))).toBe('JOIN_REQUEST.ALREADY_PENDING')
    })

    it('may be filed again after a rejection, clearing the old review', async () => {
      okData(await request('h-a1-102'))
      okData(await review('h-a1-102:u-newcomer', false, 'u-butler-zhang', '查无此人'))
      okData(await request('h-a1-102', 'u-newcomer', '补充说明'))
      const doc = await h.store.get('joinRequests', 'h-a1-102:u-newcomer')
      expect(doc).toMatchObject({ status: 'pending', note: '补充说明' })
      expect(doc?.reviewerId).toBeUndefined()
      expect(doc?.reviewNote).toBeUndefined()
    })

    it('refuses a member of the household and an unknown household', async () => {
      expect(codeOf(await request('h-a1-101', 'u-wang'))).toBe('HOUSEHOLD.ALREADY_BOUND')
      expect(codeOf(await request('h-nowhere'))).toBe('HOUSEHOLD.NOT_FOUND')
      expect(await h.store.count('joinRequests')).toBe(0)
    })
  })

  describe('user.listJoinRequests', () => {
    it("shows a butler only the requests in their grid's buildings", async () => {
      okData(await h.call('user.updateProfile', { phone: '13712345678' }, as('u-newcomer')))
      okData(await request('h-a1-102')) // 1栋: 东区 (张)
      okData(await request('h-a2-101')) // 2栋: 西区 (刘)
      const zhang = okData(await h.call('user.listJoinRequests', {}, as('u-butler-zhang'), COMMUNITY_A))
      expect(zhang.requests).toEqual([
        expect.objectContaining({ id: 'h-a1-102:u-newcomer', householdLabel: '1栋 102', applicantName: '陈新来', phoneMasked: '137****5678', status: 'pending' })
      ])
      const liu = okData(await h.call('user.listJoinRequests', { status: 'pending' }, as('u-butler-liu'), COMMUNITY_A))
      expect(liu.requests.map((r) => r.id)).toEqual(['h-a2-101:u-newcomer'])
      const other = okData(await h.call('user.listJoinRequests', {}, as('u-b-butler'), COMMUNITY_B))
      expect(other.requests).toEqual([])
    })

    it('filters by status', async () => {
      okData(await request('h-a1-102'))
      okData(await request('h-a1-103', 'u-zhao'))
      okData(await review('h-a1-102:u-newcomer', true))
      const list = (status: 'pending' | 'approved' | 'rejected') =>
        h.call('user.listJoinRequests', { status }, as('u-butler-zhang'), COMMUNITY_A)
      expect(okData(await list('approved')).requests.map((r) => r.id)).toEqual(['h-a1-102:u-newcomer'])
      expect(okData(await list('pending')).requests.map((r) => r.id)).toEqual(['h-a1-103:u-zhao'])
      expect(okData(await list('rejected')).requests).toEqual([])
    })
  })

  describe('user.reviewJoinRequest', () => {
    it('approving makes the applicant a member and tells them in the inbox', async () => {
      okData(await request('h-a1-102'))
      const view = okData(await review('h-a1-102:u-newcomer', true))
      expect(view).toMatchObject({ id: 'h-a1-102:u-newcomer', status: 'approved', relation: 'family' })
      expect(await membership('h-a1-102', 'u-newcomer')).toMatchObject({ status: 'active', relation: 'family', via: 'approval' })
      expect(await h.store.get('joinRequests', 'h-a1-102:u-newcomer')).toMatchObject({
        status: 'approved',
        reviewerId: 'u-butler-zhang',
        reviewedAt: h.clock.now()
      })
      const inbox = await h.store.find('inbox', { where: { userId: 'u-newcomer' } })
      expect(inbox).toEqual([
        expect.objectContaining({ kind: 'join-request', communityId: COMMUNITY_A, title: '入户申请已通过', read: false })
      ])
      const me = okData(await h.call('user.me', {}, as('u-newcomer')))
      expect(me.households.map((x) => x.householdId)).toEqual(['h-a1-102'])
    })

    it('rejecting makes no member and sends the reason', async () => {
      okData(await request('h-a1-102'))
      expect(okData(await review('h-a1-102:u-newcomer', false, 'u-butler-zhang', '信息不符')).status).toBe('rejected')
      expect(await membership('h-a1-102', 'u-newcomer')).toBeNull()
      expect(await h.store.find('inbox', { where: { userId: 'u-newcomer' } })).toEqual([
        expect.objectContaining({ title: '入户申请未通过', body: expect.stringContaining('信息不符') })
      ])
    })

    it('a second review gets ALREADY_REVIEWED and changes nothing', async () => {
      okData(await request('h-a1-102'))
      okData(await review('h-a1-102:u-newcomer', false))
      expect(codeOf(await review('h-a1-102:u-newcomer', true))).toBe('JOIN_REQUEST.ALREADY_REVIEWED')
      expect(await membership('h-a1-102', 'u-newcomer')).toBeNull()
      expect(await h.store.count('inbox', { userId: 'u-newcomer' })).toBe(1)
    })

    it("another grid's butler gets OUT_OF_GRID and the request stays pending", async () => {
      okData(await request('h-a1-102'))
      expect(codeOf(await review('h-a1-102:u-newcomer', true, 'u-butler-liu'))).toBe('JOIN_REQUEST.OUT_OF_GRID')
      expect((await h.store.get('joinRequests', 'h-a1-102:u-newcomer'))?.status).toBe('pending')
      expect(await membership('h-a1-102', 'u-newcomer')).toBeNull()
    })

    it("another community's butler cannot see the request at all", async () => {
      okData(await request('h-a1-102'))
      const res = await h.call('user.reviewJoinRequest', { id: 'h-a1-102:u-newcomer', approve: true, note: '' }, as('u-b-butler'), COMMUNITY_B)
      expect(codeOf(res)).toBe('JOIN_REQUEST.NOT_FOUND')
      expect((await h.store.get('joinRequests', 'h-a1-102:u-newcomer'))?.status).toBe('pending')
    })

    it('gives JOIN_REQUEST.NOT_FOUND for an unknown id', async () => {
      expect(codeOf(await review('nope', true))).toBe('JOIN_REQUEST.NOT_FOUND')
    })
  })
})

describe('overviews', () => {
  /** Households and bound households per building, counted straight from the seed. */
  function seedStats(buildingId: string) {
    const households = DEMO.households.filter((x) => x.doc.buildingId === buildingId).map((x) => x.doc._id)
    const bound = new Set(DEMO.memberships.filter((m) => households.includes(m.householdId)).map((m) => m.householdId))
    return { households: households.length, bound: bound.size }
  }

  it("user.gridOverview shows a butler's own grid and its pending requests", async () => {
    const zhang = okData(await h.call('user.gridOverview', {}, as('u-butler-zhang'), COMMUNITY_A))
    expect(zhang).toEqual({ gridName: '东区网格', buildings: [{ id: 'b-a1', name: '1栋', ...seedStats('b-a1') }], pendingRequests: 0 })
    okData(await h.call('user.requestJoin', { householdId: 'h-a1-102', relation: 'family' }, as('u-newcomer')))
    okData(await h.call('user.requestJoin', { householdId: 'h-a2-101', relation: 'family' }, as('u-newcomer')))
    expect(okData(await h.call('user.gridOverview', {}, as('u-butler-zhang'), COMMUNITY_A)).pendingRequests).toBe(1)

    const liu = okData(await h.call('user.gridOverview', {}, as('u-butler-liu'), COMMUNITY_A))
    expect(liu.gridName).toBe('西区网格')
    expect(liu.buildings).toEqual([
      { id: 'b-a2', name: '2栋', ...seedStats('b-a2') },
      { id: 'b-a3', name: '3栋', ...seedStats('b-a3') }
    ])
    expect(liu.pendingRequests).toBe(1)
  })

  it("user.communityOverview counts the chosen community's data only", async () => {
    const a = okData(await h.call('user.communityOverview', {}, as('u-operator-wu'), COMMUNITY_A))
    const aHouseholds = DEMO.households.filter((x) => x.doc.communityId === COMMUNITY_A)
    const aMembers = DEMO.memberships.filter((m) => m.communityId === COMMUNITY_A)
    expect(a).toMatchObject({
      communityName: '临苑社区',
      households: aHouseholds.length,
      boundHouseholds: new Set(aMembers.map((m) => m.householdId)).size,
      residents: new Set(aMembers.map((m) => m.userId)).size
    })
    expect(a.buildings.map((b) => b.id)).toEqual(['b-a1', 'b-a2', 'b-a3'])
    expect(a.grids.map((g) => [g.id, g.butlerName, g.buildings]).sort()).toEqual([
      ['g-a-east', '张管家', 1],
      ['g-a-west', '刘管家', 2]
    ])

    const b = okData(await h.call('user.communityOverview', {}, as('u-operator-wu'), COMMUNITY_B))
    expect(b).toEqual({
      communityName: '和谐家园',
      households: DEMO.households.filter((x) => x.doc.communityId === COMMUNITY_B).length,
      boundHouseholds: 1,
      residents: 1,
      buildings: [{ id: 'b-b1', name: 'A座', ...seedStats('b-b1') }],
      grids: [{ id: 'g-b-main', name: 'A座网格', butlerName: '郑管家', buildings: 1 }]
    })
  })

  it('an operator of one community cannot read another', async () => {
    const opA = await grantFreshUser(h.store, 'x-operator-a', COMMUNITY_A, 'operator')
    okData(await h.call('user.communityOverview', {}, opA, COMMUNITY_A))
    expect(codeOf(await h.call('user.communityOverview', {}, opA, COMMUNITY_B))).toBe('AUTH.FORBIDDEN')
    // Staff of the other community are refused here too, whatever their role there.
    expect(codeOf(await h.call('user.communityOverview', {}, as('u-b-butler'), COMMUNITY_A))).toBe('AUTH.FORBIDDEN')
    expect(codeOf(await h.call('user.gridOverview', {}, as('u-b-butler'), COMMUNITY_A))).toBe('AUTH.FORBIDDEN')
    expect(codeOf(await h.call('user.gridOverview', {}, as('u-butler-zhang'), COMMUNITY_B))).toBe('AUTH.FORBIDDEN')
  })
})

describe('request path', () => {
  it('rejects an unknown action, including inherited property names', async () => {
    for (const action of ['nope', 'constructor', '__proto__', 'toString']) {
      expect(codeOf(await h.raw('user', { action, input: {} }, as('u-wang')))).toBe('REQUEST.UNKNOWN_ACTION')
    }
  })

  it('rejects a malformed envelope with REQUEST.INVALID', async () => {
    expect(codeOf(await h.raw('user', { input: {} }, as('u-wang')))).toBe('REQUEST.INVALID')
    expect(codeOf(await h.raw('user', 'me', as('u-wang')))).toBe('REQUEST.INVALID')
    expect(codeOf(await h.raw('user', { action: 'me', communityId: 42 }, as('u-wang')))).toBe('REQUEST.INVALID')
  })

  it('rejects an oversized input with REQUEST.TOO_LARGE', async () => {
    expect(codeOf(await h.raw('user', { action: 'me', input: { pad: 'x'.repeat(70_000) } }, as('u-wang')))).toBe('REQUEST.TOO_LARGE')
  })

  it('requires an identity: AUTH.UNAUTHENTICATED', async () => {
    expect(codeOf(await h.call('user.me', {}, null))).toBe('AUTH.UNAUTHENTICATED')
    expect(codeOf(await h.call('user.login', {}, null))).toBe('AUTH.UNAUTHENTICATED')
    expect(await h.store.count('users', { openid: { in: ['', 'null'] } })).toBe(0)
  })

  it('requires a user record for member actions: AUTH.NOT_REGISTERED', async () => {
    expect(codeOf(await h.call('user.me', {}, 'wx-stranger'))).toBe('AUTH.NOT_REGISTERED')
    expect(codeOf(await h.call('user.bindHousehold', { code: codeFor('h-a3-101') }, 'wx-stranger'))).toBe('AUTH.NOT_REGISTERED')
    expect(await h.store.count('users', { openid: 'wx-stranger' })).toBe(0)
  })

  it('ignores an openid or userId smuggled into the envelope', async () => {
    const res = await h.raw('user', { action: 'me', input: {}, openid: as('u-wang'), userId: 'u-wang', identity: { openid: as('u-wang') } }, as('u-li'))
    expect(res).toMatchObject({ ok: true, data: { user: { id: 'u-li' } } })
    expect(codeOf(await h.raw('user', { action: 'me', input: {}, openid: as('u-wang') }, null))).toBe('AUTH.UNAUTHENTICATED')
  })

  it('rejects an openid or userId smuggled into the input, changing nothing', async () => {
    const before = await snapshot(h.store)
    const smuggled: [string, Record<string, unknown>][] = [
      ['me', { openid: as('u-wang') }],
      ['updateProfile', { nickname: '黑客', userId: 'u-wang' }],
      ['login', { nickname: 'x', openid: as('u-wang') }],
      ['bindHousehold', { code: codeFor('h-a3-101'), userId: 'u-newcomer' }]
    ]
    for (const [action, input] of smuggled) {
      const err = errorOf(await h.raw('user', { action, input }, as('u-li')))
      expect(err.code).toBe('REQUEST.INVALID_INPUT')
    }
    const fresh = errorOf(await h.raw('user', { action: 'login', input: { userId: 'u-wang' } }, 'wx-brand-new'))
    expect(fresh.code).toBe('REQUEST.INVALID_INPUT')
    expect(await snapshot(h.store)).toEqual(before)
  })

  it('logs an unexpected error with the request id and answers INTERNAL.ERROR without details', async () => {
    jest.spyOn(h.store, 'get').mockRejectedValue(new Error('disk on fire'))
    const err = errorOf(await h.call('user.listBuildings', { communityId: COMMUNITY_A }, as('u-wang')))
    expect(err.code).toBe('INTERNAL.ERROR')
    expect(err.message).not.toContain('disk on fire')
    expect(err.requestId).toMatch(/^req-/)
    expect(h.logs).toContainEqual(
      expect.objectContaining({
        level: 'error',
        msg: 'unexpected error',
        fields: expect.objectContaining({ requestId: err.requestId, fn: 'user', message: 'disk on fire' })
      })
    )
  })

  it('answers INTERNAL.ERROR when the store is gone', async () => {
    await h.store.close()
    const err = errorOf(await h.call('user.me', {}, as('u-wang')))
    expect(err.code).toBe('INTERNAL.ERROR')
    expect(h.logs.some((l) => l.level === 'error' && l.fields?.requestId === err.requestId)).toBe(true)
  })

  it('refuses to return data that breaks the output contract, and logs it', async () => {
    const bad = { _id: 'h-a3-101:u-newcomer', userId: 'u-newcomer', householdId: 'h-a3-101', communityId: COMMUNITY_A, relation: 'landlord', status: 'active', via: 'seed', createdAt: 0 }
    // Deliberately outside the type: a row no write path would make.
    await rawStore(h.store).insert('memberships', bad)
    const err = errorOf(await h.call('user.me', {}, as('u-newcomer')))
    expect(err.code).toBe('INTERNAL.ERROR')
    expect(h.logs).toContainEqual(
      expect.objectContaining({ level: 'error', msg: 'output does not match contract', fields: expect.objectContaining({ requestId: err.requestId, action: 'user.me' }) })
    )
  })
})
