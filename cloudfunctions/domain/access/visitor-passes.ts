import type { accessContracts } from '../../contracts/access'
import type { Actor } from '../../kernel/actor'
import type { ActionHandler } from '../../kernel/module'
import type { Ports } from '../../kernel/ports'
import { fail, ok } from '../../kernel/result'
import type { HouseholdDoc } from '../docs'
import { householdLabels } from '../user/labels'
import type { VisitorPassDoc } from './docs'
import { releasePlace, takePlace } from './pass-places'
import { passView } from './pass-view'

type C = typeof accessContracts

/** A visit is planned for today or the coming weeks, and lasts at most a week. */
export const MAX_PASS_SPAN_MS = 7 * 24 * 3600_000
export const MAX_PASS_LEAD_MS = 30 * 24 * 3600_000
/** "Now" picked on a phone a few minutes ago is still now. */
const START_SLACK_MS = 15 * 60_000
/**
 * Enough for a busy household; stops a script from filling the table. Enforced by the household's
 * place counter (pass-places.ts), so parallel creates cannot pass it.
 */
export const MAX_OPEN_PASSES = 30

async function memberHousehold(ports: Ports, actor: Actor, householdId: string): Promise<HouseholdDoc | null> {
  if (!actor.householdIds.includes(householdId)) return null
  const h = await ports.store.get('households', householdId)
  return h && h.communityId === actor.communityId ? h : null
}

export const createVisitorPass: ActionHandler<C['createVisitorPass']> = async ({ ports, actor }, input) => {
  const [household, labels] = await Promise.all([memberHousehold(ports, actor, input.householdId), householdLabels(ports, [input.householdId], actor.communityId)])
  if (!household) return fail('HOUSEHOLD.NOT_MEMBER', '你不是这套房屋的成员')
  const now = ports.clock.now()
  const windowError = (path: 'validFrom' | 'validTo', message: string) =>
    fail('VISITOR_PASS.BAD_WINDOW', message, [{ path, message }])
  if (input.validTo <= input.validFrom) return windowError('validTo', '结束时间应晚于开始时间')
  if (input.validTo <= now) return windowError('validTo', '结束时间已过')
  if (input.validFrom < now - START_SLACK_MS) return windowError('validFrom', '开始时间已过')
  if (input.validFrom > now + MAX_PASS_LEAD_MS) return windowError('validFrom', '最多提前 30 天邀请')
  if (input.validTo - input.validFrom > MAX_PASS_SPAN_MS) return windowError('validTo', '有效期最长 7 天')

  const pass: VisitorPassDoc = {
    _id: ports.random.id(),
    token: ports.random.id(16),
    communityId: household.communityId,
    householdId: household._id,
    buildingId: household.buildingId,
    createdBy: actor.user._id,
    visitorName: input.visitorName,
    visitorPhone: input.visitorPhone,
    purpose: input.purpose,
    plate: input.plate ?? null,
    validFrom: input.validFrom,
    validTo: input.validTo,
    maxUses: input.maxUses,
    uses: 0,
    status: 'active',
    holderOpenid: '',
    lastUsedAt: null,
    revokedAt: null,
    createdAt: now
  }
  // The place first: a pass is only ever written once it holds one.
  if (!(await takePlace(ports, pass, pass._id, MAX_OPEN_PASSES))) {
    return fail('VISITOR_PASS.TOO_MANY', `有效的访客通行证最多 ${MAX_OPEN_PASSES} 张，请先撤销不用的`)
  }
  let inserted = false
  try {
    inserted = (await ports.store.insert('visitorPasses', pass)).ok
  } finally {
    if (!inserted) await releasePlace(ports, pass)
  }
  if (!inserted) return fail('INTERNAL.ERROR', '生成通行证失败，请重试')
  return ok(passView(pass, labels.get(household._id) ?? '', now))
}

export const listVisitorPasses: ActionHandler<C['listVisitorPasses']> = async ({ ports, actor }, input) => {
  // The membership check and the reads it guards together: nothing is shown unless it passes.
  const [household, passes, labels] = await Promise.all([
    memberHousehold(ports, actor, input.householdId),
    ports.store.find('visitorPasses', {
      where: { householdId: input.householdId },
      orderBy: [{ field: 'createdAt', dir: 'desc' }],
      limit: 50
    }),
    householdLabels(ports, [input.householdId], actor.communityId)
  ])
  if (!household) return fail('HOUSEHOLD.NOT_MEMBER', '你不是这套房屋的成员')
  const now = ports.clock.now()
  return ok({ passes: passes.map((p) => passView(p, labels.get(p.householdId) ?? '', now)) })
}

export const revokeVisitorPass: ActionHandler<C['revokeVisitorPass']> = async ({ ports, actor }, input) => {
  const pass = await ports.store.get('visitorPasses', input.passId)
  if (!pass || !(await memberHousehold(ports, actor, pass.householdId))) return fail('VISITOR_PASS.NOT_FOUND', '通行证不存在')
  const now = ports.clock.now()
  // Conditional on `active`: a verification racing this revoke either counted first or is refused.
  const revoked = await ports.store.update('visitorPasses', pass._id, { set: { status: 'revoked', revokedAt: now } }, { status: 'active' })
  const fresh = revoked ? { ...pass, status: 'revoked' as const, revokedAt: now } : await ports.store.get('visitorPasses', pass._id)
  if (!fresh) return fail('VISITOR_PASS.NOT_FOUND', '通行证不存在')
  if (fresh.status !== 'revoked') return fail('VISITOR_PASS.NOT_ACTIVE', '通行证已失效，无需撤销')
  // Its place comes back once, whichever revoke (or retry after a crash here) gets there.
  await releasePlace(ports, fresh)
  const labels = await householdLabels(ports, [fresh.householdId])
  return ok(passView(fresh, labels.get(fresh.householdId) ?? '', now))
}

export const gridVisitors: ActionHandler<C['gridVisitors']> = async ({ ports, actor }) => {
  const buildingIds = actor.grids.flatMap((g) => g.buildingIds)
  const passes = await ports.store.find('visitorPasses', {
    where: { communityId: actor.communityId, buildingId: { in: buildingIds } },
    orderBy: [{ field: 'validFrom', dir: 'desc' }],
    limit: 100
  })
  const labels = await householdLabels(ports, passes.map((p) => p.householdId), actor.communityId)
  const now = ports.clock.now()
  return ok({
    gridName: actor.grids.map((g) => g.name).join('、') || '未分配网格',
    passes: passes.map((p) => {
      // The butler sees who is coming and where, never the card's token.
      const { token: _token, ...view } = passView(p, labels.get(p.householdId) ?? '', now)
      return view
    })
  })
}

/**
 * Timer job: marks passes past their window, so lists and counts need no clock logic, and gives
 * their places back (once: only the call that marks a pass expired releases it; a place a crash
 * left behind is repaired when the household reaches the cap).
 */
export async function expireVisitorPasses(ports: Ports): Promise<{ expired: number }> {
  let expired = 0
  for (;;) {
    const due = await ports.store.find('visitorPasses', {
      where: { status: 'active', validTo: { lte: ports.clock.now() } },
      limit: 1000
    })
    for (const p of due) {
      if (await ports.store.update('visitorPasses', p._id, { set: { status: 'expired' } }, { status: 'active' })) {
        expired++
        await releasePlace(ports, p)
      }
    }
    if (due.length < 1000) break
  }
  return { expired }
}
