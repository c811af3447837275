import type { accessContracts } from '../../contracts/access'
import type { ActionHandler } from '../../kernel/module'
import { fail, ok } from '../../kernel/result'
import { rotateKey as rotate } from './keys'

type C = typeof accessContracts

/**
 * A scheduled rotation keeps the old key for a while, so codes already on screens and gates that
 * sync keys every few minutes keep working; a leaked key is rotated with no grace at all.
 */
export const rotateKey: ActionHandler<C['rotateKey']> = async ({ ports, actor }, input) => {
  const communityId = actor.communityId
  const res = await rotate(ports, communityId, input.graceMinutes * 60_000, actor.user._id)
  if (!res.ok) return fail('ACCESS_KEY.ROTATION_CONFLICT', '密钥刚刚被轮换过，请刷新后再试')
  ports.log.warn('access key rotated', { communityId, kid: res.kid, graceMinutes: input.graceMinutes, by: actor.user._id })
  return ok({ kid: res.kid, previousKid: res.previousKid, previousValidUntil: res.previousValidUntil })
}
