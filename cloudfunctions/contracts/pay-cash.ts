import * as z from 'zod'
import { ClientRequestId, EpochMs, Fen, Id, Text } from './common'
import { defineAction } from './define'
import { PAYABLE_TYPES } from './pay'

/**
 * Cash at the finance desk (现金缴费): finance lists what a household owes, takes the cash for the
 * items the payer chose, and the payment is recorded like any other (ledger, payables, receipt,
 * the member's message). A refund of cash stays `processing` until finance hands the money back
 * and confirms it. Only finance records cash: 客服 and butlers never hold a resident's money.
 */
const FN = 'pay'
const CASH = ['finance'] as const

const DueItem = z.object({ type: z.enum(PAYABLE_TYPES), id: Id, title: z.string(), amountFen: Fen, detail: z.string() })

export const payCashContracts = {
  cashDue: defineAction({
    fn: FN,
    name: 'cashDue',
    summary: '现金收款：一户待缴的账单、待付款的预售订单与服务后付款的预约（含滞纳金）',
    access: CASH,
    input: z.object({ householdId: Id.meta({ label: '房屋' }) }).strict(),
    output: z.object({ householdLabel: z.string(), items: z.array(DueItem) })
  }),
  recordCash: defineAction({
    fn: FN,
    name: 'recordCash',
    summary: '财务登记现金收款并开具收据：所选项目记为已缴，住户收到缴费成功消息',
    access: CASH,
    input: z
      .object({
        householdId: Id.meta({ label: '房屋' }),
        payables: z
          .array(z.object({ type: z.enum(PAYABLE_TYPES).meta({ label: '项目类型' }), id: Id.meta({ label: '项目' }) }).strict())
          .min(1, '请选择收款项目')
          .max(24, '一次最多 24 项')
          .meta({ label: '收款项目', measure: '个' }),
        receivedFen: z.number().int('实收金额最多到分').positive('请填写实收金额').max(100_000_000, '金额过大').meta({ label: '实收金额', money: true }),
        payerName: Text.min(1, '请填写交款人').max(20, '最多 20 个字').meta({ label: '交款人' }),
        clientRequestId: ClientRequestId
      })
      .strict(),
    output: z.object({ paymentId: Id, receiptNo: z.string(), totalFen: Fen, paidAt: EpochMs })
  }),
  cashRefunds: defineAction({
    fn: FN,
    name: 'cashRefunds',
    summary: '待退还的现金：现金缴纳后退款（取消、售后、未成团）的款项，财务退还后确认',
    access: CASH,
    input: z.object({}).strict(),
    output: z.object({
      refunds: z.array(
        z.object({ id: Id, outRefundNo: z.string(), paymentId: Id, householdLabel: z.string(), payerName: z.string(), amountFen: Fen, reason: z.string(), createdAt: EpochMs })
      )
    })
  }),
  confirmCashRefund: defineAction({
    fn: FN,
    name: 'confirmCashRefund',
    summary: '确认现金已退还给住户：退款记为成功，账本出账，住户收到退款消息',
    access: CASH,
    input: z.object({ refundId: Id.meta({ label: '退款记录' }), receiverName: Text.min(1, '请填写领款人').max(20, '最多 20 个字').meta({ label: '领款人' }) }).strict(),
    output: z.object({ refundId: Id, amountFen: Fen, succeededAt: EpochMs })
  })
} as const
