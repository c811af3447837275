import type { FunnelT, insightsContracts } from '../../contracts/insights'
import type { CommunityActor } from '../../kernel/actor'
import type { ActionHandler } from '../../kernel/module'
import { findAll, getMany } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import { type Result, fail, ok } from '../../kernel/result'
import type { CommunityDoc } from '../docs'
import { toCsv } from '../../contracts/csv'
import type { CommunitySnapshotDoc } from './docs'
import { figuresOf } from './figures'
import { addDays, dayOf, dayStart, daysBetween, daysIn, DAY_MS } from './time'
import { lineLabel } from './views'
import { boardRows } from './workspace'

type C = typeof insightsContracts
export const MAX_RANGE_DAYS = 366

interface Range {
  communities: CommunityDoc[]
  from: string
  to: string
}

function checkRange(ports: Ports, input: { from: string; to: string }): Result<null> {
  const today = dayOf(ports.clock.now())
  if (input.from > input.to) return fail('INSIGHTS.RANGE_INVALID', '开始日期不能晚于结束日期', [{ path: 'from', message: '开始日期晚于结束日期' }])
  if (input.to > today) return fail('INSIGHTS.RANGE_INVALID', '结束日期不能晚于今天', [{ path: 'to', message: '不能晚于今天' }])
  if (daysBetween(input.from, input.to) + 1 > MAX_RANGE_DAYS) {
    return fail('INSIGHTS.RANGE_INVALID', `区间最长 ${MAX_RANGE_DAYS} 天`, [{ path: 'from', message: '区间过长' }])
  }
  return ok(null)
}

/** The ids of the communities in scope: all those the caller runs as operator, or the current one. */
async function scopeIds(ports: Ports, actor: CommunityActor, scope: 'community' | 'all'): Promise<string[]> {
  if (scope === 'community') return [actor.communityId]
  const roles = await ports.store.find('staffRoles', { where: { userId: actor.user._id, role: 'operator' }, limit: 200 })
  return [...new Set(roles.map((r) => r.communityId))]
}

async function communitiesOf(ports: Ports, ids: readonly string[]): Promise<CommunityDoc[]> {
  const docs = await getMany(ports.store, 'communities', ids)
  return ids.map((id) => docs.get(id)).filter((c): c is CommunityDoc => c !== undefined)
}

/** The communities in scope and a checked range. */
async function rangeOf(ports: Ports, actor: CommunityActor, input: { scope: 'community' | 'all'; from: string; to: string }): Promise<Result<Range>> {
  const checked = checkRange(ports, input)
  if (!checked.ok) return checked
  return ok({ communities: await communitiesOf(ports, await scopeIds(ports, actor, input.scope)), from: input.from, to: input.to })
}

async function storedRows(ports: Ports, communityId: string, from: string, to: string) {
  const [days, snapshot, fees] = await Promise.all([
    findAll(ports.store, 'dayMetrics', { communityId, day: { gte: from, lte: to } }),
    ports.store.get('communitySnapshots', communityId),
    ports.store.find('feeMonths', { where: { communityId, period: { gte: from.slice(0, 7), lte: to.slice(0, 7) } }, limit: 100 })
  ])
  return { days, snapshot, fees }
}

/**
 * The invitation funnel of the range: people who opened a butler's invitation sent in the range,
 * sign-ups through those invitations, orders through an invitation paid in the range; then the
 * households that converted (signed up or ordered through an invitation) and, of those, the ones
 * that ordered again after converting.
 */
async function funnelOf(ports: Ports, communityIds: readonly string[], from: string, to: string): Promise<FunnelT> {
  const start = dayStart(from)
  const end = dayStart(to) + DAY_MS
  let visits = 0
  let signups = 0
  let orders = 0
  /** Household → when it first converted through an invitation. */
  const firstAt = new Map<string, number>()
  const convert = (householdId: string, at: number) => firstAt.set(householdId, Math.min(firstAt.get(householdId) ?? at, at))
  const per = await Promise.all(
    communityIds.map(async (communityId) => {
      const [eventInvites, orderInvites, invited] = await Promise.all([
        findAll(ports.store, 'eventInvites', { communityId, createdAt: { gte: start, lt: end } }),
        findAll(ports.store, 'orderInvites', { communityId, createdAt: { gte: start, lt: end } }),
        findAll(ports.store, 'purchases', { communityId, day: { gte: from, lte: to }, invited: true, counted: true })
      ])
      const ids = eventInvites.map((i) => i._id)
      const chunks: string[][] = []
      for (let i = 0; i < ids.length; i += 200) chunks.push(ids.slice(i, i + 200))
      const rows = (await Promise.all(chunks.map((chunk) => findAll(ports.store, 'eventSignups', { communityId, inviteId: { in: chunk } })))).flat()
      return { eventInvites, orderInvites, invited, rows }
    })
  )
  for (const { eventInvites, orderInvites, invited, rows } of per) {
    visits += eventInvites.reduce((n, i) => n + i.visits, 0) + orderInvites.reduce((n, i) => n + i.visits, 0)
    for (const r of rows.filter((x) => x.status === 'confirmed' || x.status === 'waitlisted' || x.status === 'checkedIn' || x.status === 'noShow')) {
      signups++
      convert(r.householdId, r.createdAt)
    }
    orders += invited.length
    for (const p of invited) convert(p.householdId, p.paidAt)
  }
  const stats = await getMany(ports.store, 'householdStats', [...firstAt.keys()])
  const repeat = [...firstAt].filter(([h, at]) => (stats.get(h)?.lastPaidAt ?? 0) > at).length
  return { visits, signups, orders, converted: firstAt.size, repeat }
}

async function workersOf(ports: Ports, communityIds: readonly string[], from: string, to: string) {
  const start = dayStart(from)
  const end = dayStart(to) + DAY_MS
  const out = []
  const per = await Promise.all(
    communityIds.map((communityId) =>
      Promise.all([findAll(ports.store, 'workers', { communityId }), findAll(ports.store, 'ratings', { communityId, at: { gte: start, lt: end } })])
    )
  )
  for (const [workers, ratings] of per) {
    for (const w of workers) {
      const own = ratings.filter((r) => r.workerId === w._id)
      out.push({
        workerId: w._id,
        name: w.name,
        avg100: own.length ? Math.round(own.reduce((n, r) => n + r.avg100, 0) / own.length) : null,
        ratings: own.length,
        outstanding: w.outstanding
      })
    }
  }
  return out.sort((a, b) => (b.avg100 ?? -1) - (a.avg100 ?? -1) || b.ratings - a.ratings)
}

export const dashboard: ActionHandler<C['dashboard']> = async ({ ports, actor }, input) => {
  const checked = checkRange(ports, input)
  if (!checked.ok) return checked
  const { from, to } = input
  const span = daysBetween(from, to) + 1
  const prevTo = addDays(from, -1)
  const prevFrom = addDays(prevTo, -(span - 1))
  // Every part of the board reads on its own: all at once, once the communities in scope are known.
  const scope = await scopeIds(ports, actor, input.scope)
  const [communities, stored, funnel, workers, butlers] = await Promise.all([
    communitiesOf(ports, scope),
    Promise.all(scope.map(async (id) => [id, await storedRows(ports, id, prevFrom, to)] as const)),
    funnelOf(ports, scope, from, to),
    workersOf(ports, scope, from, to),
    input.scope === 'community' ? boardRows(ports, actor.communityId, from, to) : Promise.resolve([])
  ])
  const rowsOf = new Map(stored)
  const per = communities.flatMap((c) => {
    const rows = rowsOf.get(c._id)
    return rows ? [{ c, rows }] : []
  })
  const allDays = per.flatMap((p) => p.rows.days)
  const snapshots = per.map((p) => p.rows.snapshot).filter((s): s is CommunitySnapshotDoc => s !== null)
  const fees = per.flatMap((p) => p.rows.fees)
  const figures = figuresOf(allDays, snapshots, fees, from, to)
  const previous = figuresOf(allDays, snapshots, fees, prevFrom, prevTo)
  const byDay = new Map<string, { orders: number; gmvFen: number; buyers: number }>()
  const lines = new Map<string, { orders: number; gmvFen: number }>()
  for (const d of allDays.filter((x) => x.day >= from && x.day <= to)) {
    const row = byDay.get(d.day) ?? { orders: 0, gmvFen: 0, buyers: 0 }
    row.orders += d.orders
    row.gmvFen += d.gmvFen
    row.buyers += d.buyers
    byDay.set(d.day, row)
    for (const [line, [n, fen]] of Object.entries(d.lines)) {
      const l = lines.get(line) ?? { orders: 0, gmvFen: 0 }
      l.orders += n
      l.gmvFen += fen
      lines.set(line, l)
    }
  }
  return ok({
    scope: input.scope,
    from,
    to,
    figures,
    previous,
    days: daysIn(from, to).map((day) => ({ day, ...(byDay.get(day) ?? { orders: 0, gmvFen: 0, buyers: 0 }) })),
    lines: [...lines].map(([line, v]) => ({ line, label: lineLabel(line), ...v })).sort((a, b) => b.gmvFen - a.gmvFen),
    funnel,
    butlers: butlers.map((b) => ({ butlerUserId: b.butlerUserId, name: b.name, completionBp: b.completionBp, followUps: b.followUps, reactivated: b.reactivated, surveyRateBp: b.surveyRateBp })),
    workers,
    communities: per.map(({ c, rows }) => {
      const f = figuresOf(rows.days, rows.snapshot ? [rows.snapshot] : [], rows.fees, from, to)
      return { communityId: c._id, name: c.name, orders: f.orders, gmvFen: f.gmvFen, aovFen: f.aovFen, repurchaseBp: f.repurchaseBp, collectionBp: f.collectionBp, atRisk: rows.snapshot?.atRisk ?? 0 }
    }),
    atRisk: snapshots.reduce((n, s) => n + s.atRisk, 0),
    computedAt: snapshots.length ? Math.min(...snapshots.map((s) => s.computedAt)) : null
  })
}

function yuan(fen: number | null): string {
  return fen === null ? '' : (fen / 100).toFixed(2)
}

export const exportCsv: ActionHandler<C['exportCsv']> = async ({ ports, actor }, input) => {
  const r = await rangeOf(ports, actor, input)
  if (!r.ok) return r
  const { communities, from, to } = r.value
  const rows: (string | number)[][] = []
  for (const c of communities) {
    const { days } = await storedRows(ports, c._id, from, to)
    const byDay = new Map(days.map((d) => [d.day, d]))
    for (const day of daysIn(from, to)) {
      const d = byDay.get(day)
      rows.push([
        c.name,
        day,
        d?.orders ?? 0,
        yuan(d?.gmvFen ?? 0),
        d && d.orders ? yuan(Math.round(d.gmvFen / d.orders)) : '',
        d?.buyers ?? 0,
        d?.invitedOrders ?? 0,
        d && d.serviceRatings ? (d.serviceRatingSum100 / d.serviceRatings / 100).toFixed(2) : '',
        d && d.eventRatings ? (d.eventRatingSum100 / d.eventRatings / 100).toFixed(2) : '',
        d?.parking?.stays[0] ?? 0,
        yuan(d?.parking?.stays[1] ?? 0),
        d?.parking?.cards[0] ?? 0,
        yuan(d?.parking?.cards[1] ?? 0)
      ])
    }
  }
  const csv = toCsv(['社区', '日期', '订单数', 'GMV(元)', '客单价(元)', '下单户数', '邀请带来订单', '服务评分', '活动评分', '临停笔数', '临停收入(元)', '月卡张数', '月卡收入(元)'], rows)
  return ok({ fileName: `linli-insights-${from}-${to}.csv`, csv })
}
