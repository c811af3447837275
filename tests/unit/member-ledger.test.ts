/**
 * Ledger invariants of the points journal, on the SQLite store without the request path:
 * after any sequence of earns, duplicate deliveries, spends, reversals, returns, expiries and
 * interrupted calls, the cached balance equals the sum of the applied entries; concurrent
 * spends never take the balance below zero; a source counts once.
 */
import type { MemberAccountDoc, PointEntryDoc } from '../../cloudfunctions/domain/member/docs'
import { runSweep } from '../../cloudfunctions/domain/member/jobs'
import { CLOSE_AFTER_MS, RECOVER_AFTER_MS, markerKey } from '../../cloudfunctions/domain/member/journal'
import { earnPoints, ensureAccount, expireAccount, returnPoints, reversePoints, spendPoints } from '../../cloudfunctions/domain/member/points'
import { findAll } from '../../cloudfunctions/kernel/paging'
import type { Store } from '../../cloudfunctions/kernel/store'
import { type Harness, makeHarness } from '../support/harness'

const C = 'c-test'
const U = 'u-test'
const ACCOUNT = `${C}:${U}`
const DAY = 24 * 3600_000

let h: Harness
beforeEach(async () => {
  h = await makeHarness({ seed: false })
})
afterEach(async () => {
  await h.close()
})

async function account(): Promise<MemberAccountDoc | null> {
  return h.store.get('memberAccounts', ACCOUNT)
}

async function entries(): Promise<PointEntryDoc[]> {
  return findAll(h.store, 'pointEntries', { target: ACCOUNT })
}

async function expectBalanced(): Promise<MemberAccountDoc> {
  const a = await account()
  if (!a) throw new Error('no account')
  const all = await entries()
  const counted = all.filter((e) => e.state === 'applied' || e.state === 'closed')
  expect(a.balance).toBe(counted.reduce((n, e) => n + e.delta, 0))
  // Debits are spends and expiries less returns; credits are earns less reversals.
  const debits = counted.filter((e) => ['spend', 'expire', 'return'].includes(e.kind)).reduce((n, e) => n - e.delta, 0)
  expect(a.debitTotal).toBe(debits)
  // No entry is counted without its effect: every applied entry that still has a marker has an applied one.
  for (const e of counted.filter((x) => x.state === 'applied')) expect(a.j[markerKey(e)]?.s).toBe('a')
  return a
}

const earn = (source: string, points: number, spendFen = 0) => earnPoints(h.ports, { communityId: C, userId: U, source, points, spendFen, title: source, ref: source })
const spend = (source: string, points: number) => spendPoints(h.ports, { communityId: C, userId: U, source, points, title: source, ref: source })

/** A small deterministic PRNG, so a failing sequence can be replayed. */
function prng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Makes the next update of `collection` throw after it applied: a call that dies mid-way. */
function crashAfterNextUpdate(store: Store, collection: string): void {
  const original = store.update.bind(store)
  let armed = true
  store.update = async (coll, id, spec, when) => {
    const res = await original(coll, id, spec, when)
    if (armed && coll === collection) {
      armed = false
      store.update = original
      throw new Error('simulated crash')
    }
    return res
  }
}

describe('random operation sequences keep the balance equal to the sum of the entries', () => {
  it.each([1, 2, 3, 4, 5, 6])('seed %i', async (seed) => {
    const rnd = prng(seed)
    const earned: string[] = []
    const spent: string[] = []
    let clawedBack = false
    for (let step = 0; step < 60; step++) {
      const r = rnd()
      h.clock.advance(Math.floor(rnd() * 20 * DAY))
      if (r < 0.3) {
        // A new earn, or a repeated delivery of an earlier one.
        const again = earned.length > 0 && rnd() < 0.3
        const source = again ? earned[Math.floor(rnd() * earned.length)]! : `earn:${step}`
        const res = await earn(source, 1 + Math.floor(rnd() * 200), 1000)
        expect(res.status).toBe(again ? 'duplicate' : 'earned')
        if (!again) earned.push(source)
      } else if (r < 0.55) {
        const before = (await account())?.balance ?? 0
        const n = 1 + Math.floor(rnd() * 150)
        const res = await spend(`spend:${step}`, n)
        expect(res.ok).toBe(before >= n)
        if (res.ok) spent.push(`spend:${step}`)
      } else if (r < 0.7 && earned.length > 0) {
        const source = earned[Math.floor(rnd() * earned.length)]!
        const res = await reversePoints(h.ports, source, { source: `${source}:rev:${step}`, refundFen: 500, totalFen: 1000, refundedTotalFen: rnd() < 0.5 ? 500 : 1000, title: 'refund' })
        if (res.status === 'reversed') clawedBack = true
      } else if (r < 0.8 && spent.length > 0) {
        const source = spent[Math.floor(rnd() * spent.length)]!
        await returnPoints(h.ports, source, 'return')
      } else if (r < 0.9) {
        // An earn interrupted after its account update: the sweep (or a retry) finishes it. (An
        // earn writes its entry without looking at the account first, so the account must exist
        // for the interruption to fall there.)
        await ensureAccount(h.ports, C, U)
        crashAfterNextUpdate(h.store, 'pointEntries')
        await expect(earn(`crash:${step}`, 10)).rejects.toThrow('simulated crash')
        if (rnd() < 0.5) expect((await earn(`crash:${step}`, 10)).status).toBe('duplicate')
        else {
          h.clock.advance(RECOVER_AFTER_MS + 1)
          await runSweep(h.ports)
        }
        earned.push(`crash:${step}`)
      } else {
        const a = await account()
        if (a) await expireAccount(h.ports, a)
      }
      const a = await expectBalanced().catch(async (e: unknown) => {
        if ((await account()) === null) return null
        throw e
      })
      if (a && a.balance < 0) expect(clawedBack).toBe(true)
    }
    // The sweep tidies markers an hour on; nothing it does changes a counter.
    const before = await account()
    h.clock.advance(CLOSE_AFTER_MS + 1)
    await runSweep(h.ports)
    const after = await expectBalanced()
    expect(after.balance).toBe(before?.balance)
    expect(Object.keys(after.j)).toEqual([])
    expect((await entries()).every((e) => e.state === 'closed')).toBe(true)
  })
})

describe('concurrency', () => {
  it('50 parallel spends of 30 on a balance of 100: exactly 3 succeed, never negative', async () => {
    await earn('earn:start', 100)
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => spend(`spend:${i}`, 30)))
    expect(results.filter((r) => r.ok)).toHaveLength(3)
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === 'MEMBER.POINTS_INSUFFICIENT')).toBe(true)
    const a = await expectBalanced()
    expect(a.balance).toBe(10)
  })

  it('the same payment line delivered 20 times at once earns once', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => earn('pay:P1:l0', 77, 7700)))
    expect(results.filter((r) => r.status === 'earned')).toHaveLength(1)
    expect(results.filter((r) => r.status === 'duplicate')).toHaveLength(19)
    const a = await expectBalanced()
    expect(a.balance).toBe(77)
    expect(Object.values(a.spend)).toEqual([7700])
  })

  it('the same spend retried at once spends once; a refused spend can be retried later', async () => {
    await earn('earn:1', 50)
    const same = await Promise.all(Array.from({ length: 10 }, () => spend('checkout:o1', 40)))
    expect(same.every((r) => r.ok)).toBe(true)
    expect((await expectBalanced()).balance).toBe(10)
    expect((await spend('checkout:o2', 40)).ok).toBe(false)
    await earn('earn:2', 40)
    expect((await spend('checkout:o2', 40)).ok).toBe(true)
    expect((await expectBalanced()).balance).toBe(10)
  })

  it('returns and reversals are idempotent under parallel retries', async () => {
    await earn('pay:P2:l0', 100, 10_000)
    await spend('checkout:o3', 60)
    await Promise.all(Array.from({ length: 10 }, () => returnPoints(h.ports, 'checkout:o3', 'back')))
    await Promise.all(
      Array.from({ length: 10 }, () => reversePoints(h.ports, 'pay:P2:l0', { source: 'pay:P2:l0:refund:R1', refundFen: 10_000, totalFen: 10_000, refundedTotalFen: 10_000, title: 'refund' }))
    )
    const a = await expectBalanced()
    expect(a.balance).toBe(0)
    expect((await entries()).map((e) => e.kind).sort()).toEqual(['earn', 'return', 'reverse', 'spend'])
  })
})
