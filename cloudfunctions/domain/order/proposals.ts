import { createHash } from 'node:crypto'
import type { orderContracts } from '../../contracts/order'
import { PROPOSAL_CONVERTED_SHOWN_MS, PROPOSAL_MAX_OPEN_MS, type ProposalDraft, type ProposalViewT } from '../../contracts/proposal'
import type { CommunityActor } from '../../kernel/actor'
import type { Ports } from '../../kernel/ports'
import { type Result, fail, ok } from '../../kernel/result'
import { storedPhotos } from '../photos'
import { getMany } from '../../kernel/paging'
import type { ProposalDoc, ProposalInterestDoc } from './docs'
import type { OrderHandler } from './ports'
import { newId } from './rules'

type C = typeof orderContracts

/** Concurrent registrations on one proposal each retry their compare-and-set this often. */
const CAS_TRIES = 8

/**
 * The journal key of a household: a field name (letters and digits, a letter first), which a
 * household id with its dashes is not.
 */
export function interestKey(householdId: string): string {
  return `h${createHash('sha256').update(householdId).digest('hex').slice(0, 20)}`
}

export const interestId = (proposalId: string, householdId: string) => `${proposalId}:${householdId}`

/** `orderId`: the household's reservation, once read from its registration. */
export function proposalView(p: ProposalDoc, householdId: string | null, orderId: string | null = null): ProposalViewT {
  return {
    id: p._id,
    title: p.title,
    description: p.description,
    kind: p.kind,
    category: p.category,
    images: storedPhotos(p.images),
    unit: p.unit,
    indicativePriceFen: p.indicativePriceFen,
    threshold: p.threshold,
    householdLimit: p.householdLimit,
    closesAt: p.closesAt,
    status: p.status,
    registered: p.registered,
    households: p.households,
    campaignId: p.campaignId,
    reserved: p.reserved,
    mine: householdId ? { householdId, quantity: p.interests[interestKey(householdId)] ?? 0, orderId } : null
  }
}

/** The household the caller named, when it is theirs; anyone else's is not shown. */
const ownHousehold = (actor: CommunityActor, householdId: string | undefined) => (householdId && actor.householdIds.includes(householdId) ? householdId : null)

export async function inCommunity(ports: Ports, id: string, communityId: string): Promise<ProposalDoc | null> {
  const p = await ports.store.get('proposals', id)
  return p && p.communityId === communityId ? p : null
}

/**
 * Residents see what is gathering interest, then what became a pre-sale in the last week (where a
 * registrant finds the reservation to pay); the office sees every proposal, newest first.
 */
export const proposals: OrderHandler<C['proposals']> = async ({ ports, actor }, input) => {
  const communityId = actor.communityId
  const now = ports.clock.now()
  const household = ownHousehold(actor, input.householdId)
  if (input.scope === 'all' && actor.roles.includes('operator')) {
    const all = await ports.store.find('proposals', { where: { communityId }, orderBy: [{ field: 'createdAt', dir: 'desc' }], limit: 200 })
    return ok({ proposals: all.map((p) => proposalView(p, household)) })
  }
  const [open, converted] = await Promise.all([
    ports.store.find('proposals', { where: { communityId, status: 'open', closesAt: { gt: now } }, orderBy: [{ field: 'closesAt', dir: 'asc' }], limit: 100 }),
    ports.store.find('proposals', { where: { communityId, status: 'converted', updatedAt: { gt: now - PROPOSAL_CONVERTED_SHOWN_MS } }, orderBy: [{ field: 'closesAt', dir: 'desc' }], limit: 20 })
  ])
  const registrations = household ? await getMany(ports.store, 'proposalInterests', converted.map((p) => interestId(p._id, household))) : new Map<string, ProposalInterestDoc>()
  return ok({
    proposals: [...open.map((p) => proposalView(p, household)), ...converted.map((p) => proposalView(p, household, registrations.get(interestId(p._id, household ?? ''))?.orderId ?? null))]
  })
}

export const proposal: OrderHandler<C['proposal']> = async ({ ports, actor }, input) => {
  const household = ownHousehold(actor, input.householdId)
  const [p, registration] = await Promise.all([inCommunity(ports, input.id, actor.communityId), household ? ports.store.get('proposalInterests', interestId(input.id, household)) : null])
  if (!p) return fail('ORDER.PROPOSAL_NOT_FOUND', '意向登记不存在或不属于当前社区')
  return ok(proposalView(p, household, registration?.orderId ?? null))
}

/**
 * Sets the household's registered quantity (0 withdraws). The household's entry in the journal and
 * the totals change in one conditional update on the value read, retried when another household
 * registered in between; the registration record (who, for the notification and the reservation)
 * follows it.
 */
export const registerInterest: OrderHandler<C['registerInterest']> = async ({ ports, actor }, input) => {
  if (!actor.householdIds.includes(input.householdId)) return fail('HOUSEHOLD.NOT_MEMBER', '你不是这套房屋的成员', [{ path: 'householdId', message: '不是你的房屋' }])
  const key = `interests.${interestKey(input.householdId)}`
  for (let attempt = 0; attempt < CAS_TRIES; attempt++) {
    const p = await inCommunity(ports, input.proposalId, actor.communityId)
    if (!p) return fail('ORDER.PROPOSAL_NOT_FOUND', '意向登记不存在或不属于当前社区')
    const now = ports.clock.now()
    if (p.status !== 'open' || now >= p.closesAt) return fail('ORDER.PROPOSAL_CLOSED', p.status === 'converted' || p.status === 'converting' ? '已转为预售，请到预售页下单' : '意向征集已截止')
    if (input.quantity > p.householdLimit) {
      return fail('ORDER.LIMIT_EXCEEDED', `每户最多登记 ${p.householdLimit} ${p.unit}`, [{ path: 'quantity', message: `每户最多登记 ${p.householdLimit} ${p.unit}` }])
    }
    const before = p.interests[interestKey(input.householdId)] ?? 0
    if (before === input.quantity) return ok(proposalView(p, input.householdId))
    const households = (input.quantity > 0 ? 1 : 0) - (before > 0 ? 1 : 0)
    const applied = await ports.store.update(
      'proposals',
      p._id,
      { inc: { registered: input.quantity - before, households }, ...(input.quantity > 0 ? { set: { [key]: input.quantity, updatedAt: now } } : { unset: [key], set: { updatedAt: now } }) },
      { status: 'open', [key]: before > 0 ? before : null }
    )
    if (!applied) continue
    await recordInterest(ports, actor, p, input.householdId, input.quantity, now)
    const registered = p.registered + input.quantity - before
    const interests = { ...p.interests }
    if (input.quantity > 0) interests[interestKey(input.householdId)] = input.quantity
    else delete interests[interestKey(input.householdId)]
    return ok(proposalView({ ...p, registered, households: p.households + households, interests, updatedAt: now }, input.householdId))
  }
  return fail('ORDER.BUSY', '登记的人太多，请稍后再试')
}

async function recordInterest(ports: Ports, actor: CommunityActor, p: ProposalDoc, householdId: string, quantity: number, now: number): Promise<void> {
  const id = interestId(p._id, householdId)
  const inserted = await ports.store.insert('proposalInterests', { _id: id, proposalId: p._id, communityId: p.communityId, householdId, userId: actor.user._id, quantity, createdAt: now, updatedAt: now })
  if (!inserted.ok) await ports.store.update('proposalInterests', id, { set: { userId: actor.user._id, quantity, updatedAt: now } })
}

function fields(d: ProposalDraft, now: number) {
  return {
    title: d.title,
    description: d.description,
    kind: d.kind,
    category: d.category,
    images: d.images,
    unit: d.unit,
    indicativePriceFen: d.indicativePriceFen,
    threshold: d.threshold,
    householdLimit: d.householdLimit,
    closesAt: d.closesAt,
    updatedAt: now
  }
}

export async function saveProposalDraft(ports: Ports, actor: CommunityActor, id: string | undefined, d: ProposalDraft): Promise<Result<ProposalDoc>> {
  const now = ports.clock.now()
  if (d.closesAt <= now) return fail('REQUEST.INVALID_INPUT', '征集截止：应晚于现在', [{ path: 'proposal.closesAt', message: '征集截止：应晚于现在' }])
  if (d.closesAt - now > PROPOSAL_MAX_OPEN_MS) return fail('REQUEST.INVALID_INPUT', '征集截止：最长 60 天', [{ path: 'proposal.closesAt', message: '征集截止：最长 60 天' }])
  if (!id) {
    const doc: ProposalDoc = { _id: newId(ports, 'pp'), communityId: actor.communityId, ...fields(d, now), status: 'open', registered: 0, households: 0, interests: {}, campaignId: null, reserved: null, convertedBy: null, createdBy: actor.user._id, createdAt: now }
    await ports.store.insert('proposals', doc)
    return ok(doc)
  }
  const existing = await inCommunity(ports, id, actor.communityId)
  if (!existing) return fail('ORDER.PROPOSAL_NOT_FOUND', '意向登记不存在或不属于当前社区')
  const set = fields(d, now)
  // Registrations stand on the limit they were made under: it may rise, never fall below one.
  const highest = Math.max(0, ...Object.values(existing.interests))
  if (d.householdLimit < highest) {
    return fail('REQUEST.INVALID_INPUT', `每户最多登记：已有住户登记了 ${highest} ${existing.unit}，不能低于它`, [{ path: 'proposal.householdLimit', message: `不能低于已登记的 ${highest}` }])
  }
  if (!(await ports.store.update('proposals', id, { set }, { status: 'open' }))) return fail('ORDER.PROPOSAL_CLOSED', '已转为预售或已结束，不能再修改')
  return ok({ ...existing, ...set })
}

export const saveProposal: OrderHandler<C['saveProposal']> = async ({ ports, actor }, input) => {
  const res = await saveProposalDraft(ports, actor, input.id, input.proposal)
  return res.ok ? ok(proposalView(res.value, null)) : res
}
