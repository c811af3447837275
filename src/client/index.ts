import type { ApiResponse } from '@contracts/errors'
import type { ActionId, InputOf, OutputOf } from '@contracts/registry'
import { transport } from './transport'

/**
 * The typed client: action ids, inputs and outputs all come from the contracts, so a page cannot
 * send what a function does not accept.
 */
let defaultCommunity: string | undefined

/** The community of the current context; sent with every call, checked by the server. */
export function setDefaultCommunity(communityId: string | undefined): void {
  defaultCommunity = communityId
}

export async function call<A extends ActionId>(
  id: A,
  input: InputOf<A>,
  opts: { communityId?: string } = {}
): Promise<ApiResponse<OutputOf<A>>> {
  const dot = id.indexOf('.')
  const fn = id.slice(0, dot)
  const action = id.slice(dot + 1)
  const communityId = opts.communityId ?? defaultCommunity
  const res = await transport().send(fn, { action, input, ...(communityId ? { communityId } : {}) })
  return res as ApiResponse<OutputOf<A>>
}
