import type { bookingContracts } from '../../contracts/booking'
import { PRAISE_STATUS_LABELS } from '../../contracts/praise-labels'
import type { ActionHandler } from '../../kernel/module'
import { fail, ok } from '../../kernel/result'
import { householdLabel } from '../user/format'
import type { PraiseLetterDoc } from './docs'
import { butlerOf } from './rating'

type C = typeof bookingContracts

export function praiseView(p: PraiseLetterDoc) {
  return {
    id: p._id,
    bookingId: p.bookingId,
    lineName: p.lineName,
    workerId: p.workerId,
    workerName: p.workerName,
    householdLabel: p.householdLabel,
    text: p.text,
    status: p.status,
    statusLabel: PRAISE_STATUS_LABELS[p.status],
    reason: p.reason,
    at: p.at,
    decidedAt: p.decidedAt
  }
}

/**
 * One letter per booking (its `_id` is the booking id), whoever of the household writes it. A
 * retry of the same request returns the stored letter; any other second letter is refused.
 */
export const thank: ActionHandler<C['thank']> = async ({ ports, actor }, input) => {
  const b = await ports.store.get('bookings', input.bookingId)
  if (!b || b.communityId !== actor.communityId || !actor.householdIds.includes(b.householdId)) return fail('BOOKING.NOT_FOUND', '预约不存在')
  if (b.status !== 'done' || !b.workerId) return fail('BOOKING.BAD_STATE', '服务完成后才能写表扬信')
  const prior = await ports.store.get('praiseLetters', b._id)
  if (prior) return sameRequest(prior, actor.user._id, input.clientRequestId)
  const [worker, h] = await Promise.all([ports.store.get('workers', b.workerId), ports.store.get('households', b.householdId)])
  const [building, butlerUserId] = h ? await Promise.all([ports.store.get('buildings', h.buildingId), butlerOf(ports, h)]) : [null, '']
  const now = ports.clock.now()
  const letter: PraiseLetterDoc = {
    _id: b._id,
    communityId: b.communityId,
    bookingId: b._id,
    lineName: b.lineName,
    workerId: b.workerId,
    workerName: worker?.name ?? '',
    householdId: b.householdId,
    householdLabel: h ? householdLabel(building ?? undefined, h) : '',
    userId: actor.user._id,
    butlerUserId,
    text: input.text,
    clientRequestId: input.clientRequestId,
    status: 'pending',
    reason: '',
    at: now,
    decidedAt: null,
    decidedBy: ''
  }
  const res = await ports.store.insert('praiseLetters', letter)
  if (!res.ok) {
    // Two members of the household wrote at once: the first letter stands.
    const first = await ports.store.get('praiseLetters', b._id)
    if (!first) throw new Error('praise letter insert failed')
    return sameRequest(first, actor.user._id, input.clientRequestId)
  }
  await ports.store.update('bookings', b._id, { set: { praised: true, updatedAt: now } })
  return ok({ letter: praiseView(letter) })
}

function sameRequest(p: PraiseLetterDoc, userId: string, clientRequestId: string) {
  if (p.userId === userId && p.clientRequestId === clientRequestId) return ok({ letter: praiseView(p) })
  return fail('BOOKING.ALREADY_THANKED', '已表扬过这次服务')
}

export const praiseQueue: ActionHandler<C['praiseQueue']> = async ({ ports, actor }, input) => {
  const communityId = actor.communityId
  const [letters, pending] = await Promise.all([
    ports.store.find('praiseLetters', {
      where: { communityId, status: input.status },
      orderBy: [{ field: 'at', dir: input.status === 'pending' ? 'asc' : 'desc' }],
      limit: 200
    }),
    ports.store.count('praiseLetters', { communityId, status: 'pending' })
  ])
  return ok({ letters: letters.map(praiseView), pending })
}

/** A single conditional update from `pending`: two operators deciding at once get one decision. */
export const moderatePraise: ActionHandler<C['moderatePraise']> = async ({ ports, actor }, input) => {
  const p = await ports.store.get('praiseLetters', input.id)
  if (!p || p.communityId !== actor.communityId) return fail('BOOKING.PRAISE_NOT_FOUND', '表扬信不存在', [{ path: 'id', message: '本社区没有这封表扬信' }])
  const now = ports.clock.now()
  const decided = await ports.store.update(
    'praiseLetters',
    p._id,
    { set: { status: input.approve ? 'approved' : 'rejected', reason: input.approve ? '' : input.reason, decidedAt: now, decidedBy: actor.user._id } },
    { status: 'pending' }
  )
  if (!decided) return fail('BOOKING.PRAISE_DECIDED', '该表扬信已处理')
  const fresh = (await ports.store.get('praiseLetters', p._id)) ?? p
  if (input.approve && fresh.userId) {
    await ports.notifier.notify({
      userId: fresh.userId,
      communityId: fresh.communityId,
      kind: 'booking_praise',
      title: '表扬信已展示',
      body: `你写给${fresh.workerName}的表扬信已通过审核，谢谢你的认可`,
      link: `/packages/service/pages/honor/index?communityId=${encodeURIComponent(fresh.communityId)}`
    })
  }
  return ok({ letter: praiseView(fresh) })
}

