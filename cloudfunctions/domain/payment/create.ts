import type { PayableType } from '../../contracts/pay'
import type { Actor } from '../../kernel/actor'
import { isWechat } from '../../kernel/identity'
import type { Launch } from '../../kernel/payment-gateway'
import type { Ports } from '../../kernel/ports'
import { type Result, fail, ok } from '../../kernel/result'
import type { PaymentDoc, PaymentLine } from './docs'
import { PAYMENT_WINDOW_MS, newTradeNo } from './ids'
import { type ClaimOutcome, claimPayables, closePayment, releaseClaims } from './open-payments'
import { NO_HOUSEHOLD, type Payer, type QuotedLine } from './payables'
import { PAYABLES } from './registry'

export interface CreatePaymentInput {
  payables: readonly { type: PayableType; id: string }[]
  clientRequestId: string
}

/**
 * Creates the payment record (with its out_trade_no) before asking WeChat Pay for a prepay id,
 * so every prepay has a record to reconcile against. The client's request id makes a retried
 * create return the same payment instead of a second one. `payer` is whom the payables are quoted
 * for: the resident's households, or a driver with none (pay.createAsDriver).
 */
export async function createPayment(ports: Ports, actor: Actor, input: CreatePaymentInput, payer: Payer): Promise<Result<{ payment: PaymentDoc; launch: Launch | null }>> {
  // The payer is a WeChat user (JSAPI pays for an openid): the office console never pays for a resident.
  const { identity } = actor
  if (!isWechat(identity)) return fail('AUTH.FORBIDDEN', '请在微信小程序中支付')
  const idempotencyKey = `${actor.user._id}:${input.clientRequestId}`
  // A retry's payment and the quotes of every kind of payable, read together.
  const types = [...new Set(input.payables.map((p) => p.type))]
  const [[existing], quotes] = await Promise.all([
    ports.store.find('payments', { where: { idempotencyKey }, limit: 1 }),
    Promise.all(types.map((type) => PAYABLES[type].quote(ports, payer, [...new Set(input.payables.filter((p) => p.type === type).map((p) => p.id))])))
  ])
  if (existing) return resubmitted(existing)

  const quoted: QuotedLine[] = []
  for (const res of quotes) {
    if (!res.ok) return res
    quoted.push(...res.value)
  }
  const households = new Set(quoted.map((q) => q.householdId))
  if (households.size !== 1) return fail('PAY.MIXED_HOUSEHOLDS', '一次只能为一套房屋缴费')
  // Only a stay's parking may be paid for no household (a driver who is not a resident); the
  // kinds quote so already, this keeps it true should a kind ever quote an empty household.
  if (households.has(NO_HOUSEHOLD) && quoted.some((q) => q.type !== 'parking')) return fail('PAY.MIXED_HOUSEHOLDS', '一次只能为一套房屋缴费')
  const totalFen = quoted.reduce((n, q) => n + q.amountFen, 0)
  if (totalFen <= 0) return fail('PAY.AMOUNT_ZERO', '应付金额为 0，无需支付')

  const now = ports.clock.now()
  const lines: PaymentLine[] = quoted.map((q, i) => ({ key: `l${i}`, type: q.type, id: q.id, title: q.title, amountFen: q.amountFen }))
  const payment: PaymentDoc = {
    _id: ports.random.id(),
    outTradeNo: newTradeNo(ports, 'P'),
    idempotencyKey,
    communityId: quoted[0]!.communityId,
    householdId: quoted[0]!.householdId,
    userId: actor.user._id,
    openid: identity.openid,
    channel: ports.payment.channel,
    lines,
    totalFen,
    status: 'created',
    expiresAt: now + PAYMENT_WINDOW_MS,
    refundReservedFen: 0,
    refundReservedByLine: Object.fromEntries(lines.map((l) => [l.key, 0])),
    createdAt: now,
    updatedAt: now
  }
  const claimed = await claimOrSupersede(ports, payment)
  if (!claimed.ok) {
    // A twin with the same request id may hold the claims: its payment is the answer.
    const [twin] = await ports.store.find('payments', { where: { idempotencyKey }, limit: 1 })
    if (twin) return resubmitted(twin)
    const holder = claimed.holder
    if (holder && holder.userId === payment.userId && samePayables(holder, payment)) return resubmitted(holder)
    return fail('PAY.IN_PROGRESS', holder && holder.userId !== payment.userId ? '家人正在为这些项目付款，请稍后再试' : '这些项目已有一笔支付正在进行，请稍候')
  }
  const inserted = await ports.store.insert('payments', payment)
  if (!inserted.ok) {
    // Two identical creates raced: the other one's payment is the answer.
    await releaseClaims(ports, payment)
    const [winner] = await ports.store.find('payments', { where: { idempotencyKey }, limit: 1 })
    return winner ? resubmitted(winner) : fail('INTERNAL.ERROR', '创建支付失败，请重试')
  }

  const description = lines.length === 1 ? lines[0]!.title : `${lines[0]!.title} 等 ${lines.length} 项`
  const prepay = await ports.payment.prepay({
    outTradeNo: payment.outTradeNo,
    description: description.slice(0, 127),
    totalFen,
    openid: identity.openid,
    expiresAt: payment.expiresAt
  })
  if (!prepay.ok) {
    await ports.store.update('payments', payment._id, { set: { status: 'failed', anomaly: prepay.reason, updatedAt: ports.clock.now() } }, { status: 'created' })
    await releaseClaims(ports, payment)
    ports.log.warn('prepay failed', { paymentId: payment._id, reason: prepay.reason })
    return fail('PAY.GATEWAY_FAILED', '支付通道暂时不可用，请稍后再试')
  }
  await ports.store.update(
    'payments',
    payment._id,
    { set: { status: 'awaiting', prepayId: prepay.prepayId, launch: prepay.launch, updatedAt: ports.clock.now() } },
    { status: 'created' }
  )
  return ok({ payment: { ...payment, status: 'awaiting', prepayId: prepay.prepayId }, launch: prepay.launch })
}

/**
 * A create seen before: the same payment, reopening its cashier while it waits. One whose prepay
 * failed, or is still being requested by the first submission, says so instead of returning a
 * payment the client cannot open.
 */
function resubmitted(p: PaymentDoc): Result<{ payment: PaymentDoc; launch: Launch | null }> {
  if (p.status === 'failed') return fail('PAY.GATEWAY_FAILED', '支付通道暂时不可用，请稍后再试')
  if (p.status === 'created') return fail('PAY.IN_PROGRESS', '支付正在创建，请稍候')
  return ok({ payment: p, launch: launchOf(p) })
}

/** The cashier parameters of a payment still waiting to be paid (kept so a retried create can reopen it). */
function launchOf(p: PaymentDoc): Launch | null {
  if (p.status !== 'awaiting') return null
  return p.launch ?? null
}

const payablesKey = (p: PaymentDoc) => p.lines.map((l) => `${l.type}:${l.id}`).sort().join(',')
const samePayables = (a: PaymentDoc, b: PaymentDoc) => payablesKey(a) === payablesKey(b)

/**
 * One open payment per payable. The caller's own waiting payment for another choice of items
 * (two bills, then only one of them) is closed at WeChat Pay and replaced; someone else's, or
 * one whose cashier may be open right now for the same items, is not.
 */
async function claimOrSupersede(ports: Ports, payment: PaymentDoc): Promise<ClaimOutcome> {
  const first = await claimPayables(ports, payment)
  if (first.ok) return first
  const holder = first.holder
  if (!holder || holder.userId !== payment.userId || holder.status !== 'awaiting' || samePayables(holder, payment)) return first
  if (!(await closePayment(ports, holder, 'replaced by a new choice of items'))) return first
  return claimPayables(ports, payment)
}
