import type { Store } from '../../kernel/store'
import type { GateDoc } from './docs'
import { doorAdmits } from './offline'

export interface DoorListItem {
  gateId: string
  doorId: string
  name: string
  vehicle: boolean
}

/** A community has tens of gates at most; one page holds them all. */
export function communityGates(store: Store, communityId: string): Promise<GateDoc[]> {
  return store.find<GateDoc>('gates', { where: { communityId }, orderBy: [{ field: 'createdAt', dir: 'asc' }], limit: 200 })
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
