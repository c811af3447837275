import type { userContracts } from '../../contracts/user'
import type { ActionHandler } from '../../kernel/module'
import { fail, ok } from '../../kernel/result'
import { giveAttemptBack, reserveAttempt } from '../attempts'
import { hashHouseholdCode, shanghaiDay } from './format'
import { buildMe } from './me'
import { ensureMembership, focusHousehold } from './membership'

type C = typeof userContracts

/** Wrong household codes a user may try per day before binding is locked until tomorrow. */
export const BIND_ATTEMPTS_PER_DAY = 5

export const bindHousehold: ActionHandler<C['bindHousehold']> = async ({ ports, actor }, input) => {
  const key = `bind:${actor.user._id}:${shanghaiDay(ports.clock.now())}`
  const attempt = await reserveAttempt(ports, key, BIND_ATTEMPTS_PER_DAY)
  if (attempt === null) {
    return fail('HOUSEHOLD.TOO_MANY_ATTEMPTS', `今天已输错 ${BIND_ATTEMPTS_PER_DAY} 次，请明天再试或联系物业`)
  }
  const [household] = await ports.store.find('households', {
    where: { codeHash: hashHouseholdCode(ports.codePepper, input.code) },
    limit: 1
  })
  if (!household) {
    const hint = attempt.left > 0 ? `，今天还可尝试 ${attempt.left} 次` : '，今天已无尝试机会'
    return fail('HOUSEHOLD.CODE_INVALID', `房屋码不正确${hint}`, [{ path: 'code', message: '房屋码不正确' }])
  }
  await giveAttemptBack(ports, key, attempt)

  const outcome = await ensureMembership(ports, actor.user, household, 'owner', 'code')
  if (outcome === 'already') {
    // A family member or tenant who holds the owner's code becomes an owner; an owner is done.
    const upgraded = await ports.store.update(
      'memberships',
      `${household._id}:${actor.user._id}`,
      { set: { relation: 'owner', via: 'code' } },
      { status: 'active', relation: { ne: 'owner' } }
    )
    if (!upgraded) return fail('HOUSEHOLD.ALREADY_BOUND', '你已绑定这套房屋')
  }
  const user = await focusHousehold(ports, actor.user, household)
  ports.log.info('household bound', { userId: user._id, householdId: household._id, outcome })
  return ok(await buildMe(ports.store, user))
}
