import { pageLink } from '../../utils/link'

/** Links into 智能停车 carry the community, so each page opens from a QR, a result page or a reload. */
export function parkingLink(page: 'pay' | 'mine', communityId: string | undefined, params: Record<string, string | undefined> = {}): string {
  return pageLink(`/packages/parking/pages/${page}/index`, { ...params, communityId })
}
