import { useRouter } from '@tarojs/taro'
import { currentMe } from '../../../client'

/**
 * The household an access page acts for: the link's (a message or a reload names it), else the
 * current one; and its community.
 */
export function useAccessHousehold(): { householdId: string; communityId: string; communityName: string } {
  const { params } = useRouter()
  const current = currentMe()?.current
  return {
    householdId: params.householdId || current?.householdId || '',
    communityId: params.communityId || current?.communityId || '',
    communityName: current?.communityName ?? ''
  }
}
