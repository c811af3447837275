import type { parkingContracts } from '../../contracts/parking'
import type { ActionHandler } from '../../kernel/module'
import { getMany } from '../../kernel/paging'
import { fail, ok } from '../../kernel/result'
import { MAX_PAGE } from '../../kernel/store'
import { maskPlate } from '../insights/mask'
import { householdLabel } from '../user/format'
import { buildingsOf, communityBuildings } from '../user/labels'
import { lotIn } from './lots'
import { spaceView } from './views'

type C = typeof parkingContracts

/**
 * A lot's spaces for the office, by code, a page at a time: whose each is (the household's label)
 * and the plates on it, masked as the household's file shows them. The keyword finds codes that
 * start with it (`B1` finds B1-001…): codes are ordered in the lot's index, so a prefix is a range.
 *
 * Two round trips: the lot, the page, its count and the community's buildings together; then the
 * page's households and their plates on these spaces together.
 */
export const spaces: ActionHandler<C['spaces']> = async ({ ports, actor }, input) => {
  const prefix = input.keyword?.toUpperCase() ?? ''
  const where = { communityId: actor.communityId, lotId: input.lotId, code: prefix ? { gte: prefix, lt: `${prefix}\uffff` } : undefined }
  const [lot, page, total, nearby] = await Promise.all([
    lotIn(ports, actor.communityId, input.lotId),
    ports.store.find('parkingSpaces', { where, orderBy: [{ field: 'code', dir: 'asc' }], offset: input.offset, limit: input.limit }),
    ports.store.count('parkingSpaces', where),
    communityBuildings(ports.store, [actor.communityId])
  ])
  if (!lot) return fail('PARKING.LOT_NOT_FOUND', '停车场不存在', [{ path: 'lotId', label: '停车场', message: '本社区没有这个停车场' }])
  const householdIds = [...new Set(page.flatMap((s) => (s.householdId ? [s.householdId] : [])))]
  const [households, plates] = await Promise.all([
    getMany(ports.store, 'households', householdIds),
    householdIds.length
      ? // A page holds at most SPACES_PAGE_MAX spaces of at most 5 plates each: one read of MAX_PAGE holds them all.
        ports.store.find('parkingPlates', { where: { householdId: { in: householdIds }, spaceId: { in: page.map((s) => s._id) } }, orderBy: [{ field: 'createdAt', dir: 'asc' }], limit: MAX_PAGE })
      : Promise.resolve([])
  ])
  const buildings = await buildingsOf(ports.store, households.values(), nearby)
  const platesOn = new Map<string, string[]>()
  for (const p of plates) platesOn.set(p.spaceId, [...(platesOn.get(p.spaceId) ?? []), maskPlate(p.plate)])
  return ok({
    total,
    rows: page.map((s) => {
      const h = s.householdId ? households.get(s.householdId) : undefined
      return { ...spaceView(s), householdLabel: h ? householdLabel(buildings.get(h.buildingId), h) : null, plateNumbers: platesOn.get(s._id) ?? [] }
    })
  })
}
