import { createHash } from 'node:crypto'
import type { z } from 'zod'
import type { messageContracts } from '../../contracts/message'
import type { Question } from '../../contracts/message-surveys'
import { SURVEY_CHANNEL_LABELS, type ProfileFact, type SurveyChannel, type SurveyState } from '../../contracts/survey-kinds'
import type { ActionHandler } from '../../kernel/module'
import { afterTimeCursor, findAll, getMany, timeCursorOf } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import { type Failure, fail, ok } from '../../kernel/result'
import type { GridDoc, HouseholdDoc, UserDoc } from '../docs'
import type { HouseholdStatsDoc } from '../insights/docs'
import { householdLabels } from '../user/labels'
import { type Answer, answerText, checkAnswers } from './answers'
import { reaches, resolveAudience } from './audience'
import type { SurveyDoc, SurveyResponseDoc } from './docs'

type C = typeof messageContracts
type Summary = z.input<C['surveys']['output']>['items'][number]
type QResult = z.input<C['surveyResults']['output']>['questions'][number]

function surveyNotFound(): Failure {
  return fail('SURVEY.NOT_FOUND', '问卷不存在', [{ path: 'id', label: '问卷', message: '问卷不存在' }])
}

async function surveyIn(ports: Ports, communityId: string, id: string): Promise<SurveyDoc | null> {
  const s = await ports.store.get('surveys', id)
  return s && s.communityId === communityId ? s : null
}

export function surveyState(s: SurveyDoc, now: number): SurveyState {
  if (now < s.opensAt) return 'scheduled'
  return now < s.closesAt ? 'open' : 'closed'
}

/** The audience check shared with notices: a survey's audience is saved the same way. */
const reachesHome = (s: SurveyDoc, h: HouseholdDoc, stats: HouseholdStatsDoc | undefined) => reaches(s, h, stats)

export const saveSurvey: ActionHandler<C['saveSurvey']> = async ({ ports, actor }, input) => {
  const now = ports.clock.now()
  if (input.closesAt <= now) return fail('REQUEST.INVALID_INPUT', '截止时间须晚于现在', [{ path: 'closesAt', label: '截止时间', message: '截止时间已过' }])
  const id = `s${createHash('sha256').update(`${actor.user._id}:${input.clientRequestId}`).digest('hex').slice(0, 20)}`
  const [prior, audience] = await Promise.all([ports.store.get('surveys', id), resolveAudience(ports, actor.communityId, input.audience)])
  if (prior) return ok({ id })
  if ('field' in audience) return fail('NOTICE.AUDIENCE_INVALID', audience.message, [{ path: audience.field, label: '发布范围', message: audience.message }])
  const doc: SurveyDoc = {
    _id: id,
    communityId: actor.communityId,
    title: input.title,
    intro: input.intro,
    questions: input.questions,
    ...audience,
    anonymous: input.anonymous,
    per: input.per,
    opensAt: Math.max(input.opensAt ?? now, now),
    closesAt: input.closesAt,
    responses: 0,
    createdBy: actor.user._id,
    createdByName: actor.user.nickname,
    createdAt: now
  }
  await ports.store.insert('surveys', doc)
  return ok({ id })
}

export const closeSurvey: ActionHandler<C['closeSurvey']> = async ({ ports, actor }, input) => {
  const now = ports.clock.now()
  const s = await surveyIn(ports, actor.communityId, input.id)
  if (!s) return surveyNotFound()
  // Only ever earlier: closing twice, or after the close, keeps the first close.
  await ports.store.update('surveys', s._id, { set: { closesAt: now } }, { closesAt: { gt: now } })
  return ok({ id: s._id, closesAt: Math.min(s.closesAt, now) })
}

/** The caller's homes in the community that the survey reaches, in id order (the first answers by default). */
async function reachedHomes(ports: Ports, s: SurveyDoc, householdIds: readonly string[]): Promise<HouseholdDoc[]> {
  const [homes, stats] = await Promise.all([
    getMany(ports.store, 'households', householdIds),
    s.audience.kind === 'need' ? getMany(ports.store, 'householdStats', householdIds) : Promise.resolve(new Map<string, HouseholdStatsDoc>())
  ])
  return [...homes.values()].filter((h) => reachesHome(s, h, stats.get(h._id))).sort((a, b) => (a._id < b._id ? -1 : 1))
}

const responseId = (s: SurveyDoc, householdId: string, userId: string) => `${s._id}:${s.per === 'household' ? householdId : userId}`

/** A person-by-person survey entered on paper is the household's own copy, beside its members'. */
const paperAnswerer = (householdId: string) => `${householdId}:paper`

function summaryOf(s: SurveyDoc, now: number, answered: boolean): Summary {
  return {
    id: s._id,
    title: s.title,
    state: surveyState(s, now),
    audienceLabel: s.audienceLabel,
    anonymous: s.anonymous,
    per: s.per,
    questions: s.questions.length,
    closesAt: s.closesAt,
    responses: s.responses,
    answered
  }
}

export const surveys: ActionHandler<C['surveys']> = async ({ ports, actor }) => {
  const now = ports.clock.now()
  const resident = actor.roles.includes('resident')
  const staff = actor.roles.some((r) => r === 'operator' || r === 'service' || r === 'butler')
  const [rows, homes, stats] = await Promise.all([
    ports.store.find('surveys', { where: { communityId: actor.communityId }, orderBy: [{ field: 'closesAt', dir: 'desc' }], limit: 50 }),
    resident ? getMany(ports.store, 'households', actor.householdIds) : Promise.resolve(new Map<string, HouseholdDoc>()),
    resident ? getMany(ports.store, 'householdStats', actor.householdIds) : Promise.resolve(new Map<string, HouseholdStatsDoc>())
  ])
  const ordered = [...homes.values()].sort((a, b) => (a._id < b._id ? -1 : 1))
  const mine = rows.map((s) => ({ s, home: ordered.find((h) => reachesHome(s, h, stats.get(h._id))) }))
  const visible = mine.filter((m) => staff || (m.home && m.s.opensAt <= now))
  const answered = await getMany(ports.store, 'surveyResponses', visible.flatMap((m) => (m.home ? [responseId(m.s, m.home._id, actor.user._id)] : [])))
  const items: Summary[] = visible.map(({ s, home }) => summaryOf(s, now, home ? answered.has(responseId(s, home._id, actor.user._id)) : false))
  return ok({ items })
}

/** Whether the household lets its profile be filled: a profile exists (consent given) and it has not opted out. */
async function consents(ports: Ports, householdId: string): Promise<boolean> {
  const [profile, optOut] = await Promise.all([ports.store.get('householdProfiles', householdId), ports.store.get('profileOptOuts', householdId)])
  return profile !== null && optOut === null
}

export const survey: ActionHandler<C['survey']> = async ({ ports, actor }, input) => {
  const now = ports.clock.now()
  // A butler entering a survey names the household; a resident answers for their own.
  const [s, asked] = await Promise.all([
    surveyIn(ports, actor.communityId, input.id),
    input.householdId ? ports.store.get('households', input.householdId) : Promise.resolve(null)
  ])
  if (!s) return surveyNotFound()
  const staff = actor.roles.some((r) => r === 'operator' || r === 'service' || r === 'butler')
  const homes = await reachedHomes(ports, s, actor.householdIds)
  const home = input.householdId ? (asked && asked.communityId === actor.communityId && (staff || homes.some((h) => h._id === asked._id)) ? asked : null) : (homes[0] ?? null)
  if (!home && !staff) return fail('SURVEY.NOT_FOR_YOU', '这份问卷没有发给你的房屋')
  // Staff looking at another household see the copy they would enter for it (paper or door to door).
  const who = home && !homes.some((h) => h._id === home._id) ? paperAnswerer(home._id) : actor.user._id
  const [response, fills] = home ? await Promise.all([ports.store.get('surveyResponses', responseId(s, home._id, who)), consents(ports, home._id)]) : [null, false]
  return ok({
    ...summaryOf(s, now, response !== null),
    intro: s.intro,
    opensAt: s.opensAt,
    items: s.questions,
    mine: response ? { answers: response.answers, channel: response.channel, at: response.at } : null,
    fillsProfile: fills && s.questions.some((q) => q.profileFact)
  })
}

/**
 * Profile facts from the answers, written only with the household's consent, each with the survey
 * it came from. Returns the facts written.
 */
async function fillProfile(ports: Ports, s: SurveyDoc, householdId: string, answers: Record<string, Answer>, channel: SurveyChannel, now: number): Promise<ProfileFact[]> {
  const mapped = s.questions.filter((q): q is Question & { profileFact: ProfileFact } => q.profileFact !== undefined && answers[q.key] !== undefined)
  if (mapped.length === 0 || !(await consents(ports, householdId))) return []
  const set: Record<string, unknown> = { updatedAt: now }
  for (const q of mapped) {
    const a = answers[q.key]
    const value = q.type === 'number' ? Number(a) : a === 0
    set[`facts.${q.profileFact}`] = { value, surveyId: s._id, surveyTitle: s.title, channel, at: now }
  }
  await ports.store.update('householdProfiles', householdId, { set })
  return mapped.map((q) => q.profileFact)
}

async function writeResponse(
  ports: Ports,
  s: SurveyDoc,
  home: HouseholdDoc,
  by: { userId: string; answeredBy: string | null; channel: SurveyChannel; enteredBy: string | null },
  raw: Record<string, Answer>,
  now: number
) {
  if (now < s.opensAt) return fail('SURVEY.NOT_OPEN', '问卷尚未开始')
  if (now >= s.closesAt) return fail('SURVEY.CLOSED', '问卷已截止')
  const checked = checkAnswers(s.questions, raw)
  if (!checked.ok) return fail('SURVEY.ANSWER_INVALID', `请检查：${checked.fields.map((f) => f.label ?? '').filter(Boolean).slice(0, 3).join('、')}`, checked.fields)
  const doc: SurveyResponseDoc = {
    _id: responseId(s, home._id, by.userId),
    surveyId: s._id,
    communityId: s.communityId,
    householdId: home._id,
    buildingId: home.buildingId,
    userId: s.anonymous ? null : by.answeredBy,
    channel: by.channel,
    enteredBy: by.enteredBy,
    answers: checked.answers,
    at: now
  }
  const written = await ports.store.insert('surveyResponses', doc)
  if (!written.ok) return fail('SURVEY.ANSWERED', s.per === 'household' ? '本户已提交过这份问卷' : '你已提交过这份问卷')
  const [profileUpdated] = await Promise.all([fillProfile(ports, s, home._id, checked.answers, by.channel, now), ports.store.update('surveys', s._id, { inc: { responses: 1 } })])
  return ok({ id: doc._id, profileUpdated })
}

export const answerSurvey: ActionHandler<C['answerSurvey']> = async ({ ports, actor }, input) => {
  const now = ports.clock.now()
  const s = await surveyIn(ports, actor.communityId, input.id)
  if (!s) return surveyNotFound()
  const homes = await reachedHomes(ports, s, actor.householdIds)
  const home = input.householdId ? homes.find((h) => h._id === input.householdId) : homes[0]
  if (!home) return fail('SURVEY.NOT_FOR_YOU', '这份问卷没有发给你的房屋', input.householdId ? [{ path: 'householdId', label: '房屋', message: '不在问卷范围内' }] : undefined)
  return writeResponse(ports, s, home, { userId: actor.user._id, answeredBy: actor.user._id, channel: 'miniapp', enteredBy: null }, input.answers, now)
}

/** A paper or door-to-door survey entered by the grid's butler for one household of the grid. */
export const recordSurvey: ActionHandler<C['recordSurvey']> = async ({ ports, actor }, input) => {
  const now = ports.clock.now()
  const [s, home, stats] = await Promise.all([
    surveyIn(ports, actor.communityId, input.id),
    ports.store.get('households', input.householdId),
    ports.store.get('householdStats', input.householdId)
  ])
  if (!s) return surveyNotFound()
  if (!home || home.communityId !== actor.communityId || !actor.grids.some((g) => g.buildingIds.includes(home.buildingId))) {
    return fail('SURVEY.NOT_FOR_YOU', '该房屋不在你负责的网格', [{ path: 'householdId', label: '房屋', message: '不在你的网格' }])
  }
  if (!reachesHome(s, home, stats ?? undefined)) return fail('SURVEY.NOT_FOR_YOU', '该房屋不在问卷的发布范围内', [{ path: 'householdId', label: '房屋', message: '不在发布范围' }])
  return writeResponse(ports, s, home, { userId: paperAnswerer(home._id), answeredBy: null, channel: input.channel, enteredBy: actor.user._id }, input.answers, now)
}

/** Households of some buildings the survey reaches, counted by the store (its need segment's, for one). */
export function reachedIn(ports: Ports, s: SurveyDoc, buildingIds: readonly string[]): Promise<number> {
  const within = s.buildingIds ? buildingIds.filter((b) => s.buildingIds!.includes(b)) : [...buildingIds]
  if (within.length === 0) return Promise.resolve(0)
  const where = s.audience.kind === 'need' && s.audience.need ? { communityId: s.communityId, [`needFlags.${s.audience.need}`]: true, buildingId: { in: within } } : { communityId: s.communityId, buildingId: { in: within } }
  return ports.store.count(s.audience.kind === 'need' ? 'householdStats' : 'households', where)
}

/**
 * Each butler's survey response rate over the surveys open between two times: the grid's homes
 * that answered against the grid's homes the surveys reach, summed over the surveys. Absent for a
 * butler when no survey was open.
 */
export async function surveyRates(ports: Ports, communityId: string, from: number, to: number): Promise<Map<string, number>> {
  const [open, grids] = await Promise.all([
    ports.store.find('surveys', { where: { communityId, opensAt: { lte: to }, closesAt: { gte: from } }, limit: 50 }),
    ports.store.find('grids', { where: { communityId }, limit: 200 })
  ])
  const out = new Map<string, number>()
  if (open.length === 0) return out
  const byButler = new Map<string, string[]>()
  for (const g of grids) byButler.set(g.butlerUserId, [...(byButler.get(g.butlerUserId) ?? []), ...g.buildingIds])
  const butlers = [...byButler]
  // The responses and the homes reached, read together: each is a round trip on CloudBase.
  const [responses, reached] = await Promise.all([
    findAll(ports.store, 'surveyResponses', { surveyId: { in: open.map((s) => s._id) } }),
    Promise.all(butlers.map(([, buildings]) => Promise.all(open.map((s) => reachedIn(ports, s, buildings)))))
  ])
  butlers.forEach(([butler, buildings], i) => {
    const answered = open.map((s) => new Set(responses.filter((r) => r.surveyId === s._id && buildings.includes(r.buildingId)).map((r) => r.householdId)).size)
    const whole = (reached[i] ?? []).reduce((a, b) => a + b, 0)
    if (whole > 0) out.set(butler, Math.round((answered.reduce((a, b) => a + b, 0) / whole) * 10_000))
  })
  return out
}

function aggregate(q: Question, rows: readonly SurveyResponseDoc[]): QResult {
  const answers = rows.map((r) => r.answers[q.key]).filter((a): a is Answer => a !== undefined)
  const base = { key: q.key, type: q.type, title: q.title, answered: answers.length, counts: [] as number[], labels: [] as string[], average: null as number | null, min: null as number | null, max: null as number | null, texts: [] as string[] }
  if (q.type === 'single' || q.type === 'multi') {
    const counts = q.options.map(() => 0)
    for (const a of answers) for (const o of Array.isArray(a) ? a : [a]) if (typeof o === 'number' && counts[o] !== undefined) counts[o]++
    return { ...base, counts, labels: q.options }
  }
  const nums = answers.filter((a): a is number => typeof a === 'number')
  if (q.type === 'rating') {
    const top = q.max ?? 5
    const counts = Array.from({ length: top }, (_, i) => nums.filter((n) => n === i + 1).length)
    return { ...base, counts, labels: counts.map((_, i) => `${i + 1} 分`), average: nums.length ? Math.round((nums.reduce((a, b) => a + b, 0) / nums.length) * 10) / 10 : null }
  }
  if (q.type === 'number') {
    return { ...base, average: nums.length ? Math.round((nums.reduce((a, b) => a + b, 0) / nums.length) * 10) / 10 : null, min: nums.length ? Math.min(...nums) : null, max: nums.length ? Math.max(...nums) : null }
  }
  const texts = [...rows].sort((a, b) => b.at - a.at).map((r) => r.answers[q.key]).filter((a): a is string => typeof a === 'string' && a !== '')
  return { ...base, texts: texts.slice(0, 50) }
}

export const surveyResults: ActionHandler<C['surveyResults']> = async ({ ports, actor }, input) => {
  const [s, grids] = await Promise.all([surveyIn(ports, actor.communityId, input.id), ports.store.find('grids', { where: { communityId: actor.communityId }, limit: 200 })])
  if (!s) return surveyNotFound()
  const f = input.filter
  const grid = f.gridId ? grids.find((g) => g._id === f.gridId) : undefined
  if (f.gridId && !grid) return fail('REQUEST.INVALID_INPUT', '网格不存在', [{ path: 'filter.gridId', label: '网格', message: '网格不存在' }])
  const all = await findAll(ports.store, 'surveyResponses', { surveyId: s._id })
  const needStats = f.need ? await getMany(ports.store, 'householdStats', all.map((r) => r.householdId)) : new Map<string, HouseholdStatsDoc>()
  const rows = all.filter(
    (r) => (!f.buildingId || r.buildingId === f.buildingId) && (!grid || grid.buildingIds.includes(r.buildingId)) && (!f.need || needStats.get(r.householdId)?.needFlags[f.need] === true)
  )
  // Households the survey reaches in each grid, counted by the store, against those that responded.
  const [perGrid, total] = await Promise.all([
    Promise.all(grids.map((g) => reachedIn(ports, s, g.buildingIds))),
    s.buildingIds ? reachedIn(ports, s, s.buildingIds) : ports.store.count(s.audience.kind === 'need' ? 'householdStats' : 'households', s.audience.kind === 'need' && s.audience.need ? { communityId: s.communityId, [`needFlags.${s.audience.need}`]: true } : { communityId: s.communityId })
  ])
  const unanswered = actor.roles.includes('butler') ? await gridUnanswered(ports, s, actor.grids, all) : []
  const respondedHomes = (g: GridDoc) => new Set(all.filter((r) => g.buildingIds.includes(r.buildingId)).map((r) => r.householdId)).size
  const channels = (['miniapp', 'paper', 'door'] as const).map((channel) => ({ channel, count: rows.filter((r) => r.channel === channel).length }))
  return ok({
    responses: rows.length,
    households: total,
    questions: s.questions.map((q) => aggregate(q, rows)),
    grids: grids.map((g, i) => ({ gridId: g._id, name: g.name, households: perGrid[i] ?? 0, responded: respondedHomes(g) })).filter((g) => g.households > 0),
    channels,
    unanswered
  })
}

/** The butler's households the survey reaches that have no response yet, labelled, in room order. */
async function gridUnanswered(ports: Ports, s: SurveyDoc, grids: readonly GridDoc[], responses: readonly SurveyResponseDoc[]): Promise<{ householdId: string; label: string }[]> {
  const own = [...new Set(grids.flatMap((g) => g.buildingIds))].filter((b) => !s.buildingIds || s.buildingIds.includes(b))
  if (own.length === 0) return []
  const [homes, stats] = await Promise.all([
    findAll(ports.store, 'households', { communityId: s.communityId, buildingId: { in: own } }),
    s.audience.kind === 'need' ? findAll(ports.store, 'householdStats', { communityId: s.communityId, buildingId: { in: own } }) : Promise.resolve([])
  ])
  const byId = new Map(stats.map((x) => [x._id, x]))
  const answered = new Set(responses.map((r) => r.householdId))
  const open = homes.filter((h) => !answered.has(h._id) && reachesHome(s, h, byId.get(h._id)))
  const labels = await householdLabels(ports, open.map((h) => h._id), s.communityId)
  return open.map((h) => ({ householdId: h._id, label: labels.get(h._id) ?? '' })).sort((a, b) => a.label.localeCompare(b.label, 'zh-CN', { numeric: true }))
}

const EXPORT_PAGE = 500

/** Every response as a spreadsheet row, a page at a time: named surveys carry the home and who answered. */
export const surveyResponses: ActionHandler<C['surveyResponses']> = async ({ ports, actor }, input) => {
  const s = await surveyIn(ports, actor.communityId, input.id)
  if (!s) return surveyNotFound()
  const after = input.cursor ? afterTimeCursor(input.cursor, 'at', 'asc') : null
  if (input.cursor && !after) return fail('REQUEST.INVALID_INPUT', '分页参数无效', [{ path: 'cursor', label: '分页位置', message: '无效' }])
  const rows = await ports.store.find('surveyResponses', {
    where: after ? { and: [{ surveyId: s._id }, after] } : { surveyId: s._id },
    orderBy: [
      { field: 'at', dir: 'asc' },
      { field: '_id', dir: 'asc' }
    ],
    limit: EXPORT_PAGE
  })
  const [labels, users] = s.anonymous
    ? [new Map<string, string>(), new Map<string, UserDoc>()]
    : await Promise.all([householdLabels(ports, rows.map((r) => r.householdId), s.communityId), getMany(ports.store, 'users', rows.flatMap((r) => (r.userId ? [r.userId] : [])))])
  const header = ['提交时间', '渠道', ...(s.anonymous ? [] : ['房屋', '填写人']), ...s.questions.map((q) => q.title)]
  return ok({
    header,
    rows: rows.map((r) => [
      r.at,
      SURVEY_CHANNEL_LABELS[r.channel],
      ...(s.anonymous ? [] : [labels.get(r.householdId) ?? '', r.userId ? (users.get(r.userId)?.nickname ?? '') : '管家代录']),
      ...s.questions.map((q) => answerText(q, r.answers[q.key]))
    ]),
    cursor: timeCursorOf(rows, EXPORT_PAGE, (r) => r.at)
  })
}
