import * as z from 'zod'
import { ClientRequestId, EpochMs, Fen, Id, Text } from './common'
import { defineAction } from './define'

const FN = 'pay'

/** Everything payable through the payment module; later features add their kind here. */
export const PAYABLE_TYPES = ['bill', 'order', 'booking', 'parking', 'parkingCard'] as const
export type PayableType = (typeof PAYABLE_TYPES)[number]
/** What each payable kind is called to the payer: the pay result says what was paid for. */
export const PAYABLE_TYPE_LABELS: Record<PayableType, string> = { bill: '物业费', order: '预售订单', booking: '上门服务', parking: '停车费', parkingCard: '停车月卡' }

export const PAYMENT_STATUSES = ['created', 'awaiting', 'paid', 'closed', 'failed', 'anomaly'] as const
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number]
export const PAYMENT_STATUS_LABELS: Record<PaymentStatus, string> = {
  created: '待支付',
  awaiting: '待支付',
  paid: '已支付',
  closed: '已关闭',
  failed: '支付失败',
  anomaly: '待核查'
}

/**
 * `abnormal`: WeChat Pay reported the refund ABNORMAL (e.g. the payer's card was closed). The money
 * may be held for manual handling in the merchant platform, so its reservation is kept and an
 * anomaly is recorded: a person settles it, never an automatic retry.
 */
export const REFUND_STATUSES = ['processing', 'succeeded', 'failed', 'abnormal'] as const
export type RefundStatus = (typeof REFUND_STATUSES)[number]
export const REFUND_STATUS_LABELS: Record<RefundStatus, string> = {
  processing: '退款中',
  succeeded: '已退款',
  failed: '退款失败',
  abnormal: '退款异常'
}

/**
 * Things a person has to look at (`paymentAnomalies`):
 * - `amount_mismatch`: WeChat Pay took another amount than was due; the payment is `anomaly`, nothing paid;
 * - `paid_after_settled`: paid for something settled another way meanwhile; refunded automatically;
 * - `refund_abnormal`: a refund WeChat Pay reported ABNORMAL (money held for manual handling);
 * - `auto_refund_failed`: an automatic refund failed 5 times and is no longer retried;
 * - `auto_refund_closed`: an automatic refund WeChat Pay closed after the payment was settled (nothing retries it).
 */
export const PAYMENT_ANOMALY_KINDS = ['amount_mismatch', 'unknown_payment', 'paid_after_settled', 'refund_abnormal', 'auto_refund_failed', 'auto_refund_closed'] as const
export type PaymentAnomalyKind = (typeof PAYMENT_ANOMALY_KINDS)[number]
export const PAYMENT_ANOMALY_LABELS: Record<PaymentAnomalyKind, string> = {
  amount_mismatch: '支付金额不符',
  unknown_payment: '未知订单',
  paid_after_settled: '重复支付已自动退款',
  refund_abnormal: '退款异常',
  auto_refund_failed: '自动退款失败',
  auto_refund_closed: '自动退款被关闭'
}
/** What the nightly reconciliation (domain/payment/jobs.ts) finds wrong between payments, refunds and the ledger. */
export const RECONCILIATION_MISMATCH_KINDS = [
  'paid_without_ledger',
  'ledger_without_payment',
  'ledger_amount',
  'refund_reservation',
  'over_refunded',
  'refund_without_ledger',
  'ledger_without_refund',
  'ledger_orphan',
  'payment_anomaly',
  'payment_unsettled',
  'refund_stuck',
  'refund_abnormal'
] as const
export type ReconciliationMismatchKind = (typeof RECONCILIATION_MISMATCH_KINDS)[number]
export const RECONCILIATION_MISMATCH_LABELS: Record<ReconciliationMismatchKind, string> = {
  paid_without_ledger: '已收款未入账',
  ledger_without_payment: '入账但收款未成功',
  ledger_amount: '入账金额不符',
  refund_reservation: '退款占用金额不符',
  over_refunded: '退款超过实收',
  refund_without_ledger: '已退款未入账',
  ledger_without_refund: '入账但退款未成功',
  ledger_orphan: '流水无对应收款',
  payment_anomaly: '支付异常待处理',
  payment_unsettled: '支付结果未确认',
  refund_stuck: '退款长时间未完成',
  refund_abnormal: '退款异常'
}

/** `refund`: return the money through the refund path; `accept`: record that a person handled it, nothing moves. */
export const ANOMALY_ACTIONS = ['refund', 'accept'] as const
export type AnomalyAction = (typeof ANOMALY_ACTIONS)[number]


const LineView = z.object({
  type: z.enum(PAYABLE_TYPES),
  id: Id,
  title: z.string(),
  amountFen: Fen,
  refundedFen: Fen
})

const RefundView = z.object({
  id: Id,
  outRefundNo: z.string(),
  amountFen: Fen,
  reason: z.string(),
  status: z.enum(REFUND_STATUSES),
  automatic: z.boolean(),
  createdAt: EpochMs,
  succeededAt: EpochMs.nullable()
})

export const PaymentView = z.object({
  id: Id,
  outTradeNo: z.string(),
  status: z.enum(PAYMENT_STATUSES),
  totalFen: Fen,
  refundedFen: Fen,
  householdLabel: z.string(),
  /**
   * What the payment is for, named for the payer: the kind of its lines (each checkout pays one
   * kind) and the first one's id, which the result page links to (the bill list, the order, the booking).
   */
  paidFor: z.object({ type: z.enum(PAYABLE_TYPES), label: z.string(), id: Id }),
  lines: z.array(LineView),
  refunds: z.array(RefundView),
  createdAt: EpochMs,
  paidAt: EpochMs.nullable(),
  expiresAt: EpochMs,
  transactionId: z.string().nullable()
})
export type PaymentViewT = z.infer<typeof PaymentView>

export const AnomalyView = z.object({
  id: z.string(),
  kind: z.enum(PAYMENT_ANOMALY_KINDS),
  paymentId: z.string(),
  outTradeNo: z.string(),
  householdLabel: z.string(),
  detail: z.string(),
  /** The money at stake: what was paid (amount mismatch) or what is owed back (automatic refunds). */
  amountFen: Fen.nullable(),
  createdAt: EpochMs,
  /** What may be done now; empty once resolved. */
  actions: z.array(z.enum(ANOMALY_ACTIONS)),
  /** The decision taken, once someone took it (a refund decided but not yet accepted by WeChat Pay has no `resolvedAt`). */
  resolution: z.enum(ANOMALY_ACTIONS).nullable(),
  resolvedBy: z.string().nullable(),
  resolvedAt: EpochMs.nullable(),
  note: z.string().nullable(),
  /** Why the last refund decided for it failed (the anomaly is open again). */
  lastFailure: z.string().nullable()
})
export type AnomalyViewT = z.infer<typeof AnomalyView>

/** How the mini-program opens the cashier: wx.requestPayment in WeChat, the sandbox sheet locally. */
const Launch = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('wechat'),
    params: z.object({
      timeStamp: z.string(),
      nonceStr: z.string(),
      package: z.string(),
      signType: z.literal('RSA'),
      paySign: z.string()
    })
  }),
  z.object({ kind: z.literal('sandbox'), prepayId: z.string() })
])

export const payContracts = {
  create: defineAction({
    fn: FN,
    name: 'create',
    summary: '为账单等应付项创建一笔支付（金额由服务端计算）',
    access: ['resident'],
    input: z
      .object({
        payables: z
          .array(z.object({ type: z.enum(PAYABLE_TYPES).meta({ label: '类型' }), id: Id.meta({ label: '编号' }) }).strict())
          .min(1, '请至少选择一项')
          .max(24, '一次最多支付 24 项').meta({ label: '支付项目', measure: '个' }),
        /** The client's idempotency key: a resubmitted create returns the same payment. */
        clientRequestId: ClientRequestId
      })
      .strict(),
    output: z.object({ payment: PaymentView, launch: Launch.nullable() })
  }),
  createAsDriver: defineAction({
    fn: FN,
    name: 'createAsDriver',
    summary: '出口缴停车费：任何微信用户（含非本小区住户的访客车主）为在场车辆支付临停费',
    // Any signed-in WeChat user: the payer is whoever stands at the exit, not a household.
    access: 'member',
    input: z
      .object({
        /** The lot of the exit QR: the community the payment belongs to. */
        lotId: Id.meta({ label: '停车场' }),
        payables: z
          .array(z.object({ type: z.literal('parking').meta({ label: '类型' }), id: Id.meta({ label: '编号' }) }).strict())
          .min(1, '请选择要缴费的停车记录')
          .max(1, '一次缴一辆车的停车费')
          .meta({ label: '支付项目', measure: '个' }),
        clientRequestId: ClientRequestId
      })
      .strict(),
    output: z.object({ payment: PaymentView, launch: Launch.nullable() })
  }),
  driverPayment: defineAction({
    fn: FN,
    name: 'driverPayment',
    summary: '出口缴费后查询本人的停车费支付结果（必要时向微信支付查单）',
    access: 'member',
    input: z.object({ paymentId: Id.meta({ label: '支付记录' }) }).strict(),
    output: PaymentView
  }),
  get: defineAction({
    fn: FN,
    name: 'get',
    summary: '查询支付结果（必要时向微信支付查单）',
    access: ['resident', 'operator'],
    input: z.object({ paymentId: Id.meta({ label: '支付记录' }) }).strict(),
    output: PaymentView
  }),
  history: defineAction({
    fn: FN,
    name: 'history',
    summary: '本户的缴费记录',
    access: ['resident'],
    input: z.object({ householdId: Id.meta({ label: '房屋' }) }).strict(),
    output: z.object({ payments: z.array(PaymentView) })
  }),
  receipt: defineAction({
    fn: FN,
    name: 'receipt',
    summary: '电子收据',
    access: ['resident', 'operator', 'finance'],
    input: z.object({ paymentId: Id.meta({ label: '支付记录' }) }).strict(),
    output: z.object({
      receiptNo: z.string(),
      communityName: z.string(),
      householdLabel: z.string(),
      payerName: z.string(),
      lines: z.array(z.object({ title: z.string(), amountFen: Fen })),
      totalFen: Fen,
      refundedFen: Fen,
      paidAt: EpochMs,
      transactionId: z.string(),
      channelLabel: z.string()
    })
  }),
  search: defineAction({
    fn: FN,
    name: 'search',
    summary: '运营、财务查找支付（按房号或订单号）',
    access: ['operator', 'finance'],
    input: z
      .object({
        query: Text.max(40).meta({ label: '房号或订单号' }).default(''),
        status: z.enum(PAYMENT_STATUSES).meta({ label: '支付状态' }).optional()
      })
      .strict(),
    output: z.object({ payments: z.array(PaymentView) })
  }),
  refund: defineAction({
    fn: FN,
    name: 'refund',
    summary: '运营、财务发起退款（全额或部分，需填写原因）',
    access: ['operator', 'finance'],
    input: z
      .object({
        paymentId: Id.meta({ label: '支付记录' }),
        lines: z
          .array(z.object({
            payableId: Id.meta({ label: '项目编号' }),
            amountFen: z.number().int().positive('退款金额须大于 0').meta({ label: '退款金额', money: true })
          }).strict())
          .min(1, '请选择退款项目')
          .max(24).meta({ label: '退款项目', measure: '个' }),
        reason: Text.min(2, '请填写退款原因').max(80, '原因最多 80 个字').meta({ label: '退款原因' }),
        clientRequestId: ClientRequestId
      })
      .strict(),
    output: PaymentView
  }),
  reconciliation: defineAction({
    fn: FN,
    name: 'reconciliation',
    summary: '最近一次对账结果',
    access: ['operator', 'finance'],
    input: z.object({}).strict(),
    output: z.object({
      ranAt: EpochMs.nullable(),
      payments: z.number().int(),
      refunds: z.number().int(),
      ledgerEntries: z.number().int(),
      mismatches: z.array(z.object({ kind: z.enum(RECONCILIATION_MISMATCH_KINDS), ref: z.string(), detail: z.string() }))
    })
  }),
  anomalies: defineAction({
    fn: FN,
    name: 'anomalies',
    summary: '待人工处理的支付异常（最新的在前）',
    access: ['operator', 'finance'],
    input: z.object({}).strict(),
    output: z.object({ anomalies: z.array(AnomalyView) })
  }),
  resolveAnomaly: defineAction({
    fn: FN,
    name: 'resolveAnomaly',
    summary: '处理一条支付异常：全额退回，或确认已人工处理（需填写说明）',
    access: ['operator', 'finance'],
    input: z
      .object({
        anomalyId: Id.meta({ label: '异常记录' }),
        action: z.enum(ANOMALY_ACTIONS).meta({ label: '处理方式' }),
        note: Text.min(2, '请填写处理说明').max(80, '说明最多 80 个字').meta({ label: '处理说明' })
      })
      .strict(),
    output: AnomalyView
  })
} as const

export const PAY_ERRORS = [
  'PAY.PAYABLE_NOT_FOUND',
  'PAY.NOT_PAYABLE',
  'PAY.MIXED_HOUSEHOLDS',
  'PAY.AMOUNT_ZERO',
  'PAY.GATEWAY_FAILED',
  'PAY.IN_PROGRESS',
  'PAY.NOT_FOUND',
  'PAY.NOT_PAID',
  'PAY.REFUND_EXCEEDS',
  'PAY.REFUND_FAILED',
  'PAY.ANOMALY_RESOLVED',
  'PAY.ANOMALY_ACTION',
  'PAY.CASH_MISMATCH',
  'PAY.NOT_CASH'
] as const
