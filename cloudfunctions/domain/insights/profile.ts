import { MASKED_PLATE, type ProfileFieldsT, type insightsContracts } from '../../contracts/insights'
import type { Actor } from '../../kernel/actor'
import type { ActionHandler } from '../../kernel/module'
import { findAll } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import { type Result, fail, ok } from '../../kernel/result'
import type { HouseholdDoc } from '../docs'
import type { ButlerTaskDoc, ProfileDoc } from './docs'
import { roomOf } from '../user/format'
import { maskPlate } from './mask'
import { put } from '../../kernel/put'
import { syncPlates } from '../desk/plates'
import { DAY_MS, dayOf } from './time'
import { consumptionView, insightView, profileView, residentInsightView } from './views'

type C = typeof insightsContracts

/** The household, when the caller is a member of it (residents act only on their own). */
async function ownHousehold(ports: Ports, actor: Actor, householdId: string): Promise<Result<HouseholdDoc>> {
  const h = actor.householdIds.includes(householdId) ? await ports.store.get('households', householdId) : null
  if (!h || h.communityId !== actor.communityId) return fail('HOUSEHOLD.NOT_MEMBER', '你不是该房屋的成员', [{ path: 'householdId', message: '不是你的房屋' }])
  return ok(h)
}

/** The household, when it lies in one of the butler's grids (or the caller is an operator here). */
export async function staffHousehold(ports: Ports, actor: Actor, householdId: string): Promise<Result<HouseholdDoc>> {
  const h = await ports.store.get('households', householdId)
  if (!h || h.communityId !== actor.communityId) return fail('HOUSEHOLD.NOT_FOUND', '房屋不存在', [{ path: 'householdId', message: '房屋不存在' }])
  const inGrid = actor.grids.some((g) => g.buildingIds.includes(h.buildingId))
  if (!inGrid && !actor.roles.includes('operator')) return fail('INSIGHTS.OUT_OF_GRID', '该住户不在你负责的网格内')
  return ok(h)
}

/**
 * Plates as they will be stored. A masked plate (what a butler sees) stands for the stored plate
 * it masks; anything else masked is refused, naming the field.
 */
async function platesOf(ports: Ports, householdId: string, cars: ProfileFieldsT['cars']): Promise<Result<{ plate: string }[]>> {
  if (!cars.some((c) => MASKED_PLATE.test(c.plate))) return ok(cars)
  const stored = (await ports.store.get('householdProfiles', householdId))?.cars ?? []
  const out: { plate: string }[] = []
  for (const [i, c] of cars.entries()) {
    if (!MASKED_PLATE.test(c.plate)) {
      out.push(c)
      continue
    }
    const match = stored.find((s) => maskPlate(s.plate) === c.plate && !out.some((o) => o.plate === s.plate))
    if (!match) return fail('REQUEST.INVALID_INPUT', '请填写完整车牌', [{ path: `profile.cars.${i}.plate`, message: '请填写完整车牌' }])
    out.push(match)
  }
  return ok(out)
}

async function writeProfile(ports: Ports, actor: Actor, h: HouseholdDoc, fields: ProfileFieldsT, by: 'resident' | 'butler'): Promise<Result<true>> {
  // Survey facts stay: the resident's form does not carry them, and saving it must not drop them.
  const now = ports.clock.now()
  const thisYear = Number(dayOf(now).slice(0, 4))
  if (fields.moveInYear !== undefined && fields.moveInYear > thisYear) {
    return fail('REQUEST.INVALID_INPUT', `入住年份：不能晚于 ${thisYear} 年`, [{ path: 'profile.moveInYear', message: `不能晚于 ${thisYear} 年` }])
  }
  const [cars, prior] = await Promise.all([platesOf(ports, h._id, fields.cars), ports.store.get('householdProfiles', h._id)])
  if (!cars.ok) return cars
  const doc: ProfileDoc = {
    _id: h._id,
    communityId: h.communityId,
    members: fields.members.map((m) => ({ name: m.name, ageBand: m.ageBand ?? null, occupation: m.occupation })),
    areaCm2: fields.areaCm2 ?? null,
    moveInYear: fields.moveInYear ?? null,
    cars: cars.value,
    pets: fields.pets,
    note: fields.note,
    enteredBy: by,
    enteredByUserId: actor.user._id,
    consentAt: now,
    updatedAt: now,
    ...(prior?.facts ? { facts: prior.facts } : {})
  }
  await Promise.all([
    put(ports.store, 'householdProfiles', doc),
    syncPlates(ports.store, h.communityId, h._id, doc.cars.map((c) => c.plate), now)
  ])
  return ok(true)
}

export const myProfile: ActionHandler<C['myProfile']> = async ({ ports, actor }, input) => {
  const h = await ownHousehold(ports, actor, input.householdId)
  if (!h.ok) return h
  const [stats, optOut] = await Promise.all([
    ports.store.get('householdStats', h.value._id),
    ports.store.get('profileOptOuts', h.value._id)
  ])
  return ok({ profile: await profileView(ports, h.value, false), consumption: consumptionView(stats, ports.clock.now()), insight: residentInsightView(stats, optOut !== null) })
}

export const saveProfile: ActionHandler<C['saveProfile']> = async ({ ports, actor }, input) => {
  const h = await ownHousehold(ports, actor, input.householdId)
  if (!h.ok) return h
  const saved = await writeProfile(ports, actor, h.value, input.profile, 'resident')
  if (!saved.ok) return saved
  return ok({ profile: await profileView(ports, h.value, false) })
}

export const butlerSaveProfile: ActionHandler<C['butlerSaveProfile']> = async ({ ports, actor }, input) => {
  const h = await staffHousehold(ports, actor, input.householdId)
  if (!h.ok) return h
  if (await ports.store.get('profileOptOuts', h.value._id)) {
    return fail('INSIGHTS.CONSENT_REQUIRED', '该住户已关闭档案与画像，需住户本人重新开启')
  }
  const saved = await writeProfile(ports, actor, h.value, input.profile, 'butler')
  if (!saved.ok) return saved
  return ok({ profile: await profileView(ports, h.value, true) })
}

/**
 * Everything the insights area holds about the household (PIPL art. 45): the profile, the
 * derived figures and segments, the churn score and cases, butlers' follow-up notes, and who saw
 * the contact details unmasked.
 */
export const exportProfile: ActionHandler<C['exportProfile']> = async ({ ports, actor }, input) => {
  const h = await ownHousehold(ports, actor, input.householdId)
  if (!h.ok) return h
  const id = h.value._id
  const [profile, stats, cases, follows, reveals, memberships, optedOut, tasks] = await Promise.all([
    ports.store.get('householdProfiles', id),
    ports.store.get('householdStats', id),
    findAll(ports.store, 'churnCases', { householdId: id }),
    findAll(ports.store, 'followLogs', { householdId: id }),
    findAll(ports.store, 'revealLog', { householdId: id }),
    findAll(ports.store, 'memberships', { householdId: id, status: 'active' }),
    ports.store.get('profileOptOuts', id),
    tasksAbout(ports, h.value.communityId, id)
  ])
  const now = ports.clock.now()
  const data = {
    exportedAt: new Date(now).toISOString(),
    household: { id, room: roomOf(h.value), areaCm2: h.value.areaCm2 },
    members: memberships.map((m) => ({ userId: m.userId, relation: m.relation, since: new Date(m.createdAt).toISOString() })),
    profile,
    consumption: consumptionView(stats, now),
    insight: insightView(stats, optedOut !== null),
    /** The stored figures behind the summary above, as kept (per-day counts for the last 400 days). */
    figures: stats,
    butlerTasks: tasks.map((t) => ({ day: t.day, kind: t.kind, why: t.households.find((x) => x.householdId === id)?.why ?? '' })),
    churnCases: cases.map((c) => ({ openedAt: new Date(c.openedAt).toISOString(), score: c.score, reasons: c.reasons, status: c.status })),
    followUps: follows.map((f) => ({ at: new Date(f.at).toISOString(), channel: f.channel, note: f.note })),
    contactViews: reveals.map((r) => ({ at: new Date(r.at).toISOString(), byUserId: r.butlerUserId, taskId: r.taskId }))
  }
  return ok({ fileName: `household-${id}-${dayOf(now)}.json`, json: JSON.stringify(data, null, 2) })
}

/** Recent butler tasks (their snapshot lists households with the reason they were picked). */
async function tasksAbout(ports: Ports, communityId: string, householdId: string): Promise<ButlerTaskDoc[]> {
  const since = dayOf(ports.clock.now() - TASK_MEMORY_DAYS * DAY_MS)
  const tasks = await findAll(ports.store, 'butlerTasks', { communityId, day: { gte: since } })
  return tasks.filter((t) => t.households.some((x) => x.householdId === householdId))
}

/** Butler tasks older than this are not searched for a household's mention (they are history). */
const TASK_MEMORY_DAYS = 60

/**
 * Deletes the profile and everything derived from it, and records the opt-out so the nightly pass
 * stops profiling the household. Orders, bills and bookings stay: they are records of sales and
 * payments the property must keep, and the community totals they feed carry no profile.
 */
export const deleteProfile: ActionHandler<C['deleteProfile']> = async ({ ports, actor }, input) => {
  const h = await ownHousehold(ports, actor, input.householdId)
  if (!h.ok) return h
  const id = h.value._id
  const now = ports.clock.now()
  // The opt-out first: a nightly pass running meanwhile then skips the household instead of re-creating its stats.
  await ports.store.insert('profileOptOuts', { _id: id, communityId: h.value.communityId, byUserId: actor.user._id, at: now })
  await ports.store.remove('householdProfiles', id)
  await syncPlates(ports.store, h.value.communityId, id, [], now)
  await ports.store.remove('householdStats', id)
  for (const c of await findAll(ports.store, 'churnCases', { householdId: id })) await ports.store.remove('churnCases', c._id)
  for (const f of await findAll(ports.store, 'followLogs', { householdId: id })) {
    await ports.store.update('followLogs', f._id, { set: { note: '（住户已删除个人数据）' } })
  }
  // Task snapshots keep only that the household was on the list, not why.
  for (const t of await tasksAbout(ports, h.value.communityId, id)) {
    const households = t.households.map((x) => (x.householdId === id ? { ...x, why: '' } : x))
    await ports.store.update('butlerTasks', t._id, { set: { households } })
  }
  return ok({ done: true as const })
}

export const restoreAnalysis: ActionHandler<C['restoreAnalysis']> = async ({ ports, actor }, input) => {
  const h = await ownHousehold(ports, actor, input.householdId)
  if (!h.ok) return h
  await ports.store.remove('profileOptOuts', h.value._id)
  // Recomputed by the next nightly pass.
  await ports.store.insert('insightsDirty', { _id: `h:${h.value._id}`, communityId: h.value.communityId, kind: 'household', ref: h.value._id, at: ports.clock.now() })
  return ok({ done: true as const })
}

/** Today's tasks of this butler that are about the household (and so justify unmasked contacts). */
export async function revealTasks(ports: Ports, butlerUserId: string, householdId: string): Promise<string[]> {
  const tasks = await ports.store.find('butlerTasks', { where: { butlerUserId, day: dayOf(ports.clock.now()) }, limit: 10 })
  return tasks.filter((t) => t.kind !== 'invite_event' && t.households.some((x) => x.householdId === householdId)).map((t) => t._id)
}

export const reveal: ActionHandler<C['reveal']> = async ({ ports, actor }, input) => {
  const h = await staffHousehold(ports, actor, input.householdId)
  if (!h.ok) return h
  const allowed = await revealTasks(ports, actor.user._id, h.value._id)
  if (!allowed.includes(input.taskId)) return fail('INSIGHTS.REVEAL_NOT_ALLOWED', '只有今日任务涉及的住户才能查看完整联系方式')
  const now = ports.clock.now()
  await ports.store.insert('revealLog', {
    _id: `${actor.user._id}:${h.value._id}:${now}:${ports.random.id(4)}`,
    communityId: h.value.communityId,
    butlerUserId: actor.user._id,
    householdId: h.value._id,
    taskId: input.taskId,
    at: now
  })
  return ok({ profile: await profileView(ports, h.value, false) })
}
