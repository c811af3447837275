/**
 * The go-live checklist follows a new community from empty to ready, step by step, from counts
 * alone; the seeded demo community, brought live before the console, reads as ready.
 */
import { periodOf } from '../../cloudfunctions/domain/fee/money'
import { COMMUNITY_A } from '../../scripts/seed/demo'
import { type Harness, as, makeHarness } from '../support/harness'
import { BOSS, newCommunity, sheet } from '../support/office'
import { okData } from './support'

let h: Harness
afterEach(async () => {
  await h?.close()
})

async function todo(id: string): Promise<string[]> {
  const list = okData(await h.call('office.checklist', {}, BOSS, id))
  return list.steps.filter((s) => s.required && !s.done).map((s) => s.key)
}

it('names what is left until a new community is ready for its residents', async () => {
  const made = await newCommunity()
  h = made.h
  const id = made.id
  expect(await todo(id)).toEqual(['households', 'codes', 'grids', 'fees', 'billing'])

  okData(await h.call('office.importHouseholds', { rows: sheet(30), dryRun: false, newBuildings: true }, BOSS, id))
  const imported = okData(await h.call('office.checklist', {}, BOSS, id))
  expect(imported.steps.find((s) => s.key === 'codes')?.detail).toBe('还有 30 户未打印房屋码')
  expect(imported.steps.find((s) => s.key === 'grids')?.detail).toBe('还没有划分网格、指派管家')

  const rooms = okData(await h.call('office.households', { offset: 0, limit: 100 }, BOSS, id))
  okData(await h.call('office.issueCodes', { householdIds: rooms.rows.slice(0, 29).map((r) => r.id), reissue: false }, BOSS, id))
  expect(okData(await h.call('office.checklist', {}, BOSS, id)).steps.find((s) => s.key === 'codes')?.detail).toBe('还有 1 户未打印房屋码')
  okData(await h.call('office.issueCodes', { householdIds: [rooms.rows[29]!.id], reissue: false }, BOSS, id))
  expect(await todo(id)).toEqual(['grids', 'fees', 'billing'])

  // A grid over one of the two buildings is not enough; the butler must hold the role.
  const inv = okData(await h.call('office.inviteStaff', { role: 'butler', name: '林小东' }, BOSS, id))
  okData(await h.call('user.login', {}, 'wx-lin'))
  okData(await h.call('office.acceptStaffInvitation', { token: inv.token }, 'wx-lin'))
  const g = okData(await h.call('office.grids', {}, BOSS, id))
  const butler = g.butlers[0]!.userId
  okData(await h.call('office.saveGrid', { name: '一号网格', butlerUserId: butler, buildingIds: [g.buildings[0]!.id] }, BOSS, id))
  expect(okData(await h.call('office.checklist', {}, BOSS, id)).steps.find((s) => s.key === 'grids')?.detail).toBe('还有 1 栋楼未划入网格')
  okData(await h.call('office.saveGrid', { name: '二号网格', butlerUserId: butler, buildingIds: [g.buildings[1]!.id] }, BOSS, id))

  okData(await h.call('fee.saveItem', { kind: 'property', name: '物业服务费', unitPriceFen: 235, active: true }, BOSS, id))
  expect(await todo(id)).toEqual(['billing'])
  okData(await h.call('fee.runBilling', { period: periodOf(h.clock.now()) }, BOSS, id))
  const ready = okData(await h.call('office.checklist', {}, BOSS, id))
  expect(ready.ready).toBe(true)
  // Gates and pickup points are advised, not required.
  expect(ready.steps.filter((s) => !s.done).map((s) => [s.key, s.required])).toEqual([
    ['gates', false],
    ['pickup', false]
  ])
})

it('the seeded demo community reads as ready', async () => {
  h = await makeHarness()
  const list = okData(await h.call('office.checklist', {}, as('u-operator-wu'), COMMUNITY_A))
  expect(list.steps.filter((s) => !s.done).map((s) => s.key)).toEqual([])
  expect(list.ready).toBe(true)
})
