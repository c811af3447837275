import Taro from '@tarojs/taro'
import type { InputOf, OutputOf } from '@contracts/registry'
import { call } from '../client'
import { checkout } from './payment'
import { newRequestId } from './request-id'
import { unwrap } from './result'
import { visitGroup } from './share-group'
import { communityReady } from './session'

export type Campaign = OutputOf<'order.campaign'>['campaign']
export type CampaignDetail = OutputOf<'order.campaign'>
export type Order = OutputOf<'order.get'>
export type Deliveries = OutputOf<'order.deliveries'>
export type Delivered = OutputOf<'order.deliver'>
export type Dashboard = OutputOf<'order.dashboard'>
export type Catalog = OutputOf<'order.catalog'>
export type Poster = OutputOf<'order.poster'>

export const PRESALE_PKG = '/packages/presale/pages'
export const PRESALE_ADMIN_PKG = '/packages/presale-admin/pages'

export { newRequestId }

export async function listCampaigns(scope: 'current' | 'past' = 'current') {
  await communityReady()
  return unwrap(await call('order.campaigns', { scope }))
}

export async function getCampaign(id: string, opts: { householdId?: string; communityId?: string } = {}) {
  await communityReady()
  return unwrap(await call('order.campaign', { id, ...(opts.householdId ? { householdId: opts.householdId } : {}) }, opts.communityId ? { communityId: opts.communityId } : {}))
}

export async function createOrder(input: InputOf<'order.create'>) {
  await communityReady()
  return unwrap(await call('order.create', input))
}

/** Pays an order through the payment module: WeChat's cashier, or the sandbox sheet locally. */
export async function payOrder(orderId: string) {
  return checkout({ payables: [{ type: 'order', id: orderId }], clientRequestId: newRequestId() })
}

export async function myOrders(householdId: string) {
  await communityReady()
  return unwrap(await call('order.mine', { householdId }))
}

export async function getOrder(orderId: string) {
  await communityReady()
  return unwrap(await call('order.get', { orderId }))
}

export async function cancelOrder(orderId: string) {
  await communityReady()
  return unwrap(await call('order.cancel', { orderId }))
}

export async function confirmReceived(orderId: string) {
  await communityReady()
  return unwrap(await call('order.confirmReceived', { orderId }))
}

export async function requestAfterSale(input: InputOf<'order.requestAfterSale'>) {
  await communityReady()
  return unwrap(await call('order.requestAfterSale', input))
}

/** Opening a butler's card or a poster's code records where the resident came from, and from which group. */
export async function recordVisit(token: string) {
  return unwrap(await call('order.recordVisit', { token, ...(await visitGroup()) }))
}

export async function shareCampaign(campaignId: string) {
  await communityReady()
  return unwrap(await call('order.share', { campaignId }))
}

export async function campaignPoster(campaignId: string) {
  await communityReady()
  return unwrap(await call('order.poster', { campaignId }))
}

export async function deliveries() {
  await communityReady()
  return unwrap(await call('order.deliveries', {}))
}

export async function deliver(code: string) {
  await communityReady()
  return unwrap(await call('order.deliver', { code }))
}

export async function verifyPickup(code: string) {
  await communityReady()
  return unwrap(await call('order.verifyPickup', { code }))
}

/**
 * Reads an order code: the camera in WeChat (the order page shows the code as text and the
 * scanner reads a QR or barcode of it), null where there is no scanner (H5: type it).
 */
export async function scanOrderCode(): Promise<string | null> {
  if (process.env.TARO_ENV !== 'weapp') return null
  try {
    const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode', 'barCode'] })
    return res.result
  } catch {
    return null
  }
}

export async function catalog() {
  await communityReady()
  return unwrap(await call('order.catalog', {}))
}

export async function saveProduct(input: InputOf<'order.saveProduct'>) {
  await communityReady()
  return unwrap(await call('order.saveProduct', input))
}

export async function saveSupplier(input: InputOf<'order.saveSupplier'>) {
  await communityReady()
  return unwrap(await call('order.saveSupplier', input))
}

export async function savePickupPoint(input: InputOf<'order.savePickupPoint'>) {
  await communityReady()
  return unwrap(await call('order.savePickupPoint', input))
}

export async function adminCampaigns() {
  await communityReady()
  return unwrap(await call('order.adminCampaigns', {}))
}

export async function saveCampaign(input: InputOf<'order.saveCampaign'>) {
  await communityReady()
  return unwrap(await call('order.saveCampaign', input))
}

export async function publishCampaign(id: string) {
  await communityReady()
  return unwrap(await call('order.publishCampaign', { id }))
}

export async function dashboard(campaignId: string) {
  await communityReady()
  return unwrap(await call('order.dashboard', { campaignId }))
}

export async function reviewAfterSale(input: InputOf<'order.reviewAfterSale'>) {
  await communityReady()
  return unwrap(await call('order.reviewAfterSale', input))
}
