import { PASS_REFRESH_SEC, type accessContracts } from '../../contracts/access'
import type { ActionHandler } from '../../kernel/module'
import { fail, ok } from '../../kernel/result'
import { communityGates, doorsFor } from './doors'
import { codeBatch } from './issue'
import { signingKey } from './keys'
import { passStatus } from './pass-view'

type C = typeof accessContracts

/**
 * The page a share card opens. The visitor needs no account and no household: the token in the
 * card is the authority, and the first WeChat user other than the host who opens it holds the
 * pass from then on, so a card forwarded onwards is worthless. Nothing of the host is shown
 * beyond the building the gate needs.
 */
export const visitorPass: ActionHandler<C['visitorPass']> = async ({ ports, identity, actor }, input) => {
  const [found] = await ports.store.find('visitorPasses', { where: { token: input.token }, limit: 1 })
  if (!found) return fail('VISITOR_PASS.NOT_FOUND', '通行证不存在或链接有误')
  let pass = found
  const now = ports.clock.now()

  const membership = actor ? await ports.store.get('memberships', `${pass.householdId}:${actor.user._id}`) : null
  const viewer = membership?.status === 'active' ? 'host' : 'visitor'
  let status = passStatus(pass, now)

  if (viewer === 'visitor') {
    if (pass.holderOpenid === '' && status === 'active') {
      // Conditional on nobody holding it yet: of two people opening the card at once, one wins.
      const claimed = await ports.store.update('visitorPasses', pass._id, { set: { holderOpenid: identity.openid } }, { holderOpenid: '' })
      const fresh = claimed ? { ...pass, holderOpenid: identity.openid } : await ports.store.get('visitorPasses', pass._id)
      if (!fresh) return fail('VISITOR_PASS.NOT_FOUND', '通行证不存在或链接有误')
      pass = fresh
      status = passStatus(pass, now)
    }
    if (pass.holderOpenid !== '' && pass.holderOpenid !== identity.openid) {
      return fail('VISITOR_PASS.HELD_BY_OTHER', '这张通行证已由他人领取，请联系邀请你的住户重新邀请')
    }
  }

  const [community, building, gates] = await Promise.all([
    ports.store.get('communities', pass.communityId),
    ports.store.get('buildings', pass.buildingId),
    communityGates(ports.store, pass.communityId)
  ])
  const subject = {
    kind: 'visitor' as const,
    vehicle: pass.plate !== null,
    communityId: pass.communityId,
    buildingId: pass.buildingId,
    householdId: null,
    userId: null,
    passId: pass._id
  }
  const issuable = viewer === 'visitor' && status === 'active' && now >= pass.validFrom
  const codes = issuable ? codeBatch(await signingKey(ports, pass.communityId), ports.random, subject, now, pass.validTo) : []
  return ok({
    viewer,
    visitorName: pass.visitorName,
    communityName: community?.name ?? '',
    destination: building?.name ?? '',
    plate: pass.plate,
    validFrom: pass.validFrom,
    validTo: pass.validTo,
    usesLeft: Math.max(0, pass.maxUses - pass.uses),
    status,
    doors: doorsFor(gates, subject),
    serverTime: now,
    refreshSec: PASS_REFRESH_SEC,
    codes
  })
}
