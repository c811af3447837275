import { PASS_REFRESH_SEC, type accessContracts } from '../../contracts/access'
import type { ActionHandler } from '../../kernel/module'
import { fail, ok } from '../../kernel/result'
import { householdLabel } from '../user/format'
import { communityGates, doorsFor } from './doors'
import { codeBatch } from './issue'
import { signingKey } from './keys'

type C = typeof accessContracts

export const residentPass: ActionHandler<C['residentPass']> = async ({ ports, actor }, input) => {
  const communityId = actor.communityId
  const household = actor.householdIds.includes(input.householdId)
    ? await ports.store.get('households', input.householdId)
    : null
  if (!household || household.communityId !== communityId) return fail('HOUSEHOLD.NOT_MEMBER', '你不是这套房屋的成员')
  const [building, community, gates, key] = await Promise.all([
    ports.store.get('buildings', household.buildingId),
    ports.store.get('communities', communityId),
    communityGates(ports.store, communityId),
    signingKey(ports, communityId)
  ])
  const now = ports.clock.now()
  // Residents drive in too: their codes carry the vehicle flag.
  const subject = {
    kind: 'resident' as const,
    vehicle: true,
    communityId,
    buildingId: household.buildingId,
    householdId: household._id,
    userId: actor.user._id,
    passId: null
  }
  return ok({
    householdId: household._id,
    householdLabel: householdLabel(building ?? undefined, household),
    communityName: community?.name ?? '',
    doors: doorsFor(gates, subject),
    serverTime: now,
    refreshSec: PASS_REFRESH_SEC,
    codes: codeBatch(key, ports.random, subject, now)
  })
}
