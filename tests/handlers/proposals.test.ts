/**
 * 意向登记 (issue 19, part 1, first half): operators propose, residents register a quantity per
 * household, the totals always equal the journal, bad input writes nothing.
 */
import type { ProposalDraft } from '../../cloudfunctions/contracts/proposal'
import { interestKey } from '../../cloudfunctions/domain/order/proposals'
import { findAll } from '../../cloudfunctions/kernel/paging'
import { type Harness, makeHarness } from '../support/harness'
import { COMMUNITY_A, DAY, HOME, HOME2, LI, OPERATOR, WANG, ZHAO, ZHAO_HOME } from '../support/presale'
import { COMMUNITY_B } from '../support/pay'
import { codeOf, errorOf, okData, snapshot } from './support'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(async () => {
  await h.close()
})

const op = <A extends Parameters<Harness['call']>[0]>(id: A, input: Parameters<Harness['call']>[1] & object, community = COMMUNITY_A) => h.call(id, input as never, OPERATOR, community)

function draft(patch: Partial<ProposalDraft> = {}): ProposalDraft {
  return {
    title: '冬季羊绒衫团购',
    description: '内蒙古厂家直供，先看大家需要多少件再谈价',
    kind: 'goods',
    category: 'other',
    images: [],
    unit: '件',
    indicativePriceFen: 29900,
    threshold: 30,
    householdLimit: 3,
    closesAt: h.clock.now() + 7 * DAY,
    ...patch
  }
}

async function propose(patch: Partial<ProposalDraft> = {}) {
  return okData(await op('order.saveProposal', { proposal: draft(patch) }))
}

it('residents register, change and withdraw a quantity; the totals follow', async () => {
  const p = await propose()
  expect(okData(await h.call('order.proposals', { householdId: HOME }, WANG, COMMUNITY_A)).proposals.map((x) => x.id)).toContain(p.id)
  expect(okData(await h.call('order.registerInterest', { proposalId: p.id, householdId: HOME, quantity: 2 }, WANG, COMMUNITY_A))).toMatchObject({ registered: 2, households: 1, mine: { householdId: HOME, quantity: 2 } })
  expect(okData(await h.call('order.registerInterest', { proposalId: p.id, householdId: ZHAO_HOME, quantity: 3 }, ZHAO, COMMUNITY_A))).toMatchObject({ registered: 5, households: 2 })
  expect(okData(await h.call('order.registerInterest', { proposalId: p.id, householdId: HOME, quantity: 1 }, WANG, COMMUNITY_A))).toMatchObject({ registered: 4, households: 2, mine: { quantity: 1 } })
  expect(okData(await h.call('order.registerInterest', { proposalId: p.id, householdId: HOME, quantity: 0 }, WANG, COMMUNITY_A))).toMatchObject({ registered: 3, households: 1, mine: { quantity: 0 } })
  const interests = await findAll(h.store, 'proposalInterests', { proposalId: p.id })
  expect(interests.map((i) => [i.householdId, i.quantity]).sort()).toEqual([
    [HOME, 0],
    [ZHAO_HOME, 3]
  ])
  expect(okData(await h.call('order.proposal', { id: p.id, householdId: ZHAO_HOME }, ZHAO, COMMUNITY_A)).mine).toEqual({ householdId: ZHAO_HOME, quantity: 3 })
})

it('50 registrations at once from two members of each household: the totals equal the journal', async () => {
  const p = await propose({ householdLimit: 5 })
  const calls = Array.from({ length: 50 }, (_, i) => {
    // 王 and 李 are both members of HOME; 王 also owns HOME2.
    const [who, home] = [
      [ZHAO, ZHAO_HOME],
      [WANG, HOME],
      [LI, HOME],
      [WANG, HOME2]
    ][i % 4] as [string, string]
    return h.call('order.registerInterest', { proposalId: p.id, householdId: home, quantity: (i % 5) + 1 }, who, COMMUNITY_A)
  })
  const results = await Promise.all(calls)
  // Each registration lands, or after eight lost compare-and-sets says so: never a wrong total.
  expect(results.filter((r) => !r.ok).every((r) => codeOf(r) === 'ORDER.BUSY')).toBe(true)
  expect(results.filter((r) => r.ok).length).toBeGreaterThan(10)
  const doc = await h.store.get('proposals', p.id)
  const journal = Object.values(doc?.interests ?? {})
  expect(doc?.registered).toBe(journal.reduce((n, q) => n + q, 0))
  expect(doc?.households).toBe(journal.length)
  const records = await findAll(h.store, 'proposalInterests', { proposalId: p.id })
  for (const r of records) expect(doc?.interests[interestKey(r.householdId)] ?? 0).toBe(r.quantity)
})

it('refuses a household that is not the caller’s, another community’s proposal, and one past its close', async () => {
  const p = await propose()
  expect(codeOf(await h.call('order.registerInterest', { proposalId: p.id, householdId: ZHAO_HOME, quantity: 1 }, WANG, COMMUNITY_A))).toBe('HOUSEHOLD.NOT_MEMBER')
  const other = okData(await op('order.saveProposal', { proposal: draft() }, COMMUNITY_B))
  expect(codeOf(await h.call('order.proposal', { id: other.id }, WANG, COMMUNITY_A))).toBe('ORDER.PROPOSAL_NOT_FOUND')
  h.clock.advance(8 * DAY)
  expect(codeOf(await h.call('order.registerInterest', { proposalId: p.id, householdId: HOME, quantity: 1 }, WANG, COMMUNITY_A))).toBe('ORDER.PROPOSAL_CLOSED')
  expect(okData(await h.call('order.proposals', {}, WANG, COMMUNITY_A)).proposals.some((x) => x.id === p.id)).toBe(false)
  expect(okData(await op('order.proposals', { scope: 'all' })).proposals.some((x) => x.id === p.id)).toBe(true)
})

it('refuses more than the household limit, naming the field, writing nothing', async () => {
  const p = await propose({ householdLimit: 2 })
  const before = await snapshot(h.store)
  expect(errorOf(await h.call('order.registerInterest', { proposalId: p.id, householdId: HOME, quantity: 3 }, WANG, COMMUNITY_A))).toMatchObject({ code: 'ORDER.LIMIT_EXCEEDED', fields: [{ path: 'quantity' }] })
  expect(await snapshot(h.store)).toEqual(before)
})

it.each([
  ['a threshold of zero', { threshold: 0 }, 'proposal.threshold', '成团数量'],
  ['a negative indicative price', { indicativePriceFen: -100 }, 'proposal.indicativePriceFen', '预计价格'],
  ['no title', { title: '' }, 'proposal.title', '标题'],
  ['a close in the past', { closesAt: Date.UTC(2020, 5, 1) }, 'proposal.closesAt', '征集截止']
])('refuses %s, naming the field by its label, writing nothing', async (_name, patch, path, label) => {
  const before = await snapshot(h.store)
  const err = errorOf(await op('order.saveProposal', { proposal: { ...draft(), ...(patch as object) } }))
  expect(err.code).toBe('REQUEST.INVALID_INPUT')
  expect(err.fields?.some((f) => f.path === path)).toBe(true)
  expect(err.message).toContain(label)
  expect(await snapshot(h.store)).toEqual(before)
})

it('an edit keeps registrations: the limit may not fall below a household’s quantity', async () => {
  const p = await propose({ householdLimit: 3 })
  okData(await h.call('order.registerInterest', { proposalId: p.id, householdId: HOME, quantity: 3 }, WANG, COMMUNITY_A))
  expect(errorOf(await op('order.saveProposal', { id: p.id, proposal: draft({ householdLimit: 2 }) }))).toMatchObject({ fields: [{ path: 'proposal.householdLimit' }] })
  expect(okData(await op('order.saveProposal', { id: p.id, proposal: draft({ householdLimit: 4, title: '冬季羊绒衫（加厚款）' }) }))).toMatchObject({ title: '冬季羊绒衫（加厚款）', registered: 3 })
})
