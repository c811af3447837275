import { createHash } from 'node:crypto'
import type { z } from 'zod'
import type { messageContracts } from '../../contracts/message'
import { MATTER_OPTIONS, thresholdText } from '../../contracts/vote-rules'
import type { CommunityActor } from '../../kernel/actor'
import type { ActionHandler } from '../../kernel/module'
import { findAll, getMany } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import { type Failure, fail, ok } from '../../kernel/result'
import type { BuildingDoc } from '../docs'
import { communityBuildings, householdLabels } from '../user/labels'
import type { BallotDoc, StoredTally, VoteDoc } from './docs'
import { tally } from './tally'
import { COUNT_GRACE_MS, type RollUnit, buildRoll, readRoll, voteState, writeRoll } from './vote-roll'

type C = typeof messageContracts
type Summary = z.input<C['votes']['output']>['items'][number]
type MyUnitView = z.input<C['castBallot']['output']>['cast'][number]
type TallyOut = NonNullable<z.input<C['vote']['output']>['tally']>

const RECEIPT_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'

function voteNotFound(): Failure {
  return fail('VOTE.NOT_FOUND', '表决不存在', [{ path: 'id', label: '表决', message: '表决不存在' }])
}

async function voteIn(ports: Ports, communityId: string, id: string): Promise<VoteDoc | null> {
  const v = await ports.store.get('votes', id)
  return v && v.communityId === communityId ? v : null
}

export const optionsOf = (v: Pick<VoteDoc, 'kind' | 'options'>): string[] => (v.kind === 'matter' ? [...MATTER_OPTIONS] : v.options)

export const saveVote: ActionHandler<C['saveVote']> = async ({ ports, actor }, input) => {
  const now = ports.clock.now()
  if (input.closesAt <= now) return fail('REQUEST.INVALID_INPUT', '截止时间须晚于现在', [{ path: 'closesAt', label: '截止时间', message: '截止时间已过' }])
  const id = `v${createHash('sha256').update(`${actor.user._id}:${input.clientRequestId}`).digest('hex').slice(0, 20)}`
  const [prior, buildings] = await Promise.all([ports.store.get('votes', id), communityBuildings(ports.store, [actor.communityId])])
  if (prior) return ok({ id: prior._id, units: prior.units })
  let buildingIds: string[] | null = null
  let scopeLabel = '全体业主'
  if (input.scope.kind === 'buildings') {
    const mine = new Map(buildings.map((b) => [b._id, b]))
    const chosen = [...new Set(input.scope.buildingIds)].map((b) => mine.get(b))
    if (chosen.some((b) => !b)) return fail('VOTE.SCOPE_INVALID', '所选楼栋不在本社区', [{ path: 'scope.buildingIds', label: '楼栋', message: '所选楼栋不在本社区' }])
    const list = (chosen as BuildingDoc[]).sort((a, b) => a.order - b.order)
    buildingIds = list.map((b) => b._id)
    scopeLabel = `${list.map((b) => b.name).join('、')}业主`
  }
  const roll = await buildRoll(ports.store, actor.communityId, buildingIds)
  if (roll.length === 0) return fail('VOTE.NO_UNITS', '表决范围内没有登记面积的房屋，请先导入房屋面积', [{ path: 'scope', label: '表决范围', message: '没有可投票的房屋' }])
  // The roll first: a vote is never seen without the units that may vote in it.
  const { chunks: rollChunks } = await writeRoll(ports.store, id, roll)
  const doc: VoteDoc = {
    _id: id,
    communityId: actor.communityId,
    title: input.title,
    description: input.description,
    rule: input.rule,
    kind: input.kind,
    options: input.kind === 'choice' ? input.options : [],
    buildingIds,
    scopeLabel,
    opensAt: Math.max(input.opensAt ?? now, now),
    closesAt: input.closesAt,
    units: roll.length,
    totalAreaCm2: roll.reduce((s, u) => s + u.areaCm2, 0),
    totalOwners: new Set(roll.map((u) => u.ownerKey)).size,
    rollChunks,
    ballots: 0,
    tally: null,
    createdBy: actor.user._id,
    createdByName: actor.user.nickname,
    createdAt: now
  }
  await ports.store.insert('votes', doc)
  return ok({ id, units: roll.length })
}

/** The units an owner holds among the community's households (owner memberships only). */
async function ownedHouseholds(ports: Ports, actor: CommunityActor): Promise<string[]> {
  if (!actor.roles.includes('resident')) return []
  const owned = await ports.store.find('memberships', { where: { userId: actor.user._id, communityId: actor.communityId, relation: 'owner', status: 'active' }, limit: 100 })
  return owned.map((m) => m.householdId)
}

/**
 * The caller's units in a vote: their owned homes, and the part of the roll their buildings are
 * in (read alongside the households, which name the buildings).
 */
async function myUnits(ports: Ports, actor: CommunityActor, voteId: string): Promise<RollUnit[]> {
  const [owned, homes] = await Promise.all([ownedHouseholds(ports, actor), getMany(ports.store, 'households', actor.householdIds)])
  const buildings = owned.flatMap((id) => {
    const b = homes.get(id)?.buildingId
    return b ? [b] : []
  })
  const roll = await readRoll(ports.store, voteId, buildings)
  return roll.filter((u) => owned.includes(u.householdId))
}

export const votes: ActionHandler<C['votes']> = async ({ ports, actor }) => {
  const now = ports.clock.now()
  const [rows, owned] = await Promise.all([
    ports.store.find('votes', { where: { communityId: actor.communityId }, orderBy: [{ field: 'closesAt', dir: 'desc' }], limit: 50 }),
    ownedHouseholds(ports, actor)
  ])
  const [homes, ballots] = await Promise.all([
    getMany(ports.store, 'households', owned),
    getMany(ports.store, 'ballots', rows.flatMap((v) => owned.map((h) => `${v._id}:${h}`)))
  ])
  const items: Summary[] = rows.map((v) => {
    const mine = [...homes.values()].filter((h) => h.areaCm2 > 0 && (!v.buildingIds || v.buildingIds.includes(h.buildingId)))
    return {
      id: v._id,
      title: v.title,
      rule: v.rule,
      kind: v.kind,
      state: voteState(v, now),
      scopeLabel: v.scopeLabel,
      opensAt: v.opensAt,
      closesAt: v.closesAt,
      units: v.units,
      ballots: v.ballots,
      outcome: v.tally?.outcome ?? null,
      myUnits: mine.length,
      myVoted: mine.filter((h) => ballots.has(`${v._id}:${h._id}`)).length
    }
  })
  return ok({ items })
}

function unitView(u: RollUnit, label: string, b: BallotDoc | undefined): MyUnitView {
  return { householdId: u.householdId, label, areaCm2: u.areaCm2, option: b?.option ?? null, channel: b?.channel ?? null, receipt: b?.receipt ?? null, castAt: b?.castAt ?? null }
}

function tallyView(v: VoteDoc, t: StoredTally): TallyOut {
  const labels = optionsOf(v)
  const fig = (f: StoredTally['participationArea']) => ({ part: f.part, whole: f.whole, threshold: thresholdText(f.threshold), met: f.met })
  return {
    units: t.units,
    totalAreaCm2: t.totalAreaCm2,
    totalOwners: t.totalOwners,
    ballots: t.ballots,
    participationArea: fig(t.participationArea),
    participationHeadcount: fig(t.participationHeadcount),
    options: t.options.map((o) => ({ option: o.option, label: labels[o.option] ?? '', areaCm2: o.areaCm2, owners: o.owners, area: fig(o.area), headcount: fig(o.headcount), met: o.met })),
    chosen: t.chosen,
    outcome: t.outcome,
    countedAt: t.countedAt
  }
}

/**
 * The count, once the close and its grace have passed: the roll and every ballot, tallied, and
 * written on the vote by a conditional update on `tally: null`, so two counters publish one
 * result. Null before then.
 */
export async function countVote(ports: Ports, v: VoteDoc): Promise<StoredTally | null> {
  if (v.tally) return v.tally
  const now = ports.clock.now()
  if (now < v.closesAt + COUNT_GRACE_MS) return null
  const [roll, ballots] = await Promise.all([readRoll(ports.store, v._id), findAll(ports.store, 'ballots', { voteId: v._id })])
  // Ballots in cast order, so an owner's first ballot is the one counted by head.
  const cast = ballots.filter((b) => b.castAt < v.closesAt).sort((a, b) => a.castAt - b.castAt || (a._id < b._id ? -1 : 1))
  const result: StoredTally = { ...tally(roll, cast, v.rule, v.kind, optionsOf(v).length), countedAt: now }
  const published = await ports.store.update('votes', v._id, { set: { tally: result } }, { tally: null })
  if (published) return result
  return (await ports.store.get('votes', v._id))?.tally ?? result
}

export const vote: ActionHandler<C['vote']> = async ({ ports, actor }, input) => {
  const now = ports.clock.now()
  const [v, mine] = await Promise.all([voteIn(ports, actor.communityId, input.id), myUnits(ports, actor, input.id)])
  if (!v) return voteNotFound()
  const [ballots, labels, counted] = await Promise.all([
    getMany(ports.store, 'ballots', mine.map((u) => `${v._id}:${u.householdId}`)),
    householdLabels(ports, mine.map((u) => u.householdId), actor.communityId),
    countVote(ports, v)
  ])
  return ok({
    id: v._id,
    title: v.title,
    rule: v.rule,
    kind: v.kind,
    state: counted ? 'closed' : voteState(v, now),
    scopeLabel: v.scopeLabel,
    opensAt: v.opensAt,
    closesAt: v.closesAt,
    units: v.units,
    ballots: counted ? counted.ballots : v.ballots,
    outcome: counted?.outcome ?? null,
    myUnits: mine.length,
    myVoted: mine.filter((u) => ballots.has(`${v._id}:${u.householdId}`)).length,
    description: v.description,
    options: optionsOf(v),
    totalAreaCm2: v.totalAreaCm2,
    totalOwners: v.totalOwners,
    createdByName: v.createdByName,
    mine: mine.map((u) => unitView(u, labels.get(u.householdId) ?? '', ballots.get(`${v._id}:${u.householdId}`))),
    tally: counted ? tallyView(v, counted) : null
  })
}

/** Why a ballot cannot be taken now, or null when the vote is open. */
function closedFor(v: VoteDoc, now: number): Failure | null {
  if (v.tally || now >= v.closesAt) return fail('VOTE.CLOSED', '表决已截止，不能再投票')
  if (now < v.opensAt) return fail('VOTE.NOT_OPEN', '表决尚未开始')
  return null
}

/**
 * One owner's units carry one choice (they count once by head): a ballot whose owner already
 * voted otherwise, on another unit or on paper, is refused with the choice already made.
 */
async function ownerSplit(ports: Ports, v: VoteDoc, units: readonly RollUnit[], option: number): Promise<Failure | null> {
  const keys = [...new Set(units.map((u) => u.ownerKey))]
  const prior = await ports.store.find('ballots', { where: { voteId: v._id, ownerKey: { in: keys } }, limit: 1000 })
  const other = prior.find((b) => b.option !== option)
  if (!other) return null
  const label = optionsOf(v)[other.option] ?? ''
  return fail('VOTE.OWNER_SPLIT', `同一业主的房屋须投同一选项：名下房屋已投「${label}」`, [{ path: 'option', label: '选项', message: `名下房屋已投「${label}」` }])
}

async function writeBallot(ports: Ports, v: VoteDoc, u: RollUnit, option: number, by: { userId: string; channel: BallotDoc['channel']; photo: string | null }, now: number): Promise<BallotDoc | null> {
  const b: BallotDoc = {
    _id: `${v._id}:${u.householdId}`,
    voteId: v._id,
    communityId: v.communityId,
    householdId: u.householdId,
    buildingId: u.buildingId,
    areaCm2: u.areaCm2,
    ownerKey: u.ownerKey,
    option,
    channel: by.channel,
    castBy: by.userId,
    photo: by.photo,
    receipt: ports.random.code(8, RECEIPT_ALPHABET),
    castAt: now
  }
  const written = await ports.store.insert('ballots', b)
  if (!written.ok) return null
  await ports.store.update('votes', v._id, { inc: { ballots: 1 } })
  return b
}

function optionInvalid(v: VoteDoc, option: number): Failure | null {
  return option < optionsOf(v).length ? null : fail('REQUEST.INVALID_INPUT', '请选择一个选项', [{ path: 'option', label: '选项', message: '请选择' }])
}

/**
 * An owner's vote: one ballot for each of their units in the vote that has none yet, all with the
 * same option. A unit a co-owner already voted for is skipped and named; a retry of the same vote
 * answers with the ballots it wrote.
 */
export const castBallot: ActionHandler<C['castBallot']> = async ({ ports, actor }, input) => {
  const now = ports.clock.now()
  const [v, mine] = await Promise.all([voteIn(ports, actor.communityId, input.id), myUnits(ports, actor, input.id)])
  if (!v) return voteNotFound()
  const refused = closedFor(v, now) ?? optionInvalid(v, input.option)
  if (refused) return refused
  if (mine.length === 0) return fail('VOTE.NOT_OWNER', '只有表决范围内房屋的业主可以投票')
  const [existing, labels, split] = await Promise.all([
    getMany(ports.store, 'ballots', mine.map((u) => `${v._id}:${u.householdId}`)),
    householdLabels(ports, mine.map((u) => u.householdId), actor.communityId),
    ownerSplit(ports, v, mine, input.option)
  ])
  const open = mine.filter((u) => !existing.has(`${v._id}:${u.householdId}`))
  const retried = mine.filter((u) => existing.get(`${v._id}:${u.householdId}`)?.castBy === actor.user._id)
  if (open.length === 0 && retried.length > 0 && retried.every((u) => existing.get(`${v._id}:${u.householdId}`)?.option === input.option)) {
    return ok({ cast: retried.map((u) => unitView(u, labels.get(u.householdId) ?? '', existing.get(`${v._id}:${u.householdId}`))), skipped: [] })
  }
  if (open.length === 0) return fail('VOTE.ALREADY_CAST', '名下房屋均已投票，选票投出后不能更改')
  if (split) return split
  const written = await Promise.all(open.map((u) => writeBallot(ports, v, u, input.option, { userId: actor.user._id, channel: 'miniapp', photo: null }, now)))
  const cast = open.flatMap((u, i) => (written[i] ? [unitView(u, labels.get(u.householdId) ?? '', written[i])] : []))
  const skipped = [
    ...mine.filter((u) => existing.has(`${v._id}:${u.householdId}`)),
    ...open.filter((_, i) => !written[i])
  ].map((u) => ({ label: labels.get(u.householdId) ?? '', reason: '共有人已为该房屋投票' }))
  if (cast.length === 0) return fail('VOTE.ALREADY_CAST', '共有人已为该房屋投票，每套房屋只有一票')
  return ok({ cast, skipped })
}

/** A paper ballot entered by a butler (for a household of their grid) or the office, with its photo. */
export const recordPaperBallot: ActionHandler<C['recordPaperBallot']> = async ({ ports, actor }, input) => {
  const now = ports.clock.now()
  const [v, h, prior] = await Promise.all([
    voteIn(ports, actor.communityId, input.id),
    ports.store.get('households', input.householdId),
    ports.store.get('ballots', `${input.id}:${input.householdId}`)
  ])
  if (!v) return voteNotFound()
  const refused = closedFor(v, now) ?? optionInvalid(v, input.option)
  if (refused) return refused
  const unit = h && h.communityId === v.communityId ? (await readRoll(ports.store, v._id, [h.buildingId])).find((u) => u.householdId === input.householdId) : undefined
  if (!unit || !h) return fail('VOTE.NOT_OWNER', '该房屋不在表决范围内', [{ path: 'householdId', label: '房屋', message: '不在表决范围内' }])
  const office = actor.roles.includes('operator')
  if (!office && !actor.grids.some((g) => g.buildingIds.includes(h.buildingId))) {
    return fail('VOTE.NOT_IN_GRID', '只能录入本网格房屋的表决票', [{ path: 'householdId', label: '房屋', message: '不在你的网格' }])
  }
  if (prior) return fail('VOTE.ALREADY_CAST', '该房屋已投票，每套房屋只有一票', [{ path: 'householdId', label: '房屋', message: '已投票' }])
  const split = await ownerSplit(ports, v, [unit], input.option)
  if (split) return split
  const b = await writeBallot(ports, v, unit, input.option, { userId: actor.user._id, channel: 'paper', photo: input.photo }, now)
  if (!b) return fail('VOTE.ALREADY_CAST', '该房屋已投票，每套房屋只有一票', [{ path: 'householdId', label: '房屋', message: '已投票' }])
  const labels = await householdLabels(ports, [h._id], actor.communityId)
  return ok(unitView(unit, labels.get(h._id) ?? '', b))
}

export const voteProgress: ActionHandler<C['voteProgress']> = async ({ ports, actor }, input) => {
  const [v, roll, buildings] = await Promise.all([voteIn(ports, actor.communityId, input.id), readRoll(ports.store, input.id), communityBuildings(ports.store, [actor.communityId])])
  if (!v) return voteNotFound()
  const grid = actor.roles.includes('butler') ? new Set(actor.grids.flatMap((g) => g.buildingIds)) : null
  const inGrid = grid ? roll.filter((u) => grid.has(u.buildingId)) : []
  const used = [...new Set(roll.map((u) => u.buildingId))]
  const [counts, gridBallots] = await Promise.all([
    Promise.all(used.map((b) => ports.store.count('ballots', { voteId: v._id, buildingId: b }))),
    inGrid.length ? findAll(ports.store, 'ballots', { voteId: v._id, buildingId: { in: [...new Set(inGrid.map((u) => u.buildingId))] } }) : Promise.resolve([])
  ])
  const voted = new Set(gridBallots.map((b) => b.householdId))
  const unvoted = inGrid.filter((u) => !voted.has(u.householdId))
  const [labels, owners] = await Promise.all([
    householdLabels(ports, unvoted.map((u) => u.householdId), actor.communityId),
    unvoted.length ? findAll(ports.store, 'memberships', { householdId: { in: unvoted.map((u) => u.householdId) }, relation: 'owner', status: 'active' }) : Promise.resolve([])
  ])
  const names = new Map(buildings.map((b) => [b._id, b]))
  return ok({
    buildings: used
      .map((b, i) => ({ buildingId: b, name: names.get(b)?.name ?? '', order: names.get(b)?.order ?? 0, units: roll.filter((u) => u.buildingId === b).length, ballots: counts[i] ?? 0 }))
      .sort((a, b) => a.order - b.order)
      .map(({ order: _order, ...rest }) => rest),
    unvoted: unvoted
      .map((u) => ({ householdId: u.householdId, label: labels.get(u.householdId) ?? '', areaCm2: u.areaCm2, owners: owners.filter((m) => m.householdId === u.householdId).length }))
      .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN', { numeric: true }))
  })
}

const RECEIPT_PAGE = 100

/** The counted ballots' receipt codes and choices, published with the tally: no unit or name. */
export const voteReceipts: ActionHandler<C['voteReceipts']> = async ({ ports, actor }, input) => {
  const v = await voteIn(ports, actor.communityId, input.id)
  if (!v) return voteNotFound()
  const counted = await countVote(ports, v)
  if (!counted) return fail('VOTE.NOT_PUBLISHED', '表决截止并计票后公布')
  const rows = await ports.store.find('ballots', {
    where: { voteId: v._id, castAt: { lt: v.closesAt }, receipt: input.cursor ? { gt: input.cursor } : undefined },
    orderBy: [{ field: 'receipt', dir: 'asc' }],
    limit: RECEIPT_PAGE
  })
  const labels = optionsOf(v)
  const last = rows[rows.length - 1]
  return ok({ items: rows.map((b) => ({ receipt: b.receipt, option: labels[b.option] ?? '', channel: b.channel })), cursor: rows.length === RECEIPT_PAGE && last ? last.receipt : null })
}

/** The job: publishes the tally of every vote past its close and grace. */
export async function closeVotes(ports: Ports): Promise<{ counted: number }> {
  const now = ports.clock.now()
  const due = await ports.store.find('votes', { where: { tally: null, closesAt: { lte: now - COUNT_GRACE_MS } }, limit: 50 })
  let counted = 0
  for (const v of due) if (await countVote(ports, v)) counted++
  return { counted }
}

