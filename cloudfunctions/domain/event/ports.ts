import type { z } from 'zod'
import type { ActionContract } from '../../contracts/define'
import type { MemberCtx } from '../../kernel/module'
import type { Result } from '../../kernel/result'
import type { RewardGrantDoc } from './docs'

/**
 * Issues event rewards. Membership (points, coupons, service cards) is a later feature; until it
 * lands the adapter keeps the grant ledger and tells the resident. `grant` is idempotent on the
 * grant's `_id`, so a retried check-in or feedback never pays twice.
 */
export interface Rewards {
  grant(g: RewardGrantDoc): Promise<'granted' | 'already'>
}

/**
 * Turns the `cloudID` of wx.getGroupEnterInfo into the platform-decrypted open data,
 * `{ cloudID, data: { opengid, watermark } }`; null where no platform can (local, H5).
 */
export interface GroupResolver {
  resolve(cloudId: string): Promise<unknown>
}

/** Mini-program codes for posters (wxacode.getUnlimited); null where the platform cannot make one. */
export interface PosterCodes {
  unlimited(scene: string, page: string): Promise<string | null>
}

export interface EventPorts {
  rewards: Rewards
  groups: GroupResolver
  posterCodes: PosterCodes
}

export interface EventCtx extends MemberCtx {
  ev: EventPorts
}

export type EventHandler<C extends ActionContract> = (
  ctx: EventCtx,
  input: z.output<C['input']>
) => Promise<Result<z.input<C['output']>>>
