import { ITEM_UNIT_LABELS, MAX_FEE_ITEMS, type feeContracts } from '../../contracts/fee'
import type { ActionHandler } from '../../kernel/module'
import { put } from '../../kernel/put'
import { fail, ok } from '../../kernel/result'
import { activeItems, billCommunity } from './billing'
import type { FeeItemDoc } from './docs'
import { nextPeriod, periodOf, previousPeriods } from './money'
import { feeSettings } from './settings'

type C = typeof feeContracts

/** Months a clerk may bill by hand: this one, the next (billing ahead), and two back (a late start). */
function billablePeriods(now: number): string[] {
  const current = periodOf(now)
  return [...previousPeriods(current, 3), nextPeriod(current)]
}

export const items: ActionHandler<C['items']> = async ({ ports, actor }) => {
  const communityId = actor.communityId
  const [list, settings, runs] = await Promise.all([
    ports.store.find('feeItems', { where: { communityId }, limit: 100 }),
    feeSettings(ports, communityId),
    ports.store.find('billingRuns', { where: { communityId }, orderBy: [{ field: 'period', dir: 'desc' }], limit: 12 })
  ])
  list.sort((a, b) => Number(b.active) - Number(a.active) || a.createdAt - b.createdAt)
  return ok({
    items: list.map((i) => ({ id: i._id, kind: i.kind, name: i.name, unitPriceFen: i.unitPriceFen, unit: ITEM_UNIT_LABELS[i.kind], active: i.active })),
    dueDay: settings.dueDay,
    lateFee: settings.lateFee,
    runs: runs.map((r) => ({ period: r.period, bills: r.bills, billedFen: r.billedFen })),
    billable: billablePeriods(ports.clock.now())
  })
}

export const saveItem: ActionHandler<C['saveItem']> = async ({ ports, actor }, input) => {
  const communityId = actor.communityId
  const all = await ports.store.find('feeItems', { where: { communityId }, limit: 100 })
  const current = input.id === undefined ? null : all.find((i) => i._id === input.id)
  if (current === undefined) return fail('FEE.ITEM_NOT_FOUND', '收费项目不存在，请刷新后再试')
  // Bills carry the kind: a per-m² item turned per-space would make last month's bills read wrong.
  if (current && current.kind !== input.kind) {
    return fail('FEE.ITEM_KIND_FIXED', '计费方式在创建后不能修改；请停用这个项目，再新建一个', [{ path: 'kind', label: '计费方式', message: '创建后不能修改' }])
  }
  if (input.active && all.some((i) => i._id !== current?._id && i.active && i.name === input.name)) {
    return fail('FEE.ITEM_NAME_TAKEN', `已有启用中的「${input.name}」`, [{ path: 'name', label: '项目名称', message: '与启用中的项目重名' }])
  }
  const now = ports.clock.now()
  if (current) {
    await ports.store.update('feeItems', current._id, { set: { name: input.name, unitPriceFen: input.unitPriceFen, active: input.active, updatedAt: now } })
    ports.log.info('fee item changed', { communityId, itemId: current._id, by: actor.user._id })
    return ok({ id: current._id })
  }
  if (all.length >= MAX_FEE_ITEMS) return fail('FEE.TOO_MANY_ITEMS', `每个社区最多 ${MAX_FEE_ITEMS} 个收费项目；请修改或停用已有的项目`)
  const doc: FeeItemDoc = { _id: ports.random.id(), communityId, kind: input.kind, name: input.name, unitPriceFen: input.unitPriceFen, active: input.active, createdAt: now }
  const res = await ports.store.insert('feeItems', doc)
  if (!res.ok) return fail('INTERNAL.ERROR', '保存失败，请重试')
  ports.log.info('fee item created', { communityId, itemId: doc._id, by: actor.user._id })
  return ok({ id: doc._id })
}

export const saveSettings: ActionHandler<C['saveSettings']> = async ({ ports, actor }, input) => {
  const communityId = actor.communityId
  // Settings are one document the last clerk to save simply decides.
  await put(ports.store, 'feeSettings', { _id: communityId, dueDay: input.dueDay, lateFee: input.lateFee })
  ports.log.info('fee settings saved', { communityId, by: actor.user._id })
  return ok({ done: true })
}

export const runBilling: ActionHandler<C['runBilling']> = async ({ ports, actor }, input) => {
  const communityId = actor.communityId
  const allowed = billablePeriods(ports.clock.now())
  if (!allowed.includes(input.period)) {
    return fail('FEE.PERIOD_OUT_OF_RANGE', `只能生成 ${allowed[0]} 至 ${allowed[allowed.length - 1]} 的账单`, [{ path: 'period', label: '月份', message: '超出可生成的范围' }])
  }
  const list = await activeItems(ports, communityId)
  if (list.length === 0) return fail('FEE.NO_ITEMS', '还没有启用的收费项目，请先添加收费项目')
  const report = await billCommunity(ports, communityId, input.period, list, actor.user._id)
  ports.log.info('billing run', { communityId, ...report, by: actor.user._id })
  return ok(report)
}
