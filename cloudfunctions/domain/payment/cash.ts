import type { PayableType } from '../../contracts/pay'
import type { payCashContracts } from '../../contracts/pay-cash'
import { shanghaiDay, shanghaiMinute } from '../../contracts/shanghai'
import type { CommunityActor } from '../../kernel/actor'
import type { ActionHandler } from '../../kernel/module'
import { getMany } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import { type Result, fail, ok } from '../../kernel/result'
import type { HouseholdDoc } from '../docs'
import { formatFenText } from '../format-money'
import { orderPayTitle } from '../order/order-payable'
import { householdLabels } from '../user/labels'
import { activeMembers } from '../user/membership'
import { applyRefundOutcome, settlePaid } from './apply'
import type { PaymentDoc, PaymentLine } from './docs'
import { newTradeNo } from './ids'
import { claimPayables, closePayment } from './open-payments'
import type { Payer, QuotedLine } from './payables'
import { PAYABLES } from './registry'

type C = typeof payCashContracts

/** What one look at a household's dues lists at most per kind (a household owing more pays in turns). */
const DUE_LIMIT = 100

async function householdOf(ports: Ports, actor: CommunityActor, householdId: string): Promise<Result<HouseholdDoc>> {
  const h = await ports.store.get('households', householdId)
  if (!h || h.communityId !== actor.communityId) return fail('HOUSEHOLD.NOT_FOUND', '房屋不存在，请重新查找', [{ path: 'householdId', message: '房屋不存在' }])
  return ok(h)
}

const payerOf = (h: HouseholdDoc): Payer => ({ communityId: h.communityId, householdIds: [h._id] })

/** Every kind's quote, read together; the first refusal is the answer. */
async function quoteAll(ports: Ports, payer: Payer, payables: readonly { type: PayableType; id: string }[]): Promise<Result<QuotedLine[]>> {
  const types = [...new Set(payables.map((p) => p.type))]
  const quotes = await Promise.all(types.map((type) => PAYABLES[type].quote(ports, payer, [...new Set(payables.filter((p) => p.type === type).map((p) => p.id))])))
  const lines: QuotedLine[] = []
  for (const q of quotes) {
    if (!q.ok) return q
    lines.push(...q.value)
  }
  return ok(lines)
}

export const cashDue: ActionHandler<C['cashDue']> = async ({ ports, actor }, input) => {
  const h = await householdOf(ports, actor, input.householdId)
  if (!h.ok) return h
  const now = ports.clock.now()
  const householdId = h.value._id
  const [bills, orders, bookings, labels] = await Promise.all([
    ports.store.find('bills', { where: { householdId, status: 'unpaid' }, orderBy: [{ field: 'dueAt', dir: 'asc' }], limit: DUE_LIMIT }),
    ports.store.find('orders', { where: { householdId, status: 'pending_payment', expiresAt: { gt: now } }, orderBy: [{ field: 'expiresAt', dir: 'asc' }], limit: DUE_LIMIT }),
    ports.store.find('bookings', { where: { householdId, status: 'done', payState: 'due' }, limit: DUE_LIMIT }),
    householdLabels(ports, [householdId], actor.communityId)
  ])
  // Bills and bookings are priced by their quotes (a bill's late fee accrues daily); quoting an
  // order would hold its expiry for a cashier, so orders are listed from what they store.
  const [priced, campaigns] = await Promise.all([
    quoteAll(ports, payerOf(h.value), [...bills.map((b) => ({ type: 'bill' as const, id: b._id })), ...bookings.filter((b) => (b.priceFen ?? 0) > 0).map((b) => ({ type: 'booking' as const, id: b._id }))]),
    getMany(ports.store, 'campaigns', orders.map((o) => o.campaignId))
  ])
  if (!priced.ok) return priced
  const byId = new Map(priced.value.map((l) => [`${l.type}:${l.id}`, l]))
  const items = [
    ...bills.flatMap((b) => {
      const l = byId.get(`bill:${b._id}`)
      return l ? [{ type: 'bill' as const, id: b._id, title: l.title, amountFen: l.amountFen, detail: `${b.period} · ${shanghaiDay(b.dueAt)} 到期` }] : []
    }),
    ...orders.map((o) => ({ type: 'order' as const, id: o._id, title: orderPayTitle(o, campaigns.get(o.campaignId)), amountFen: o.amountFen, detail: `订单号 ${o.code} · ${shanghaiMinute(o.expiresAt)} 前付款` })),
    ...bookings.flatMap((b) => {
      const l = byId.get(`booking:${b._id}`)
      return l ? [{ type: 'booking' as const, id: b._id, title: l.title, amountFen: l.amountFen, detail: '服务已完成，待付款' }] : []
    })
  ]
  return ok({ householdLabel: labels.get(householdId) ?? '', items })
}

/**
 * Whose payment it is, for points and messages: the member the payer's name is, else the order's
 * buyer, else the owner, else any member; nobody for a household with none registered.
 */
async function payerUser(ports: Ports, householdId: string, payerName: string, lines: readonly QuotedLine[]): Promise<string> {
  const [members, orders] = await Promise.all([activeMembers(ports, householdId), getMany(ports.store, 'orders', lines.filter((l) => l.type === 'order').map((l) => l.id))])
  const named = members.find((m) => m.user?.nickname === payerName)?.membership.userId
  const buyer = [...orders.values()][0]?.userId
  return named ?? buyer ?? members.find((m) => m.membership.relation === 'owner')?.membership.userId ?? members[0]?.membership.userId ?? ''
}

/**
 * Cash taken at the finance desk, recorded as a paid payment of channel `cash`. The payables are
 * claimed first like any payment's, so cash and a WeChat payment never both settle one bill: a
 * resident's cashier still open for them is closed at WeChat Pay first, and if that payment went
 * through meanwhile, finance is told instead. The clerk's request id makes a retry return the
 * same receipt; a crash after the record is settled by the retry or the payment sweep.
 */
export const recordCash: ActionHandler<C['recordCash']> = async ({ ports, actor }, input) => {
  const idempotencyKey = `cash:${actor.user._id}:${input.clientRequestId}`
  const [[existing], h] = await Promise.all([ports.store.find('payments', { where: { idempotencyKey }, limit: 1 }), householdOf(ports, actor, input.householdId)])
  if (existing) return receiptOf(ports, existing)
  if (!h.ok) return h
  const quoted = await quoteAll(ports, payerOf(h.value), input.payables)
  if (!quoted.ok) return quoted
  const totalFen = quoted.value.reduce((n, l) => n + l.amountFen, 0)
  if (input.receivedFen !== totalFen) {
    const message = `应收 ${formatFenText(totalFen)}，实收与应收不符`
    return fail('PAY.CASH_MISMATCH', message, [{ path: 'receivedFen', message }])
  }

  const now = ports.clock.now()
  const lines: PaymentLine[] = quoted.value.map((q, i) => ({ key: `l${i}`, type: q.type, id: q.id, title: q.title, amountFen: q.amountFen }))
  const payment: PaymentDoc = {
    _id: ports.random.id(),
    outTradeNo: newTradeNo(ports, 'C'),
    idempotencyKey,
    communityId: h.value.communityId,
    householdId: h.value._id,
    userId: await payerUser(ports, h.value._id, input.payerName, quoted.value),
    openid: '',
    channel: 'cash',
    lines,
    totalFen,
    status: 'paid',
    paidAt: now,
    transactionId: '',
    cash: { cashierId: actor.user._id, cashierName: actor.user.nickname, payerName: input.payerName },
    expiresAt: now,
    refundReservedFen: 0,
    refundReservedByLine: Object.fromEntries(lines.map((l) => [l.key, 0])),
    createdAt: now,
    updatedAt: now
  }
  const claimed = await claimCash(ports, payment)
  if (!claimed.ok) {
    const [twin] = await ports.store.find('payments', { where: { idempotencyKey }, limit: 1 })
    return twin ? receiptOf(ports, twin) : claimed
  }
  if (!(await ports.store.insert('payments', payment)).ok) {
    // A twin of this request recorded it first (its claims are its own): its receipt is the answer.
    const [twin] = await ports.store.find('payments', { where: { idempotencyKey }, limit: 1 })
    if (!twin) throw new Error(`cash payment ${payment._id} could not be recorded`)
    return receiptOf(ports, twin)
  }
  ports.log.info('cash recorded', { paymentId: payment._id, totalFen, cashierId: actor.user._id })
  return receiptOf(ports, payment)
}

async function claimCash(ports: Ports, payment: PaymentDoc): Promise<Result<null>> {
  const first = await claimPayables(ports, payment)
  if (first.ok) return ok(null)
  const holder = first.holder
  if (holder && (await closePayment(ports, holder, 'paid in cash at the finance desk'))) {
    if ((await claimPayables(ports, payment)).ok) return ok(null)
  }
  return fail('PAY.IN_PROGRESS', '住户正在线上支付这些项目，请稍候刷新后再收款')
}

/** The payment's follow-ups (settled on every retry until done), then what the receipt names. */
async function receiptOf(ports: Ports, p: PaymentDoc): Promise<Result<{ paymentId: string; receiptNo: string; totalFen: number; paidAt: number }>> {
  if (p.channel !== 'cash') return fail('PAY.NOT_CASH', '这笔支付不是现金收款')
  if (!p.settledAt) await settlePaid(ports, p)
  return ok({ paymentId: p._id, receiptNo: p.outTradeNo, totalFen: p.totalFen, paidAt: p.paidAt ?? p.createdAt })
}

export const cashRefunds: ActionHandler<C['cashRefunds']> = async ({ ports, actor }) => {
  const refunds = await ports.store.find('refunds', {
    where: { communityId: actor.communityId, cash: true, status: 'processing', reserved: true },
    orderBy: [{ field: 'createdAt', dir: 'asc' }],
    limit: 200
  })
  const payments = await getMany(ports.store, 'payments', refunds.map((r) => r.paymentId))
  const labels = await householdLabels(ports, [...new Set([...payments.values()].map((p) => p.householdId))], actor.communityId)
  return ok({
    refunds: refunds.map((r) => {
      const p = payments.get(r.paymentId)
      return {
        id: r._id,
        outRefundNo: r.outRefundNo,
        paymentId: r.paymentId,
        householdLabel: (p && labels.get(p.householdId)) ?? '',
        payerName: p?.cash?.payerName ?? '',
        amountFen: r.amountFen,
        reason: r.reason,
        createdAt: r.createdAt
      }
    })
  })
}

/**
 * Finance handed the cash back: the refund succeeds as a WeChat Pay refund would (ledger, payables,
 * points, the member's message), through the same idempotent path, so confirming twice does it once.
 */
export const confirmCashRefund: ActionHandler<C['confirmCashRefund']> = async ({ ports, actor }, input) => {
  const r = await ports.store.get('refunds', input.refundId)
  if (!r || r.communityId !== actor.communityId || !r.cash) return fail('PAY.NOT_FOUND', '退款记录不存在', [{ path: 'refundId', message: '退款记录不存在' }])
  if (r.status === 'processing' && !r.reserved) return fail('PAY.IN_PROGRESS', '退款正在处理，请稍后刷新')
  if (r.status === 'processing') {
    await ports.store.update('refunds', r._id, { set: { handedBy: actor.user._id, receiverName: input.receiverName } }, { status: 'processing' })
    await applyRefundOutcome(ports, { outTradeNo: r.outTradeNo, outRefundNo: r.outRefundNo, refundId: `CASH${r.outRefundNo}`, status: 'SUCCESS', refundFen: r.amountFen, successAt: ports.clock.now() })
  }
  const done = await ports.store.get('refunds', r._id)
  if (done?.status !== 'succeeded') return fail('PAY.REFUND_FAILED', '退款未能完成，请刷新后重试')
  return ok({ refundId: done._id, amountFen: done.amountFen, succeededAt: done.succeededAt ?? ports.clock.now() })
}
