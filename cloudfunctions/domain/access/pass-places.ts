import { type Counter, give, take } from '../../kernel/counter'
import { getMany } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import type { VisitorPassDoc, VisitorPassQuotaDoc } from './docs'

/**
 * The cap on a household's open visitor passes, without transactions. Each household has one
 * counter document (`visitorPassQuotas/<householdId>`); a pass takes a place there BEFORE it is
 * inserted, with one conditional update that raises `active` only while `active < cap` and the
 * pass holds no place yet, and records the hold in the same update. So parallel creates can
 * never pass the cap. A place comes back only while its hold is there (the release removes it in
 * the same update), so a revoke, the expiry job and a repair racing each other give it back once.
 *
 * What a crash can leave behind (a place taken for a pass never inserted, a pass revoked or
 * expired whose place was not given back) is repaired when the household reaches the cap: the
 * holds are checked against the passes before a create is refused.
 */

/** A create takes its place and inserts within one function call; older orphan holds are repaired. */
export const ORPHAN_HOLD_MS = 2 * 60_000

/** Pass ids are not field-safe (base64url): the hold key is their hex, which reads back. */
const holdKey = (passId: string) => `p${Buffer.from(passId, 'utf8').toString('hex')}`
const passIdOf = (key: string) => Buffer.from(key.slice(1), 'hex').toString('utf8')

type Owner = Pick<VisitorPassDoc, 'householdId' | 'communityId'>

const placeCounter = (householdId: string, cap: number): Counter => ({ collection: 'visitorPassQuotas', id: householdId, field: 'active', direction: 'up', bound: cap })

/**
 * The household's first counter: it starts from the passes already open (written before the
 * counter existed), so the cap holds from the first create on. A racing twin's insert is a
 * duplicate, which is fine: passes are only written after a place is taken on the counter.
 */
async function firstCounter(ports: Ports, owner: Owner): Promise<VisitorPassQuotaDoc> {
  const now = ports.clock.now()
  const open = await ports.store.find('visitorPasses', {
    where: { householdId: owner.householdId, status: 'active', validTo: { gt: now } },
    limit: 1000
  })
  const holds = Object.fromEntries(open.map((p) => [holdKey(p._id), p.createdAt || now]))
  return { _id: owner.householdId, communityId: owner.communityId, active: open.length, holds }
}

/** Takes a place for the pass about to be inserted; false when the household is at the cap. */
export async function takePlace(ports: Ports, owner: Owner, passId: string, cap: number): Promise<boolean> {
  const counter = placeCounter(owner.householdId, cap)
  // The hold keeps when it was taken: a repair frees a hold whose pass did not get written.
  const place = { holder: holdKey(passId), amount: 1, entry: ports.clock.now() }
  if (await take(ports.store, counter, { ...place, create: { doc: () => firstCounter(ports, owner) } })) return true
  const quota = await ports.store.get('visitorPassQuotas', owner.householdId)
  if (!quota) return false
  // At the cap: give back the places of passes that ended or were never written (a concurrent
  // create may be doing the same and free them first), then try once more.
  await repairPlaces(ports, quota)
  return take(ports.store, counter, place)
}

/** Gives the pass's place back, at most once however often it is called. */
export function releasePlace(ports: Ports, pass: Pick<VisitorPassDoc, '_id' | 'householdId'>): Promise<boolean> {
  // The cap plays no part in a give-back.
  return give(ports.store, placeCounter(pass.householdId, 0), holdKey(pass._id), 1)
}

/**
 * Checks a household's holds against its passes: a pass revoked or expired (marked now if its
 * window ended), or never written by a create cut short, gives its place back. Returns the places freed.
 */
async function repairPlaces(ports: Ports, quota: VisitorPassQuotaDoc): Promise<number> {
  const now = ports.clock.now()
  const held = Object.entries(quota.holds ?? {}).map(([key, at]) => ({ passId: passIdOf(key), at }))
  if (held.length === 0) return 0
  const passes = await getMany(ports.store, 'visitorPasses', held.map((x) => x.passId))
  let freed = 0
  for (const { passId, at } of held) {
    const pass = passes.get(passId)
    let ended = false
    if (!pass) ended = at < now - ORPHAN_HOLD_MS
    else if (pass.status !== 'active') ended = true
    else if (pass.validTo <= now) {
      await ports.store.update('visitorPasses', pass._id, { set: { status: 'expired' } }, { status: 'active' })
      ended = true
    }
    if (ended && (await releasePlace(ports, { _id: passId, householdId: quota._id }))) freed++
  }
  return freed
}
