import { getMany } from '../../kernel/paging'
import { fail, ok } from '../../kernel/result'
import type { Ports } from '../../kernel/ports'
import { NO_HOUSEHOLD, type PayableKind, type Payer, type QuotedLine } from '../payment/payables'
import type { ParkingSessionDoc } from './docs'
import { exitVerdict } from './exit-rule'
import { graceMsOf, parseSessionPayableId } from './sessions'

/**
 * Whom a driver at a lot's exit pays as: the lot's community, no household. Null for no such lot.
 * The community comes from the lot, never from the caller, who may belong to none.
 */
export async function driverPayer(ports: Ports, lotId: string): Promise<Payer | null> {
  const lot = await ports.store.get('parkingLots', lotId)
  return lot ? { communityId: lot.communityId, householdIds: [], driver: true } : null
}

/**
 * A session's payments are payables of their own: `${sessionId}~${n}` is its n-th payment,
 * priced at what is due when quoted. A payment applies only while the session has had exactly n
 * payments (one conditional update), so a double tap, a second payer or a repeated notification
 * can never pay one stretch of parking twice: the later one is refunded by the payment module.
 * Paying again after the grace period is the next sequence, for the extra only.
 */
export const parkingPayable: PayableKind = {
  type: 'parking',

  async quote(ports, actor, ids) {
    const parsed = ids.map((id) => ({ id, key: parseSessionPayableId(id) }))
    const sessions = await getMany(ports.store, 'parkingSessions', parsed.map((p) => p.key?.sessionId ?? ''))
    const lots = await getMany(ports.store, 'parkingLots', [...new Set([...sessions.values()].map((s) => s.lotId))])
    const now = ports.clock.now()
    const lines: QuotedLine[] = []
    for (const { id, key } of parsed) {
      const s = key && sessions.get(key.sessionId)
      const lot = s && lots.get(s.lotId)
      if (!key || !s || !lot || s.communityId !== actor.communityId) {
        return fail('PAY.PAYABLE_NOT_FOUND', '停车记录不存在，请重新查询车牌', [{ path: 'payables', message: `停车记录 ${id} 不存在` }])
      }
      if (s.status !== 'open') return fail('PAY.NOT_PAYABLE', `${s.plate} 已出场，无需缴费`)
      if (s.paidCount !== key.n) return fail('PAY.NOT_PAYABLE', `${s.plate} 的停车费已缴，请刷新后查看是否还需补缴`)
      const verdict = exitVerdict(lot.rule, graceMsOf(lot), s, Math.max(now, s.enteredAt))
      if (verdict.open) return fail('PAY.NOT_PAYABLE', `${s.plate} 当前无需缴费，可直接出场`)
      // A visitor's host pays for their own home; a resident for the home they pay from; a driver
      // paying at the exit (pay.createAsDriver, maybe no resident) for no home at all.
      const householdId = actor.driver ? NO_HOUSEHOLD : s.hostHouseholdId && actor.householdIds.includes(s.hostHouseholdId) ? s.hostHouseholdId : actor.householdIds[0]
      if (householdId === undefined) return fail('PAY.PAYABLE_NOT_FOUND', '请先绑定房屋后再缴费')
      lines.push({ type: 'parking', id, title: `${lot.name} 停车费 ${s.plate}`, amountFen: verdict.dueFen, householdId, communityId: s.communityId })
    }
    return ok(lines)
  },

  async onPaid(ports, payment, line) {
    const key = parseSessionPayableId(line.id)
    const s = key && (await ports.store.get('parkingSessions', key.sessionId))
    if (!key || !s) return 'already_settled'
    if (s.charges.some((c) => c.paymentId === payment._id)) return 'applied'
    if (s.paidCount !== key.n) return 'already_settled'
    const at = payment.paidAt ?? ports.clock.now()
    const charges = [...s.charges, { n: key.n, paymentId: payment._id, amountFen: line.amountFen, at }]
    const applied = await ports.store.update(
      'parkingSessions',
      s._id,
      { inc: { paidFen: line.amountFen, paidCount: 1 }, set: { lastPaidAt: at, charges, updatedAt: ports.clock.now() } },
      { paidCount: key.n }
    )
    if (applied) return 'applied'
    const fresh = await ports.store.get('parkingSessions', s._id)
    return fresh?.charges.some((c) => c.paymentId === payment._id) ? 'applied' : 'already_settled'
  },

  async onRefunded(ports, payment, line, refundedFen) {
    const key = parseSessionPayableId(line.id)
    if (!key) return
    // Compare-and-set on the money fields: a payment or another refund landing in between changes
    // them, and this one is worked out again from what is there.
    for (let tries = 0; tries < 5; tries++) {
      const s = await ports.store.get('parkingSessions', key.sessionId)
      const next = s && withRefund(s, payment._id, refundedFen)
      if (!s || !next) return
      if (await ports.store.update('parkingSessions', s._id, { set: { ...next, updatedAt: ports.clock.now() } }, { paidFen: s.paidFen, paidCount: s.paidCount })) {
        ports.log.info('parking payment refunded', { paymentId: payment._id, sessionId: s._id, refundedFen })
        return
      }
    }
    throw new Error(`parking session ${key.sessionId} kept changing while a refund was recorded`)
  }
}

/**
 * The session after a refund of one of its charges (`refundedFen` in total for that payment), or
 * null when there is nothing to change. What was paid drops by the refund, and a charge refunded
 * whole no longer counts as the last payment: a car still inside owes it again at the exit and has
 * no grace period from it. The payment sequence is kept, so a new payment is the next one.
 */
export function withRefund(s: ParkingSessionDoc, paymentId: string, refundedFen: number): Pick<ParkingSessionDoc, 'charges' | 'paidFen' | 'lastPaidAt'> | null {
  const charge = s.charges.find((c) => c.paymentId === paymentId)
  const total = charge ? Math.min(refundedFen, charge.amountFen) : 0
  if (!charge || (charge.refundedFen ?? 0) >= total) return null
  const charges = s.charges.map((c) => (c === charge ? { ...c, refundedFen: total } : c))
  const kept = charges.filter((c) => (c.refundedFen ?? 0) < c.amountFen)
  return {
    charges,
    paidFen: Math.max(0, s.paidFen - (total - (charge.refundedFen ?? 0))),
    lastPaidAt: kept.length ? Math.max(...kept.map((c) => c.at)) : null
  }
}

/** A monthly card waits as `pending` until its payment applies; then it is active for its period. */
export const parkingCardPayable: PayableKind = {
  type: 'parkingCard',

  async quote(ports, actor, ids) {
    const cards = await getMany(ports.store, 'parkingCards', ids)
    const lines: QuotedLine[] = []
    for (const id of ids) {
      const c = cards.get(id)
      if (!c || c.communityId !== actor.communityId || !actor.householdIds.includes(c.householdId)) {
        return fail('PAY.PAYABLE_NOT_FOUND', '月卡不存在或不属于你的房屋', [{ path: 'payables', message: `月卡 ${id} 不存在` }])
      }
      if (c.status !== 'pending') return fail('PAY.NOT_PAYABLE', c.status === 'active' ? `${c.plate} 的月卡已开通` : `${c.plate} 的月卡已取消`)
      lines.push({ type: 'parkingCard', id, title: `停车月卡 ${c.plate} ${c.months} 个月`, amountFen: c.amountFen, householdId: c.householdId, communityId: c.communityId })
    }
    return ok(lines)
  },

  async onPaid(ports, payment, line) {
    const at = payment.paidAt ?? ports.clock.now()
    if (await ports.store.update('parkingCards', line.id, { set: { status: 'active', paymentId: payment._id, paidAt: at } }, { status: 'pending' })) return 'applied'
    const c = await ports.store.get('parkingCards', line.id)
    return c?.paymentId === payment._id ? 'applied' : 'already_settled'
  },

  async onRefunded(ports, payment, line, refundedFen) {
    if (refundedFen < line.amountFen) return
    await ports.store.update('parkingCards', line.id, { set: { status: 'cancelled' } }, { paymentId: payment._id })
  }
}
