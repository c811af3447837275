import * as z from 'zod'
import type { orderContracts } from '../../contracts/order'
import { findAll } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import { fail, ok } from '../../kernel/result'
import type { UserDoc } from '../docs'
import type { CampaignDoc, OrderInviteDoc, OrderVisitDoc } from './docs'
import type { OrderHandler } from './ports'
import { campaignViews } from './views'

type C = typeof orderContracts

export const DETAIL_PAGE = 'packages/presale/pages/detail/index'
/** Poster scenes hold at most 32 visible characters; 10 alphanumerics map to the invitation. */
const TOKEN_ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'
export const INVITE_TOKEN_LENGTH = 10

export function sharePath(campaignId: string, token: string): string {
  return `/${DETAIL_PAGE}?id=${encodeURIComponent(campaignId)}&inv=${token}`
}

async function campaignOf(ports: Ports, communityId: string | null, id: string): Promise<CampaignDoc | null> {
  const c = await ports.store.get<CampaignDoc>('campaigns', id)
  return c && c.communityId === communityId && c.status !== 'draft' ? c : null
}

/** The butler's invitation for a campaign, made on first use; the unique token index settles races. */
async function ensureInvite(ports: Ports, c: CampaignDoc, butlerUserId: string): Promise<OrderInviteDoc> {
  const id = `${c._id}:${butlerUserId}`
  for (let attempt = 0; attempt < 5; attempt++) {
    const existing = await ports.store.get<OrderInviteDoc>('orderInvites', id)
    if (existing) return existing
    const doc: OrderInviteDoc = {
      _id: id,
      campaignId: c._id,
      communityId: c.communityId,
      butlerUserId,
      token: ports.random.code(INVITE_TOKEN_LENGTH, TOKEN_ALPHABET),
      shares: 0,
      visits: 0,
      createdAt: ports.clock.now()
    }
    if ((await ports.store.insert('orderInvites', doc)).ok) return doc
  }
  throw new Error(`could not create an invitation for ${id}`)
}

export const share: OrderHandler<C['share']> = async ({ ports, actor }, input) => {
  const c = await campaignOf(ports, actor.communityId, input.campaignId)
  if (!c) return fail('ORDER.CAMPAIGN_NOT_FOUND', '预售不存在或不属于当前社区')
  const inv = await ensureInvite(ports, c, actor.user._id)
  // WeChat reports no share success: a share is the butler opening the share sheet with this card.
  await ports.store.update('orderInvites', inv._id, { inc: { shares: 1 } })
  const visits = await findAll<OrderVisitDoc>(ports.store, 'orderVisits', { inviteId: inv._id })
  const orders = await ports.store.count('orders', { invitationId: inv._id, status: { in: ['paid', 'confirmed', 'delivered'] } })
  return ok({ token: inv.token, path: sharePath(c._id, inv.token), visits: visits.length, groups: new Set(visits.flatMap((v) => v.groupIds)).size, orders })
}

export const poster: OrderHandler<C['poster']> = async ({ ports, actor, op }, input) => {
  const c = await campaignOf(ports, actor.communityId, input.campaignId)
  if (!c) return fail('ORDER.CAMPAIGN_NOT_FOUND', '预售不存在或不属于当前社区')
  const inv = await ensureInvite(ports, c, actor.user._id)
  let codeImage: string | null = null
  try {
    // The scene is the token alone (≤ 32 characters); the detail page maps it back to the invitation.
    codeImage = await op.posterCodes.unlimited(inv.token, DETAIL_PAGE)
  } catch (err) {
    ports.log.warn('poster code failed', { campaignId: c._id, error: String(err) })
  }
  const [view] = await campaignViews(ports, [c])
  if (!view) return fail('ORDER.CAMPAIGN_NOT_FOUND', '预售不存在')
  return ok({ token: inv.token, page: DETAIL_PAGE, path: sharePath(c._id, inv.token), codeImage, campaign: view, butlerName: actor.user.nickname })
}

/**
 * The platform-decrypted group data: `{ cloudID, data: { openGId, watermark: { appid, timestamp } } }`
 * (wx.getGroupEnterInfo's data says `opengid`, the older getShareInfo `openGId`). Data stamped
 * for another mini-program is refused.
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
  return openGId ?? opengid ?? null
}

/**
 * Opening a butler's card (`inv`) or scanning a poster (`scene`) records the visit: the inviter,
 * and the WeChat group when the card was opened in one. Orders the visitor then places carry it.
 */
export const recordVisit: OrderHandler<C['recordVisit']> = async ({ ports, actor, op, identity }, input) => {
  const [inv] = await ports.store.find<OrderInviteDoc>('orderInvites', { where: { token: input.token }, limit: 1 })
  if (!inv) return fail('ORDER.INVITATION_NOT_FOUND', '邀请不存在或已失效')
  const butler = await ports.store.get<UserDoc>('users', inv.butlerUserId)
  let groupId: string | null = null
  if (input.groupCloudId) {
    try {
      groupId = groupIdFrom(await op.groups.resolve(input.groupCloudId), identity.appid)
    } catch (err) {
      // The visit still counts without its group.
      ports.log.warn('group open data unavailable', { error: String(err) })
    }
  }
  const out = { campaignId: inv.campaignId, communityId: inv.communityId, inviterName: butler?.nickname ?? '', groupRecorded: groupId !== null }
  // The butler opening their own card is no visit.
  if (actor.user._id === inv.butlerUserId) return ok({ ...out, groupRecorded: false })
  const now = ports.clock.now()
  const id = `${inv._id}:${actor.user._id}`
  const visit: OrderVisitDoc = {
    _id: id,
    inviteId: inv._id,
    campaignId: inv.campaignId,
    communityId: inv.communityId,
    butlerUserId: inv.butlerUserId,
    userId: actor.user._id,
    lastGroupId: groupId,
    groupIds: groupId ? [groupId] : [],
    opens: 1,
    firstAt: now,
    lastAt: now
  }
  if ((await ports.store.insert('orderVisits', visit)).ok) {
    await ports.store.update('orderInvites', inv._id, { inc: { visits: 1 } })
    return ok(out)
  }
  // Later opens: bump the count; a new group joins the list under a compare-and-set on `opens`.
  for (let attempt = 0; attempt < 3; attempt++) {
    const cur = await ports.store.get<OrderVisitDoc>('orderVisits', id)
    if (!cur) break
    const groupIds = groupId && !cur.groupIds.includes(groupId) ? [...cur.groupIds, groupId] : cur.groupIds
    const set = { groupIds, lastAt: now, ...(groupId ? { lastGroupId: groupId } : {}) }
    if (await ports.store.update('orderVisits', id, { set, inc: { opens: 1 } }, { opens: cur.opens })) break
  }
  return ok(out)
}
