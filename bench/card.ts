/**
 * `npm run bench -- card`: one service card with 10 uses and 200 parallel redemption attempts
 * (distinct bookings), through the membership module API bookings call (`redeemCardUse`: a
 * journaled, guarded single-document update), on a file-backed SQLite store as the local server
 * runs it. Exactly `uses` attempts must apply and the card must end at 0. A second round redeems
 * 200 bookings on a card with 200 uses (every attempt applies) for the rate of successful
 * redemptions. The store's conditional-update rate is measured in the same run, so the rates can
 * be read as ratios on this machine.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { SqliteStore } from '../cloudfunctions/adapters/sqlite/sqlite-store'
import { issueCard, redeemCardUse } from '../cloudfunctions/domain/member/cards'
import { findAll } from '../cloudfunctions/kernel/paging'
import type { Ports } from '../cloudfunctions/kernel/ports'
import { localPorts } from '../scripts/server/local-runtime'
import { type BenchResult, round } from './lib/bench'
import { measureConditionalUpdates } from './store'

const ATTEMPTS = 200
const USES = 10

interface Round {
  attempts: number
  uses: number
  applied: number
  refused: number
  usesLeft: number
  appliedEntries: number
  seconds: number
  perSecond: number
}

async function redeemRound(ports: Ports, store: SqliteStore, uses: number, attempts: number, tag: string): Promise<Round> {
  const card = await issueCard(ports, {
    communityId: 'c-bench',
    householdId: 'h-bench',
    userId: 'u-bench',
    title: `压测 ${uses} 次卡`,
    uses,
    validDays: 30,
    source: { kind: 'purchase', ref: tag },
    valueFen: 0,
    key: `bench:${tag}`
  })
  const started = performance.now()
  const results = await Promise.all(Array.from({ length: attempts }, (_, i) => redeemCardUse(ports, card._id, `${tag}-booking-${i}`)))
  const seconds = (performance.now() - started) / 1000
  const after = await store.get('serviceCards', card._id)
  const entries = await findAll(store, 'cardEvents', { cardId: card._id })
  return {
    attempts,
    uses,
    applied: results.filter((r) => r.ok).length,
    refused: results.filter((r) => !r.ok).length,
    usesLeft: after?.usesLeft ?? -1,
    appliedEntries: entries.filter((e) => e.state === 'applied').length,
    seconds: round(seconds, 4),
    perSecond: Math.round(attempts / seconds)
  }
}

export async function run(): Promise<BenchResult> {
  const updates = await measureConditionalUpdates(1)
  const dir = mkdtempSync(path.join(os.tmpdir(), 'linli-bench-card-'))
  const store = new SqliteStore(path.join(dir, 'bench.db'))
  try {
    const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined }
    const ports = localPorts({ store, codePepper: 'bench-pepper-0123456789', log: quiet })
    const scarce = await redeemRound(ports, store, USES, ATTEMPTS, 'scarce')
    if (scarce.applied !== USES || scarce.usesLeft !== 0 || scarce.appliedEntries !== USES) {
      throw new Error(`card oversold or undersold: ${JSON.stringify(scarce)}`)
    }
    const plentiful = await redeemRound(ports, store, ATTEMPTS, ATTEMPTS, 'plentiful')
    if (plentiful.applied !== ATTEMPTS || plentiful.usesLeft !== 0) throw new Error(`redemptions lost: ${JSON.stringify(plentiful)}`)
    return {
      attempts: scarce.attempts,
      uses: scarce.uses,
      applied: scarce.applied,
      usesLeft: scarce.usesLeft,
      redemptionsPerSecond: scarce.perSecond,
      conditionalUpdatesPerSecond: updates.conditionalUpdatesPerSecond,
      /** Redemption attempts per conditional update on this machine (each attempt is a few store operations). */
      ratio: round(scarce.perSecond / updates.conditionalUpdatesPerSecond, 3),
      scarce: { ...scarce },
      plentiful: { ...plentiful, ratio: round(plentiful.perSecond / updates.conditionalUpdatesPerSecond, 3) }
    }
  } finally {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

export function summary(r: BenchResult): Record<string, number | string> {
  const x = r as unknown as { attempts: number; uses: number; applied: number; redemptionsPerSecond: number; conditionalUpdatesPerSecond: number; ratio: number; plentiful: Round }
  return {
    applied: `${x.applied}/${x.attempts} (uses ${x.uses})`,
    redemptionsPerSecond: x.redemptionsPerSecond,
    'all-succeed redemptions/s': x.plentiful.perSecond,
    conditionalUpdatesPerSecond: x.conditionalUpdatesPerSecond,
    ratio: x.ratio
  }
}
