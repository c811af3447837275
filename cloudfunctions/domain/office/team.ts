import type { z } from 'zod'
import { STAFF_INVITATION_TTL_MS, type StaffInvitationStatus, type StaffMemberView } from '../../contracts/office-team'
import type { officeContracts } from '../../contracts/office'
import { ROLE_LABELS, STAFF_ROLES, type StaffRole } from '../../contracts/roles'
import type { ActionHandler } from '../../kernel/module'
import { getMany } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import { fail, ok } from '../../kernel/result'
import type { StaffInvitationDoc, StaffRoleDoc, UserDoc } from '../docs'
import { buildMe } from '../user/me'
import { maskPhone } from '../user/format'

type C = typeof officeContracts
type InvitationView = z.input<C['inviteStaff']['output']>

const roleDocId = (communityId: string, userId: string, role: StaffRole) => `${communityId}:${userId}:${role}`

/** Past its week, an open invitation reads as expired; nothing needs to sweep it. */
function statusOf(inv: StaffInvitationDoc, now: number): StaffInvitationStatus {
  return inv.status === 'open' && inv.expiresAt <= now ? 'expired' : inv.status
}

function invitationView(inv: StaffInvitationDoc, users: Map<string, UserDoc>, now: number): InvitationView {
  return {
    id: inv._id,
    token: inv.token,
    role: inv.role,
    name: inv.name,
    status: statusOf(inv, now),
    createdAt: inv.createdAt,
    expiresAt: inv.expiresAt,
    inviterName: users.get(inv.createdBy)?.nickname ?? '',
    acceptedName: inv.acceptedBy ? (users.get(inv.acceptedBy)?.nickname ?? '') : null
  }
}

async function byToken(ports: Ports, token: string): Promise<StaffInvitationDoc | null> {
  const [inv] = await ports.store.find('staffInvitations', { where: { token }, limit: 1 })
  return inv ?? null
}

export const inviteStaff: ActionHandler<C['inviteStaff']> = async ({ ports, actor }, input) => {
  const communityId = actor.communityId
  const now = ports.clock.now()
  const inv: StaffInvitationDoc = {
    _id: ports.random.id(),
    token: ports.random.id(16),
    communityId,
    role: input.role,
    name: input.name,
    createdBy: actor.user._id,
    status: 'open',
    expiresAt: now + STAFF_INVITATION_TTL_MS,
    createdAt: now
  }
  const res = await ports.store.insert('staffInvitations', inv)
  if (!res.ok) return fail('INTERNAL.ERROR', '生成邀请失败，请重试')
  ports.log.info('staff invited', { communityId, role: input.role, invitationId: inv._id })
  return ok(invitationView(inv, new Map([[actor.user._id, actor.user]]), now))
}

export const staff: ActionHandler<C['staff']> = async ({ ports, actor }) => {
  const communityId = actor.communityId
  const [roles, invitations, grids] = await Promise.all([
    ports.store.find('staffRoles', { where: { communityId }, limit: 1000 }),
    ports.store.find('staffInvitations', { where: { communityId }, orderBy: [{ field: 'createdAt', dir: 'desc' }], limit: 50 }),
    ports.store.find('grids', { where: { communityId }, limit: 1000 })
  ])
  const users = await getMany(ports.store, 'users', [
    ...roles.map((r) => r.userId),
    ...invitations.flatMap((i) => [i.createdBy, ...(i.acceptedBy ? [i.acceptedBy] : [])])
  ])
  const members = new Map<string, StaffMemberView>()
  for (const r of roles) {
    const user = users.get(r.userId)
    let m = members.get(r.userId)
    if (!m) {
      m = {
        userId: r.userId,
        nickname: user?.nickname ?? '已注销的用户',
        phone: maskPhone(user?.phone) ?? '',
        roles: [],
        grids: grids.filter((g) => g.butlerUserId === r.userId).map((g) => g.name),
        self: r.userId === actor.user._id
      }
      members.set(r.userId, m)
    }
    m.roles.push({ role: r.role, since: r.createdAt })
  }
  const rank = (role: StaffRole) => STAFF_ROLES.indexOf(role)
  for (const m of members.values()) m.roles.sort((a, b) => rank(a.role) - rank(b.role))
  const sorted = [...members.values()].sort(
    (a, b) => rank(a.roles[0]!.role) - rank(b.roles[0]!.role) || a.nickname.localeCompare(b.nickname, 'zh')
  )
  const now = ports.clock.now()
  // Open invitations first: those are what the clerk still follows up.
  const views = invitations.map((i) => invitationView(i, users, now)).sort((a, b) => Number(b.status === 'open') - Number(a.status === 'open'))
  return ok({ members: sorted, invitations: views })
}

export const revokeStaffInvitation: ActionHandler<C['revokeStaffInvitation']> = async ({ ports, actor }, input) => {
  const communityId = actor.communityId
  const inv = await ports.store.get('staffInvitations', input.id)
  if (!inv || inv.communityId !== communityId) return fail('OFFICE.INVITATION_NOT_FOUND', '邀请不存在')
  if (inv.status === 'revoked') return ok({ done: true })
  if (inv.status === 'accepted') return fail('OFFICE.INVITATION_USED', '邀请已被接受；如需取消岗位，请在工作人员列表中操作')
  const revoked = await ports.store.update('staffInvitations', inv._id, { set: { status: 'revoked' } }, { status: 'open' })
  // Lost to an acceptance a moment ago: say so rather than claim the link is dead.
  if (!revoked) return fail('OFFICE.INVITATION_USED', '邀请刚刚已被接受；如需取消岗位，请在工作人员列表中操作')
  return ok({ done: true })
}

export const removeStaffRole: ActionHandler<C['removeStaffRole']> = async ({ ports, actor }, input) => {
  const communityId = actor.communityId
  const id = roleDocId(communityId, input.userId, input.role)
  const [role, grids] = await Promise.all([
    ports.store.get('staffRoles', id),
    input.role === 'butler' ? ports.store.find('grids', { where: { communityId, butlerUserId: input.userId }, limit: 20 }) : Promise.resolve([])
  ])
  if (!role) return fail('OFFICE.ROLE_NOT_FOUND', `此人在这个社区没有「${ROLE_LABELS[input.role]}」岗位`)
  // Someone must remain who can hand roles out; another operator takes this one away.
  if (input.userId === actor.user._id && input.role === 'operator') return fail('OFFICE.OWN_ROLE', '不能取消自己的运营岗位，请由另一位运营操作')
  if (grids.length > 0) {
    return fail('OFFICE.BUTLER_HAS_GRIDS', `请先把「${grids.map((g) => g.name).join('、')}」交给其他管家，再取消管家岗位`)
  }
  await ports.store.remove('staffRoles', id)
  // A worker without the role takes no new jobs: their profile stops being dispatched to.
  if (input.role === 'worker') {
    const profiles = await ports.store.find('workers', { where: { userId: input.userId, communityId }, limit: 5 })
    await Promise.all(profiles.map((w) => ports.store.update('workers', w._id, { set: { active: false, updatedAt: ports.clock.now() } })))
  }
  ports.log.info('staff role removed', { communityId, userId: input.userId, role: input.role, by: actor.user._id })
  return ok({ done: true })
}

export const staffInvitation: ActionHandler<C['staffInvitation']> = async ({ ports, actor }, input) => {
  const inv = await byToken(ports, input.token)
  if (!inv || inv.status === 'revoked') return fail('OFFICE.INVITATION_NOT_FOUND', '邀请不存在或已撤销')
  const [community, inviter, held] = await Promise.all([
    ports.store.get('communities', inv.communityId),
    ports.store.get('users', inv.createdBy),
    ports.store.get('staffRoles', roleDocId(inv.communityId, actor.user._id, inv.role))
  ])
  return ok({
    communityName: community?.name ?? '',
    role: inv.role,
    name: inv.name,
    inviterName: inviter?.nickname ?? '',
    expiresAt: inv.expiresAt,
    status: statusOf(inv, ports.clock.now()),
    held: held !== null
  })
}

export const acceptStaffInvitation: ActionHandler<C['acceptStaffInvitation']> = async ({ ports, actor }, input) => {
  const inv = await byToken(ports, input.token)
  if (!inv || inv.status === 'revoked') return fail('OFFICE.INVITATION_NOT_FOUND', '邀请不存在或已撤销')
  const me = actor.user._id
  const now = ports.clock.now()
  // Finishing an acceptance this user already claimed makes a retried request safe.
  if (!(inv.status === 'accepted' && inv.acceptedBy === me)) {
    if (inv.status === 'accepted') return fail('OFFICE.INVITATION_USED', '这个邀请已被他人接受，请联系运营重新邀请')
    if (statusOf(inv, now) === 'expired') return fail('OFFICE.INVITATION_EXPIRED', '邀请已过期，请联系运营重新邀请')
    const claimed = await ports.store.update(
      'staffInvitations',
      inv._id,
      { set: { status: 'accepted', acceptedBy: me, acceptedAt: now } },
      { status: 'open', expiresAt: { gt: now } }
    )
    if (!claimed) return fail('OFFICE.INVITATION_USED', '这个邀请刚刚已被使用，请联系运营重新邀请')
  }
  const role: StaffRoleDoc = { _id: roleDocId(inv.communityId, me, inv.role), userId: me, communityId: inv.communityId, role: inv.role, createdAt: now }
  // Already held (a retry, or invited twice): the role stays as it was.
  await ports.store.insert('staffRoles', role)
  const lastContext = { communityId: inv.communityId, role: inv.role }
  await ports.store.update('users', me, { set: { lastContext, updatedAt: now } })
  ports.log.info('staff invitation accepted', { communityId: inv.communityId, role: inv.role, userId: me })
  return ok(await buildMe(ports.store, { ...actor.user, lastContext }))
}
