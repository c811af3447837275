import * as z from 'zod'
import { ClientRequestId, EpochMs, Fen, Id, Text } from './common'
import { defineAction } from './define'
import { CHANNELS } from './desk-kinds'
import { RELATIONS } from './roles'

/**
 * A pre-sale order placed for a household that called or walked in: the order is the chosen
 * member's, who pays it in the mini-program from the message they get, or pays cash at the
 * finance desk (`pay.recordCash`), which writes the receipt. Staff never take the money.
 */
const FN = 'desk'
const ORDER_FOR = ['service', 'operator', 'butler'] as const

export const deskOrderContracts = {
  orderOptions: defineAction({
    fn: FN,
    name: 'orderOptions',
    summary: '代下单：正在预售的商品与规格（价格、余量、限购）和可代下单的房屋成员',
    access: ORDER_FOR,
    input: z.object({ householdId: Id.meta({ label: '房屋' }) }).strict(),
    output: z.object({
      campaigns: z.array(
        z.object({
          id: Id,
          title: z.string(),
          unit: z.string(),
          householdLimit: z.number().int(),
          endAt: EpochMs,
          skus: z.array(z.object({ skuId: z.string(), name: z.string(), priceFen: Fen, available: z.number().int() }))
        })
      ),
      members: z.array(z.object({ userId: Id, name: z.string(), relation: z.enum(RELATIONS) }))
    })
  }),
  orderFor: defineAction({
    fn: FN,
    name: 'orderFor',
    summary: '客服代住户下预售订单：订单归该成员，住户收到付款消息在小程序支付，或到财务处现金缴纳',
    access: ORDER_FOR,
    input: z
      .object({
        householdId: Id.meta({ label: '房屋' }),
        memberUserId: Id.meta({ label: '下单人' }),
        campaignId: Id.meta({ label: '预售商品' }),
        skuId: Id.meta({ label: '规格' }),
        quantity: z.number().int('数量应为整数').min(1, '数量至少 1 份').max(99, '数量最多 99 份').meta({ label: '数量' }),
        channel: z.enum(CHANNELS, '请选择来源渠道').meta({ label: '来源渠道' }),
        note: Text.max(40, '最多 40 字').meta({ label: '备注' }).default(''),
        clientRequestId: ClientRequestId
      })
      .strict(),
    output: z.object({ orderId: Id, code: z.string(), title: z.string(), amountFen: Fen, expiresAt: EpochMs, memberName: z.string() })
  })
} as const
