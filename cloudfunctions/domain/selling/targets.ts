import type { TargetViewT, sellingTargetContracts } from '../../contracts/selling-targets'
import type { ActionHandler } from '../../kernel/module'
import { getMany } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import { fail, ok } from '../../kernel/result'
import type { UserDoc } from '../docs'
import type { CampaignDoc } from '../order/docs'
import { campaignPhase } from '../order/rules'
import type { SellingTargetDoc } from './kit-docs'

type C = typeof sellingTargetContracts

const NOT_FOUND = '预售不存在或不属于当前社区'

async function view(ports: Ports, t: SellingTargetDoc): Promise<TargetViewT> {
  const editor = await ports.store.get<UserDoc>('users', t.updatedBy)
  return { campaignId: t._id, shares: t.shares, visits: t.visits, orders: t.orders, from: t.from, to: t.to, updatedAt: t.updatedAt, updatedByName: editor?.nickname ?? '' }
}

/** Targets are set for a campaign on sale or coming; a plain write under its id, so a retry is the same. */
export const setTargets: ActionHandler<C['setTargets']> = async ({ ports, actor }, input) => {
  const c = await ports.store.get<CampaignDoc>('campaigns', input.campaignId)
  if (!c || c.communityId !== actor.communityId || c.status === 'draft') return fail('SELLING.NOT_FOUND', NOT_FOUND, [{ path: 'campaignId', label: '预售', message: '本社区没有这个预售' }])
  const now = ports.clock.now()
  const phase = campaignPhase(c, now)
  if (phase !== 'live' && phase !== 'scheduled') return fail('SELLING.CAMPAIGN_CLOSED', '预售已结束，不能再设置每日目标')
  const content = { shares: input.shares, visits: input.visits, orders: input.orders, from: c.startAt, to: c.endAt, updatedBy: actor.user._id, updatedAt: now }
  const doc: SellingTargetDoc = { _id: c._id, communityId: c.communityId, ...content }
  if (!(await ports.store.insert('sellingTargets', doc)).ok) await ports.store.update('sellingTargets', doc._id, { set: content }, { communityId: c.communityId })
  return ok(await view(ports, doc))
}

export const targets: ActionHandler<C['targets']> = async ({ ports, actor }, input) => {
  const [c, t] = await Promise.all([ports.store.get<CampaignDoc>('campaigns', input.campaignId), ports.store.get<SellingTargetDoc>('sellingTargets', input.campaignId)])
  if (!c || c.communityId !== actor.communityId) return fail('SELLING.NOT_FOUND', NOT_FOUND)
  return ok({ target: t && t.communityId === actor.communityId ? await view(ports, t) : null })
}

/** The targets of the community's campaigns on sale at `at`, with their campaigns. */
export async function liveTargets(ports: Ports, communityId: string, at: number): Promise<{ target: SellingTargetDoc; campaign: CampaignDoc }[]> {
  const rows = await ports.store.find<SellingTargetDoc>('sellingTargets', { where: { communityId, to: { gt: at } }, limit: 200 })
  const campaigns = await getMany<CampaignDoc>(ports.store, 'campaigns', rows.map((r) => r._id))
  return rows.flatMap((target) => {
    const campaign = campaigns.get(target._id)
    return campaign && campaignPhase(campaign, at) === 'live' ? [{ target, campaign }] : []
  })
}
