import { shanghaiInstant } from '../../contracts/shanghai'
import { HONOR_KIND_LABELS, type HonorKind } from '../../contracts/selling-labels'
import { findAll, getMany } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import { boardRows } from '../insights/workspace'

/** A month's span: its first and last Shanghai days and the instants that bound it. */
export function monthSpan(month: string): { firstDay: string; lastDay: string; start: number; end: number } {
  const y = Number(month.slice(0, 4))
  const m = Number(month.slice(5, 7))
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return { firstDay: `${month}-01`, lastDay: `${month}-${String(days).padStart(2, '0')}`, start: shanghaiInstant(y, m, 1), end: shanghaiInstant(y, m + 1, 1) - 1 }
}

export interface Candidate {
  kind: HonorKind
  kindLabel: string
  refId: string
  userId: string
  name: string
  photo: string | null
  reasons: string[]
  hasHome: boolean
}

/** Suggestions need at least three ratings averaging 4.5, or punctuality of 95% over three jobs. */
const MIN_RATINGS = 3
const MIN_AVG100 = 450
const MIN_ON_TIME_JOBS = 3
const MIN_ON_TIME = 0.95
/** Late by at most this many minutes still counts as on time (as the worker's reputation does). */
const ON_TIME_MIN = 5
/** A butler reaching 80% of the month's task targets is suggested. */
const MIN_COMPLETION_BP = 8000

const pct = (x: number) => `${Math.round(x * 100)}%`

/**
 * Workers and butlers worth the month's roll, each with the reasons in plain words: workers from
 * the month's ratings, approved 表扬信 and punctuality; butlers from task completion, training
 * certificates and the 表扬信 their grids' households wrote.
 */
export async function honorCandidates(ports: Ports, communityId: string, month: string): Promise<Candidate[]> {
  const { firstDay, lastDay, start, end } = monthSpan(month)
  const [workers, ratings, praises, done, board] = await Promise.all([
    ports.store.find('workers', { where: { communityId }, limit: 200 }),
    findAll(ports.store, 'ratings', { communityId, at: { gte: start, lte: end } }),
    findAll(ports.store, 'praiseLetters', { communityId, status: 'approved', at: { gte: start, lte: end } }),
    findAll(ports.store, 'bookings', { communityId, slotStart: { gte: start, lte: end }, status: 'done' }),
    boardRows(ports, communityId, firstDay, lastDay)
  ])
  const out: Omit<Candidate, 'photo' | 'hasHome'>[] = []
  for (const w of workers) {
    const reasons: string[] = []
    const rs = ratings.filter((r) => r.workerId === w._id)
    const avg100 = rs.length ? rs.reduce((n, r) => n + r.avg100, 0) / rs.length : 0
    if (rs.length >= MIN_RATINGS && avg100 >= MIN_AVG100) reasons.push(`本月 ${rs.length} 次评价，平均 ${(avg100 / 100).toFixed(1)} 分`)
    const letters = praises.filter((p) => p.workerId === w._id).length
    if (letters > 0) reasons.push(`收到 ${letters} 封表扬信`)
    const arrived = done.filter((b) => b.workerId === w._id && b.lateMin !== undefined)
    const onTime = arrived.filter((b) => (b.lateMin ?? 0) <= ON_TIME_MIN).length
    if (arrived.length >= MIN_ON_TIME_JOBS && onTime / arrived.length >= MIN_ON_TIME) reasons.push(`准时上门 ${pct(onTime / arrived.length)}（${arrived.length} 单）`)
    if (reasons.length) out.push({ kind: 'worker', kindLabel: HONOR_KIND_LABELS.worker, refId: w._id, userId: w.userId, name: w.name, reasons })
  }
  for (const row of board) {
    const reasons: string[] = []
    if (row.target > 0 && row.completionBp >= MIN_COMPLETION_BP) reasons.push(`本月任务完成 ${pct(row.completionBp / 10_000)}`)
    if (row.praises > 0) reasons.push(`网格住户写来 ${row.praises} 封表扬信`)
    if (row.certificates > 0) reasons.push(`持有 ${row.certificates} 张培训证书`)
    if (reasons.length) out.push({ kind: 'butler', kindLabel: HONOR_KIND_LABELS.butler, refId: row.butlerUserId, userId: row.butlerUserId, name: row.name, reasons })
  }
  out.sort((a, b) => b.reasons.length - a.reasons.length || a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name, 'zh'))
  const userIds = [...new Set(out.map((c) => c.userId).filter(Boolean))]
  const [photos, homes] = await Promise.all([photosOf(ports, userIds), homesOf(ports, communityId, userIds)])
  return out.map((c) => ({ ...c, photo: photos.get(c.userId) ?? null, hasHome: homes.has(c.userId) }))
}

/** Profile photos as stored ('' is none). */
export async function photosOf(ports: Ports, userIds: readonly string[]): Promise<Map<string, string>> {
  const users = await getMany(ports.store, 'users', userIds)
  return new Map([...users].filter(([, u]) => u.avatarUrl).map(([id, u]) => [id, u.avatarUrl]))
}

/** Users holding an active household in the community: points and cards can only go to them. */
async function homesOf(ports: Ports, communityId: string, userIds: readonly string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set()
  const ms = await findAll(ports.store, 'memberships', { communityId, status: 'active', userId: { in: [...userIds] } })
  return new Set(ms.map((m) => m.userId))
}
