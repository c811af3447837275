/**
 * Error codes of the `member` function (points, levels, coupons, service cards, incentives).
 * Plain constants (no zod) so errors.ts, which the main package reads, stays light.
 */
export const MEMBER_ERRORS = [
  'MEMBER.POINTS_INSUFFICIENT',
  'MEMBER.COUPON_NOT_FOUND',
  'MEMBER.COUPON_UNUSABLE',
  'MEMBER.COUPON_SOLD_OUT',
  'MEMBER.COUPON_LIMIT',
  'MEMBER.TEMPLATE_NOT_FOUND',
  'MEMBER.TEMPLATE_INACTIVE',
  'MEMBER.STOCK_BELOW_ISSUED',
  'MEMBER.CARD_NOT_FOUND',
  'MEMBER.CARD_UNUSABLE',
  'MEMBER.TRANSFER_INVALID',
  'MEMBER.SEGMENT_EMPTY',
  'MEMBER.SEGMENT_TOO_LARGE',
  'MEMBER.BUDGET_NOT_FOUND',
  'MEMBER.BUDGET_EXCEEDED',
  'MEMBER.RECIPIENT_INVALID',
  'MEMBER.RULES_INVALID'
] as const
