import { findAll } from '../../kernel/paging'
import type { Store } from '../../kernel/store'

/** A plate a household drives, as its profile names it: the desk finds the household by it. */
export interface PlateDoc {
  /** `${communityId}:${plate}`: within a community a plate belongs to one household. */
  _id: string
  communityId: string
  householdId: string
  plate: string
  at: number
}

/** `沪a 12345` and `沪A·12345` are the plate `沪A12345`. */
export function normalizePlate(plate: string): string {
  return plate.replace(/[\s·.-]/g, '').toUpperCase()
}

/**
 * Makes the community's plate index say what the household's profile says: new plates in, dropped
 * ones out. A plate another household already holds stays theirs (the first to register it).
 */
export async function syncPlates(store: Store, communityId: string, householdId: string, plates: readonly string[], now: number): Promise<void> {
  const want = new Set(plates.map(normalizePlate).filter((p) => p.length >= 7))
  const held = await findAll(store, 'plates', { householdId })
  const have = new Set(held.map((d) => d.plate))
  await Promise.all([
    ...held.filter((d) => !want.has(d.plate)).map((d) => store.remove('plates', d._id, { householdId })),
    ...[...want]
      .filter((p) => !have.has(p))
      .map((plate) => store.insert('plates', { _id: `${communityId}:${plate}`, communityId, householdId, plate, at: now }))
  ])
}
