import { createHash } from 'node:crypto'
import type { VoteState } from '../../contracts/vote-rules'
import { findAll, inPool } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import type { HouseholdDoc, MembershipDoc } from '../docs'
import type { VoteDoc, VoteRollDoc } from './docs'
import type { Unit } from './tally'

export type RollUnit = Unit & { buildingId: string }

const CHUNK = 500

/**
 * Who counts as one owner by head: the owner the office's records name (by phone), else the
 * first owner bound in the mini-program, else the unit alone. Hashed: the roll is read whenever a
 * ballot is cast, and has no need to carry phone numbers.
 */
function ownerKeyOf(h: HouseholdDoc, firstOwner: MembershipDoc | undefined): string {
  const phone = h.owner?.phone?.replace(/\D/g, '')
  const who = phone ? `phone:${phone}` : firstOwner ? `user:${firstOwner.userId}` : `unit:${h._id}`
  return createHash('sha256').update(`${h.communityId}:${who}`).digest('base64url').slice(0, 12)
}

/** The units that may vote: every household in scope with an area on record, with its owner key. */
export async function buildRoll(ports: Ports, communityId: string, buildingIds: readonly string[] | null): Promise<RollUnit[]> {
  const [households, owners] = await Promise.all([
    findAll<HouseholdDoc>(ports.store, 'households', { communityId, buildingId: buildingIds ? { in: [...buildingIds] } : undefined }),
    findAll<MembershipDoc>(ports.store, 'memberships', { communityId, relation: 'owner', status: 'active' })
  ])
  const firstOwner = new Map<string, MembershipDoc>()
  for (const m of [...owners].sort((a, b) => a.createdAt - b.createdAt)) if (!firstOwner.has(m.householdId)) firstOwner.set(m.householdId, m)
  return households
    .filter((h) => h.areaCm2 > 0)
    .sort((a, b) => (a._id < b._id ? -1 : 1))
    .map((h) => ({ householdId: h._id, areaCm2: h.areaCm2, ownerKey: ownerKeyOf(h, firstOwner.get(h._id)), buildingId: h.buildingId }))
}

/** Writes the roll in documents of 500 units; a rerun finds them written and adds nothing. */
export async function writeRoll(ports: Ports, voteId: string, units: readonly RollUnit[]): Promise<number> {
  const chunks: VoteRollDoc[] = []
  for (let i = 0; i < units.length; i += CHUNK) {
    chunks.push({ _id: `${voteId}:${chunks.length}`, voteId, units: units.slice(i, i + CHUNK).map((u) => [u.householdId, u.areaCm2, u.ownerKey, u.buildingId]) })
  }
  await inPool(chunks, async (c) => {
    await ports.store.insert('voteRolls', c)
  })
  return chunks.length
}

export async function readRoll(ports: Ports, voteId: string): Promise<RollUnit[]> {
  const chunks = await ports.store.find<VoteRollDoc>('voteRolls', { where: { voteId }, limit: 1000 })
  return chunks.flatMap((c) => c.units.map(([householdId, areaCm2, ownerKey, buildingId]) => ({ householdId, areaCm2, ownerKey, buildingId })))
}

/**
 * Ballots in flight when the vote closes (a check made just before, a write landing just after)
 * are given this long to land before the count: longer than any function runs.
 */
export const COUNT_GRACE_MS = 60_000

export function voteState(v: VoteDoc, now: number): VoteState {
  if (v.tally) return 'closed'
  if (now < v.opensAt) return 'scheduled'
  if (now < v.closesAt) return 'open'
  return 'counting'
}

