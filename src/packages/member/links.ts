import { useRouter } from '@tarojs/taro'
import { useSession } from '../../client'
import { pageLink } from '../../utils/link'

/** Where the member pages live; links built here carry the community so they open from cold. */
export const MEMBER_PKG = '/packages/member/pages'

type MemberPage = 'card' | 'points' | 'coupons' | 'cards' | 'picker' | 'templates' | 'issue' | 'rules' | 'budgets' | 'budget'

export function memberLink(page: MemberPage, communityId: string | undefined, params: Record<string, string | number | null | undefined> = {}): string {
  return pageLink(`${MEMBER_PKG}/${page}/index`, { ...params, communityId })
}

/** The community this page acts in: the link's when it names one (opened from a message), else the current one. */
export function usePageCommunity(): string | undefined {
  const { params } = useRouter()
  const { me } = useSession()
  return params.communityId ? decodeURIComponent(params.communityId) : me?.current?.communityId
}
