import { type CampaignDraft, CampaignDraftSchema, type CampaignViewT, type DeliveryMode, type ProductViewT } from '@contracts/order'
import type { Need } from '@contracts/insights-labels'
import { type FieldErrors, issuesByPath } from './form-errors'
import { parseYuan, yuanInput } from './money'
import { formatDate, parseShanghai } from './time'

/** A pre-sale campaign's editor, shared by the mini-program's operator pages and the office console. */

export interface SkuRow {
  on: boolean
  price: string
  stock: string
}

/** The editor's state: numbers people type stay text until checked; times are chosen, never typed. */
export interface Draft {
  title: string
  description: string
  productId: string
  cover: string[]
  images: string[]
  skus: Record<string, SkuRow>
  startAt: number
  endAt: number
  limit: number
  /** Null: no threshold (sold without 成团). */
  threshold: string | null
  mode: DeliveryMode
  pickupPointId: string
  deliveryDay: number
  /** Who it is for: empty lists are everyone. */
  audience: { buildingIds: string[]; needs: Need[] }
}

const HOUR = 3600_000
const DAY = 24 * HOUR
/** Deliveries and pickups start in the morning of the chosen day. */
const DELIVERY_HOUR = 9

/** 00:00 of the day `ms` falls on, in Asia/Shanghai. */
export function dayStart(ms: number): number {
  return parseShanghai(formatDate(ms), 0)
}

/** A new campaign: on sale from tomorrow 09:00 until 20:00 three days later, delivered the day after, no threshold until one is set. */
export function blankDraft(now: number): Draft {
  const today = dayStart(now)
  return {
    title: '',
    description: '',
    productId: '',
    cover: [],
    images: [],
    skus: {},
    startAt: today + DAY + 9 * HOUR,
    endAt: today + 4 * DAY + 20 * HOUR,
    limit: 2,
    threshold: null,
    mode: 'door',
    pickupPointId: '',
    deliveryDay: today + 5 * DAY,
    audience: { buildingIds: [], needs: [] }
  }
}

export function draftOf(c: CampaignViewT): Draft {
  return {
    title: c.title,
    description: c.description,
    productId: c.productId,
    cover: c.cover ? [c.cover] : [],
    images: [...c.images],
    skus: Object.fromEntries(c.skus.map((s) => [s.id, { on: true, price: yuanInput(s.priceFen), stock: String(s.stock) }])),
    startAt: c.startAt,
    endAt: c.endAt,
    limit: c.householdLimit,
    threshold: c.threshold === null ? null : String(c.threshold),
    mode: c.delivery.mode,
    pickupPointId: c.delivery.pickupPoint?.id ?? '',
    deliveryDay: dayStart(c.delivery.date),
    audience: { buildingIds: [...(c.audience?.buildingIds ?? [])], needs: [...(c.audience?.needs ?? [])] }
  }
}

/** Every SKU of the product with its row: the product's price and a stock of 50 until changed. */
export function rowsFor(product: ProductViewT, from: Record<string, SkuRow> = {}): Record<string, SkuRow> {
  return Object.fromEntries(product.skus.map((s) => [s.id, from[s.id] ?? { on: true, price: yuanInput(s.priceFen), stock: '50' }]))
}

const WHOLE = /^\d{1,6}$/

/**
 * The draft as the contract's input, checked on the phone with the contract's own schema. Errors
 * are keyed for the form: per SKU as `sku.<skuId>.priceFen`, the rest by field. Nothing that is not
 * a number is ever sent as one.
 */
export function checkDraft(d: Draft): { ok: true; campaign: CampaignDraft } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {}
  const on = Object.entries(d.skus).filter(([, r]) => r.on)
  const skus = on.map(([skuId, r]) => {
    const priceFen = parseYuan(r.price)
    if (priceFen === null) errors[`sku.${skuId}.priceFen`] = r.price.trim() ? '请填写价格，如 68 或 68.5' : '请填写预售价'
    if (!WHOLE.test(r.stock.trim())) errors[`sku.${skuId}.stock`] = '请填写库存，整数'
    return { skuId, priceFen: priceFen ?? 0, stock: WHOLE.test(r.stock.trim()) ? Number(r.stock.trim()) : 0 }
  })
  const threshold = d.threshold === null ? null : WHOLE.test(d.threshold.trim()) ? Number(d.threshold.trim()) : 0
  if (d.threshold !== null && !WHOLE.test(d.threshold.trim())) errors.threshold = '请填写成团数量，整数'
  const parsed = CampaignDraftSchema.safeParse({
    title: d.title,
    description: d.description,
    productId: d.productId,
    cover: d.cover[0] ?? null,
    images: d.images,
    skus,
    startAt: d.startAt,
    endAt: d.endAt,
    householdLimit: d.limit,
    threshold,
    deliveryMode: d.mode,
    pickupPointId: d.mode === 'pickup' ? d.pickupPointId || null : null,
    deliveryDate: d.deliveryDay + DELIVERY_HOUR * HOUR,
    audience: d.audience
  })
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, campaign: parsed.data }
  return { ok: false, errors: parsed.success ? errors : skuKeyed(issuesByPath(parsed.error, errors), on.map(([id]) => id)) }
}

/** `skus.<i>.x` (the i-th SKU on sale) → `sku.<skuId>.x`, as the form shows them. */
export function skuKeyed(errors: FieldErrors, onIds: string[]): FieldErrors {
  const out: FieldErrors = {}
  for (const [k, m] of Object.entries(errors)) {
    const hit = /^skus\.(\d+)\.(\w+)$/.exec(k)
    const id = hit ? onIds[Number(hit[1])] : undefined
    out[hit && id ? `sku.${id}.${hit[2]}` : k] ??= m
  }
  return out
}
