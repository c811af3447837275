import { payContracts } from '../../contracts/pay'
import type { ActionHandler, MemberCtx } from '../../kernel/module'
import { fail, ok } from '../../kernel/result'
import type { Ports } from '../../kernel/ports'
import type { Filter } from '../../kernel/store'
import type { Role } from '../../contracts/roles'
import { driverPayer } from '../parking/payables'
import { householdLabels } from '../user/labels'
import { applyTransaction } from './apply'
import { createPayment } from './create'
import type { PaymentDoc } from './docs'
import { requestRefund } from './refund'
import { openAnomalies, resolveAnomaly as resolve } from './resolve'
import { NO_HOUSEHOLD } from './payables'
import { paymentView, paymentViews } from './view'

type C = typeof payContracts

const CHANNEL_LABELS: Record<PaymentDoc['channel'], string> = { wechat: '微信支付', sandbox: '本地沙箱支付', cash: '现金' }

/** Residents see their households' payments; operators see their community's. */
const OFFICE_ROLES: readonly Role[] = payContracts.search.access

async function visiblePayment(ctx: MemberCtx, paymentId: string): Promise<PaymentDoc | null> {
  const p = await ctx.ports.store.get('payments', paymentId)
  if (!p || p.communityId !== ctx.actor.communityId) return null
  // Whoever may search the community's payments (the office) sees each of them; a resident their own.
  if (ctx.actor.roles.some((r) => OFFICE_ROLES.includes(r))) return p
  return ctx.actor.householdIds.includes(p.householdId) ? p : null
}

/** A payment still waiting is looked up with WeChat Pay after a short while (order query). */
const QUERY_AFTER_MS = 5_000

export const create: ActionHandler<C['create']> = async ({ ports, actor }, input) => {
  // The payer's households' labels alongside the create: the view needs no read after it.
  const [res, labels] = await Promise.all([createPayment(ports, actor, input, actor), householdLabels(ports, actor.householdIds, actor.communityId)])
  if (!res.ok) return res
  const [view] = await paymentViews(ports, [res.value.payment], labels)
  return ok({ payment: view!, launch: res.value.launch })
}

/**
 * A driver pays a stay at the exit: any signed-in WeChat user, resident of the lot's community or
 * not. The lot says the community; the parking payable prices the stay and names no household.
 */
export const createAsDriver: ActionHandler<C['createAsDriver']> = async ({ ports, actor }, input) => {
  const payer = await driverPayer(ports, input.lotId)
  if (!payer) return fail('PAY.PAYABLE_NOT_FOUND', '停车场不存在，请重新扫描出口二维码', [{ path: 'lotId', label: '停车场', message: '没有这个停车场' }])
  const res = await createPayment(ports, actor, input, payer)
  if (!res.ok) return res
  const [view] = await paymentViews(ports, [res.value.payment], new Map())
  return ok({ payment: view!, launch: res.value.launch })
}

/** A driver's own payment (made through createAsDriver), and nobody else's. */
export const driverPayment: ActionHandler<C['driverPayment']> = async ({ ports, actor }, input) => {
  const p = await ports.store.get('payments', input.paymentId)
  if (!p || p.userId !== actor.user._id || p.householdId !== NO_HOUSEHOLD) return fail('PAY.NOT_FOUND', '支付记录不存在')
  return ok(await paymentView(ports, await settledIfPaid(ports, p)))
}

/** A payment still waiting, after a short while, is looked up with WeChat Pay and applied if paid. */
async function settledIfPaid(ports: Ports, p: PaymentDoc): Promise<PaymentDoc> {
  if (p.status !== 'awaiting' || ports.clock.now() - p.createdAt <= QUERY_AFTER_MS) return p
  // The query only speeds things up: if WeChat Pay does not answer, the stored state stands.
  const tx = await ports.payment.query(p.outTradeNo).catch((e: unknown) => {
    ports.log.warn('order query failed', { outTradeNo: p.outTradeNo, error: String(e) })
    return null
  })
  if (tx?.tradeState !== 'SUCCESS') return p
  await applyTransaction(ports, tx)
  return (await ports.store.get('payments', p._id)) ?? p
}

export const get: ActionHandler<C['get']> = async (ctx, input) => {
  let p = await visiblePayment(ctx, input.paymentId)
  if (!p) return fail('PAY.NOT_FOUND', '支付记录不存在')
  const { ports } = ctx
  if (p.status === 'awaiting' && ports.clock.now() - p.createdAt > QUERY_AFTER_MS) {
    // The query only speeds things up: if WeChat Pay does not answer, the stored state stands.
    const tx = await ports.payment.query(p.outTradeNo).catch((e: unknown) => {
      ports.log.warn('order query failed', { outTradeNo: p?.outTradeNo, error: String(e) })
      return null
    })
    if (tx?.tradeState === 'SUCCESS') {
      await applyTransaction(ports, tx)
      p = (await ports.store.get('payments', p._id)) ?? p
    }
  }
  return ok(await paymentView(ports, p))
}

/** The fee history shows this many payments, the newest first. */
const HISTORY_SIZE = 100

/**
 * The household's property-fee payments (bills: property fee, parking, one-off charges). Pre-sale
 * orders and home services are paid through the same module but listed with their own orders and
 * bookings, so they are left out here. Read newest first a page at a time until the list is full.
 */
export const history: ActionHandler<C['history']> = async ({ ports, actor }, input) => {
  if (!actor.householdIds.includes(input.householdId)) return fail('HOUSEHOLD.NOT_MEMBER', '你不是这套房屋的成员')
  const fees: PaymentDoc[] = []
  const own: Filter = { householdId: input.householdId, status: { in: ['paid', 'anomaly'] } }
  let after: PaymentDoc | null = null
  for (;;) {
    // Keyset on (createdAt, _id): payments made in the same millisecond are neither skipped nor repeated.
    const where: Filter = after
      ? { and: [own, { or: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, _id: { lt: after._id } }] }] }
      : own
    const page: PaymentDoc[] = await ports.store.find('payments', {
      where,
      orderBy: [
        { field: 'createdAt', dir: 'desc' },
        { field: '_id', dir: 'desc' }
      ],
      limit: HISTORY_SIZE
    })
    fees.push(...page.filter((p) => p.lines.some((l) => l.type === 'bill')))
    after = page[page.length - 1] ?? null
    if (page.length < HISTORY_SIZE || fees.length >= HISTORY_SIZE) break
  }
  return ok({ payments: await paymentViews(ports, fees.slice(0, HISTORY_SIZE)) })
}

export const receipt: ActionHandler<C['receipt']> = async (ctx, input) => {
  const p = await visiblePayment(ctx, input.paymentId)
  if (!p) return fail('PAY.NOT_FOUND', '支付记录不存在')
  if (p.status !== 'paid' || !p.paidAt) return fail('PAY.NOT_PAID', '支付成功后才能查看收据')
  const { ports } = ctx
  const [community, payer, view] = await Promise.all([
    ports.store.get('communities', p.communityId),
    ports.store.get('users', p.userId),
    paymentView(ports, p)
  ])
  return ok({
    // The receipt number is the merchant order number: one receipt per payment, traceable.
    receiptNo: p.outTradeNo,
    communityName: community?.name ?? '',
    householdLabel: view.householdLabel,
    payerName: p.cash?.payerName ?? payer?.nickname ?? '',
    lines: p.lines.map((l) => ({ title: l.title, amountFen: l.amountFen })),
    totalFen: p.totalFen,
    refundedFen: view.refundedFen,
    paidAt: p.paidAt,
    transactionId: p.transactionId ?? '',
    channelLabel: CHANNEL_LABELS[p.channel] + (p.cash ? `（经办：${p.cash.cashierName}）` : '')
  })
}

/** A payment number (P…, or C… for cash) rather than a room. */
const isTradeNo = (q: string) => /^[PC]\d{8}/.test(q)

export const search: ActionHandler<C['search']> = async ({ ports, actor }, input) => {
  const q = input.query
  const where: Filter = {
    communityId: actor.communityId,
    status: input.status ?? { in: ['paid', 'anomaly'] },
    ...(isTradeNo(q) ? { outTradeNo: q } : {})
  }
  const list = await ports.store.find('payments', { where, orderBy: [{ field: 'createdAt', dir: 'desc' }], limit: 200 })
  // Labels first (two batched reads), so refunds are read only for the payments shown.
  const labels = await householdLabels(ports, list.map((p) => p.householdId))
  const matching = q && !isTradeNo(q) ? list.filter((p) => (labels.get(p.householdId) ?? '').includes(q)) : list
  return ok({ payments: await paymentViews(ports, matching.slice(0, 50), labels) })
}

export const refund: ActionHandler<C['refund']> = async (ctx, input) => {
  const p = await visiblePayment(ctx, input.paymentId)
  if (!p) return fail('PAY.NOT_FOUND', '支付记录不存在')
  const res = await requestRefund(ctx.ports, p, {
    lines: input.lines,
    reason: input.reason,
    idempotencyKey: `op:${ctx.actor.user._id}:${input.clientRequestId}`,
    requestedBy: ctx.actor.user._id,
    automatic: false
  })
  if (!res.ok) return res
  const fresh = (await ctx.ports.store.get('payments', p._id)) ?? p
  return ok(await paymentView(ctx.ports, fresh))
}

export const reconciliation: ActionHandler<C['reconciliation']> = async ({ ports, actor }) => {
  const r = await ports.store.get('reconciliations', actor.communityId)
  return ok({
    ranAt: r?.ranAt ?? null,
    payments: r?.payments ?? 0,
    refunds: r?.refunds ?? 0,
    ledgerEntries: r?.ledgerEntries ?? 0,
    mismatches: r?.mismatches ?? []
  })
}


export const anomalies: ActionHandler<C['anomalies']> = async ({ ports, actor }) => ok({ anomalies: await openAnomalies(ports, actor.communityId) })

export const resolveAnomaly: ActionHandler<C['resolveAnomaly']> = async ({ ports, actor }, input) => resolve(ports, actor, input)
