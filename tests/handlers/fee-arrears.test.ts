/**
 * Following up arrears from the console: remind a household now (the daily job's weekly claim,
 * so clicks and the job never double up), log a call, and see both on the arrears list.
 */
import { runArrearsReminders } from '../../cloudfunctions/domain/fee/reminders'
import { findAll } from '../../cloudfunctions/kernel/paging'
import { COMMUNITY_A } from '../../scripts/seed/demo'
import { type Harness, as, makeHarness } from '../support/harness'
import { codeOf, okData, snapshot } from './support'

const OPERATOR = as('u-operator-wu')
const FINANCE = as('u-finance-he')
const DAY = 24 * 3600_000

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(async () => {
  await h.close()
})

const inboxOf = (userId: string) => h.store.count('inbox', { userId, kind: 'arrears' })

it('reminds every member of an overdue household of each bill once a week, however often it is clicked', async () => {
  const overdue = (await h.store.find('bills', { where: { householdId: 'h-a1-101', status: 'unpaid', dueAt: { lt: h.clock.now() } }, limit: 50 })).length
  expect(overdue).toBeGreaterThan(1)
  const row = () => h.call('fee.arrears', {}, OPERATOR, COMMUNITY_A).then((r) => okData(r).households.find((x) => x.householdId === 'h-a1-101')!)
  const { members } = await row()
  const before = await inboxOf('u-li')
  // Parallel clicks share the bills out between them; each bill is reminded once.
  const clicks = await Promise.all(Array.from({ length: 5 }, () => h.call('fee.remind', { householdId: 'h-a1-101' }, FINANCE, COMMUNITY_A)))
  const sent = clicks.filter((r) => r.ok).map((r) => okData(r))
  expect(sent.reduce((n, r) => n + r.bills, 0)).toBe(overdue)
  expect(sent.reduce((n, r) => n + r.messages, 0)).toBe(overdue * members)
  expect(new Set(clicks.filter((r) => !r.ok).map(codeOf))).toEqual(clicks.length === sent.length ? new Set() : new Set(['FEE.REMINDED_RECENTLY']))
  expect((await inboxOf('u-li')) - before).toBe(overdue)
  expect(codeOf(await h.call('fee.remind', { householdId: 'h-a1-101' }, FINANCE, COMMUNITY_A))).toBe('FEE.REMINDED_RECENTLY')
  expect((await row()).lastRemindedAt).toBe(h.clock.now())

  h.clock.advance(7 * DAY + 1)
  expect(okData(await h.call('fee.remind', { householdId: 'h-a1-101' }, OPERATOR, COMMUNITY_A)).bills).toBe(overdue)
})

it('refuses a household nobody has bound without using up its reminder, and one owing nothing', async () => {
  const list = okData(await h.call('fee.arrears', {}, OPERATOR, COMMUNITY_A))
  const unbound = list.households.find((r) => r.members === 0)!
  expect(unbound).toBeDefined()
  const before = await snapshot(h.store)
  expect(codeOf(await h.call('fee.remind', { householdId: unbound.householdId }, OPERATOR, COMMUNITY_A))).toBe('FEE.NO_RECIPIENTS')
  expect(await snapshot(h.store)).toEqual(before)

  const households = await findAll(h.store, 'households', { communityId: COMMUNITY_A })
  const owing = new Set(list.households.map((r) => r.householdId))
  const clear = households.find((x) => !owing.has(x._id))!
  expect(codeOf(await h.call('fee.remind', { householdId: clear._id }, OPERATOR, COMMUNITY_A))).toBe('FEE.NOTHING_OVERDUE')
  expect(codeOf(await h.call('fee.remind', { householdId: 'h-b1-101' }, OPERATOR, COMMUNITY_A))).toBe('FEE.HOUSEHOLD_NOT_FOUND')
})

it('logs a call, shown as the household’s last contact, and keeps other communities out', async () => {
  okData(await h.call('fee.logCall', { householdId: 'h-a1-204', outcome: 'unreachable', note: '' }, FINANCE, COMMUNITY_A))
  h.clock.advance(60_000)
  okData(await h.call('fee.logCall', { householdId: 'h-a1-204', outcome: 'promised', note: '月底前到前台缴清' }, OPERATOR, COMMUNITY_A))
  const row = okData(await h.call('fee.arrears', {}, FINANCE, COMMUNITY_A)).households.find((r) => r.householdId === 'h-a1-204')!
  expect(row.lastCall).toEqual({ at: h.clock.now(), outcome: 'promised', note: '月底前到前台缴清', by: '吴运营' })
  expect(codeOf(await h.call('fee.logCall', { householdId: 'h-b1-101', outcome: 'promised', note: '' }, OPERATOR, COMMUNITY_A))).toBe('FEE.HOUSEHOLD_NOT_FOUND')
  const err = await h.call('fee.logCall', { householdId: 'h-a1-204', outcome: 'promised', note: '很'.repeat(81) }, OPERATOR, COMMUNITY_A)
  expect(codeOf(err)).toBe('REQUEST.INVALID_INPUT')
})

it('the daily job still skips what a click reminded this week', async () => {
  okData(await h.call('fee.remind', { householdId: 'h-a1-101' }, OPERATOR, COMMUNITY_A))
  const reminded = (await h.store.find('bills', { where: { householdId: 'h-a1-101', lastRemindedAt: h.clock.now() }, limit: 50 })).length
  const before = await inboxOf('u-li')
  await runArrearsReminders(h.ports)
  // Only other households' bills went out: 李秀英, of this household only, got nothing new.
  expect(await inboxOf('u-li')).toBe(before)
  expect(reminded).toBeGreaterThan(0)
})
