import type { z } from 'zod'
import type { ActionContract } from '../../contracts/define'
import type { MemberCtx } from '../../kernel/module'
import type { Result } from '../../kernel/result'

/**
 * Turns the `cloudID` of wx.getGroupEnterInfo into the platform-decrypted open data,
 * `{ cloudID, data: { openGId, watermark: { appid, timestamp } } }`; null where no platform
 * can decrypt (the local server and H5 have no group context).
 */
export interface GroupResolver {
  resolve(cloudId: string): Promise<unknown>
}

/** Mini-program codes for posters (wxacode.getUnlimited); null where the platform cannot make one. */
export interface PosterCodes {
  unlimited(scene: string, page: string): Promise<string | null>
}

export interface OrderPorts {
  groups: GroupResolver
  posterCodes: PosterCodes
}

export interface OrderCtx extends MemberCtx {
  op: OrderPorts
}

export type OrderHandler<C extends ActionContract> = (ctx: OrderCtx, input: z.output<C['input']>) => Promise<Result<z.input<C['output']>>>
