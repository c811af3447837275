import type { z } from 'zod'
import type { ActionContract } from '../../contracts/define'
import type { UserCtx } from '../../kernel/module'
import type { Result } from '../../kernel/result'
import type { GroupResolver } from '../invites/groups'
import type { RewardGrantDoc } from './docs'

/**
 * Issues event rewards. Membership (points, coupons, service cards) is a later feature; until it
 * lands the adapter keeps the grant ledger and tells the resident. `grant` is idempotent on the
 * grant's `_id`, so a retried check-in or feedback never pays twice.
 */
export interface Rewards {
  grant(g: RewardGrantDoc): Promise<'granted' | 'already'>
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

export type EventCtx<C extends ActionContract> = UserCtx<C> & { ev: EventPorts }

export type EventHandler<C extends ActionContract> = (
  ctx: EventCtx<C>,
  input: z.output<C['input']>
) => Promise<Result<z.input<C['output']>>>
