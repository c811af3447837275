import type { z } from 'zod'
import type { userContracts } from '../../contracts/user'
import type { ActionHandler, MemberCtx } from '../../kernel/module'
import { getMany } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import { fail, ok } from '../../kernel/result'
import type { JoinRequestDoc } from '../docs'
import { maskPhone } from './format'
import { householdLabels } from './labels'
import { activeMembership, ensureMembership } from './membership'

type C = typeof userContracts
type View = z.input<C['reviewJoinRequest']['output']>

async function views(ports: Ports, reqs: JoinRequestDoc[]): Promise<View[]> {
  const [labels, users] = await Promise.all([
    householdLabels(ports, reqs.map((r) => r.householdId)),
    getMany(ports.store, 'users', reqs.map((r) => r.userId))
  ])
  return reqs.map((r) => {
    const u = users.get(r.userId)
    return {
      id: r._id,
      householdId: r.householdId,
      householdLabel: labels.get(r.householdId) ?? '',
      relation: r.relation,
      applicantName: u?.nickname ?? '',
      // Masked like everywhere a butler sees residents; verification happens face to face.
      phoneMasked: maskPhone(u?.phone),
      note: r.note,
      status: r.status,
      createdAt: r.createdAt
    }
  })
}

export const requestJoin: ActionHandler<C['requestJoin']> = async ({ ports, actor }, input) => {
  const household = await ports.store.get('households', input.householdId)
  if (!household) return fail('HOUSEHOLD.NOT_FOUND', '房屋不存在', [{ path: 'householdId', message: '房屋不存在' }])
  if (await activeMembership(ports, actor.user._id, household._id)) {
    return fail('HOUSEHOLD.ALREADY_BOUND', '你已是这套房屋的成员')
  }
  const now = ports.clock.now()
  const id = `${household._id}:${actor.user._id}`
  const doc: JoinRequestDoc = {
    _id: id,
    userId: actor.user._id,
    householdId: household._id,
    communityId: household.communityId,
    buildingId: household.buildingId,
    relation: input.relation,
    note: input.note,
    status: 'pending',
    createdAt: now
  }
  const inserted = await ports.store.insert('joinRequests', doc)
  if (!inserted.ok) {
    // A reviewed request may be filed again; a pending one may not be duplicated.
    const reopened = await ports.store.update(
      'joinRequests',
      id,
      { set: { status: 'pending', relation: input.relation, note: input.note, createdAt: now }, unset: ['reviewerId', 'reviewNote', 'reviewedAt'] },
      { status: { ne: 'pending' } }
    )
    if (!reopened) return fail('JOIN_REQUEST.ALREADY_PENDING', '申请已提交，请等待网格管家审核')
  }
  return ok({ id, status: 'pending' as const })
}

function gridBuildingIds(actor: MemberCtx['actor']): string[] {
  return actor.grids.flatMap((g) => g.buildingIds)
}

export const listJoinRequests: ActionHandler<C['listJoinRequests']> = async ({ ports, actor }, input) => {
  const buildingIds = gridBuildingIds(actor)
  const reqs = await ports.store.find('joinRequests', {
    where: { communityId: actor.communityId, status: input.status, buildingId: { in: buildingIds } },
    orderBy: [{ field: 'createdAt', dir: 'asc' }],
    limit: 200
  })
  return ok({ requests: await views(ports, reqs) })
}

export const reviewJoinRequest: ActionHandler<C['reviewJoinRequest']> = async ({ ports, actor }, input) => {
  const req = await ports.store.get('joinRequests', input.id)
  if (!req || req.communityId !== actor.communityId) return fail('JOIN_REQUEST.NOT_FOUND', '申请不存在')
  if (!gridBuildingIds(actor).includes(req.buildingId)) {
    return fail('JOIN_REQUEST.OUT_OF_GRID', '这套房屋不在你的网格内')
  }
  const now = ports.clock.now()
  const status = input.approve ? 'approved' : 'rejected'
  const decided = await ports.store.update(
    'joinRequests',
    req._id,
    { set: { status, reviewerId: actor.user._id, reviewNote: input.note, reviewedAt: now } },
    { status: 'pending' }
  )
  if (!decided) return fail('JOIN_REQUEST.ALREADY_REVIEWED', '该申请已处理')
  const applicant = await ports.store.get('users', req.userId)
  if (input.approve && applicant) {
    await ensureMembership(ports, applicant, { _id: req.householdId, communityId: req.communityId }, req.relation, 'approval')
  }
  await ports.notifier.notify({
    userId: req.userId,
    communityId: req.communityId,
    kind: 'join-request',
    title: input.approve ? '入户申请已通过' : '入户申请未通过',
    body: input.approve ? '你已成为房屋成员，可以使用社区服务了' : `原因：${input.note || '信息未能核实'}`
  })
  const [v] = await views(ports, [{ ...req, status }])
  return v ? ok(v) : fail('INTERNAL.ERROR', '处理失败')
}
