/** What the office sells, shared by the catalog, campaigns and proposals (意向登记). */
export const PRODUCT_KINDS = ['goods', 'service', 'package'] as const
export type ProductKind = (typeof PRODUCT_KINDS)[number]
export const PRODUCT_KIND_LABELS: Record<ProductKind, string> = { goods: '商品', service: '服务套餐', package: '产品包' }

/** Categories a coupon can be scoped to (membership coupons with scope `category`). */
export const PRODUCT_CATEGORIES = ['fresh', 'grocery', 'housekeeping', 'other'] as const
export type ProductCategory = (typeof PRODUCT_CATEGORIES)[number]
export const PRODUCT_CATEGORY_LABELS: Record<ProductCategory, string> = { fresh: '生鲜', grocery: '粮油百货', housekeeping: '家政服务', other: '其他' }
