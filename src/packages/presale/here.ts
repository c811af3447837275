import { useRouter } from '@tarojs/taro'
import type { Me } from '@contracts/user'
import { useSession } from '../../client'

/**
 * The household a resident buys for in the community a page shows: the current one when the
 * person acts there, otherwise their first household in that community (a card from another
 * community's group). Undefined when they have none there.
 */
export function householdIn(me: Me | null, communityId: string | undefined): string | undefined {
  if (!me) return undefined
  const cur = me.current
  if (cur?.householdId && (!communityId || cur.communityId === communityId)) return cur.householdId
  return me.households.find((h) => h.communityId === communityId)?.householdId
}

/** The role the person acts in within that community: the current one there, else their first there. */
export function roleIn(me: Me | null, communityId: string | undefined): Me['contexts'][number]['role'] | undefined {
  if (!me) return undefined
  if (me.current && (!communityId || me.current.communityId === communityId)) return me.current.role
  return me.contexts.find((c) => c.communityId === communityId)?.role
}

/**
 * Who the person is on this page: the community comes from the link when it names one (a card or
 * message opened cold), else from the current context; the household and role are theirs there.
 */
export function useHere() {
  const { params } = useRouter()
  const { me } = useSession()
  const communityId = params.communityId ? decodeURIComponent(params.communityId) : me?.current?.communityId
  return { me, communityId, householdId: householdIn(me, communityId), role: roleIn(me, communityId) }
}
