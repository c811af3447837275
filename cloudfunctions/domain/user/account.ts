import type { userContracts } from '../../contracts/user'
import { findUserByOpenid } from '../../kernel/actor'
import type { ActionHandler } from '../../kernel/module'
import { fail, ok } from '../../kernel/result'
import type { UserDoc } from '../docs'
import { phoneTailOf } from './format'
import { buildMe } from './me'

type C = typeof userContracts

export const login: ActionHandler<C['login']> = async ({ ports, identity, actor }, input) => {
  if (actor) return ok(await buildMe(ports.store, actor.user))
  const now = ports.clock.now()
  const user: UserDoc = {
    _id: ports.random.id(),
    openid: identity.openid,
    ...(identity.unionid ? { unionid: identity.unionid } : {}),
    nickname: input.nickname ?? `邻居${identity.openid.slice(-4)}`,
    avatarUrl: '',
    createdAt: now,
    updatedAt: now
  }
  const res = await ports.store.insert('users', user)
  // A concurrent first login with the same openid won the unique key: use its user.
  const saved = res.ok ? user : await findUserByOpenid(ports.store, identity.openid)
  if (!saved) return fail('INTERNAL.ERROR', '登录失败，请重试')
  return ok(await buildMe(ports.store, saved))
}

export const me: ActionHandler<C['me']> = async ({ ports, actor }) => ok(await buildMe(ports.store, actor.user))

export const updateProfile: ActionHandler<C['updateProfile']> = async ({ ports, actor }, input) => {
  const set: Record<string, unknown> = { updatedAt: ports.clock.now() }
  if (input.nickname !== undefined) set.nickname = input.nickname
  if (input.avatarUrl !== undefined) set.avatarUrl = input.avatarUrl
  if (input.phone !== undefined) {
    set.phone = input.phone
    set.phoneTail = phoneTailOf(input.phone) ?? ''
  }
  await ports.store.update('users', actor.user._id, { set })
  const fresh = await ports.store.get('users', actor.user._id)
  return ok(await buildMe(ports.store, fresh ?? actor.user))
}

export const switchContext: ActionHandler<C['switchContext']> = async ({ ports, actor }, input) => {
  const current = await buildMe(ports.store, actor.user)
  const target = current.contexts.find(
    (c) =>
      c.communityId === input.communityId &&
      c.role === input.role &&
      (c.role !== 'resident' || c.householdId === input.householdId)
  )
  if (!target) return fail('CONTEXT.NOT_AVAILABLE', '你在该社区没有这个身份')
  const lastContext = {
    communityId: target.communityId,
    role: target.role,
    ...(target.householdId ? { householdId: target.householdId } : {})
  }
  await ports.store.update('users', actor.user._id, { set: { lastContext, updatedAt: ports.clock.now() } })
  return ok({ ...current, current: target })
}
