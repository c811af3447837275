/**
 * `npm run bench -- notice`: one notice published to 10,000 households, 2,000 concurrent reads,
 * and 2,000 concurrent ballots on one owner vote, through the real request path (contracts,
 * identity, handlers) on a file-backed SQLite store as the local server runs it.
 *
 * The design this measures: a notice is one shared document, and a household's receipt is written
 * when one of its members opens it (`${noticeId}:${householdId}`, unique). Publishing is one
 * insert whatever the audience, so it fits any CloudBase function timeout; each resident's feed
 * filters the community's live notices (tens) by its own household. A fan-out of 10,000 inbox
 * rows would instead be 10,000 writes, resumable pages, and a second copy of every notice.
 *
 * Figures: `households`, `delivered` (households whose feed shows the notice, checked one by one),
 * `duplicates` (a notice shown twice in a feed, receipts beyond one a household, and a count that
 * disagrees with its receipts: must be 0), `fanoutSeconds` (publishing), `readReceiptsPerSecond`
 * (2,000 concurrent opens, 500 of them a second open of the same household), `ballots`,
 * `ballotsCounted` (in the published tally), `doubleBallots` (must be 0), and the store's
 * `conditionalUpdatesPerSecond` from the same run.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { SqliteStore } from '../cloudfunctions/adapters/sqlite/sqlite-store'
import type { ApiResponse } from '../cloudfunctions/contracts/errors'
import type { ActionId, InputOf, OutputOf } from '../cloudfunctions/contracts/registry'
import type { BuildingDoc, CommunityDoc, HouseholdDoc, MembershipDoc, StaffRoleDoc, UserDoc } from '../cloudfunctions/domain/docs'
import { closeVotes } from '../cloudfunctions/domain/message/votes'
import { COUNT_GRACE_MS } from '../cloudfunctions/domain/message/vote-roll'
import { findAll } from '../cloudfunctions/kernel/paging'
import type { Clock } from '../cloudfunctions/kernel/ports'
import { localMains, localPorts } from '../scripts/server/local-runtime'
import { type BenchResult, round } from './lib/bench'
import { measureConditionalUpdates } from './store'

const BUILDINGS = 50
const PER_BUILDING = 200
const READS = 2000
const REPEATS = 500
const BALLOTS = 2000
const POOL = 64
const C = 'c-bench'
const T0 = Date.UTC(2026, 11, 1, 2)

class BenchClock implements Clock {
  constructor(public t: number) {}
  now() {
    return this.t
  }
}

/** Runs `run` over the items, `POOL` at a time. */
async function pooled<T, R>(items: readonly T[], run: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length)
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(POOL, items.length) }, async () => {
      while (next < items.length) {
        const i = next++
        out[i] = await run(items[i]!)
      }
    })
  )
  return out
}

async function seed(store: SqliteStore): Promise<string[]> {
  const community: CommunityDoc = { _id: C, name: '压测社区', city: '杭州', address: '压测路 1 号', createdAt: T0 }
  await store.insert('communities', community)
  const homes: string[] = []
  for (let b = 0; b < BUILDINGS; b++) {
    const building: BuildingDoc = { _id: `b-${b}`, communityId: C, name: `${b + 1}栋`, order: b + 1 }
    await store.insert('buildings', building)
    for (let r = 0; r < PER_BUILDING; r++) {
      const id = `h-${b}-${r}`
      const h: HouseholdDoc = { _id: id, communityId: C, buildingId: building._id, room: String(100 * (Math.floor(r / 8) + 1) + (r % 8) + 1), areaCm2: 8000 + ((b * 7 + r * 13) % 6000), codeHash: `unissued:${id}`, createdAt: T0 }
      const u: UserDoc = { _id: `u-${b}-${r}`, openid: `dev-u-${b}-${r}`, nickname: `住户${b}-${r}`, avatarUrl: '', createdAt: T0, updatedAt: T0 }
      const m: MembershipDoc = { _id: `${id}:${u._id}`, userId: u._id, householdId: id, communityId: C, relation: 'owner', status: 'active', via: 'seed', createdAt: T0 }
      await Promise.all([store.insert('households', h), store.insert('users', u), store.insert('memberships', m)])
      homes.push(id)
    }
  }
  const op: UserDoc = { _id: 'u-op', openid: 'dev-u-op', nickname: '压测运营', avatarUrl: '', createdAt: T0, updatedAt: T0 }
  const role: StaffRoleDoc = { _id: `${C}:u-op:operator`, userId: 'u-op', communityId: C, role: 'operator', createdAt: T0 }
  await Promise.all([store.insert('users', op), store.insert('staffRoles', role)])
  return homes
}

const userOf = (householdId: string) => `u-${householdId.slice(2)}`

export async function run(): Promise<BenchResult> {
  const updates = await measureConditionalUpdates(1)
  const dir = mkdtempSync(path.join(os.tmpdir(), 'linli-bench-notice-'))
  const store = new SqliteStore(path.join(dir, 'bench.db'))
  try {
    const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined }
    const clock = new BenchClock(T0)
    const ports = localPorts({ store, codePepper: 'bench-pepper-0123456789', clock, log: quiet })
    const mains = localMains(ports)
    let n = 0
    const call = async <A extends ActionId>(id: A, input: InputOf<A>, userId: string): Promise<ApiResponse<OutputOf<A>>> => {
      const [fn, action] = id.split('.') as [string, string]
      return (await mains[fn]!({ action, input, communityId: C }, { request_id: `b-${++n}`, identity: { openid: `dev-${userId}`, source: 'dev' } })) as ApiResponse<OutputOf<A>>
    }

    const homes = await seed(store)

    // Publishing: one request, one document, whatever the audience.
    let started = performance.now()
    const published = await call('message.saveNotice', { title: '全小区停水通知', category: 'outage', important: true, blocks: [{ type: 'text', text: '明日 9:00-15:00 全小区停水，请提前储水。' }], audience: { kind: 'community' }, clientRequestId: 'bench-notice-1' }, 'u-op')
    const fanoutSeconds = (performance.now() - started) / 1000
    if (!published.ok) throw new Error(`publish failed: ${published.error.message}`)
    const noticeId = published.data.id

    // Delivered: every household's own feed, asked one by one.
    started = performance.now()
    const shown = await pooled(homes, async (h) => {
      const res = await call('message.feed', { limit: 20 }, userOf(h))
      return res.ok ? res.data.items.filter((x) => x.id === noticeId).length : 0
    })
    const feedSeconds = (performance.now() - started) / 1000
    const delivered = shown.filter((k) => k >= 1).length
    const shownTwice = shown.filter((k) => k > 1).length

    // 2,000 concurrent opens: 1,500 households, 500 of them opening it a second time.
    const readers = homes.filter((_, i) => i % 5 === 0).slice(0, READS - REPEATS)
    const opens = [...readers, ...readers.slice(0, REPEATS)]
    started = performance.now()
    const opened = await Promise.all(opens.map((h) => call('message.notice', { id: noticeId }, userOf(h))))
    const readSeconds = (performance.now() - started) / 1000
    const receipts = await findAll(store, 'noticeReads', { noticeId })
    const notice = await store.get('notices', noticeId)
    const extraReceipts = receipts.length - new Set(receipts.map((r) => r.householdId)).size
    const countOff = Math.abs((notice?.reads ?? 0) - receipts.length)

    // The vote: a roll of 10,000 units, then 2,000 owners at once and 500 repeated attempts.
    started = performance.now()
    const made = await call('message.saveVote', { title: '增设电动自行车充电棚', rule: 'ordinary', kind: 'matter', scope: { kind: 'community' }, closesAt: T0 + 7 * 86_400_000, clientRequestId: 'bench-vote-1' }, 'u-op')
    const rollSeconds = (performance.now() - started) / 1000
    if (!made.ok) throw new Error(`vote failed: ${made.error.message}`)
    const voteId = made.data.id
    const voters = homes.filter((_, i) => i % 4 === 1).slice(0, BALLOTS)
    const attempts = [...voters.map((h, i) => ({ h, crid: `bench-ballot-${i}` })), ...voters.slice(0, REPEATS).map((h, i) => ({ h, crid: `bench-again-${i}` }))]
    started = performance.now()
    const cast = await Promise.all(attempts.map(({ h, crid }, i) => call('message.castBallot', { id: voteId, option: i % 3 === 0 ? 1 : 0, clientRequestId: crid }, userOf(h))))
    const ballotSeconds = (performance.now() - started) / 1000
    const refusedAgain = cast.slice(BALLOTS).filter((r) => !r.ok && r.error.code === 'VOTE.ALREADY_CAST').length
    const ballots = await findAll(store, 'ballots', { voteId })
    const vote = await store.get('votes', voteId)
    clock.t = T0 + 7 * 86_400_000 + COUNT_GRACE_MS
    await closeVotes(ports)
    const counted = (await store.get('votes', voteId))?.tally
    const doubleBallots = ballots.length - new Set(ballots.map((b) => b.householdId)).size + Math.abs((vote?.ballots ?? 0) - ballots.length)

    return {
      design: 'one shared notice; receipts written on read',
      households: homes.length,
      delivered,
      duplicates: shownTwice + extraReceipts + countOff,
      fanoutSeconds: round(fanoutSeconds, 4),
      conditionalUpdatesPerSecond: updates.conditionalUpdatesPerSecond,
      readReceiptsPerSecond: Math.round(opens.length / readSeconds),
      readReceiptsRatio: round(opens.length / readSeconds / updates.conditionalUpdatesPerSecond, 3),
      reads: { opens: opens.length, ok: opened.filter((r) => r.ok).length, receipts: receipts.length, counted: notice?.reads ?? 0, seconds: round(readSeconds, 3) },
      feeds: { checked: homes.length, seconds: round(feedSeconds, 2), perSecond: Math.round(homes.length / feedSeconds) },
      ballots: ballots.length,
      ballotsCounted: counted?.ballots ?? 0,
      doubleBallots,
      ballotsPerSecond: Math.round(attempts.length / ballotSeconds),
      vote: { attempts: attempts.length, repeatedRefused: refusedAgain, rollUnits: vote?.units ?? 0, rollSeconds: round(rollSeconds, 3), ballotSeconds: round(ballotSeconds, 3), outcome: counted?.outcome ?? 'not counted' }
    }
  } finally {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

export function summary(r: BenchResult): Record<string, number | string> {
  const x = r as unknown as { households: number; delivered: number; duplicates: number; fanoutSeconds: number; readReceiptsPerSecond: number; conditionalUpdatesPerSecond: number; ballots: number; ballotsCounted: number; doubleBallots: number; ballotsPerSecond: number }
  return {
    delivered: `${x.delivered}/${x.households}`,
    duplicates: x.duplicates,
    fanoutSeconds: x.fanoutSeconds,
    readReceiptsPerSecond: x.readReceiptsPerSecond,
    ballots: `${x.ballotsCounted} counted of ${x.ballots}`,
    doubleBallots: x.doubleBallots,
    ballotsPerSecond: x.ballotsPerSecond,
    conditionalUpdatesPerSecond: x.conditionalUpdatesPerSecond
  }
}
