import { useRouter } from '@tarojs/taro'
import { useSession } from '../../../client'

/**
 * The household an access page acts for: the link's (a message or a reload names it), else the
 * current one; and its community.
 */
export function useAccessHousehold(): { householdId: string; communityId: string; communityName: string } {
  const { params } = useRouter()
  // From the session as it loads: a page opened from a cold link renders before the sign-in is back.
  const current = useSession().me?.current
  return {
    householdId: params.householdId || current?.householdId || '',
    communityId: params.communityId || current?.communityId || '',
    communityName: current?.communityName ?? ''
  }
}
