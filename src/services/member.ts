import Taro from '@tarojs/taro'
import type { Purchase } from '@contracts/member'
import type { InputOf, OutputOf } from '@contracts/registry'
import { call } from '../client'
import { unwrap } from './result'
import { communityReady } from './session'
import { parseYuan } from '../utils/money'

export type MemberCard = OutputOf<'member.card'>
export type PointsPage = OutputOf<'member.points'>
export type Wallet = OutputOf<'member.coupons'>
export type Coupon = Wallet['coupons'][number]
export type Claimable = Wallet['claimable'][number]
export type Cards = OutputOf<'member.cards'>
export type ServiceCard = Cards['cards'][number]
export type CheckoutOptions = OutputOf<'member.checkoutOptions'>
export type Template = OutputOf<'member.templates'>['templates'][number]
export type Budgets = OutputOf<'member.budgets'>
export type Budget = Budgets['budgets'][number]
export type BudgetDetail = OutputOf<'member.budget'>
export type Resident = OutputOf<'member.findResidents'>['residents'][number]
export type Rules = OutputOf<'member.rules'>

export const MEMBER_PKG = '/packages/member/pages'

// Every member call is scoped to the current community: wait for the session (deep links).
async function scoped<A extends Parameters<typeof call>[0]>(id: A, input: InputOf<A>) {
  await communityReady()
  return unwrap(await call(id, input))
}

export const memberCard = () => scoped('member.card', {})
export const pointsHistory = (cursor?: string) => scoped('member.points', cursor ? { cursor } : {})
export const wallet = (status: 'usable' | 'used' | 'expired' = 'usable') => scoped('member.coupons', { status })
export const claimCoupon = (templateId: string) => scoped('member.claimCoupon', { templateId })
export const myCards = () => scoped('member.cards', {})
export const transferCard = (cardId: string, toUserId: string) => scoped('member.transferCard', { cardId, toUserId })
export const checkoutOptions = (input: InputOf<'member.checkoutOptions'>) => scoped('member.checkoutOptions', input)

export const templates = () => scoped('member.templates', {})
export const createTemplate = (input: InputOf<'member.createTemplate'>) => scoped('member.createTemplate', input)
export const updateTemplate = (input: InputOf<'member.updateTemplate'>) => scoped('member.updateTemplate', input)
export const previewSegment = (segment: InputOf<'member.previewSegment'>['segment']) => scoped('member.previewSegment', { segment })
export const issueCoupons = (input: InputOf<'member.issueCoupons'>) => scoped('member.issueCoupons', input)
export const memberRules = () => scoped('member.rules', {})
export const saveRules = (rules: InputOf<'member.saveRules'>['rules']) => scoped('member.saveRules', { rules })
export const budgets = () => scoped('member.budgets', {})
export const createBudget = (input: InputOf<'member.createBudget'>) => scoped('member.createBudget', input)
export const budgetDetail = (budgetId: string) => scoped('member.budget', { budgetId })
export const issueReward = (input: InputOf<'member.issueReward'>) => scoped('member.issueReward', input)
export const findResidents = (query: string) => scoped('member.findResidents', { query })

// ── The coupon picker, for any checkout ────────────────────────────────────────────────────

export type { Purchase }

/**
 * What a checkout asks the picker: what is being bought (by id and intention; the server prices
 * it exactly as the order's create will), and the coupon chosen so far.
 */
export interface PickRequest {
  purchase: Purchase
  couponId?: string | null
}

/** The picker's answer: a coupon (with what it takes off these items) or `couponId: null` for none. */
export interface PickedCoupon {
  couponId: string | null
  discountFen: number
  title: string
  label: string
}

export const PICKER_PATH = `${MEMBER_PKG}/picker/index`
export const PICKED_EVENT = 'member:coupon-picked'
export const PICK_REQUEST_KEY = 'member:pick-request'

/**
 * Opens the coupon picker and resolves with the resident's choice, or `null` when they went
 * back without choosing (keep what was chosen). The request travels in storage; the answer comes
 * back on Taro's event center, which works the same in WeChat and H5. Usage in a checkout page:
 *
 *   const picked = await pickCoupon({ purchase: { kind: 'presale', campaignId, skuId, quantity }, couponId })
 *   if (picked) setCoupon(picked)   // then send picked.couponId with the order
 *
 * The server prices the purchase for the picker with the code the order's create uses, and
 * re-prices everything when the order is placed (holdDiscount).
 */
export function pickCoupon(req: PickRequest): Promise<PickedCoupon | null> {
  Taro.setStorageSync(PICK_REQUEST_KEY, req)
  return new Promise((resolve) => {
    const onPicked = (picked: PickedCoupon | null) => {
      Taro.eventCenter.off(PICKED_EVENT, onPicked)
      resolve(picked)
    }
    Taro.eventCenter.on(PICKED_EVENT, onPicked)
    Taro.navigateTo({ url: PICKER_PATH }).catch(() => onPicked(null))
  })
}

/** The picker page answers its opener (exactly once: a choice, or `null` when left without one). */
export function answerPick(picked: PickedCoupon | null): void {
  Taro.eventCenter.trigger(PICKED_EVENT, picked)
}

export function pendingPick(): PickRequest | null {
  const req = Taro.getStorageSync(PICK_REQUEST_KEY) as PickRequest | '' | undefined
  return req && typeof req.purchase === 'object' && req.purchase !== null ? req : null
}

export { newRequestId } from './request-id'

/** Yuan typed by a person → integer fen; anything malformed is null. */
export const yuanToFen = parseYuan
