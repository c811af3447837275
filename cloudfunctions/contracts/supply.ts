import * as z from 'zod'
import { EpochMs, Fen, Id, Text } from './common'

/**
 * The supply loop of 严选预售: a purchase order per supplier when a pre-sale succeeds (from the
 * settled quantities at the cost copied into the sale), the goods received against it (short and
 * damaged counted), a scorecard per supplier, and a monthly settlement statement.
 */
export const PURCHASE_STATUSES = ['open', 'received'] as const
export type PurchaseStatus = (typeof PURCHASE_STATUSES)[number]
export const PURCHASE_STATUS_LABELS: Record<PurchaseStatus, string> = { open: '待收货', received: '已收货' }

const Count = z.number().int().min(0, '数量不能为负').max(100_000, '数量最多 100000')

export const ReceiptDraftSchema = z
  .object({
    lines: z
      .array(
        z
          .object({
            skuId: Id.meta({ label: '规格' }),
            received: Count.meta({ label: '实收数量' }),
            damaged: Count.meta({ label: '破损数量' })
          })
          .strict()
          .refine((l) => l.damaged <= l.received, { path: ['damaged'], message: '破损数量不能多于实收数量' })
      )
      .min(1, '请填写收货数量')
      .max(10)
      .meta({ label: '收货明细', measure: '个' }),
    /** How the delivery went, 1–5 stars: what the scorecard averages. */
    rating: z.number().int().min(1, '请给供应商打分').max(5, '最多 5 分').meta({ label: '供应商评分' }),
    note: Text.max(200, '备注最多 200 字').meta({ label: '备注' }).default('')
  })
  .strict()
export type ReceiptDraft = z.infer<typeof ReceiptDraftSchema>

export const PurchaseOrderView = z.object({
  id: Id,
  campaignId: Id,
  campaignTitle: z.string(),
  supplierId: Id,
  supplierName: z.string(),
  status: z.enum(PURCHASE_STATUSES),
  /** Goods are needed by the pre-sale's delivery day. */
  expectedBy: EpochMs,
  lines: z.array(
    z.object({
      skuId: Id,
      name: z.string(),
      ordered: z.number().int(),
      costFen: Fen.nullable(),
      received: z.number().int().nullable(),
      short: z.number().int().nullable(),
      damaged: z.number().int().nullable()
    })
  ),
  /** What the order costs at the copied cost; null while a line has no cost. */
  orderedFen: Fen.nullable(),
  /** What is owed: received less damaged, at cost; null until received, or without a cost. */
  acceptedFen: Fen.nullable(),
  receivedAt: EpochMs.nullable(),
  receivedBy: z.string().nullable(),
  /** Received by the end of the delivery day; null until received. */
  onTime: z.boolean().nullable(),
  rating: z.number().int().nullable(),
  note: z.string(),
  createdAt: EpochMs
})
export type PurchaseOrderViewT = z.infer<typeof PurchaseOrderView>

export const SupplierScoreView = z.object({
  supplierId: Id,
  supplierName: z.string(),
  purchaseOrders: z.number().int(),
  received: z.number().int(),
  /** Of the received, how many by the delivery day; null with none received. */
  onTimePercent: z.number().int().nullable(),
  /** Units short and damaged, of units ordered on received orders. */
  shortPercent: z.number().int().nullable(),
  damagedPercent: z.number().int().nullable(),
  /** Paid orders of its pre-sales that asked for an after-sale. */
  afterSalePercent: z.number().int().nullable(),
  ratingAvg: z.number().nullable(),
  acceptedFen: Fen
})
export type SupplierScoreViewT = z.infer<typeof SupplierScoreView>

/** `2026-12`: a month in Asia/Shanghai. */
export const MonthInput = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '请选择月份').meta({ label: '月份' })

export const StatementView = z.object({
  supplierId: Id,
  supplierName: z.string(),
  month: z.string(),
  rows: z.array(
    z.object({
      purchaseOrderId: Id,
      receivedAt: EpochMs,
      campaignTitle: z.string(),
      skuName: z.string(),
      ordered: z.number().int(),
      received: z.number().int(),
      damaged: z.number().int(),
      accepted: z.number().int(),
      costFen: Fen.nullable(),
      amountFen: Fen.nullable()
    })
  ),
  totalUnits: z.number().int(),
  /** Null while a row has no cost: a total that leaves one out would understate what is owed. */
  totalFen: Fen.nullable()
})
export type StatementViewT = z.infer<typeof StatementView>
