/**
 * `npm run bench -- package`: 产品包 under load. 1,000 package purchases (order.create, then
 * pay.create and the sandbox cashier's notification, through the real functions), 300 refunds
 * (order.cancel) and 1,000 card redemptions (`redeemCardUse`, the call a booking makes),
 * interleaved: 32 buyers at a time, each redeeming a use of the card it just paid for, and every
 * refund started together with its order's redemption, so refunds race redemptions.
 *
 * Afterwards every card is checked against its journal: no card gives more uses than it has
 * (`overRedeemed`), and each card's `usesLeft` equals its total less the uses, plus restores, less
 * what a refund took back (`ledgerMismatch`); each refunded order's refund plus what its used
 * uses kept back must equal what it paid (`refundMismatch`). All three must be 0.
 *
 * Runs on the test harness (seeded demo, in-memory SQLite, sandbox payments). The store's
 * conditional-update rate is measured in the same run (file-backed SQLite, as bench/store.ts).
 */
import { performance } from 'node:perf_hooks'
import { redeemCardUse } from '../cloudfunctions/domain/member/cards'
import { packageCardIds } from '../cloudfunctions/domain/order/package'
import type { CampaignDoc, CampaignStockDoc, OrderDoc } from '../cloudfunctions/domain/order/docs'
import { findAll } from '../cloudfunctions/kernel/paging'
import type { LocalPorts } from '../scripts/server/local-runtime'
import { COMMUNITY_A } from '../scripts/seed/demo-ids'
import { PRESALE_IDS } from '../scripts/seed/presale'
import { as, makeHarness } from '../tests/support/harness'
import { type BenchResult, round } from './lib/bench'
import { measureConditionalUpdates } from './store'

const PURCHASES = 1000
const REFUNDS = 300
const IN_FLIGHT = 32
const CAMPAIGN = 'pc-bench-package'

const turns = async (n: number) => {
  for (let k = 0; k < n; k++) await new Promise((r) => setImmediate(r))
}

/** Runs `tasks` with at most `width` at a time. */
async function pool(count: number, width: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) await task(next++)
    })
  )
}

export async function run(): Promise<BenchResult> {
  const updates = await measureConditionalUpdates(1)
  const h = await makeHarness()
  const sandbox = (h.ports as LocalPorts).sandbox
  try {
    // The seeded package as its own sale, stocked for the run, with no household limit to speak of.
    const seeded = await h.store.get('campaigns', PRESALE_IDS.season)
    if (!seeded) throw new Error('the seed has no package pre-sale')
    const campaign: CampaignDoc = { ...seeded, _id: CAMPAIGN, householdLimit: 99, skus: seeded.skus.map((s) => ({ ...s, stock: PURCHASES })) }
    const stock: CampaignStockDoc = { _id: `${CAMPAIGN}:s1`, campaignId: CAMPAIGN, communityId: COMMUNITY_A, skuId: 's1', stock: PURCHASES, available: PURCHASES, holds: {}, paidQuantity: 0, paid: {} }
    await h.store.insert('campaigns', campaign)
    await h.store.insert('campaignStock', stock)
    // Buyers: each household's active members of 临苑社区, a household at most once.
    const members = await findAll(h.store, 'memberships', { communityId: COMMUNITY_A, status: 'active' })
    const buyers = [...new Map(members.map((m) => [m.householdId, m])).values()]
    if (buyers.length * 99 < PURCHASES) throw new Error(`too few households for ${PURCHASES} purchases`)

    const refundAt = new Set(Array.from({ length: REFUNDS }, (_, k) => Math.floor((k * PURCHASES) / REFUNDS)))
    const counts = { paid: 0, refundCalls: 0, redemptions: 0, redeemed: 0, failures: 0 }
    const started = performance.now()
    await pool(PURCHASES, IN_FLIGHT, async (i) => {
      const buyer = buyers[i % buyers.length]
      if (!buyer) return
      const created = await h.call('order.create', { campaignId: CAMPAIGN, skuId: 's1', quantity: 1, householdId: buyer.householdId, clientRequestId: `bench-pkg-${i}` }, as(buyer.userId), COMMUNITY_A)
      if (!created.ok) {
        counts.failures++
        if (counts.failures === 1) console.error('bench package: order.create refused', created.error)
        return
      }
      const payment = await h.call('pay.create', { payables: [{ type: 'order', id: created.data.id }], clientRequestId: `bench-pkg-pay-${i}` }, as(buyer.userId), COMMUNITY_A)
      if (!payment.ok || payment.data.launch?.kind !== 'sandbox') return void counts.failures++
      const confirmed = await sandbox.confirm(payment.data.launch.prepayId, {})
      if (!confirmed.ok) return void counts.failures++
      await sandbox.flush()
      const order = await h.store.get('orders', created.data.id)
      if (order?.status !== 'paid') return void counts.failures++
      counts.paid++
      const [cardId] = packageCardIds(order)
      if (!cardId) return void counts.failures++
      const redeem = async () => {
        counts.redemptions++
        const r = await redeemCardUse(h.ports, cardId, `bench-bk-${i}`, { userId: buyer.userId })
        if (r.ok) counts.redeemed++
      }
      if (refundAt.has(i)) {
        counts.refundCalls++
        // The redemption starts a few turns of the event loop after the refund (0 to 11), so it
        // lands before, during and after the refund closes the card.
        await Promise.all([h.call('order.cancel', { orderId: order._id }, as(buyer.userId), COMMUNITY_A), turns(i % 12).then(redeem)])
        await sandbox.flush()
      } else {
        await redeem()
      }
    })
    const seconds = (performance.now() - started) / 1000

    const orders = new Map((await findAll(h.store, 'orders', { campaignId: CAMPAIGN })).map((o) => [o._id, o]))
    const cards = await findAll(h.store, 'serviceCards', { communityId: COMMUNITY_A })
    const events = await findAll(h.store, 'cardEvents', { state: { in: ['applied', 'closed'] } })
    const byCard = new Map<string, { uses: number; restores: number; revoked: number }>()
    for (const e of events) {
      const t = byCard.get(e.cardId) ?? { uses: 0, restores: 0, revoked: 0 }
      if (e.kind === 'use') t.uses++
      if (e.kind === 'restore') t.restores++
      if (e.kind === 'revoke') t.revoked += e.uses ?? 0
      byCard.set(e.cardId, t)
    }
    const ours = cards.filter((c) => c.source.ref.startsWith('order:') && orders.has(c.source.ref.slice('order:'.length)))
    let overRedeemed = 0
    let ledgerMismatch = 0
    let usesRevoked = 0
    for (const c of ours) {
      const t = byCard.get(c._id) ?? { uses: 0, restores: 0, revoked: 0 }
      if (c.usesLeft < 0 || t.uses - t.restores > c.usesTotal) overRedeemed++
      if (c.usesLeft !== c.usesTotal - t.uses + t.restores - t.revoked || (c.revokedUses ?? 0) !== t.revoked) ledgerMismatch++
      usesRevoked += t.revoked
    }
    const refunded = [...orders.values()].filter((o: OrderDoc) => o.status === 'refunded')
    const refundMismatch = refunded.filter((o) => o.refundedFen + (o.retainedFen ?? 0) !== o.amountFen).length
    const retainedFen = refunded.reduce((n, o) => n + (o.retainedFen ?? 0), 0)
    if (overRedeemed || ledgerMismatch || refundMismatch || counts.failures) {
      throw new Error(`package ledger broken: ${JSON.stringify({ overRedeemed, ledgerMismatch, refundMismatch, failures: counts.failures })}`)
    }
    const operations = counts.paid + counts.refundCalls + counts.redemptions
    const perSecond = Math.round(operations / seconds)
    return {
      store: 'test harness: seeded demo, in-memory SQLite, sandbox payments',
      paid: counts.paid,
      cardsIssued: ours.length,
      refunded: refunded.length,
      usesRevoked,
      redemptions: counts.redemptions,
      redeemed: counts.redeemed,
      /** Redemptions refused because the refund closed the card first. */
      redemptionsRefused: counts.redemptions - counts.redeemed,
      retainedFen,
      overRedeemed,
      ledgerMismatch,
      refundMismatch,
      seconds: round(seconds, 2),
      /** Purchases (order, payment, notification), refunds and redemptions, per second. */
      perSecond,
      conditionalUpdatesPerSecond: updates.conditionalUpdatesPerSecond,
      ratio: round(perSecond / updates.conditionalUpdatesPerSecond, 4)
    }
  } finally {
    await h.close()
  }
}

export function summary(r: BenchResult): Record<string, number | string> {
  const n = (k: string): number => {
    const v = r[k]
    return typeof v === 'number' ? v : 0
  }
  return {
    paid: n('paid'),
    'cards issued': n('cardsIssued'),
    'refunded / uses revoked': `${n('refunded')} / ${n('usesRevoked')}`,
    'redeemed / attempts': `${n('redeemed')} / ${n('redemptions')}`,
    'overRedeemed, ledgerMismatch': `${n('overRedeemed')}, ${n('ledgerMismatch')}`,
    perSecond: n('perSecond'),
    conditionalUpdatesPerSecond: n('conditionalUpdatesPerSecond')
  }
}
