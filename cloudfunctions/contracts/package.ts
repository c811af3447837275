import * as z from 'zod'
import { Fen, Id, Text } from './common'

/**
 * 产品包: goods together with an N-use service card (换季保洁 3 次 + 清洁用品). Each part carries
 * what it costs bought on its own, so the package shows its saving, and a refund keeps back the
 * card's uses already taken at the card's share of what was paid.
 */
const UnitFen = z.number().int().min(1, '单买价须大于 0').max(10_000_000, '单买价不超过 10 万元').meta({ label: '单买价', money: true })

export const PackageCardPart = z
  .object({
    type: z.literal('card').meta({ label: '类型' }),
    /** The service line the card pays for: its uses book that line (次卡). */
    lineId: Id.meta({ label: '服务项目' }),
    title: Text.min(2, '请填写服务卡名称').max(20, '服务卡名称最多 20 个字').meta({ label: '服务卡名称' }),
    uses: z.number().int().min(1, '次数至少 1 次').max(50, '次数最多 50 次').meta({ label: '次数' }),
    validDays: z.number().int().min(30, '有效期至少 30 天').max(730, '有效期最多 730 天').meta({ label: '有效期（天）' }),
    /** What one use costs booked on its own. */
    unitFen: UnitFen
  })
  .strict()

export const PackageGoodsPart = z
  .object({
    type: z.literal('goods').meta({ label: '类型' }),
    name: Text.min(1, '请填写商品名称').max(20, '商品名称最多 20 个字').meta({ label: '商品名称' }),
    quantity: z.number().int().min(1, '数量至少 1').max(99, '数量最多 99').meta({ label: '数量' }),
    unitFen: UnitFen
  })
  .strict()

export const PackagePart = z.discriminatedUnion('type', [PackageCardPart, PackageGoodsPart], '请选择包含内容的类型')
export type PackagePartT = z.infer<typeof PackagePart>
export type PackageCardPartT = z.infer<typeof PackageCardPart>

export const PackageParts = z.array(PackagePart).max(8, '产品包最多包含 8 项').meta({ label: '包含内容', measure: '项' })

/** A part as shown: the card's service line by name. */
export const PackagePartView = z.discriminatedUnion('type', [
  z.object({ type: z.literal('card'), lineId: Id, lineName: z.string(), title: z.string(), uses: z.number().int(), validDays: z.number().int(), unitFen: Fen }),
  z.object({ type: z.literal('goods'), name: z.string(), quantity: z.number().int(), unitFen: Fen })
])
export type PackagePartViewT = z.infer<typeof PackagePartView>

/** What the parts cost bought one by one, for one package. */
export function partsFen(parts: readonly { type: 'card' | 'goods'; unitFen: number; uses?: number; quantity?: number }[]): number {
  return parts.reduce((n, p) => n + p.unitFen * (p.type === 'card' ? (p.uses ?? 0) : (p.quantity ?? 0)), 0)
}

/** One line of what a package holds, as a resident reads it: 「日常保洁 3 次」「清洁用品套装 ×1」. */
export function partLabel(p: PackagePartViewT): string {
  return p.type === 'card' ? `${p.lineName} ${p.uses} 次` : `${p.name} ×${p.quantity}`
}
