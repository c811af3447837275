import * as z from 'zod'
import type { Ports } from '../../kernel/ports'

/**
 * Turns the `cloudID` of wx.getGroupEnterInfo into the platform-decrypted open data,
 * `{ cloudID, data: { opengid, watermark: { appid, timestamp } } }`; null where no platform
 * can decrypt (the local server and H5 have no group context).
 */
export interface GroupResolver {
  resolve(cloudId: string): Promise<unknown>
}

/**
 * The platform-decrypted group data: `{ cloudID, data: { opengid, watermark: { appid, timestamp } } }`
 * (getGroupEnterInfo says `opengid`; the older getShareInfo said `openGId`). Data stamped for
 * another mini-program is refused.
 */
const DecryptedGroup = z.object({
  data: z.object({
    opengid: z.string().min(1).max(128).optional(),
    openGId: z.string().min(1).max(128).optional(),
    watermark: z.object({ appid: z.string(), timestamp: z.number() }).partial().optional()
  })
})

export function groupIdFrom(raw: unknown, appid: string | undefined): string | null {
  const parsed = DecryptedGroup.safeParse(raw)
  if (!parsed.success) return null
  const { opengid, openGId, watermark } = parsed.data.data
  if (appid && watermark?.appid && watermark.appid !== appid) return null
  return opengid ?? openGId ?? null
}

/** The group a card was opened in, or null: without one (or when the platform fails) the visit still counts. */
export async function visitGroupId(ports: Ports, groups: GroupResolver, groupCloudId: string | undefined, appid: string | undefined): Promise<string | null> {
  if (!groupCloudId) return null
  try {
    return groupIdFrom(await groups.resolve(groupCloudId), appid)
  } catch (err) {
    ports.log.warn('group open data unavailable', { error: String(err) })
    return null
  }
}
