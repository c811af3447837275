import type { userContracts } from '../../contracts/user'
import type { ActionHandler } from '../../kernel/module'
import type { Ports } from '../../kernel/ports'
import { fail, ok } from '../../kernel/result'
import type { AttemptDoc, HouseholdDoc } from '../docs'
import { hashHouseholdCode, shanghaiDay } from './format'
import { buildMe } from './me'
import { ensureMembership, focusHousehold } from './membership'

type C = typeof userContracts

/** Wrong household codes a user may try per day before binding is locked until tomorrow. */
export const BIND_ATTEMPTS_PER_DAY = 5

/**
 * Reserves one attempt before checking the code, with a conditional increment, so parallel
 * guesses cannot exceed the limit; a correct code gives its attempt back.
 */
async function reserveAttempt(ports: Ports, key: string): Promise<number | null> {
  const doc: AttemptDoc = { _id: key, count: 0, createdAt: ports.clock.now() }
  await ports.store.insert('attempts', doc)
  const reserved = await ports.store.update('attempts', key, { inc: { count: 1 } }, { count: { lt: BIND_ATTEMPTS_PER_DAY } })
  if (!reserved) return null
  const after = await ports.store.get<AttemptDoc>('attempts', key)
  return BIND_ATTEMPTS_PER_DAY - (after?.count ?? BIND_ATTEMPTS_PER_DAY)
}

export const bindHousehold: ActionHandler<C['bindHousehold']> = async ({ ports, actor }, input) => {
  const key = `bind:${actor.user._id}:${shanghaiDay(ports.clock.now())}`
  const remaining = await reserveAttempt(ports, key)
  if (remaining === null) {
    return fail('HOUSEHOLD.TOO_MANY_ATTEMPTS', `今天已输错 ${BIND_ATTEMPTS_PER_DAY} 次，请明天再试或联系物业`)
  }
  const [household] = await ports.store.find<HouseholdDoc>('households', {
    where: { codeHash: hashHouseholdCode(ports.codePepper, input.code) },
    limit: 1
  })
  if (!household) {
    const hint = remaining > 0 ? `，今天还可尝试 ${remaining} 次` : '，今天已无尝试机会'
    return fail('HOUSEHOLD.CODE_INVALID', `房屋码不正确${hint}`, [{ path: 'code', message: '房屋码不正确' }])
  }
  await ports.store.update('attempts', key, { inc: { count: -1 } }, { count: { gt: 0 } })

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
