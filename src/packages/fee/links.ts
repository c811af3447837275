import Taro from '@tarojs/taro'
import type { PayableType } from '@contracts/pay'
import { pageLink } from '../../utils/link'
import { parkingLink } from '../parking/links'
import { presaleLink } from '../presale/links'
import { serviceLink } from '../service/types'

/** Where the resident's fee pages live; links built here carry the community so they open from cold. */
export const FEE_PKG = '/packages/fee/pages'

type FeePage = 'bills' | 'history' | 'receipt'

export function feeLink(page: FeePage, communityId: string | undefined, params: Record<string, string | number | null | undefined> = {}): string {
  return pageLink(`${FEE_PKG}/${page}/index`, { ...params, communityId })
}

/** The page of what a payment was for: the bill list, the order or the booking (`id` is its first payable). */
export function paidForLink(paidFor: { type: PayableType; id: string }, communityId: string | undefined): string {
  if (paidFor.type === 'order') return presaleLink('order', communityId, { id: paidFor.id })
  if (paidFor.type === 'booking') return serviceLink('booking', { id: paidFor.id }, communityId)
  // The pay page finds the car again by the plate it last looked up, and shows the time to leave by.
  if (paidFor.type === 'parking') return parkingLink('pay', communityId)
  if (paidFor.type === 'parkingCard') return parkingLink('mine', communityId)
  return feeLink('bills', communityId)
}

/** To a page the person came from: back when it is the page under this one, else opened in place of this one (opened from cold). */
export function backTo(url: string): void {
  const pages = Taro.getCurrentPages()
  const under = (pages[pages.length - 2]?.route ?? '').replace(/^\/?/, '/')
  if (under !== '/' && url.split('?')[0] === under) void Taro.navigateBack()
  else void Taro.redirectTo({ url })
}
