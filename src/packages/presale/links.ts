import { pageLink } from '../../utils/link'

/** Where the pre-sale pages live; links built here carry the community so they open from cold. */
export const PRESALE_PKG = '/packages/presale/pages'
export const PRESALE_ADMIN_PKG = '/packages/presale-admin/pages'

type ResidentPage = 'list' | 'detail' | 'confirm' | 'order' | 'orders' | 'proposals' | 'proposal'
type AdminPage = 'campaigns' | 'edit' | 'product' | 'dashboard' | 'deliveries' | 'poster' | 'verify'
type Params = Record<string, string | number | null | undefined>

export function presaleLink(page: ResidentPage, communityId: string | undefined, params: Params = {}): string {
  return pageLink(`${PRESALE_PKG}/${page}/index`, { ...params, communityId })
}

export function presaleAdminLink(page: AdminPage, communityId: string | undefined, params: Params = {}): string {
  return pageLink(`${PRESALE_ADMIN_PKG}/${page}/index`, { ...params, communityId })
}

/** The butler's selling kit of a campaign (scripts to copy, facts to repeat), in the butler package. */
export function butlerKitLink(campaignId: string, communityId: string | undefined): string {
  return pageLink('/packages/butler/pages/kit/index', { kind: 'campaign', id: campaignId, communityId })
}
