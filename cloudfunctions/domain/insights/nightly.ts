import type { JobReport } from '../../kernel/module'
import { getMany, pages } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import type { InsightsCursorDoc } from './docs'
import { recomputeDirty } from './recompute'
import { recomputeFeeMonths, scoreCommunity, settleCases } from './score'
import { DirtyMarks, SOURCES, syncSource } from './sync'
import { generateAllTasks, freezeDay } from './tasks'
import { addDays, dayOf } from './time'

export interface NightlyOptions {
  /** Wall-clock budget; the pass stops between pages when it runs out and the next run resumes. */
  budgetMs?: number
  communityId?: string
}

async function cursorOf(ports: Ports, communityId: string): Promise<InsightsCursorDoc> {
  const existing = await ports.store.get('insightsCursors', communityId)
  if (existing) return existing
  const fresh: InsightsCursorDoc = { _id: communityId, since: {}, scoredDay: null, scoringAfter: null, scoringDay: null, updatedAt: ports.clock.now() }
  await ports.store.insert('insightsCursors', fresh)
  return (await ports.store.get('insightsCursors', communityId)) ?? fresh
}

/**
 * The nightly insights pass, per community, in an order where each step reads what the one before
 * wrote: project what changed in orders, bookings, sign-ups, ratings and feedback; recompute the
 * households and days they touched; once a day score every household, settle churn cases, refresh
 * fee collection, freeze yesterday's butler tasks and create today's.
 *
 * Every step is idempotent and resumable, so the timer may fire it as often as it likes: the
 * cloud trigger runs it every 10 minutes in the small hours, each run within the function timeout.
 */
export async function runNightly(ports: Ports, opts: NightlyOptions = {}): Promise<JobReport> {
  const started = Date.now()
  const hasTime = () => opts.budgetMs === undefined || Date.now() - started < opts.budgetMs
  const report = { communities: 0, read: 0, projected: 0, marked: 0, households: 0, days: 0, scored: 0, opened: 0, reactivated: 0, lost: 0, tasks: 0, complete: 1, syncMs: 0, recomputeMs: 0, scoreMs: 0, dailyMs: 0 }
  const timed = async <T>(key: 'syncMs' | 'recomputeMs' | 'scoreMs' | 'dailyMs', f: () => Promise<T>): Promise<T> => {
    const t = Date.now()
    try {
      return await f()
    } finally {
      report[key] += Date.now() - t
    }
  }
  const today = dayOf(ports.clock.now())
  let communities: string[] = []
  if (opts.communityId) communities.push(opts.communityId)
  else for await (const page of pages(ports.store, 'communities')) communities.push(...page.map((c) => c._id))
  // The community scored longest ago goes first, so one slow community never starves the others.
  const cursors = await getMany(ports.store, 'insightsCursors', communities)
  communities = [...communities].sort((a, b) => (cursors.get(a)?.scoredDay ?? '').localeCompare(cursors.get(b)?.scoredDay ?? '') || a.localeCompare(b))
  for (const communityId of communities) {
    report.communities++
    const cursor = await cursorOf(ports, communityId)
    const marks = new DirtyMarks(ports, communityId)
    let complete = true
    for (const source of SOURCES) {
      const r = await timed('syncMs', () => syncSource(ports, cursor, source, marks, hasTime))
      report.read += r.read
      report.projected += r.projected
      complete &&= r.complete
    }
    report.marked += marks.marked
    if (complete) {
      const r = await timed('recomputeMs', () => recomputeDirty(ports, communityId, hasTime))
      report.households += r.households
      report.days += r.days
      complete = r.complete
    }
    if (complete && cursor.scoredDay !== today) {
      const s = await timed('scoreMs', () => scoreCommunity(ports, cursor, hasTime))
      report.scored += s.scored
      report.opened += s.opened
      complete = s.complete
      if (complete) {
        await timed('dailyMs', async () => {
          const settled = await settleCases(ports, communityId)
          report.reactivated += settled.reactivated
          report.lost += settled.lost
          await recomputeFeeMonths(ports, communityId, today)
          // Every finished day since the last complete pass (a missed night included), a week at most.
          const from = cursor.scoredDay && cursor.scoredDay > addDays(today, -8) ? cursor.scoredDay : addDays(today, -7)
          for (let d = from; d < today; d = addDays(d, 1)) await freezeDay(ports, communityId, d)
          report.tasks += await generateAllTasks(ports, communityId, today)
          await ports.store.update('insightsCursors', communityId, { set: { scoredDay: today, scoringAfter: null, updatedAt: ports.clock.now() } })
        })
      }
    }
    if (!complete) {
      report.complete = 0
      break
    }
  }
  return report
}
