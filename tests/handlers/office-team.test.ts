/**
 * The community's team from the console: staff invited by role and accepted in the mini-program
 * by whoever opens the link first, roles taken away, and buildings grouped into grids each with one
 * butler. Through the real request path, with the refusals a clerk or an invitee can run into.
 */
import { STAFF_INVITATION_TTL_MS } from '../../cloudfunctions/contracts/office-team'
import { COMMUNITY_A, COMMUNITY_B } from '../../scripts/seed/demo'
import { type Harness, as, makeHarness } from '../support/harness'
import { BOSS, newCommunity, sheet } from '../support/office'
import { codeOf, errorOf, okData, snapshot } from './support'

const OPERATOR = as('u-operator-wu')
const LIN = 'wx-lin'

let h: Harness
afterEach(async () => {
  await h?.close()
})

async function signUp(openid: string): Promise<void> {
  okData(await h.call('user.login', {}, openid))
}

describe('staff invitations', () => {
  it('a new employee accepts a butler invitation and lands in the community as butler', async () => {
    const made = await newCommunity()
    h = made.h
    const inv = okData(await h.call('office.inviteStaff', { role: 'butler', name: '林小东' }, BOSS, made.id))
    expect(inv).toMatchObject({ role: 'butler', name: '林小东', status: 'open', acceptedName: null })

    await signUp(LIN)
    const seen = okData(await h.call('office.staffInvitation', { token: inv.token }, LIN))
    expect(seen).toMatchObject({ communityName: '临江花园', role: 'butler', name: '林小东', status: 'open', held: false })

    const me = okData(await h.call('office.acceptStaffInvitation', { token: inv.token }, LIN))
    expect(me.current).toMatchObject({ communityId: made.id, role: 'butler' })
    // The role acts at once: the butler's own grid view answers (empty until a grid is drawn).
    expect((await h.call('user.gridOverview', {}, LIN, made.id)).ok).toBe(true)

    const team = okData(await h.call('office.staff', {}, BOSS, made.id))
    expect(team.members.map((m) => [m.roles.map((r) => r.role), m.self])).toEqual([
      [['butler'], false],
      [['operator'], true]
    ])
    expect(team.invitations[0]).toMatchObject({ id: inv.id, status: 'accepted' })
    expect(team.invitations[0]!.acceptedName).not.toBe('')
  })

  it('is accepted once: a second person is refused, the first may retry', async () => {
    const made = await newCommunity()
    h = made.h
    const inv = okData(await h.call('office.inviteStaff', { role: 'finance', name: '何会计' }, BOSS, made.id))
    await signUp(LIN)
    await signUp('wx-other')
    okData(await h.call('office.acceptStaffInvitation', { token: inv.token }, LIN))
    expect(codeOf(await h.call('office.acceptStaffInvitation', { token: inv.token }, 'wx-other'))).toBe('OFFICE.INVITATION_USED')
    expect(okData(await h.call('office.acceptStaffInvitation', { token: inv.token }, LIN)).current?.role).toBe('finance')
    expect(okData(await h.call('office.staffInvitation', { token: inv.token }, 'wx-other')).status).toBe('accepted')
  })

  it('ten people opening one link at once make one staff member', async () => {
    const made = await newCommunity()
    h = made.h
    const inv = okData(await h.call('office.inviteStaff', { role: 'verifier', name: '周核销' }, BOSS, made.id))
    const people = Array.from({ length: 10 }, (_, i) => `wx-rush-${i}`)
    for (const p of people) await signUp(p)
    const results = await Promise.all(people.map((p) => h.call('office.acceptStaffInvitation', { token: inv.token }, p)))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(new Set(results.filter((r) => !r.ok).map(codeOf))).toEqual(new Set(['OFFICE.INVITATION_USED']))
    expect(await h.store.count('staffRoles', { communityId: made.id, role: 'verifier' })).toBe(1)
  })

  it('expires after a week and refuses then, writing nothing', async () => {
    const made = await newCommunity()
    h = made.h
    const inv = okData(await h.call('office.inviteStaff', { role: 'butler', name: '林小东' }, BOSS, made.id))
    await signUp(LIN)
    h.clock.advance(STAFF_INVITATION_TTL_MS + 1)
    expect(okData(await h.call('office.staffInvitation', { token: inv.token }, LIN)).status).toBe('expired')
    const before = await snapshot(h.store)
    expect(codeOf(await h.call('office.acceptStaffInvitation', { token: inv.token }, LIN))).toBe('OFFICE.INVITATION_EXPIRED')
    expect(await snapshot(h.store)).toEqual(before)
    expect(okData(await h.call('office.staff', {}, BOSS, made.id)).invitations[0]!.status).toBe('expired')
  })

  it('a revoked invitation opens nothing; an accepted one cannot be revoked', async () => {
    const made = await newCommunity()
    h = made.h
    const a = okData(await h.call('office.inviteStaff', { role: 'butler', name: '林小东' }, BOSS, made.id))
    const b = okData(await h.call('office.inviteStaff', { role: 'staff', name: '孙活动' }, BOSS, made.id))
    await signUp(LIN)
    okData(await h.call('office.revokeStaffInvitation', { id: a.id }, BOSS, made.id))
    expect(codeOf(await h.call('office.staffInvitation', { token: a.token }, LIN))).toBe('OFFICE.INVITATION_NOT_FOUND')
    expect(codeOf(await h.call('office.acceptStaffInvitation', { token: a.token }, LIN))).toBe('OFFICE.INVITATION_NOT_FOUND')
    okData(await h.call('office.acceptStaffInvitation', { token: b.token }, LIN))
    expect(codeOf(await h.call('office.revokeStaffInvitation', { id: b.id }, BOSS, made.id))).toBe('OFFICE.INVITATION_USED')
  })

  it("another community's operator cannot revoke it", async () => {
    h = await makeHarness()
    const inv = okData(await h.call('office.inviteStaff', { role: 'butler', name: '林小东' }, OPERATOR, COMMUNITY_A))
    // u-operator-wu runs B too: acting in B, the invitation of A is not there.
    expect(codeOf(await h.call('office.revokeStaffInvitation', { id: inv.id }, OPERATOR, COMMUNITY_B))).toBe('OFFICE.INVITATION_NOT_FOUND')
    expect((await h.store.get('staffInvitations', inv.id))?.status).toBe('open')
  })

  it('names the field when the name is missing', async () => {
    h = await makeHarness()
    const err = errorOf(await h.call('office.inviteStaff', { role: 'butler', name: ' ' }, OPERATOR, COMMUNITY_A))
    expect(err.fields?.[0]).toMatchObject({ path: 'name', label: '姓名' })
    expect(err.message).toContain('姓名')
  })
})

describe('taking a role away', () => {
  it('acts at once, and keeps an operator from removing their own operator role', async () => {
    h = await makeHarness()
    const zhou = as('u-verifier-zhou')
    expect((await h.call('event.list', {}, zhou, COMMUNITY_A)).ok).toBe(true)
    okData(await h.call('office.removeStaffRole', { userId: 'u-verifier-zhou', role: 'verifier' }, OPERATOR, COMMUNITY_A))
    expect(codeOf(await h.call('event.list', {}, zhou, COMMUNITY_A))).toBe('AUTH.FORBIDDEN')
    expect(codeOf(await h.call('office.removeStaffRole', { userId: 'u-verifier-zhou', role: 'verifier' }, OPERATOR, COMMUNITY_A))).toBe('OFFICE.ROLE_NOT_FOUND')
    expect(codeOf(await h.call('office.removeStaffRole', { userId: 'u-operator-wu', role: 'operator' }, OPERATOR, COMMUNITY_A))).toBe('OFFICE.OWN_ROLE')
  })

  it('a worker whose role is taken away is no longer dispatched to', async () => {
    h = await makeHarness()
    const before = await h.store.find('workers', { where: { userId: 'u-worker-ma' }, limit: 1 })
    expect(before[0]?.active).toBe(true)
    okData(await h.call('office.removeStaffRole', { userId: 'u-worker-ma', role: 'worker' }, OPERATOR, COMMUNITY_A))
    expect((await h.store.get('workers', before[0]!._id))?.active).toBe(false)
    expect(codeOf(await h.call('booking.workerJobs', {}, as('u-worker-ma'), COMMUNITY_A))).toBe('AUTH.FORBIDDEN')
  })

  it('asks for a butler’s grids to be handed over first', async () => {
    h = await makeHarness()
    const err = errorOf(await h.call('office.removeStaffRole', { userId: 'u-butler-zhang', role: 'butler' }, OPERATOR, COMMUNITY_A))
    expect(err.code).toBe('OFFICE.BUTLER_HAS_GRIDS')
    expect(err.message).toContain('东区网格')
    okData(await h.call('office.saveGrid', { id: 'g-a-east', name: '东区网格', butlerUserId: 'u-butler-liu', buildingIds: ['b-a1'] }, OPERATOR, COMMUNITY_A))
    okData(await h.call('office.removeStaffRole', { userId: 'u-butler-zhang', role: 'butler' }, OPERATOR, COMMUNITY_A))
  })
})

describe('grids', () => {
  it('lists grids, their butlers and households, and the butlers to choose from', async () => {
    h = await makeHarness()
    const d = okData(await h.call('office.grids', {}, OPERATOR, COMMUNITY_A))
    expect(d.grids.map((g) => [g.name, g.butlerName, g.buildingIds, g.households])).toEqual([
      ['东区网格', '张管家', ['b-a1'], 20],
      ['西区网格', '刘管家', ['b-a2', 'b-a3'], 28]
    ])
    expect(d.buildings.every((b) => b.gridId !== null)).toBe(true)
    expect(d.butlers.map((b) => b.nickname).sort()).toEqual(['刘管家', '张管家'].sort())
  })

  it('a building chosen for a new grid leaves its old one', async () => {
    h = await makeHarness()
    const saved = okData(await h.call('office.saveGrid', { name: '北区网格', butlerUserId: 'u-butler-zhang', buildingIds: ['b-a3'] }, OPERATOR, COMMUNITY_A))
    expect(saved.movedFrom).toEqual(['西区网格'])
    expect((await h.store.get('grids', 'g-a-west'))?.buildingIds).toEqual(['b-a2'])
    const d = okData(await h.call('office.grids', {}, OPERATOR, COMMUNITY_A))
    expect(d.buildings.find((b) => b.id === 'b-a3')?.gridId).toBe(saved.id)
    // The butler's own view follows: 张管家 now looks after 1栋 and 3栋.
    const mine = okData(await h.call('user.gridOverview', {}, as('u-butler-zhang'), COMMUNITY_A))
    expect(mine.buildings.map((b) => b.id).sort()).toEqual(['b-a1', 'b-a3'])
  })

  it('refuses someone who is not a butler, a foreign building and a taken name, naming the field', async () => {
    h = await makeHarness()
    const save = (input: { name: string; butlerUserId: string; buildingIds: string[] }) => h.call('office.saveGrid', input, OPERATOR, COMMUNITY_A)
    const before = await snapshot(h.store)
    const notButler = errorOf(await save({ name: '北区网格', butlerUserId: 'u-staff-sun', buildingIds: ['b-a3'] }))
    expect([notButler.code, notButler.fields?.[0]?.path]).toEqual(['OFFICE.NOT_A_BUTLER', 'butlerUserId'])
    const foreign = errorOf(await save({ name: '北区网格', butlerUserId: 'u-butler-zhang', buildingIds: ['b-b1'] }))
    expect([foreign.code, foreign.fields?.[0]?.path]).toEqual(['OFFICE.BUILDING_NOT_FOUND', 'buildingIds'])
    const taken = errorOf(await save({ name: '西区网格', butlerUserId: 'u-butler-zhang', buildingIds: ['b-a3'] }))
    expect([taken.code, taken.fields?.[0]?.path]).toEqual(['OFFICE.GRID_NAME_TAKEN', 'name'])
    const empty = errorOf(await save({ name: '北区网格', butlerUserId: 'u-butler-zhang', buildingIds: [] }))
    expect(empty.fields?.[0]).toMatchObject({ path: 'buildingIds', label: '楼栋' })
    expect(await snapshot(h.store)).toEqual(before)
  })

  it('two clerks saving one grid at once: every edit that reports success is counted, none lost', async () => {
    h = await makeHarness()
    const edits = Array.from({ length: 6 }, (_, i) =>
      h.call('office.saveGrid', { id: 'g-a-east', name: `东区网格${i}`, butlerUserId: 'u-butler-zhang', buildingIds: ['b-a1'] }, OPERATOR, COMMUNITY_A)
    )
    const results = await Promise.all(edits)
    const won = results.filter((r) => r.ok).length
    expect(won).toBeGreaterThanOrEqual(1)
    expect(new Set(results.filter((r) => !r.ok).map(codeOf))).toEqual(won === results.length ? new Set() : new Set(['OFFICE.CHANGED_MEANWHILE']))
    expect((await h.store.get('grids', 'g-a-east'))?.revision).toBe(won)
  })

  it('a grid from an empty community: invited butler, imported buildings, then the butler sees it', async () => {
    const made = await newCommunity()
    h = made.h
    okData(await h.call('office.importHouseholds', { rows: sheet(48), dryRun: false, newBuildings: true }, BOSS, made.id))
    const before = okData(await h.call('office.grids', {}, BOSS, made.id))
    expect(before.butlers).toEqual([])
    expect(before.buildings.map((b) => [b.name, b.households, b.gridId])).toEqual([
      ['1栋', 24, null],
      ['2栋', 24, null]
    ])
    const inv = okData(await h.call('office.inviteStaff', { role: 'butler', name: '林小东' }, BOSS, made.id))
    await signUp(LIN)
    okData(await h.call('office.acceptStaffInvitation', { token: inv.token }, LIN))
    const lin = okData(await h.call('office.grids', {}, BOSS, made.id)).butlers[0]!
    const grid = okData(await h.call('office.saveGrid', { name: '一号网格', butlerUserId: lin.userId, buildingIds: before.buildings.map((b) => b.id) }, BOSS, made.id))
    expect(okData(await h.call('office.grids', {}, BOSS, made.id)).grids[0]).toMatchObject({ id: grid.id, butlerName: lin.nickname, households: 48 })
    expect(okData(await h.call('office.staff', {}, BOSS, made.id)).members.find((m) => m.userId === lin.userId)?.grids).toEqual(['一号网格'])
    okData(await h.call('office.deleteGrid', { id: grid.id }, BOSS, made.id))
    expect(okData(await h.call('office.grids', {}, BOSS, made.id)).grids).toEqual([])
    expect(codeOf(await h.call('office.deleteGrid', { id: grid.id }, BOSS, made.id))).toBe('OFFICE.GRID_NOT_FOUND')
  })
})
