/**
 * 意向登记 (issue 19, part 1): operators propose, residents register a quantity per household,
 * the totals always equal the journal, bad input writes nothing; a proposal becomes a pre-sale
 * once however often it is asked, each registration a reservation its household confirms by
 * paying, and the board follows demand → pre-sale → orders.
 */
import type { CampaignDraft } from '../../cloudfunctions/contracts/order'
import type { ProposalDraft } from '../../cloudfunctions/contracts/proposal'
import type { ActionId, InputOf } from '../../cloudfunctions/contracts/registry'
import { proposalCampaignId } from '../../cloudfunctions/domain/order/proposal-convert'
import { interestKey } from '../../cloudfunctions/domain/order/proposals'
import { findAll } from '../../cloudfunctions/kernel/paging'
import { type Harness, makeHarness } from '../support/harness'
import { BUTLER_EAST, COMMUNITY_A, DAY, HOME, HOME2, HOUR, LI, OPERATOR, WANG, ZHAO, ZHAO_HOME, ordersOf, pay, runOrderJob } from '../support/presale'
import { COMMUNITY_B } from '../support/pay'
import { codeOf, errorOf, okData, snapshot } from './support'
import { rawStore } from '../support/raw-store'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(async () => {
  await h.close()
})

const op = <A extends ActionId>(id: A, input: InputOf<A>, community = COMMUNITY_A) => h.call(id, input, OPERATOR, community)

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
  expect(okData(await h.call('order.proposal', { id: p.id, householdId: ZHAO_HOME }, ZHAO, COMMUNITY_A)).mine).toEqual({ householdId: ZHAO_HOME, quantity: 3, orderId: null })
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

describe('becoming a pre-sale', () => {
  /** The pre-sale the office makes of it: 有机蔬菜箱 标准箱, on sale now for three days. */
  function campaign(patch: Partial<CampaignDraft> = {}): CampaignDraft {
    const now = h.clock.now()
    return {
      title: '冬季羊绒衫 · 接龙开团',
      description: '',
      productId: 'pd-a-veg',
      cover: null,
      images: [],
      skus: [{ skuId: 's1', priceFen: 6800, stock: 20 }],
      startAt: now,
      endAt: now + 3 * DAY,
      householdLimit: 3,
      threshold: 3,
      deliveryMode: 'door',
      pickupPointId: null,
      deliveryDate: now + 4 * DAY,
      ...patch
    }
  }
  const register = (proposalId: string, who: string, householdId: string, quantity: number) => h.call('order.registerInterest', { proposalId, householdId, quantity }, who, COMMUNITY_A)

  /** Three households register: 1栋101 two, 3栋201 one, 2栋302 one. */
  async function gathered() {
    const p = await propose({ threshold: 3 })
    okData(await register(p.id, WANG, HOME, 2))
    okData(await register(p.id, ZHAO, ZHAO_HOME, 1))
    okData(await register(p.id, WANG, HOME2, 1))
    return p
  }

  it('a double tap converts once: one pre-sale on sale now, one pending order per registration, each registrant told', async () => {
    const p = await gathered()
    const [a, b] = await Promise.all([op('order.convertProposal', { proposalId: p.id, campaign: campaign() }), op('order.convertProposal', { proposalId: p.id, campaign: campaign() })])
    expect(okData(a).campaignId).toBe(proposalCampaignId(p.id))
    expect(okData(b).campaignId).toBe(okData(a).campaignId)
    const again = okData(await op('order.convertProposal', { proposalId: p.id, campaign: campaign() }))
    expect(again.proposal).toMatchObject({ status: 'converted', campaignId: again.campaignId, reserved: { orders: 3, quantity: 4, unreserved: 0 } })

    const c = await h.store.get('campaigns', again.campaignId)
    expect(c).toMatchObject({ status: 'live', proposalId: p.id })
    const orders = await ordersOf(h, again.campaignId)
    expect(orders.map((o) => [o.householdId, o.quantity, o.status, o.amountFen]).sort()).toEqual([
      [HOME, 2, 'pending_payment', 13600],
      [HOME2, 1, 'pending_payment', 6800],
      [ZHAO_HOME, 1, 'pending_payment', 6800]
    ])
    // Reservations wait 48 hours, not a resident's 15 minutes.
    for (const o of orders) expect(o).toMatchObject({ proposalId: p.id, expiresAt: h.clock.now() + 48 * HOUR })
    const stock = await h.store.get('campaignStock', `${again.campaignId}:s1`)
    expect(stock?.available).toBe(16)

    const told = [...(await findAll(h.store, 'inbox', { userId: 'u-wang' })), ...(await findAll(h.store, 'inbox', { userId: 'u-zhao' }))].filter((m) => m.title.includes('开团了'))
    expect(told).toHaveLength(3)
    expect(told.find((m) => m.body.includes('预留 2 箱'))?.body).toContain('¥136.00')

    // Registration is over; the registrant finds the reservation from the proposal.
    expect(codeOf(await register(p.id, LI, HOME, 3))).toBe('ORDER.PROPOSAL_CLOSED')
    const mine = okData(await h.call('order.proposal', { id: p.id, householdId: HOME }, WANG, COMMUNITY_A)).mine
    expect(mine?.orderId).toBe(orders.find((o) => o.householdId === HOME)?._id)
    const listed = okData(await h.call('order.proposals', { householdId: ZHAO_HOME }, ZHAO, COMMUNITY_A)).proposals.find((x) => x.id === p.id)
    expect(listed?.mine?.orderId).toBe(orders.find((o) => o.householdId === ZHAO_HOME)?._id)
  })

  it('opens now even when the clerk’s clock runs ahead, and a registrant who left is stood in for by another member', async () => {
    const p = await propose()
    okData(await register(p.id, WANG, HOME, 2))
    okData(await register(p.id, ZHAO, ZHAO_HOME, 1))
    // 王 moves out of 1栋101 before it opens; a member still living there gets the household's reservation.
    await rawStore(h.store).update('memberships', `${HOME}:u-wang`, { set: { status: 'removed' } })
    const { campaignId, proposal } = okData(await op('order.convertProposal', { proposalId: p.id, campaign: campaign({ startAt: h.clock.now() + 2 * 60_000 }) }))
    expect(await h.store.get('campaigns', campaignId)).toMatchObject({ status: 'live', startAt: h.clock.now() })
    expect(proposal.reserved).toEqual({ orders: 2, quantity: 3, unreserved: 0 })
    const orders = await ordersOf(h, campaignId)
    const home = orders.find((o) => o.householdId === HOME)
    expect(home).toMatchObject({ quantity: 2, status: 'pending_payment' })
    expect(home?.userId).not.toBe('u-wang')
    expect((await h.store.get('memberships', `${HOME}:${home?.userId}`))?.status).toBe('active')
    expect((await findAll(h.store, 'inbox', { userId: home?.userId ?? '' })).some((m) => m.title.includes('开团了'))).toBe(true)
    expect((await findAll(h.store, 'inbox', { userId: 'u-wang' })).some((m) => m.title.includes('开团了'))).toBe(false)
  })

  it('registrants confirm by paying; the board follows demand → pre-sale → orders, and a lapsed reservation frees its stock', async () => {
    const p = await gathered()
    const { campaignId } = okData(await op('order.convertProposal', { proposalId: p.id, campaign: campaign() }))
    const orders = await ordersOf(h, campaignId)
    const of = (householdId: string) => orders.find((o) => o.householdId === householdId)?._id ?? ''
    await pay(h, of(HOME), WANG)
    await pay(h, of(HOME2), WANG)
    // Someone who never registered buys too.
    const extra = okData(await h.call('order.create', { campaignId, skuId: 's1', quantity: 1, householdId: HOME, clientRequestId: 'extra-000001' }, LI, COMMUNITY_A))
    await pay(h, extra.id, LI)

    let board = okData(await op('order.proposalBoard', { id: p.id }))
    expect(board.campaign).toMatchObject({ id: campaignId, status: 'live' })
    expect(board.funnel).toMatchObject({ registeredHouseholds: 3, registeredQuantity: 4, reservedOrders: 3, reservedQuantity: 4, reservedPaidOrders: 2, reservedPaidQuantity: 3, paidOrders: 3, paidQuantity: 4, paidHouseholds: 2, paidFen: 27200, confirmRate: 67 })
    expect(board.registrations.map((r) => r.reservation).sort()).toEqual(['paid', 'paid', 'pending'])
    expect(board.registrations.every((r) => /栋/.test(r.householdLabel))).toBe(true)

    h.clock.advance(48 * HOUR + 10 * 60_000)
    await runOrderJob(h, 'presale-orders')
    board = okData(await op('order.proposalBoard', { id: p.id }))
    expect(board.registrations.map((r) => r.reservation).sort()).toEqual(['lapsed', 'paid', 'paid'])
    expect((await h.store.get('campaignStock', `${campaignId}:s1`))?.available).toBe(16)
  })

  it('refuses a pre-sale that cannot hold what was registered, naming the field, writing nothing', async () => {
    const p = await gathered()
    const before = await snapshot(h.store)
    const cases: [Partial<CampaignDraft>, string][] = [
      [{ skus: [{ skuId: 's1', priceFen: 6800, stock: 3 }] }, 'campaign.skus.0.stock'],
      [{ householdLimit: 1 }, 'campaign.householdLimit'],
      [{ startAt: h.clock.now() + DAY, endAt: h.clock.now() + 3 * DAY }, 'campaign.startAt'],
      [{ productId: 'pd-b-rice' }, 'campaign.productId']
    ]
    for (const [patch, path] of cases) {
      const err = errorOf(await op('order.convertProposal', { proposalId: p.id, campaign: campaign(patch) }))
      expect(err.fields?.map((f) => f.path)).toContain(path)
    }
    expect(errorOf(await op('order.convertProposal', { proposalId: p.id, campaign: campaign({ skus: [] }) }))).toMatchObject({ code: 'REQUEST.INVALID_INPUT' })
    expect(await snapshot(h.store)).toEqual(before)
    expect(codeOf(await op('order.convertProposal', { proposalId: p.id, campaign: campaign() }, COMMUNITY_B))).toBe('ORDER.PROPOSAL_NOT_FOUND')
    expect(codeOf(await h.call('order.convertProposal', { proposalId: p.id, campaign: campaign() }, WANG, COMMUNITY_A))).toBe('AUTH.FORBIDDEN')
  })

  it('closing without a pre-sale tells the registrants and cannot be converted after', async () => {
    const p = await gathered()
    expect(okData(await op('order.closeProposal', { id: p.id }))).toMatchObject({ status: 'closed' })
    expect(okData(await op('order.closeProposal', { id: p.id }))).toMatchObject({ status: 'closed' })
    const told = (await findAll(h.store, 'inbox', { userId: 'u-wang' })).filter((m) => m.title.includes('征集结束'))
    // 王 registered for two homes: one message each.
    expect(told).toHaveLength(2)
    expect(told[0]?.body).toContain('4/3')
    expect(codeOf(await op('order.convertProposal', { proposalId: p.id, campaign: campaign() }))).toBe('ORDER.PROPOSAL_CLOSED')
    expect(codeOf(await register(p.id, WANG, HOME, 1))).toBe('ORDER.PROPOSAL_CLOSED')
  })

  it('a butler’s card brings a registrant; their reservation is credited to the butler', async () => {
    const p = await propose()
    const card = okData(await h.call('order.shareProposal', { proposalId: p.id }, BUTLER_EAST, COMMUNITY_A))
    expect(card.path).toContain(`/packages/presale/pages/proposal/index?id=${p.id}&inv=${card.token}`)
    expect(okData(await h.call('order.recordVisit', { token: card.token }, ZHAO, COMMUNITY_A))).toMatchObject({ proposalId: p.id, campaignId: proposalCampaignId(p.id) })
    okData(await register(p.id, ZHAO, ZHAO_HOME, 2))
    okData(await register(p.id, WANG, HOME, 1))
    expect(okData(await h.call('order.shareProposal', { proposalId: p.id }, BUTLER_EAST, COMMUNITY_A))).toMatchObject({ visits: 1, registered: 1 })
    const { campaignId } = okData(await op('order.convertProposal', { proposalId: p.id, campaign: campaign() }))
    const orders = await ordersOf(h, campaignId)
    expect(orders.find((o) => o.householdId === ZHAO_HOME)).toMatchObject({ inviterUserId: 'u-butler-zhang', invitationId: `${campaignId}:u-butler-zhang` })
    expect(orders.find((o) => o.householdId === HOME)).toMatchObject({ inviterUserId: null })
    expect(codeOf(await h.call('order.shareProposal', { proposalId: p.id }, BUTLER_EAST, COMMUNITY_A))).toBe('ORDER.PROPOSAL_CLOSED')
  })
})
