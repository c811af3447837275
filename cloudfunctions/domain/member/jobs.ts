import { pages } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import { CARD_USES } from './cards'
import { BATCHES, CLAIMS, continueBatch, expireCoupons, releaseStaleLocks } from './coupons'
import { REWARDS } from './budgets'
import { RECOVER_AFTER_MS, sweepJournal } from './journal'
import { POINTS, expireAccount, refreshLevel } from './points'
import { currentBucket } from './rules'

/**
 * Every few minutes: finish journal entries an interrupted call left pending and tidy markers,
 * release coupon locks whose order window is over, finish operator batches left short.
 */
export async function runSweep(ports: Ports): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const [name, j] of [
    ['points', POINTS],
    ['claims', CLAIMS],
    ['batches', BATCHES],
    ['cardUses', CARD_USES],
    ['rewards', REWARDS]
  ] as const) {
    const r = await sweepJournal(ports, j as typeof POINTS)
    out[`${name}Recovered`] = r.recovered
    out[`${name}Closed`] = r.closed
  }
  out.locksReleased = await releaseStaleLocks(ports)
  const short = await ports.store.find('couponBatches', {
    where: { done: false, state: { in: ['applied', 'closed'] }, createdAt: { lt: ports.clock.now() - RECOVER_AFTER_MS } },
    limit: 20
  })
  for (const b of short) await continueBatch(ports, b)
  out.batchesFinished = short.length
  return out
}

/**
 * Nightly: points whose month ended expire (FIFO), levels are recomputed as months roll out of
 * the 12-month window, and coupons past their end date are marked expired.
 */
export async function runDaily(ports: Ports): Promise<Record<string, number>> {
  const now = ports.clock.now()
  const current = currentBucket(now)
  let accounts = 0
  let expiredPoints = 0
  let levelChanges = 0
  for await (const batch of pages(ports.store, 'memberAccounts')) {
    for (const a of batch) {
      accounts++
      if (Object.keys(a.expiring ?? {}).some((k) => k < current)) expiredPoints += await expireAccount(ports, a)
      const level = await refreshLevel(ports, a.communityId, a.userId)
      if (level !== null && level !== a.level) levelChanges++
    }
  }
  return { accounts, expiredPoints, levelChanges, couponsExpired: await expireCoupons(ports) }
}
