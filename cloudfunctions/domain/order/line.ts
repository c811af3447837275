import type { Ports } from '../../kernel/ports'
import { type Result, fail, ok } from '../../kernel/result'
import type { CheckoutItem } from '../member/docs'
import { saleLineItems } from './discounts'
import type { CampaignDoc, CampaignSku } from './docs'
import { campaignPhase } from './rules'

/** A pre-sale line a resident asks for, by id and intention. */
export interface SaleLineInput {
  campaignId: string
  skuId: string
  quantity: number
}

const at = (prefix: string, field: string) => (prefix ? `${prefix}.${field}` : field)

/**
 * The checks of a pre-sale line that reading the campaign decides: it belongs to the caller's
 * community and is published, it is on sale now, the SKU exists, the quantity is within the
 * household limit. `order.create` runs them before it writes anything, and the checkout preview
 * (`member.checkoutOptions`) runs the same ones, so both refuse the same lines. Reads only.
 * `prefix`: where the line sits in the caller's input, for the field errors (`''` for the create,
 * `'purchase'` for the preview).
 */
export async function saleLine(ports: Ports, communityId: string, line: SaleLineInput, prefix = ''): Promise<Result<{ campaign: CampaignDoc; sku: CampaignSku }>> {
  const campaign = await ports.store.get('campaigns', line.campaignId)
  if (!campaign || campaign.communityId !== communityId || campaign.status === 'draft') {
    return fail('ORDER.CAMPAIGN_NOT_FOUND', '预售不存在或不属于当前社区', [{ path: at(prefix, 'campaignId'), message: '预售不存在' }])
  }
  const phase = campaignPhase(campaign, ports.clock.now())
  if (phase === 'scheduled') return fail('ORDER.CAMPAIGN_NOT_STARTED', '预售尚未开始')
  if (phase !== 'live') return fail('ORDER.CAMPAIGN_ENDED', '预售已截止')
  const sku = campaign.skus.find((s) => s.skuId === line.skuId)
  if (!sku) return fail('ORDER.SKU_NOT_FOUND', '该规格不存在', [{ path: at(prefix, 'skuId'), message: '规格不存在' }])
  if (line.quantity > campaign.householdLimit) {
    return fail('ORDER.LIMIT_EXCEEDED', `每户限购 ${campaign.householdLimit} 份`, [{ path: at(prefix, 'quantity'), message: `每户限购 ${campaign.householdLimit} 份` }])
  }
  return ok({ campaign, sku })
}

/**
 * The checkout preview of a pre-sale line: the create's checks, then the items the create prices
 * the order on (the SKU's price × quantity, the campaign's category and product). Reads only.
 */
export async function presaleItems(ports: Ports, communityId: string, line: SaleLineInput, prefix = ''): Promise<Result<CheckoutItem[]>> {
  const found = await saleLine(ports, communityId, line, prefix)
  if (!found.ok) return found
  return ok(saleLineItems(found.value.campaign, found.value.sku.priceFen, line.quantity))
}
