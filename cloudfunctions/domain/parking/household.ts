import { PARKING_STAFF_ROLES, type parkingContracts } from '../../contracts/parking'
import type { ActionHandler } from '../../kernel/module'
import { getMany } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import { fail, ok } from '../../kernel/result'
import { maskPlate } from '../insights/mask'
import { spaceView } from './views'

type C = typeof parkingContracts

/** How many of a household's latest stays its file shows. */
const STAYS = 10

/** Parking as the household's file shows it to staff and to the household's butler: plates masked as phones are. */
export const householdParking: ActionHandler<C['householdParking']> = async ({ ports, actor }, input) => {
  const where = { householdId: input.householdId }
  const [household, spaces, plates, cards] = await Promise.all([
    ports.store.get('households', input.householdId),
    ports.store.find('parkingSpaces', { where, limit: 50 }),
    ports.store.find('parkingPlates', { where, limit: 50 }),
    ports.store.find('parkingCards', { where, orderBy: [{ field: 'createdAt', dir: 'desc' }], limit: 20 })
  ])
  if (!household || household.communityId !== actor.communityId) {
    return fail('PARKING.HOUSEHOLD_NOT_FOUND', '房屋不存在', [{ path: 'householdId', label: '房屋', message: '本社区没有这户' }])
  }
  // As the household's file itself (desk.household): a butler sees the homes of their grids only.
  const desk = PARKING_STAFF_ROLES.some((r) => actor.roles.includes(r))
  if (!desk && !actor.grids.some((g) => g.buildingIds.includes(household.buildingId))) {
    return fail('PARKING.HOUSEHOLD_NOT_FOUND', '这户不在你负责的网格内', [{ path: 'householdId', label: '房屋', message: '不在你负责的网格内' }])
  }
  const names = plates.map((p) => p.plate)
  const stays = names.length
    ? await ports.store.find('parkingSessions', {
        where: { communityId: actor.communityId, plate: { in: names } },
        orderBy: [{ field: 'enteredAt', dir: 'desc' }],
        limit: STAYS
      })
    : []
  const lots = await getMany(ports.store, 'parkingLots', [...spaces.map((s) => s.lotId), ...cards.map((c) => c.lotId), ...stays.map((s) => s.lotId)])
  const lotName = (id: string) => lots.get(id)?.name ?? ''
  return ok({
    spaces: spaces.map((s) => ({ ...spaceView(s), lotName: lotName(s.lotId) })),
    plates: names.map(maskPlate),
    cards: cards.map((c) => ({ plate: maskPlate(c.plate), lotId: c.lotId, lotName: lotName(c.lotId), validFrom: c.validFrom, validTo: c.validTo, status: c.status })),
    stays: stays.map((s) => ({ plate: maskPlate(s.plate), lotName: lotName(s.lotId), kind: s.kind, enteredAt: s.enteredAt, exitedAt: s.exitedAt, feeFen: s.feeFen, paidFen: s.paidFen }))
  })
}

/** The window the household profile counts its cars' entries over. */
const ENTRIES_WINDOW_MS = 30 * 24 * 3600_000

/**
 * Parking as the household's profile sums it up for its butler: spaces, plates (masked), until
 * when a monthly card runs, and entries in the last 30 days (base data beside the consumption
 * figures: a household that parks daily is at home, one whose car stopped coming may be leaving).
 */
export async function parkingSummary(ports: Ports, communityId: string, householdId: string): Promise<{ spaces: number; plates: string[]; monthlyUntil: number | null; entries30d: number }> {
  const now = ports.clock.now()
  const where = { householdId }
  const [spaces, plates, cards] = await Promise.all([
    ports.store.count('parkingSpaces', where),
    ports.store.find('parkingPlates', { where, limit: 50 }),
    ports.store.find('parkingCards', { where: { householdId, status: 'active', validTo: { gt: now } }, limit: 50 })
  ])
  const names = plates.map((p) => p.plate)
  const entries30d = names.length ? await ports.store.count('parkingSessions', { communityId, plate: { in: names }, enteredAt: { gte: now - ENTRIES_WINDOW_MS } }) : 0
  const running = cards.filter((c) => c.validFrom <= now)
  return {
    spaces,
    plates: names.map(maskPlate),
    monthlyUntil: running.length ? Math.max(...cards.map((c) => c.validTo)) : null,
    entries30d
  }
}
