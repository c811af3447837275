import { PICKUP_CODE_LENGTH } from '../../contracts/parcel-labels'
import type { Ports } from '../../kernel/ports'
import type { ParcelCodeDoc } from './docs'

const DIGITS = '0123456789'
/** A released code is not handed out again for a week, so a second use of it still says 已取件. */
export const CODE_REUSE_AFTER_MS = 7 * 24 * 3600_000
const ATTEMPTS = 12

export const codeKey = (communityId: string, code: string) => `${communityId}:${code}`

/**
 * Claims a pickup code for `parcelId`, unique among the community's waiting parcels: the code's
 * own document is inserted (or, a week after its parcel left, taken over with one conditional
 * update), so two registrations can never hold the same code. Null when every attempt collided.
 */
export async function claimCode(ports: Ports, communityId: string, parcelId: string, first: string): Promise<string | null> {
  let code = first
  for (let i = 0; i < ATTEMPTS; i++) {
    const id = codeKey(communityId, code)
    const doc: ParcelCodeDoc = { _id: id, parcelId, state: 'held', releasedAt: null }
    if ((await ports.store.insert('parcelCodes', doc)).ok) return code
    // A retried registration finds its own code there.
    if ((await ports.store.get('parcelCodes', id))?.parcelId === parcelId) return code
    const cutoff = ports.clock.now() - CODE_REUSE_AFTER_MS
    if (await ports.store.update('parcelCodes', id, { set: { parcelId, state: 'held', releasedAt: null } }, { state: 'released', releasedAt: { lt: cutoff } })) return code
    code = drawCode(ports)
  }
  return null
}

export function drawCode(ports: Ports): string {
  return ports.random.code(PICKUP_CODE_LENGTH, DIGITS)
}

/** The code stays the parcel's until reused, so a second use finds the parcel and says who took it. */
export function releaseCode(ports: Ports, communityId: string, code: string, parcelId: string): Promise<boolean> {
  return ports.store.update('parcelCodes', codeKey(communityId, code), { set: { state: 'released', releasedAt: ports.clock.now() } }, { parcelId, state: 'held' })
}
