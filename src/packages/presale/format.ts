import type { ProductKind } from '@contracts/order'
import type { CellProps, IconName } from '../../ui/kit'
import { formatDate } from '../../utils/time'
import type { Campaign, Catalog } from './types'

/** `1天 02:03:04`, or `02:03:04` under a day. */
export function remainingText(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000))
  const d = Math.floor(s / 86400)
  const hh = String(Math.floor((s % 86400) / 3600)).padStart(2, '0')
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0')
  const ss = String(s % 60).padStart(2, '0')
  return `${d > 0 ? `${d}天 ` : ''}${hh}:${mm}:${ss}`
}

export function minPrice(c: Campaign): { priceFen: number; originalFen: number } {
  const cheapest = [...c.skus].sort((a, b) => a.priceFen - b.priceFen)[0]
  return { priceFen: cheapest?.priceFen ?? 0, originalFen: cheapest?.originalFen ?? 0 }
}

export function deliveryText(d: Campaign['delivery']): string {
  if (d.mode === 'pickup') return `${formatDate(d.date)} 起到「${d.pickupPoint?.name ?? '自提点'}」自提`
  return `${formatDate(d.date)} 管家送货上门`
}

/** The placeholder icon for a product without a photo. */
export function productIcon(kind: ProductKind): IconName {
  return kind === 'service' ? 'cleaning' : kind === 'package' ? 'gift' : 'store'
}

/** How a catalog product heads its row, in the catalog and when picking one for a campaign. */
export function productHead(p: Catalog['products'][number]): Pick<CellProps, 'thumb' | 'icon' | 'title'> {
  return { thumb: p.images[0] ?? null, icon: productIcon(p.kind), title: p.name }
}
