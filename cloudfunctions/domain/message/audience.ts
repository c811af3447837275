import { NEED_LABELS, type Need } from '../../contracts/insights-labels'
import type { NoticeAudience } from '../../contracts/message-audience'
import type { NoticeState } from '../../contracts/message-kinds'
import { getMany } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import type { BuildingDoc, HouseholdDoc } from '../docs'
import type { HouseholdStatsDoc } from '../insights/docs'
import type { NoticeDoc, NoticeReadDoc } from './docs'

export type ResolvedAudience = Pick<NoticeDoc, 'audience' | 'buildingIds' | 'audienceLabel'>

function buildingsLabel(names: readonly string[]): string {
  return names.length <= 3 ? names.join('、') : `${names.slice(0, 3).join('、')} 等 ${names.length} 栋`
}

/**
 * The audience as saved: checked against the community (a building or grid of another community
 * is refused as unknown), with the buildings it comes to fixed at this moment.
 */
export async function resolveAudience(ports: Ports, communityId: string, a: NoticeAudience): Promise<ResolvedAudience | { field: string; message: string }> {
  if (a.kind === 'community') return { audience: { kind: 'community', buildingIds: [] }, buildingIds: null, audienceLabel: '全体住户' }
  if (a.kind === 'need') {
    const need = a.need as Need
    return { audience: { kind: 'need', buildingIds: [], need }, buildingIds: null, audienceLabel: `${NEED_LABELS[need]}人群` }
  }
  if (a.kind === 'grid') {
    const grid = await ports.store.get('grids', a.gridId ?? '')
    if (!grid || grid.communityId !== communityId) return { field: 'audience.gridId', message: '网格不存在' }
    if (grid.buildingIds.length === 0) return { field: 'audience.gridId', message: '该网格还没有楼栋' }
    return { audience: { kind: 'grid', buildingIds: [], gridId: grid._id }, buildingIds: [...grid.buildingIds], audienceLabel: grid.name }
  }
  const ids = [...new Set(a.buildingIds)]
  const found = await getMany(ports.store, 'buildings', ids)
  const mine = ids.map((id) => found.get(id)).filter((b): b is BuildingDoc => b?.communityId === communityId)
  if (mine.length !== ids.length) return { field: 'audience.buildingIds', message: '所选楼栋不在本社区' }
  mine.sort((x, y) => x.order - y.order)
  return { audience: { kind: 'buildings', buildingIds: ids }, buildingIds: mine.map((b) => b._id), audienceLabel: buildingsLabel(mine.map((b) => b.name)) }
}

export function noticeState(n: NoticeDoc, now: number): NoticeState {
  if (n.withdrawnAt !== null) return 'withdrawn'
  if (n.publishAt > now) return 'scheduled'
  if (n.expiresAt !== null && n.expiresAt <= now) return 'expired'
  return 'live'
}

/** Whether the household is in a notice's or survey's audience (`stats` only matters for a need segment). */
export function reaches(n: Pick<NoticeDoc, 'communityId' | 'buildingIds' | 'audience'>, h: HouseholdDoc, stats: HouseholdStatsDoc | undefined): boolean {
  if (h.communityId !== n.communityId) return false
  if (n.buildingIds) return n.buildingIds.includes(h.buildingId)
  if (n.audience.kind === 'need') return n.audience.need !== undefined && stats?.needFlags[n.audience.need] === true
  return true
}

/** Live notices of a community: a community keeps tens at a time, so one page holds them. */
export async function liveNotices(ports: Ports, communityId: string, now: number): Promise<NoticeDoc[]> {
  const rows = await ports.store.find('notices', {
    where: { communityId, publishAt: { lte: now }, withdrawnAt: null },
    orderBy: [{ field: 'publishAt', dir: 'desc' }],
    limit: 200
  })
  return rows.filter((n) => noticeState(n, now) === 'live')
}

/** Pinned first, then the newest. */
export function byPinThenTime(a: NoticeDoc, b: NoticeDoc): number {
  return Number(b.pinned) - Number(a.pinned) || b.publishAt - a.publishAt || (a._id < b._id ? 1 : -1)
}

export const receiptId = (noticeId: string, householdId: string) => `${noticeId}:${householdId}`

/**
 * What a set of households sees: the live notices that reach at least one of them, and which of
 * those some household of the set has opened. Reads in two levels: the notices and households,
 * then the receipts and (for need segments) the households' segment flags together.
 */
export async function visibleTo(
  ports: Ports,
  communityId: string,
  householdIds: readonly string[],
  now: number
): Promise<{ notices: NoticeDoc[]; read: Set<string> }> {
  if (householdIds.length === 0) return { notices: [], read: new Set() }
  const [live, households] = await Promise.all([liveNotices(ports, communityId, now), getMany(ports.store, 'households', householdIds)])
  const homes = [...households.values()].filter((h) => h.communityId === communityId)
  const needsStats = live.some((n) => n.audience.kind === 'need')
  const [receipts, stats] = await Promise.all([
    live.length && homes.length ? getMany(ports.store, 'noticeReads', live.flatMap((n) => homes.map((h) => receiptId(n._id, h._id)))) : Promise.resolve(new Map<string, NoticeReadDoc>()),
    needsStats ? getMany(ports.store, 'householdStats', homes.map((h) => h._id)) : Promise.resolve(new Map<string, HouseholdStatsDoc>())
  ])
  const notices = live.filter((n) => homes.some((h) => reaches(n, h, stats.get(h._id)))).sort(byPinThenTime)
  return { notices, read: new Set([...receipts.values()].map((r) => r.noticeId)) }
}
