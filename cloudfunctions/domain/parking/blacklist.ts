import type { parkingContracts } from '../../contracts/parking'
import type { ActionHandler } from '../../kernel/module'
import { getMany } from '../../kernel/paging'
import { fail, ok } from '../../kernel/result'
import { lotIn } from './lots'

type C = typeof parkingContracts

/** The newest entries the desk sees; a lot with more says how many there are in all. */
const BLACKLIST_ROWS = 500

/**
 * A lot's blacklist for the desk, newest first, with who listed each plate. Plates are shown whole:
 * staff typed them, and the desk must read them against the car at the barrier. The lot and the
 * rows are read together; the rows are scoped to the caller's community as well, so a foreign
 * lot's rows are never read into an answer.
 */
export const blacklist: ActionHandler<C['blacklist']> = async ({ ports, actor }, input) => {
  const where = { communityId: actor.communityId, lotId: input.lotId }
  const [lot, rows, total] = await Promise.all([
    lotIn(ports, actor.communityId, input.lotId),
    ports.store.find('parkingBlacklist', { where, orderBy: [{ field: 'at', dir: 'desc' }], limit: BLACKLIST_ROWS }),
    ports.store.count('parkingBlacklist', where)
  ])
  if (!lot) return fail('PARKING.LOT_NOT_FOUND', '停车场不存在', [{ path: 'lotId', label: '停车场', message: '本社区没有这个停车场' }])
  const users = await getMany(ports.store, 'users', rows.map((r) => r.by))
  return ok({ total, entries: rows.map((r) => ({ plate: r.plate, reason: r.reason, byName: users.get(r.by)?.nickname ?? null, at: r.at })) })
}
