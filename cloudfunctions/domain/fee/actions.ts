import { createHash } from 'node:crypto'
import type { BillViewT, feeContracts } from '../../contracts/fee'
import type { ActionHandler } from '../../kernel/module'
import { findAll, getMany } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import { type Failure, fail, ok } from '../../kernel/result'
import { householdLabel } from '../user/format'
import { buildingsOf, communityBuildings } from '../user/labels'
import type { BillDoc, ChargeDoc, FeeSettingsDoc } from './docs'
import { lateFeeFen, overdueDays, periodOf, previousPeriods } from './money'
import { recordGrant } from './reminders'
import { feeSettings } from './settings'

type C = typeof feeContracts

function view(b: BillDoc, settings: FeeSettingsDoc, now: number): BillViewT {
  const late = b.status === 'unpaid' ? lateFeeFen(b, settings.lateFee, now) : Math.max(0, (b.paidFen ?? b.amountFen) - b.amountFen)
  return {
    id: b._id,
    householdId: b.householdId,
    kind: b.kind,
    title: b.title,
    period: b.period,
    amountFen: b.amountFen,
    lateFeeFen: late,
    dueNowFen: b.status === 'unpaid' ? b.amountFen + late : 0,
    dueAt: b.dueAt,
    overdueDays: b.status === 'unpaid' ? overdueDays(b.dueAt, now) : 0,
    status: b.status,
    paidAt: b.paidAt ?? null,
    paymentId: b.paymentId ?? null
  }
}

export const myBills: ActionHandler<C['myBills']> = async ({ ports, actor }, input) => {
  if (!actor.householdIds.includes(input.householdId)) return fail('HOUSEHOLD.NOT_MEMBER', '你不是这套房屋的成员')
  const statuses = input.status === 'outstanding' ? ['unpaid'] : input.status === 'settled' ? ['paid', 'refunded'] : ['unpaid', 'paid', 'refunded']
  // The caller's membership already vouches for the household (in this community): all at once.
  const [household, nearby, bills, settings] = await Promise.all([
    ports.store.get('households', input.householdId),
    communityBuildings(ports.store, [actor.communityId]),
    ports.store.find('bills', {
      where: { householdId: input.householdId, status: { in: statuses } },
      orderBy: [{ field: 'dueAt', dir: input.status === 'outstanding' ? 'asc' : 'desc' }],
      limit: 200
    }),
    feeSettings(ports, actor.communityId)
  ])
  if (!household) return fail('HOUSEHOLD.NOT_FOUND', '房屋不存在')
  const building = (await buildingsOf(ports.store, [household], nearby)).get(household.buildingId)
  const now = ports.clock.now()
  const views = bills.map((b) => view(b, settings, now))
  return ok({
    householdLabel: householdLabel(building ?? undefined, household),
    bills: views,
    outstandingFen: views.reduce((n, b) => n + b.dueNowFen, 0),
    reminderTemplateId: ports.push.templateId('arrears')
  })
}

export const subscribe: ActionHandler<C['subscribe']> = async ({ ports, actor }, input) => ok({ granted: await recordGrant(ports, actor.user._id, input.template) })

export const collection: ActionHandler<C['collection']> = async ({ ports, actor }, input) => {
  const communityId = actor.communityId
  const period = input.period ?? periodOf(ports.clock.now())
  const months = previousPeriods(period, 6)
  const bills = await findAll(ports.store, 'bills', { communityId, period: { in: months } })
  const buildings = await ports.store.find('buildings', { where: { communityId }, orderBy: [{ field: 'order', dir: 'asc' }], limit: 200 })
  const billable = (b: BillDoc) => b.status !== 'cancelled'
  const collected = (b: BillDoc) => (b.status === 'paid' || b.status === 'refunded' ? b.amountFen : 0)
  const current = bills.filter((b) => b.period === period && billable(b))
  return ok({
    period,
    buildings: buildings.map((bd) => {
      const own = current.filter((b) => b.buildingId === bd._id)
      return {
        buildingId: bd._id,
        buildingName: bd.name,
        billedFen: own.reduce((n, b) => n + b.amountFen, 0),
        collectedFen: own.reduce((n, b) => n + collected(b), 0),
        bills: own.length,
        paidBills: own.filter((b) => b.status === 'paid' || b.status === 'refunded').length
      }
    }),
    months: months.map((m) => {
      const own = bills.filter((b) => b.period === m && billable(b))
      return { period: m, billedFen: own.reduce((n, b) => n + b.amountFen, 0), collectedFen: own.reduce((n, b) => n + collected(b), 0) }
    })
  })
}

/**
 * The first of `ids` that is not a building of the community, answered the same way by every fee
 * action: another community's building does not exist for this operator.
 */
export async function foreignBuilding(ports: Ports, communityId: string, ids: readonly string[], path: string): Promise<Failure | null> {
  if (ids.length === 0) return null
  const found = await getMany(ports.store, 'buildings', ids)
  const bad = ids.find((id) => found.get(id)?.communityId !== communityId)
  return bad === undefined ? null : fail('FEE.BUILDING_NOT_FOUND', '楼栋不存在', [{ path, message: `楼栋 ${bad} 不存在` }])
}

/** One-off charges (e.g. a shared repair): one bill per household, idempotent per request. */
export const chargeOneOff: ActionHandler<C['chargeOneOff']> = async ({ ports, actor }, input) => {
  const communityId = actor.communityId
  const idempotencyKey = `${actor.user._id}:${input.clientRequestId}`
  // A digest of the idempotency key: distinct requests never share a charge id.
  const chargeId = `ch-${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 24)}`
  const foreign = await foreignBuilding(ports, communityId, input.buildingIds, 'buildingIds')
  if (foreign) return foreign
  const households = await findAll(ports.store, 'households', {
    communityId,
    ...(input.buildingIds.length ? { buildingId: { in: input.buildingIds } } : {})
  })
  if (households.length === 0) return fail('FEE.NO_HOUSEHOLDS', '所选范围内没有住户')
  const now = ports.clock.now()
  const charge: ChargeDoc = {
    _id: chargeId,
    communityId,
    idempotencyKey,
    title: input.title,
    amountFen: input.amountFen,
    buildingIds: input.buildingIds,
    dueAt: input.dueAt,
    createdBy: actor.user._id,
    bills: households.length,
    createdAt: now
  }
  await ports.store.insert('charges', charge)
  const period = periodOf(input.dueAt)
  for (const h of households) {
    const bill: BillDoc = {
      _id: `${h._id}:${chargeId}`,
      communityId,
      householdId: h._id,
      buildingId: h.buildingId,
      kind: 'oneoff',
      feeItemId: chargeId,
      chargeId,
      title: input.title,
      period,
      amountFen: input.amountFen,
      dueAt: input.dueAt,
      status: 'unpaid',
      refundedFen: 0,
      createdAt: now
    }
    await ports.store.insert('bills', bill)
  }
  return ok({ chargeId, bills: households.length })
}
