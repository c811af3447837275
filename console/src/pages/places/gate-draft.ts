import type { InputOf } from '@contracts/registry'

/** A door as the registration form holds it: a building only for a building door. */
export interface DoorDraft {
  name: string
  zone: 'community' | 'building'
  buildingId: string
  vehicle: boolean
}

/** The most doors one device opens (the contract's bound). */
export const MAX_DOORS = 8

export const blankDoor = (): DoorDraft => ({ name: '', zone: 'community', buildingId: '', vehicle: false })

/** What `access.registerGate` takes for the form's doors. */
export function doorsInput(doors: readonly DoorDraft[]): InputOf<'access.registerGate'>['doors'] {
  return doors.map((d) => ({ name: d.name.trim(), zone: d.zone, vehicle: d.vehicle, ...(d.zone === 'building' && d.buildingId ? { buildingId: d.buildingId } : {}) }))
}
