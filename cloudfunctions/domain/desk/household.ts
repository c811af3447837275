import type { deskHouseholdContracts } from '../../contracts/desk-household'
import type { CommunityActor } from '../../kernel/actor'
import type { ActionHandler } from '../../kernel/module'
import { type Failure, fail, ok } from '../../kernel/result'
import type { HouseholdDoc } from '../docs'
import { buildHeader, readHeader } from './household-header'
import { partContext } from './household-part'
import { PARTS } from './household-parts'

type C = typeof deskHouseholdContracts

/**
 * Who may open a household's file: 客服 and operators any household of their community, a butler
 * only those in their grids. A household of another community reads as one that does not exist.
 */
function refusal(actor: CommunityActor, h: HouseholdDoc | null): Failure | null {
  if (!h || h.communityId !== actor.communityId) {
    return fail('DESK.HOUSEHOLD_NOT_FOUND', '没有找到这户', [{ path: 'householdId', message: '房屋不存在' }])
  }
  if (actor.roles.includes('service') || actor.roles.includes('operator')) return null
  if (actor.grids.some((g) => g.buildingIds.includes(h.buildingId))) return null
  return fail('DESK.HOUSEHOLD_NOT_FOUND', '这户不在你负责的网格内', [{ path: 'householdId', message: '不在你负责的网格内' }])
}

/**
 * The header. The household is read alongside everything else rather than before it: on
 * CloudBase that saves a round trip on every open, and what a refused caller's reads found is
 * dropped unseen.
 */
export const household: ActionHandler<C['household']> = async ({ ports, actor }, input) => {
  const ctx = partContext(ports, input.householdId, actor.communityId)
  const read = await readHeader(ctx, ports.store.get('households', input.householdId))
  const h = read[0]
  const refused = refusal(actor, h)
  if (refused || !h) return refused ?? fail('DESK.HOUSEHOLD_NOT_FOUND', '没有找到这户')
  return ok(buildHeader(ctx, h, read))
}

/** One page of one part, read alongside the household for the same reason as the header. */
export const householdPart: ActionHandler<C['householdPart']> = async ({ ports, actor }, input) => {
  const part = PARTS[input.part]
  if (input.cursor !== null && !part.validCursor(input.cursor)) {
    return fail('REQUEST.INVALID_INPUT', '翻页位置无效，请刷新', [{ path: 'cursor', message: '翻页位置无效' }])
  }
  const ctx = partContext(ports, input.householdId, actor.communityId)
  const [h, page] = await Promise.all([ports.store.get('households', input.householdId), part.page(ctx, input.cursor)])
  const refused = refusal(actor, h)
  if (refused) return refused
  return ok(page)
}
