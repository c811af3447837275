/** Stored shapes of pre-sales and group buys. Money in fen, times in UTC epoch ms. */
import type { CompetitorChannel, PromoFestival } from '../../contracts/competitor'
import type { Channel } from '../../contracts/desk-kinds'
import type { ProposalStatus } from '../../contracts/proposal'
import type { PackagePartViewT } from '../../contracts/package'
import type { PurchaseStatus } from '../../contracts/supply'
import type { Need } from '../../contracts/insights-labels'
import type { ErrorCode } from '../../contracts/errors'
import type { AfterSaleStatus, AfterSaleType, CampaignStatus, DeliveryMode, OrderStatus, ProductCategory, ProductKind, RefundReason } from '../../contracts/order'

export interface SupplierDoc {
  _id: string
  communityId: string
  name: string
  contact: string
  phone: string
  createdAt: number
  updatedAt: number
}

export interface ProductSku {
  id: string
  name: string
  priceFen: number
  /** What a unit costs us; absent or null while unknown. */
  costFen?: number | null
}

export interface ProductDoc {
  _id: string
  communityId: string
  supplierId: string
  name: string
  kind: ProductKind
  /** What category-scoped coupons match. */
  category: ProductCategory
  description: string
  images: string[]
  unit: string
  skus: ProductSku[]
  /** 五省 it serves; absent on products stored before need tags. */
  needs?: Need[]
  /** 产品包: what it holds, each card with its service line's name as it was saved. */
  parts?: PackagePartViewT[]
  createdAt: number
  updatedAt: number
}

/** A competitor's offer as a clerk saw it (竞品价格). */
export interface CompetitorPriceDoc {
  _id: string
  communityId: string
  competitor: string
  channel: CompetitorChannel
  productId: string | null
  item: string
  priceFen: number
  promotion: { name: string; festival: PromoFestival; startAt: number; endAt: number; priceFen: number | null } | null
  addedValue: string
  seenAt: number
  recordedBy: { userId: string; name: string }
  createdAt: number
  updatedAt: number
}

export interface PickupPointDoc {
  _id: string
  communityId: string
  name: string
  address: string
  hours: string
  createdAt: number
}

export interface CampaignSku {
  skuId: string
  name: string
  priceFen: number
  /** The catalog price when the campaign was saved. */
  originalFen: number
  /** The catalog cost when the campaign was saved (margins of a sale stay as they were sold). */
  costFen?: number | null
  stock: number
}

/**
 * `scheduled`/`live`/`ended` are written by the jobs as the clock passes them; every decision
 * reads the clock itself (see phase.ts), so a late job never lets an order in after the end.
 */
export interface CampaignDoc {
  _id: string
  communityId: string
  title: string
  description: string
  /** A snapshot of the product when the campaign was saved: later catalog edits do not change a sale. */
  productId: string
  productName: string
  productKind: ProductKind
  category: ProductCategory
  supplierId: string
  supplierName: string
  /** The campaign's own photos, else the product's when it was saved. */
  images: string[]
  /** Absent on campaigns saved before covers existed. */
  cover?: string | null
  unit: string
  skus: CampaignSku[]
  startAt: number
  endAt: number
  householdLimit: number
  threshold: number | null
  deliveryMode: DeliveryMode
  pickupPointId: string | null
  deliveryDate: number
  status: CampaignStatus
  /** Decided and written together with the `settling` claim, so a rerun finishes the same way. */
  outcome?: 'succeeded' | 'failed'
  paidQuantityAtSettlement?: number
  settledAt?: number
  fulfilledAt?: number
  publishedAt?: number
  /** The 意向登记 it was made from. */
  proposalId?: string
  /** 五省 it serves, copied from the product. */
  needs?: Need[]
  /** Who it is for (listed and recommended to): null or absent, everyone. */
  audience?: CampaignAudience | null
  /** 产品包: the product's parts when the campaign was saved. */
  parts?: PackagePartViewT[]
  createdBy: string
  createdAt: number
  updatedAt: number
}

/**
 * The stock of one SKU in one campaign. `available` only changes together with `holds`, in one
 * conditional update: reserving adds `holds.<orderId>` (only if absent) and takes from
 * `available` (only if enough); releasing removes the hold (only if present) and gives it back.
 * So a reservation or a release happens exactly once per order, whoever retries it.
 */
export interface CampaignStockDoc {
  _id: string
  campaignId: string
  communityId: string
  skuId: string
  stock: number
  available: number
  holds: Record<string, number>
  /** Paid quantity, counted once per order through `paid.<orderId>`. */
  paidQuantity: number
  paid: Record<string, number>
}

/** The per-household limit: the same hold mechanism on `bought`, capped at the campaign's limit. */
export interface OrderQuotaDoc {
  _id: string
  campaignId: string
  householdId: string
  limit: number
  bought: number
  holds: Record<string, number>
}

export interface AfterSale {
  type: AfterSaleType
  reason: string
  status: AfterSaleStatus
  note: string
  requestedAt: number
  reviewedAt: number | null
  reviewedBy: string | null
}

/** Why a create did not go through: sold out, limit reached, interrupted, or a coupon/points refusal. */
export type RejectReason = ErrorCode

export interface OrderDoc {
  /** `o` + 15 alphanumerics: also a field name in the counters' `holds` maps. */
  _id: string
  /** `${userId}:${clientRequestId}`: a resubmitted create finds this order. */
  idempotencyKey: string
  /** Short code the resident shows at delivery or pickup; unique. */
  code: string
  communityId: string
  campaignId: string
  householdId: string
  buildingId: string
  userId: string
  skuId: string
  skuName: string
  quantity: number
  unitPriceFen: number
  subtotalFen: number
  /**
   * Membership (domain/member/checkout.ts): the level discount, a coupon (locked for the order,
   * used when paid) and points (spent when the order was placed) lower `amountFen`. Returned
   * when the order is cancelled, expires or is refunded in full.
   */
  couponId: string | null
  pointsUsed: number
  discountFen: number
  amountFen: number
  note: string
  /** Set on orders 客服 placed for the member: how the household asked, and which clerk keyed it. */
  channel?: Channel
  enteredBy?: { userId: string; name: string }
  status: OrderStatus
  rejectReason?: RejectReason
  rejectMessage?: string
  /** Pay before this. */
  expiresAt: number
  /** A payment opened within the window may finish until this (its own window). */
  payingUntil: number
  /** Set when the order enters a state that gives its stock and limit back; cleared once given. */
  releaseDue: boolean
  paymentId: string | null
  paidFen: number
  paidAt: number | null
  /** Resolved when the campaign succeeds (door delivery): the household's grid. */
  gridId: string | null
  deliveredAt: number | null
  deliveredBy: string | null
  refundReason: RefundReason | null
  refundRequestedAt: number | null
  /** Failed refund attempts; each retry uses a new idempotency key. */
  refundAttempts: number
  refundedFen: number
  refundedAt: number | null
  afterSale: AfterSale | null
  /** Attribution: the butler invitation (and WeChat group) the resident came through. */
  invitationId: string | null
  inviterUserId: string | null
  openGId: string | null
  /** A reservation placed for a household that registered interest in this proposal. */
  proposalId?: string
  /** The invitation the buyer opened first (first-touch commission); absent on orders from before it. */
  firstInvitationId?: string | null
  firstInviterUserId?: string | null
  /** 产品包: the cards paying issues (package.ts). */
  package?: OrderPackage
  /** 产品包 refunded after card uses were taken: what those uses kept back from the refund. */
  retainedFen?: number
  createdAt: number
  updatedAt: number
}

/** A package order's cards, per unit bought, and what the package's parts cost one by one (for shares). */
export interface OrderPackage {
  cards: { lineId: string; lineName: string; title: string; uses: number; validDays: number; partFen: number }[]
  partsFen: number
}

export interface DeliveryTaskDoc {
  _id: string
  campaignId: string
  communityId: string
  mode: DeliveryMode
  /** `pickup` for pickup campaigns; `unassigned` for buildings in no grid. */
  gridId: string
  gridName: string
  butlerUserId: string
  deliveryDate: number
  orders: number
  quantity: number
  buildings: { buildingId: string; orders: number; quantity: number }[]
  createdAt: number
  updatedAt: number
}

export interface OrderInviteDoc {
  /** `${campaignId}:${butlerUserId}` */
  _id: string
  campaignId: string
  communityId: string
  butlerUserId: string
  token: string
  /** Made by sharing a proposal (意向登记), whose pre-sale `campaignId` will be. */
  proposalId?: string
  shares: number
  visits: number
  createdAt: number
}

export interface OrderVisitDoc {
  /** `${inviteId}:${userId}` */
  _id: string
  inviteId: string
  campaignId: string
  communityId: string
  butlerUserId: string
  userId: string
  /** The group of the latest open that came with one. */
  lastGroupId: string | null
  groupIds: string[]
  opens: number
  firstAt: number
  lastAt: number
}

/**
 * 意向登记: a product or service proposed before it is sourced. `interests` is the journal of
 * registered quantities by household (keyed by `interestKey`), changed together with the totals
 * in one conditional update, so the totals always add up to it.
 */
export interface ProposalDoc {
  _id: string
  communityId: string
  title: string
  description: string
  kind: ProductKind
  category: ProductCategory
  images: string[]
  unit: string
  indicativePriceFen: number
  threshold: number
  householdLimit: number
  closesAt: number
  status: ProposalStatus
  registered: number
  households: number
  interests: Record<string, number>
  campaignId: string | null
  /** Set when it became a pre-sale: the reservations placed, and registrations left without one. */
  reserved: { orders: number; quantity: number; unreserved: number } | null
  convertedBy: string | null
  createdBy: string
  createdAt: number
  updatedAt: number
}

/** Who registered for a household, and how many: `_id` is `${proposalId}:${householdId}`. */
export interface ProposalInterestDoc {
  _id: string
  proposalId: string
  communityId: string
  householdId: string
  userId: string
  quantity: number
  /** The reservation placed when the proposal became a pre-sale; `unreserved`: none could be (stock, a member who left). */
  orderId?: string
  unreserved?: true
  createdAt: number
  updatedAt: number
}

/** Households in these buildings with one of these needs; an empty list does not narrow. */
export interface CampaignAudience {
  buildingIds: string[]
  needs: Need[]
}

/**
 * 采购单: what a succeeded pre-sale needs from its supplier, from the settled quantities at the
 * cost copied into the sale. `_id` is `po-<campaignId>`, so settling again finds it.
 */
export interface PurchaseOrderDoc {
  _id: string
  communityId: string
  campaignId: string
  campaignTitle: string
  supplierId: string
  supplierName: string
  lines: { skuId: string; name: string; ordered: number; costFen: number | null }[]
  expectedBy: number
  status: PurchaseStatus
  receipt: PurchaseReceipt | null
  createdAt: number
  updatedAt: number
}

export interface PurchaseReceipt {
  at: number
  by: { userId: string; name: string }
  lines: { skuId: string; received: number; damaged: number }[]
  rating: number
  note: string
}
