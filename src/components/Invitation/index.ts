import { useRouter } from '@tarojs/taro'
import { useRef, useState } from 'react'
import type { Result } from '../../client'

/** What a detail page shows: the thing's id and the community it belongs to. */
export interface InvitedTarget {
  id: string
  communityId: string | undefined
}

/** A recorded visit: names the community and who invited. */
interface Visit {
  communityId: string
  inviterName: string
}

/**
 * A detail page opened from a butler's card (`inv`) or a poster's mini-program code (`scene`):
 * the visit is recorded once, and the invitation names the thing and its community, so the link
 * works from cold whoever opens it. A plain link (`id`, `communityId`) needs no invitation.
 */
export function useInvitation<V extends Visit>(record: (token: string) => Promise<Result<V>>, idOf: (visit: V) => string) {
  const { params } = useRouter()
  const token = decodeURIComponent(params.inv ?? params.scene ?? '')
  const target = useRef<InvitedTarget>({ id: decodeURIComponent(params.id ?? ''), communityId: params.communityId ? decodeURIComponent(params.communityId) : undefined })
  const visited = useRef(false)
  const [inviter, setInviter] = useState('')

  /** Records the visit on the first call; answers the target to load. */
  const resolve = async (): Promise<Result<InvitedTarget>> => {
    if (token && !visited.current) {
      const v = await record(token)
      if (v.ok) {
        visited.current = true
        target.current = { id: idOf(v.data), communityId: v.data.communityId }
        setInviter(v.data.inviterName)
        // An expired or unknown invitation must say so when it is all the link has.
      } else if (!target.current.id) return v
    }
    return { ok: true, data: target.current }
  }

  return {
    resolve,
    /** The inviting butler's name, once the visit is recorded. */
    inviter,
    /** The community known so far (from the link or the invitation). */
    communityId: target.current.communityId,
    /** False when the link names neither a thing nor an invitation. */
    linked: target.current.id !== '' || token !== ''
  }
}
