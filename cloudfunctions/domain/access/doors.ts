import type { Store } from '../../kernel/store'
import type { GateDoc } from './docs'
import { doorAdmits } from './offline'

export interface DoorListItem {
  gateId: string
  doorId: string
  name: string
  vehicle: boolean
}

/** The device id of a gate registered now: the operator's id inside the community's own namespace. */
export const deviceIdOf = (communityId: string, gateId: string) => `${communityId}:${gateId}`

/**
 * The community's gate with the id its operator typed. Another community's gate of the same id
 * is not there for them, exactly as if it did not exist.
 */
export async function findGate(store: Store, communityId: string, gateId: string): Promise<GateDoc | null> {
  const scoped = await store.get('gates', deviceIdOf(communityId, gateId))
  if (scoped) return scoped
  // Gates registered before ids were scoped keep their bare id.
  const bare = await store.get('gates', gateId)
  return bare && bare.communityId === communityId ? bare : null
}

/** A community has tens of gates at most; one page holds them all. */
export function communityGates(store: Store, communityId: string): Promise<GateDoc[]> {
  return store.find('gates', { where: { communityId }, orderBy: [{ field: 'createdAt', dir: 'asc' }], limit: 200 })
}

/** The doors a code with these claims opens: the pass page lists them so nobody walks to the wrong one. */
export function doorsFor(gates: readonly GateDoc[], claims: { buildingId: string; vehicle: boolean }): DoorListItem[] {
  return gates
    .filter((g) => g.enabled)
    .flatMap((g) =>
      g.doors
        .filter((d) => doorAdmits(d, claims))
        .map((d) => ({ gateId: g._id, doorId: d.id, name: g.doors.length > 1 ? `${g.name} · ${d.name}` : d.name, vehicle: d.vehicle }))
    )
}
