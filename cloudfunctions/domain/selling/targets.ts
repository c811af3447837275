import type { TargetViewT, sellingTargetContracts } from '../../contracts/selling-targets'
import type { ActionHandler } from '../../kernel/module'
import { getMany } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import { fail, ok } from '../../kernel/result'
import type { CampaignDoc } from '../order/docs'
import { campaignPhase } from '../order/rules'
import type { SellingTargetDoc } from './kit-docs'

type C = typeof sellingTargetContracts

const NOT_FOUND = '预售不存在或不属于当前社区'

/** The campaign's own window, read with it: an extended sale keeps its targets. */
function view(t: SellingTargetDoc, c: CampaignDoc, editorName: string): TargetViewT {
  return { campaignId: t._id, shares: t.shares, visits: t.visits, orders: t.orders, from: c.startAt, to: c.endAt, updatedAt: t.updatedAt, updatedByName: editorName }
}

/** Targets are set for a campaign on sale or coming; a plain write under its id, so a retry is the same. */
export const setTargets: ActionHandler<C['setTargets']> = async ({ ports, actor }, input) => {
  const c = await ports.store.get('campaigns', input.campaignId)
  if (!c || c.communityId !== actor.communityId || c.status === 'draft') return fail('SELLING.NOT_FOUND', NOT_FOUND, [{ path: 'campaignId', label: '预售', message: '本社区没有这个预售' }])
  const now = ports.clock.now()
  const phase = campaignPhase(c, now)
  if (phase !== 'live' && phase !== 'scheduled') return fail('SELLING.CAMPAIGN_CLOSED', '预售已结束，不能再设置每日目标')
  const content = { shares: input.shares, visits: input.visits, orders: input.orders, updatedBy: actor.user._id, updatedAt: now }
  const doc: SellingTargetDoc = { _id: c._id, communityId: c.communityId, ...content }
  if (!(await ports.store.insert('sellingTargets', doc)).ok && !(await ports.store.update('sellingTargets', doc._id, { set: content }, { communityId: c.communityId }))) {
    return fail('SELLING.NOT_FOUND', NOT_FOUND)
  }
  return ok(view(doc, c, actor.user.nickname))
}

export const targets: ActionHandler<C['targets']> = async ({ ports, actor }, input) => {
  const [c, t] = await Promise.all([ports.store.get('campaigns', input.campaignId), ports.store.get('sellingTargets', input.campaignId)])
  if (!c || c.communityId !== actor.communityId) return fail('SELLING.NOT_FOUND', NOT_FOUND)
  if (!t || t.communityId !== actor.communityId) return ok({ target: null })
  const editor = await ports.store.get('users', t.updatedBy)
  return ok({ target: view(t, c, editor?.nickname ?? '') })
}

/** The targets of the community's campaigns on sale at `at`, with their campaigns (the campaign's window decides, as it stands now). */
export async function liveTargets(ports: Ports, communityId: string, at: number): Promise<{ target: SellingTargetDoc; campaign: CampaignDoc }[]> {
  const open = await ports.store.find('campaigns', { where: { communityId, endAt: { gt: at } }, limit: 200 })
  const live = open.filter((c) => campaignPhase(c, at) === 'live')
  const targets = await getMany(
    ports.store,
    'sellingTargets',
    live.map((c) => c._id)
  )
  return live.flatMap((campaign) => {
    const target = targets.get(campaign._id)
    return target ? [{ target, campaign }] : []
  })
}
