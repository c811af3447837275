import type { z } from 'zod'
import { shanghaiDay } from '../../contracts/shanghai'
import type { messageContracts } from '../../contracts/message'
import type { CommunityActor } from '../../kernel/actor'
import type { ActionHandler } from '../../kernel/module'
import { findAll } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import { fail, ok } from '../../kernel/result'
import type { Filter } from '../../kernel/store'
import type { HouseholdDoc } from '../docs'
import { needFilter } from '../insights/segment-query'
import { communityBuildings, householdLabels } from '../user/labels'
import { noticeState, reaches, receiptId } from './audience'
import type { NoticeDoc, NoticeNudgeDoc } from './docs'
import { noticeIn, noticeNotFound, staffView } from './notices'

type C = typeof messageContracts
type Unread = z.input<C['gridUnread']['output']>['households'][number]

/** The households a building holds that the notice reaches: every one, or its need segment's. */
function audienceIn(n: NoticeDoc, buildingId: string): Filter {
  if (n.audience.kind === 'need' && n.audience.need) return needFilter(n.communityId, n.audience.need, [buildingId])
  return { communityId: n.communityId, buildingId }
}

/**
 * Read rates per building: for each building the notice reaches, its households and their
 * receipts, counted by the store (two counts a building, all at once) rather than read row by row.
 */
export const noticeStats: ActionHandler<C['noticeStats']> = async ({ ports, actor }, input) => {
  const [n, buildings] = await Promise.all([noticeIn(ports, actor.communityId, input.id), communityBuildings(ports.store, [actor.communityId])])
  if (!n) return noticeNotFound()
  const reached = buildings.filter((b) => !n.buildingIds || n.buildingIds.includes(b._id)).sort((x, y) => x.order - y.order)
  const collection = n.audience.kind === 'need' ? 'householdStats' : 'households'
  const rows = await Promise.all(
    reached.map(async (b) => {
      const [households, reads] = await Promise.all([ports.store.count(collection, audienceIn(n, b._id)), ports.store.count('noticeReads', { noticeId: n._id, buildingId: b._id })])
      return { buildingId: b._id, name: b.name, households, reads }
    })
  )
  const listed = rows.filter((r) => r.households > 0 || r.reads > 0)
  return ok({
    notice: staffView(n, ports.clock.now()),
    households: listed.reduce((s, r) => s + r.households, 0),
    reads: listed.reduce((s, r) => s + r.reads, 0),
    buildings: listed
  })
}

/** The butler's households the notice reaches, with their receipts, members and nudges. */
async function gridReach(ports: Ports, actor: CommunityActor, n: NoticeDoc) {
  const own = [...new Set(actor.grids.flatMap((g) => g.buildingIds))].filter((b) => !n.buildingIds || n.buildingIds.includes(b))
  if (own.length === 0) return { households: [] as HouseholdDoc[], read: new Set<string>(), members: new Map<string, number>(), nudges: [] as NoticeNudgeDoc[] }
  const [households, receipts, nudges, stats] = await Promise.all([
    findAll(ports.store, 'households', { communityId: n.communityId, buildingId: { in: own } }),
    findAll(ports.store, 'noticeReads', { noticeId: n._id, buildingId: { in: own } }),
    findAll(ports.store, 'noticeNudges', { noticeId: n._id }),
    n.audience.kind === 'need' && n.audience.need ? findAll(ports.store, 'householdStats', needFilter(n.communityId, n.audience.need, own)) : Promise.resolve([])
  ])
  const statsById = new Map(stats.map((s) => [s._id, s]))
  const reachedHomes = households.filter((h) => reaches(n, h, statsById.get(h._id)))
  const read = new Set(receipts.map((r) => r.householdId))
  const unreadIds = reachedHomes.filter((h) => !read.has(h._id)).map((h) => h._id)
  const memberships = unreadIds.length ? await findAll(ports.store, 'memberships', { householdId: { in: unreadIds }, status: 'active' }) : []
  const members = new Map<string, number>()
  for (const m of memberships) members.set(m.householdId, (members.get(m.householdId) ?? 0) + 1)
  return { households: reachedHomes, read, members, nudges }
}

export const gridUnread: ActionHandler<C['gridUnread']> = async ({ ports, actor }, input) => {
  const n = await noticeIn(ports, actor.communityId, input.id)
  if (!n) return noticeNotFound()
  const now = ports.clock.now()
  const today = shanghaiDay(now)
  const reach = await gridReach(ports, actor, n)
  const unread = reach.households.filter((h) => !reach.read.has(h._id))
  const labels = await householdLabels(ports, unread.map((h) => h._id), actor.communityId)
  const lastNudge = new Map<string, number>()
  for (const x of reach.nudges) lastNudge.set(x.householdId, Math.max(lastNudge.get(x.householdId) ?? 0, x.at))
  const households: Unread[] = unread
    .map((h) => {
      const last = lastNudge.get(h._id) ?? null
      return { householdId: h._id, label: labels.get(h._id) ?? '', members: reach.members.get(h._id) ?? 0, lastNudgedAt: last, nudgedToday: last !== null && shanghaiDay(last) === today }
    })
    .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN', { numeric: true }))
  return ok({ notice: staffView(n, now), households, total: reach.households.length })
}

/**
 * A butler's reminder to a household that has not opened a live notice: every active member gets
 * a message that opens it. The nudge is logged under a key of the day, so a household is
 * reminded at most once a day however often the button is pressed.
 */
export const nudge: ActionHandler<C['nudge']> = async ({ ports, actor }, input) => {
  const now = ports.clock.now()
  const [n, h, receipt, members] = await Promise.all([
    noticeIn(ports, actor.communityId, input.id),
    ports.store.get('households', input.householdId),
    ports.store.get('noticeReads', receiptId(input.id, input.householdId)),
    ports.store.find('memberships', { where: { householdId: input.householdId, status: 'active' }, limit: 100 })
  ])
  if (!n) return noticeNotFound()
  if (noticeState(n, now) !== 'live') return fail('NOTICE.NOT_LIVE', '公告未在展示中，无法提醒')
  const inGrid = h && h.communityId === actor.communityId && actor.grids.some((g) => g.buildingIds.includes(h.buildingId))
  if (!h || !inGrid) return fail('NOTICE.NOT_IN_GRID', '该房屋不在你负责的网格', [{ path: 'householdId', label: '房屋', message: '不在你的网格' }])
  const stats = n.audience.kind === 'need' ? await ports.store.get('householdStats', h._id) : null
  if (!reaches(n, h, stats ?? undefined)) return fail('NOTICE.NOT_IN_GRID', '该房屋不在公告的发布范围内', [{ path: 'householdId', label: '房屋', message: '不在发布范围' }])
  if (receipt) return fail('NOTICE.ALREADY_READ', '该户已阅读，无需提醒')
  if (members.length === 0) return fail('NOTICE.NO_MEMBERS', '该户还没有住户使用小程序，请上门或电话告知')
  const nudgeId = `${n._id}:${h._id}:${shanghaiDay(now)}`
  const log: NoticeNudgeDoc = { _id: nudgeId, noticeId: n._id, communityId: n.communityId, householdId: h._id, butlerId: actor.user._id, members: members.length, at: now }
  const written = await ports.store.insert('noticeNudges', log)
  if (!written.ok) return fail('NOTICE.NUDGED_TODAY', '今天已提醒过该户，明天再试')
  await Promise.all(
    members.map((m) =>
      ports.notifier.notify({
        key: `nudge:${nudgeId}:${m.userId}`,
        userId: m.userId,
        communityId: n.communityId,
        kind: 'notice-nudge',
        title: `请阅读公告：${n.title}`,
        body: `${actor.user.nickname}提醒您阅读这条${n.important ? '重要' : ''}公告`,
        link: `/packages/message/pages/notice/index?id=${encodeURIComponent(n._id)}`
      })
    )
  )
  return ok({ members: members.length, at: now })
}
