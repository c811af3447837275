import { createHash } from 'node:crypto'
import type { VoteState } from '../../contracts/vote-rules'
import { findAll, inPool } from '../../kernel/paging'
import type { Store } from '../../kernel/store'
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
export async function buildRoll(store: Store, communityId: string, buildingIds: readonly string[] | null): Promise<RollUnit[]> {
  const [households, owners] = await Promise.all([
    findAll(store, 'households', { communityId, buildingId: buildingIds ? { in: [...buildingIds] } : undefined }),
    findAll(store, 'memberships', { communityId, relation: 'owner', status: 'active' })
  ])
  const firstOwner = new Map<string, MembershipDoc>()
  for (const m of [...owners].sort((a, b) => a.createdAt - b.createdAt)) if (!firstOwner.has(m.householdId)) firstOwner.set(m.householdId, m)
  return households
    .filter((h) => h.areaCm2 > 0)
    .sort((a, b) => (a._id < b._id ? -1 : 1))
    .map((h) => ({ householdId: h._id, areaCm2: h.areaCm2, ownerKey: ownerKeyOf(h, firstOwner.get(h._id)), buildingId: h.buildingId }))
}

/**
 * Writes the roll by building, in documents of at most 500 units (`${voteId}:${buildingId}:${n}`),
 * so a ballot reads the part of the roll its owner's buildings are in, not the whole community.
 * A rerun finds them written and adds nothing. Returns the documents, and how many this call wrote.
 */
export async function writeRoll(store: Store, voteId: string, units: readonly RollUnit[]): Promise<{ chunks: number; written: number }> {
  const byBuilding = new Map<string, RollUnit[]>()
  for (const u of units) byBuilding.set(u.buildingId, [...(byBuilding.get(u.buildingId) ?? []), u])
  const chunks: VoteRollDoc[] = []
  for (const [buildingId, list] of byBuilding) {
    for (let i = 0; i < list.length; i += CHUNK) {
      chunks.push({ _id: `${voteId}:${buildingId}:${i / CHUNK}`, voteId, buildingId, units: list.slice(i, i + CHUNK).map((u) => [u.householdId, u.areaCm2, u.ownerKey, u.buildingId]) })
    }
  }
  let written = 0
  await inPool(chunks, async (c) => {
    if ((await store.insert('voteRolls', c)).ok) written++
  })
  return { chunks: chunks.length, written }
}

/** The roll, or the part of it in some buildings (what one owner's ballot needs). */
export async function readRoll(store: Store, voteId: string, buildingIds?: readonly string[]): Promise<RollUnit[]> {
  if (buildingIds && buildingIds.length === 0) return []
  const chunks = await findAll(store, 'voteRolls', { voteId, buildingId: buildingIds ? { in: [...new Set(buildingIds)] } : undefined })
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

