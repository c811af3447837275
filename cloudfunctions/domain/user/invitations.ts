import type { z } from 'zod'
import type { userContracts } from '../../contracts/user'
import type { ActionHandler } from '../../kernel/module'
import type { Ports } from '../../kernel/ports'
import { fail, ok } from '../../kernel/result'
import type { InvitationDoc } from '../docs'
import { householdLabels } from './labels'
import { buildMe } from './me'
import { activeMembership, ensureMembership, focusHousehold } from './membership'

type C = typeof userContracts
type InvitationView = z.input<C['getInvitation']['output']>

export const INVITATION_TTL_MS = 7 * 24 * 3600_000

async function view(ports: Ports, inv: InvitationDoc): Promise<InvitationView> {
  const [labels, community, inviter] = await Promise.all([
    householdLabels(ports, [inv.householdId]),
    ports.store.get('communities', inv.communityId),
    ports.store.get('users', inv.createdBy)
  ])
  const status = inv.status === 'open' && inv.expiresAt <= ports.clock.now() ? 'expired' : inv.status
  return {
    token: inv.token,
    householdLabel: labels.get(inv.householdId) ?? '',
    communityName: community?.name ?? '',
    relation: inv.relation,
    inviterName: inviter?.nickname ?? '',
    expiresAt: inv.expiresAt,
    status
  }
}

async function byToken(ports: Ports, token: string): Promise<InvitationDoc | null> {
  const [inv] = await ports.store.find('invitations', { where: { token }, limit: 1 })
  return inv ?? null
}

export const createInvitation: ActionHandler<C['createInvitation']> = async ({ ports, actor }, input) => {
  const m = await activeMembership(ports, actor.user._id, input.householdId)
  if (!m || m.communityId !== actor.communityId) return fail('HOUSEHOLD.NOT_MEMBER', '你不是这套房屋的成员')
  if (m.relation !== 'owner') return fail('HOUSEHOLD.NOT_OWNER', '只有业主可以邀请家人或租户')
  const now = ports.clock.now()
  const inv: InvitationDoc = {
    _id: ports.random.id(),
    token: ports.random.id(12),
    householdId: input.householdId,
    communityId: m.communityId,
    relation: input.relation,
    createdBy: actor.user._id,
    status: 'open',
    expiresAt: now + INVITATION_TTL_MS,
    createdAt: now
  }
  const res = await ports.store.insert('invitations', inv)
  if (!res.ok) return fail('INTERNAL.ERROR', '生成邀请失败，请重试')
  return ok(await view(ports, inv))
}

export const getInvitation: ActionHandler<C['getInvitation']> = async ({ ports }, input) => {
  const inv = await byToken(ports, input.token)
  if (!inv) return fail('INVITATION.NOT_FOUND', '邀请不存在或已撤销')
  return ok(await view(ports, inv))
}

export const acceptInvitation: ActionHandler<C['acceptInvitation']> = async ({ ports, actor }, input) => {
  const inv = await byToken(ports, input.token)
  if (!inv || inv.status === 'revoked') return fail('INVITATION.NOT_FOUND', '邀请不存在或已撤销')
  const me = actor.user._id
  if (inv.createdBy === me) return fail('INVITATION.SELF', '不能接受自己发出的邀请')
  // Finishing an acceptance this user already claimed makes a retried request safe.
  const resuming = inv.status === 'accepted' && inv.acceptedBy === me
  if (!resuming) {
    if (inv.status === 'accepted') return fail('INVITATION.USED', '邀请已被使用')
    if (inv.status === 'expired' || inv.expiresAt <= ports.clock.now()) return fail('INVITATION.EXPIRED', '邀请已过期，请让业主重新邀请')
    if (await activeMembership(ports, me, inv.householdId)) return fail('HOUSEHOLD.ALREADY_BOUND', '你已是这套房屋的成员')
    const claimed = await ports.store.update(
      'invitations',
      inv._id,
      { set: { status: 'accepted', acceptedBy: me } },
      { status: 'open', expiresAt: { gt: ports.clock.now() } }
    )
    if (!claimed) return fail('INVITATION.USED', '邀请已被使用')
  }
  const household = { _id: inv.householdId, communityId: inv.communityId }
  await ensureMembership(ports, actor.user, household, inv.relation, 'invitation')
  const user = await focusHousehold(ports, actor.user, household)
  return ok(await buildMe(ports.store, user))
}

/** Timer job: marks invitations past their expiry, so lists and reports need no clock logic. */
export async function expireInvitations(ports: Ports): Promise<{ expired: number }> {
  let expired = 0
  for (;;) {
    const due = await ports.store.find('invitations', {
      where: { status: 'open', expiresAt: { lte: ports.clock.now() } },
      limit: 1000
    })
    if (due.length === 0) break
    for (const inv of due) {
      if (await ports.store.update('invitations', inv._id, { set: { status: 'expired' } }, { status: 'open' })) expired++
    }
    if (due.length < 1000) break
  }
  return { expired }
}
