import { isWechat } from '../../kernel/identity'
import type { orderContracts } from '../../contracts/order'
import { findAll } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import { fail, ok } from '../../kernel/result'
import { ensureInvite as ensure } from '../invites/invite'
import { visitGroupId } from '../invites/groups'
import { recordOpen } from '../invites/visits'
import { recordShare } from '../selling/uses'
import type { CampaignDoc, OrderInviteDoc, OrderVisitDoc } from './docs'
import type { OrderHandler } from './ports'
import { proposalCampaignId } from './proposal-convert'
import { inCommunity } from './proposals'
import { campaignCover, campaignViews } from './views'
import { storedPhotos } from '../photos'

type C = typeof orderContracts

export const DETAIL_PAGE = 'packages/presale/pages/detail/index'

/** The butler's card: it names the community so that it opens from cold, logged out or in another community. */
export function sharePath(c: Pick<CampaignDoc, '_id' | 'communityId'>, token: string): string {
  return `/${DETAIL_PAGE}?id=${encodeURIComponent(c._id)}&inv=${token}&communityId=${encodeURIComponent(c.communityId)}`
}

async function campaignOf(ports: Ports, communityId: string | null, id: string): Promise<CampaignDoc | null> {
  const c = await ports.store.get('campaigns', id)
  return c && c.communityId === communityId && c.status !== 'draft' ? c : null
}

/**
 * The butler's invitation for a campaign, made on first use. A proposal's invitation is made for
 * the pre-sale it will become (its fixed id), so the orders placed there carry the visits.
 */
function ensureInvite(ports: Ports, c: Pick<CampaignDoc, '_id' | 'communityId'>, butlerUserId: string, proposalId?: string): Promise<OrderInviteDoc> {
  const id = `${c._id}:${butlerUserId}`
  return ensure<OrderInviteDoc>(ports, 'orderInvites', id, (token) => ({
    _id: id,
    campaignId: c._id,
    communityId: c.communityId,
    butlerUserId,
    token,
    ...(proposalId ? { proposalId } : {}),
    shares: 0,
    visits: 0,
    createdAt: ports.clock.now()
  }))
}

export const share: OrderHandler<C['share']> = async ({ ports, actor }, input) => {
  const c = await campaignOf(ports, actor.communityId, input.campaignId)
  if (!c) return fail('ORDER.CAMPAIGN_NOT_FOUND', '预售不存在或不属于当前社区')
  const inv = await ensureInvite(ports, c, actor.user._id)
  // WeChat reports no share success: a share is the butler opening the share sheet with this card.
  // The share also counts toward the butler's daily selling task, whichever page it came from.
  await Promise.all([
    ports.store.update('orderInvites', inv._id, { inc: { shares: 1 } }),
    recordShare(ports, { kind: 'campaign', refId: c._id, communityId: c.communityId, butlerUserId: actor.user._id, inviteId: inv._id })
  ])
  const visits = await findAll(ports.store, 'orderVisits', { inviteId: inv._id })
  const orders = await ports.store.count('orders', { invitationId: inv._id, status: { in: ['paid', 'confirmed', 'delivered'] } })
  return ok({ token: inv.token, path: sharePath(c, inv.token), cover: campaignCover(c), visits: visits.length, groups: new Set(visits.flatMap((v) => v.groupIds)).size, orders })
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
  return ok({ token: inv.token, page: DETAIL_PAGE, path: sharePath(c, inv.token), codeImage, campaign: view, butlerName: actor.user.nickname })
}

/**
 * Opening a butler's card (`inv`) or scanning a poster (`scene`) records the visit: the inviter,
 * and the WeChat group when the card was opened in one. Orders the visitor then places carry it.
 */
export const recordVisit: OrderHandler<C['recordVisit']> = async ({ ports, actor, op, identity }, input) => {
  const [inv] = await ports.store.find('orderInvites', { where: { token: input.token }, limit: 1 })
  if (!inv) return fail('ORDER.INVITATION_NOT_FOUND', '邀请不存在或已失效')
  const butler = await ports.store.get('users', inv.butlerUserId)
  const groupId = await visitGroupId(ports, op.groups, input.groupCloudId, isWechat(identity) ? identity.appid : undefined)
  const out = { campaignId: inv.campaignId, proposalId: inv.proposalId ?? null, communityId: inv.communityId, inviterName: butler?.nickname ?? '', groupRecorded: groupId !== null }
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
  // Later opens with a group also make it the latest one.
  await recordOpen(ports, { invites: 'orderInvites', visits: 'orderVisits' }, visit, groupId, groupId ? { lastGroupId: groupId } : {})
  return ok(out)
}

export const PROPOSAL_PAGE = 'packages/presale/pages/proposal/index'

/** A proposal's card, shared by a butler while it gathers interest (接龙 in the group). */
export const shareProposal: OrderHandler<C['shareProposal']> = async ({ ports, actor }, input) => {
  const p = await inCommunity(ports, input.proposalId, actor.communityId)
  if (!p) return fail('ORDER.PROPOSAL_NOT_FOUND', '意向登记不存在或不属于当前社区')
  if (p.status !== 'open') return fail('ORDER.PROPOSAL_CLOSED', p.status === 'closed' ? '征集已结束' : '已转为预售，请分享预售')
  const inv = await ensureInvite(ports, { _id: proposalCampaignId(p._id), communityId: p.communityId }, actor.user._id, p._id)
  await Promise.all([
    ports.store.update('orderInvites', inv._id, { inc: { shares: 1 } }),
    recordShare(ports, { kind: 'campaign', refId: inv.campaignId, communityId: p.communityId, butlerUserId: actor.user._id, inviteId: inv._id })
  ])
  const [visits, interests] = await Promise.all([findAll(ports.store, 'orderVisits', { inviteId: inv._id }), findAll(ports.store, 'proposalInterests', { proposalId: p._id })])
  const visitors = new Set(visits.map((v) => v.userId))
  // Who came through the card and registered: their household's registration names them.
  const registrations = interests.filter((r) => r.quantity > 0 && visitors.has(r.userId))
  return ok({
    token: inv.token,
    path: `/${PROPOSAL_PAGE}?id=${encodeURIComponent(p._id)}&inv=${inv.token}&communityId=${encodeURIComponent(p.communityId)}`,
    cover: storedPhotos(p.images)[0] ?? null,
    visits: visits.length,
    groups: new Set(visits.flatMap((v) => v.groupIds)).size,
    registered: registrations.length
  })
}
