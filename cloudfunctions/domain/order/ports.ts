import type { z } from 'zod'
import type { ActionContract } from '../../contracts/define'
import type { UserCtx } from '../../kernel/module'
import type { Result } from '../../kernel/result'
import type { GroupResolver } from '../invites/groups'

/** Mini-program codes for posters (wxacode.getUnlimited); null where the platform cannot make one. */
export interface PosterCodes {
  unlimited(scene: string, page: string): Promise<string | null>
}

export interface OrderPorts {
  groups: GroupResolver
  posterCodes: PosterCodes
}

export type OrderCtx<C extends ActionContract> = UserCtx<C> & { op: OrderPorts }

export type OrderHandler<C extends ActionContract> = (ctx: OrderCtx<C>, input: z.output<C['input']>) => Promise<Result<z.input<C['output']>>>
