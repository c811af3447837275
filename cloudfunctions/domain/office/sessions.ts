import type { officeContracts } from '../../contracts/office'
import type { ActionHandler } from '../../kernel/module'
import { fail, ok } from '../../kernel/result'

type C = typeof officeContracts

/** The user's live console sessions, newest first; the one asking is marked. */
export const sessions: ActionHandler<C['sessions']> = async ({ ports, actor, identity }) => {
  const now = ports.clock.now()
  const docs = await ports.store.find('consoleSessions', {
    where: { userId: actor.user._id, expiresAt: { gt: now } },
    orderBy: [{ field: 'expiresAt', dir: 'desc' }],
    limit: 100
  })
  const current = identity.source === 'console' ? identity.sessionId : null
  return ok({
    sessions: docs
      .filter((d) => d.revokedAt === undefined)
      .map((d) => ({ id: d._id, device: d.device, createdAt: d.createdAt, expiresAt: d.expiresAt, current: d._id === current }))
  })
}

/** Signs one of the user's own consoles out; the next call it makes is refused. */
export const revokeSession: ActionHandler<C['revokeSession']> = async ({ ports, actor }, input) => {
  const now = ports.clock.now()
  const applied = await ports.store.update('consoleSessions', input.id, { set: { revokedAt: now } }, { userId: actor.user._id })
  if (!applied) return fail('OFFICE.SESSION_NOT_FOUND', '没有找到这台登录设备')
  return ok({ done: true as const })
}
