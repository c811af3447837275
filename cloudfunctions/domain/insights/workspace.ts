import type { insightsContracts } from '../../contracts/insights'
import { parkingSummary } from '../parking/household'
import { surveyRates } from '../message/surveys'
import { CHURN_CASE_STATUSES } from '../../contracts/insights-labels'
import type { ActionHandler } from '../../kernel/module'
import { findAll, getMany } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import { fail, ok } from '../../kernel/result'
import type { MembershipDoc } from '../docs'
import { householdLabel } from '../user/format'
import { householdLabels } from '../user/labels'
import type { FollowLogDoc } from './docs'
import { revealTasks, staffHousehold } from './profile'
import { generateTasks, refreshTask } from './tasks'
import { parcelCounts } from '../parcel/counts'
import { certificatesByButler } from '../training/certificates'
import { DAY_MS, addDays, dayOf, dayStart, weekStart } from './time'
import { caseView, consumptionView, insightView, profileView } from './views'

type C = typeof insightsContracts

async function names(ports: Ports, userIds: readonly string[]): Promise<Map<string, string>> {
  const users = await getMany(ports.store, 'users', userIds)
  return new Map([...users].map(([id, u]) => [id, u.nickname]))
}

/** Active memberships of these households only (never the whole community's), in chunks the query cap allows. */
async function membershipsOf(ports: Ports, householdIds: readonly string[]): Promise<MembershipDoc[]> {
  const out: MembershipDoc[] = []
  for (let i = 0; i < householdIds.length; i += 200) {
    out.push(...(await findAll(ports.store, 'memberships', { householdId: { in: householdIds.slice(i, i + 200) }, status: 'active' })))
  }
  return out
}

export const myGrid: ActionHandler<C['myGrid']> = async ({ ports, actor }) => {
  const buildingIds = [...new Set(actor.grids.flatMap((g) => g.buildingIds))]
  const [buildings, households] = await Promise.all([
    getMany(ports.store, 'buildings', buildingIds),
    buildingIds.length ? findAll(ports.store, 'households', { communityId: actor.communityId, buildingId: { in: buildingIds } }) : Promise.resolve([])
  ])
  const ids = households.map((h) => h._id)
  const [stats, memberships] = await Promise.all([getMany(ports.store, 'householdStats', ids), membershipsOf(ports, ids)])
  const bound = new Map<string, number>()
  for (const m of memberships) bound.set(m.householdId, (bound.get(m.householdId) ?? 0) + 1)
  const rows = households
    .map((h) => {
      const s = stats.get(h._id)
      return {
        householdId: h._id,
        label: householdLabel(buildings.get(h.buildingId), h),
        buildingId: h.buildingId,
        boundUsers: bound.get(h._id) ?? 0,
        score: s?.score ?? null,
        atRisk: s?.atRisk ?? false,
        needs: s?.needs ?? [],
        lastActivityAt: s?.lastActivityAt ?? null
      }
    })
    .sort((a, b) => Number(b.atRisk) - Number(a.atRisk) || a.label.localeCompare(b.label, 'zh'))
  return ok({
    grids: actor.grids.map((g) => ({
      gridId: g._id,
      name: g.name,
      buildings: g.buildingIds.map((id) => {
        const own = rows.filter((r) => r.buildingId === id)
        return { buildingId: id, name: buildings.get(id)?.name ?? '', households: own.length, bound: own.filter((r) => r.boundUsers > 0).length }
      })
    })),
    households: rows,
    totals: { households: rows.length, bound: rows.filter((r) => r.boundUsers > 0).length, atRisk: rows.filter((r) => r.atRisk).length }
  })
}

export const household: ActionHandler<C['household']> = async ({ ports, actor }, input) => {
  const h = await staffHousehold(ports, actor, input.householdId)
  if (!h.ok) return h
  const id = h.value._id
  // Started here, awaited last: its second read (the entries of the plates it finds) overlaps the names and labels below.
  const parking = parkingSummary(ports, h.value.communityId, id)
  const [stats, optOut, logs, cases, parcels] = await Promise.all([
    ports.store.get('householdStats', id),
    ports.store.get('profileOptOuts', id),
    ports.store.find('followLogs', { where: { householdId: id }, orderBy: [{ field: 'at', dir: 'desc' }], limit: 20 }),
    ports.store.find('churnCases', { where: { householdId: id }, orderBy: [{ field: 'openedAt', dir: 'desc' }], limit: 1 }),
    parcelCounts(ports, id)
  ])
  const who = await names(ports, [...logs.map((l) => l.butlerUserId), ...cases.map((c) => c.butlerUserId)])
  const open = cases[0] && (cases[0].status === 'open' || cases[0].status === 'followed') ? cases[0] : null
  const label = (await householdLabels(ports, [id])).get(id) ?? ''
  return ok({
    profile: await profileView(ports, h.value, true),
    consumption: optOut ? null : consumptionView(stats, ports.clock.now()),
    insight: insightView(optOut ? null : stats, optOut !== null),
    followUps: logs.map((l) => ({ at: l.at, channel: l.channel, note: l.note, butlerName: who.get(l.butlerUserId) ?? '' })),
    openCase: open ? caseView(open, label, who.get(open.butlerUserId) ?? '') : null,
    parcels,
    parking: await parking,
    revealTaskIds: actor.roles.includes('butler') ? await revealTasks(ports, actor.user._id, id) : []
  })
}

/** Today's tasks; created on first open when the nightly pass has not run yet today. */
export const todayTasks: ActionHandler<C['todayTasks']> = async ({ ports, actor }) => {
  const communityId = actor.communityId
  const day = dayOf(ports.clock.now())
  const mine = { communityId, butlerUserId: actor.user._id, day }
  let tasks = await ports.store.find('butlerTasks', { where: mine, limit: 20 })
  // A delivery request may have made today's parcel task before anything else: the rest is still to make.
  if (!tasks.some((t) => t.kind !== 'deliver_parcel')) {
    const made = await generateTasks(ports, communityId, actor.user._id, day)
    tasks = made.raced ? await ports.store.find('butlerTasks', { where: mine, limit: 20 }) : made.tasks
  }
  const views = await Promise.all(tasks.map((t) => refreshTask(ports, t)))
  const target = views.reduce((n, t) => n + t.target, 0)
  const achieved = views.reduce((n, t) => n + t.progress, 0)
  return ok({ day, tasks: views, completionBp: target ? Math.round((achieved / target) * 10_000) : 0 })
}

export const logFollowUp: ActionHandler<C['logFollowUp']> = async ({ ports, actor }, input) => {
  const h = await staffHousehold(ports, actor, input.householdId)
  if (!h.ok) return h
  if (!actor.grids.some((g) => g.buildingIds.includes(h.value.buildingId))) return fail('INSIGHTS.OUT_OF_GRID', '该住户不在你负责的网格内')
  const now = ports.clock.now()
  const [open] = await ports.store.find('churnCases', { where: { householdId: h.value._id, status: { in: ['open', 'followed'] } }, limit: 1 })
  const log: FollowLogDoc = {
    _id: `${actor.user._id}:${input.clientRequestId}`,
    communityId: h.value.communityId,
    householdId: h.value._id,
    butlerUserId: actor.user._id,
    channel: input.channel,
    note: input.note,
    caseId: open?._id ?? null,
    day: dayOf(now),
    at: now
  }
  const r = await ports.store.insert('followLogs', log)
  if (!r.ok) {
    const prior = await ports.store.get('followLogs', log._id)
    return ok({ followedAt: prior?.at ?? now, caseId: prior?.caseId ?? null })
  }
  if (open) await ports.store.update('churnCases', open._id, { set: { status: 'followed', followedAt: now, updatedAt: now } }, { status: 'open' })
  return ok({ followedAt: now, caseId: open?._id ?? null })
}

export const scoreboard: ActionHandler<C['scoreboard']> = async ({ ports, actor }, input) => {
  const communityId = actor.communityId
  const start = addDays(weekStart(dayOf(ports.clock.now())), -7 * input.weeksAgo)
  const end = addDays(start, 6)
  const rows = await boardRows(ports, communityId, start, end)
  return ok({ weekStart: start, weekEnd: end, rows })
}

/** Butlers ranked by how much of their task targets they reached between two days. */
export async function boardRows(ports: Ports, communityId: string, from: string, to: string) {
  const rangeStart = dayStart(from)
  const rangeEnd = dayStart(to) + DAY_MS - 1
  const [tasks, logs, cases, staff, rates, certificates, praises] = await Promise.all([
    findAll(ports.store, 'butlerTasks', { communityId, day: { gte: from, lte: to } }),
    findAll(ports.store, 'followLogs', { communityId, day: { gte: from, lte: to } }),
    findAll(ports.store, 'churnCases', { communityId, status: 'reactivated', closedAt: { gte: rangeStart, lte: rangeEnd } }),
    ports.store.find('staffRoles', { where: { communityId, role: 'butler' }, limit: 200 }),
    surveyRates(ports, communityId, rangeStart, rangeEnd),
    certificatesByButler(ports, communityId),
    findAll(ports.store, 'praiseLetters', { communityId, status: 'approved', at: { gte: rangeStart, lte: rangeEnd } })
  ])
  const ids = [...new Set([...staff.map((s) => s.userId), ...tasks.map((t) => t.butlerUserId)])]
  const who = await names(ports, ids)
  const rows = ids.map((id) => {
    const own = tasks.filter((t) => t.butlerUserId === id)
    const target = own.reduce((n, t) => n + t.target, 0)
    const achieved = own.reduce((n, t) => n + Math.min(t.progress, t.target), 0)
    return {
      butlerUserId: id,
      name: who.get(id) ?? '',
      tasks: own.length,
      target,
      achieved,
      completionBp: target ? Math.round((achieved / target) * 10_000) : 0,
      followUps: logs.filter((l) => l.butlerUserId === id).length,
      reactivated: cases.filter((c) => c.butlerUserId === id && c.closedAt !== null && c.closedAt >= rangeStart && c.closedAt <= rangeEnd).length,
      surveyRateBp: rates.get(id) ?? null,
      certificates: certificates.get(id) ?? 0,
      praises: praises.filter((p) => p.butlerUserId === id).length
    }
  })
  rows.sort((a, b) => b.completionBp - a.completionBp || b.achieved - a.achieved || b.followUps - a.followUps || a.name.localeCompare(b.name, 'zh'))
  return rows.map((r, i) => ({ ...r, rank: i + 1 }))
}

export const churnCases: ActionHandler<C['churnCases']> = async ({ ports, actor }, input) => {
  const communityId = actor.communityId
  const isOperator = actor.roles.includes('operator')
  const scope = { communityId, butlerUserId: isOperator ? undefined : actor.user._id }
  // Counted per status and listed newest first, 200 at most: cases accumulate for years.
  const [tally, shown] = await Promise.all([
    Promise.all(CHURN_CASE_STATUSES.map(async (status) => [status, await ports.store.count('churnCases', { ...scope, status })] as const)),
    ports.store.find('churnCases', { where: { ...scope, status: input.status }, orderBy: [{ field: 'openedAt', dir: 'desc' }], limit: 200 })
  ])
  const counts = { open: 0, followed: 0, reactivated: 0, lost: 0 }
  for (const [status, n] of tally) counts[status] = n
  const [labels, who] = await Promise.all([householdLabels(ports, shown.map((c) => c.householdId)), names(ports, shown.map((c) => c.butlerUserId))])
  const closed = counts.reactivated + counts.lost
  return ok({
    cases: shown.map((c) => caseView(c, labels.get(c.householdId) ?? '', who.get(c.butlerUserId) ?? '')),
    outcomes: { ...counts, reactivationBp: closed ? Math.round((counts.reactivated / closed) * 10_000) : null }
  })
}

