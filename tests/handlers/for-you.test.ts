/**
 * 为你推荐 and campaign audiences (issue 19, part 2): what is recommended follows the household's
 * habits and its segments, each with a reason it can read; a campaign narrowed to buildings or
 * needs is listed and recommended only to households it is meant for; need tags are kept by
 * editors that do not show them.
 */
import type { CampaignDraft } from '../../cloudfunctions/contracts/order'
import type { ActionId, InputOf } from '../../cloudfunctions/contracts/registry'
import { runNightly } from '../../cloudfunctions/domain/insights/nightly'
import { type Harness, makeHarness } from '../support/harness'
import { CLEAN, COMMUNITY_A, DAY, HOME, HOME2, OPERATOR, VEG, WANG, ZHAO, ZHAO_HOME, buyAndPay } from '../support/presale'
import { codeOf, errorOf, okData, snapshot } from './support'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(async () => {
  await h.close()
})

const op = <A extends ActionId>(id: A, input: InputOf<A>) => h.call(id, input, OPERATOR, COMMUNITY_A)
const forYou = async (who: string, householdId: string) => okData(await h.call('order.forYou', { householdId }, who, COMMUNITY_A)).items

function campaign(patch: Partial<CampaignDraft> = {}): CampaignDraft {
  const now = h.clock.now()
  return {
    title: '当季水果 · 楼栋专享',
    description: '',
    productId: 'pd-a-fruit',
    cover: null,
    images: [],
    skus: [{ skuId: 's1', priceFen: 8800, stock: 30 }],
    startAt: now - 60_000,
    endAt: now + 3 * DAY,
    householdLimit: 2,
    threshold: null,
    deliveryMode: 'door',
    pickupPointId: null,
    deliveryDate: now + 4 * DAY,
    ...patch
  }
}

async function publish(patch: Partial<CampaignDraft> = {}) {
  const saved = okData(await op('order.saveCampaign', { campaign: campaign(patch) }))
  okData(await op('order.publishCampaign', { id: saved.id }))
  return saved.id
}

it('a household that keeps buying vegetables is recommended the vegetable box, saying why', async () => {
  await buyAndPay(h, { campaignId: VEG, householdId: HOME })
  await buyAndPay(h, { campaignId: VEG, householdId: HOME })
  const items = await forYou(WANG, HOME)
  const veg = items.find((x) => x.id === VEG)
  expect(veg).toMatchObject({ kind: 'campaign', reason: expect.stringContaining('常购生鲜') })
  expect(veg?.reason).toContain('买过同款')
  expect(items[0]?.id).toBe(VEG)
  // Every item says why, in words.
  for (const x of items) expect(x.reason).toMatch(/^[\u4e00-\u9fa5 ·]+$/)
})

it('a need the household shows picks services and sales tagged with it, with the segment’s words', async () => {
  // 赵's household is found to want peace of mind (家有老人) by a rule on its profile.
  okData(await h.call('insights.saveProfile', { householdId: ZHAO_HOME, consent: true, profile: { members: [{ name: '外婆', ageBand: 'over60', occupation: '' }], cars: [], pets: [], note: '' } }, ZHAO, COMMUNITY_A))
  await buyAndPay(h, { campaignId: VEG, householdId: ZHAO_HOME, who: ZHAO })
  const rules = okData(await op('insights.rules', {}))
  const elder = { need: 'peace_of_mind' as const, label: '家有老人', all: [{ metric: 'elderly' as const, op: 'gte' as const, value: 1 }] }
  okData(await op('insights.saveRules', { segments: [elder, ...rules.segments.filter((r) => r.need !== 'peace_of_mind')], churn: rules.churn }))
  await runNightly(h.ports)
  const items = await forYou(ZHAO, ZHAO_HOME)
  const repair = items.find((x) => x.title === '家电维修')
  expect(repair).toMatchObject({ kind: 'service', reason: '家有老人', priceFen: null })
  // The cleaning package is tagged 省心 too, but it is not on sale yet: nothing not on sale is shown.
  expect(items.some((x) => x.id === CLEAN)).toBe(false)
})

it('without habits or needs it falls back to what neighbours buy', async () => {
  await buyAndPay(h, { campaignId: VEG, householdId: HOME })
  const items = await forYou(ZHAO, ZHAO_HOME)
  expect(items.find((x) => x.id === VEG)?.reason).toBe('邻居都在买')
  expect(codeOf(await h.call('order.forYou', { householdId: HOME }, ZHAO, COMMUNITY_A))).toBe('HOUSEHOLD.NOT_MEMBER')
})

it('a campaign narrowed to a building is listed and recommended only there; staff see it all', async () => {
  // A cleaning sale: no other of its kind is on sale, so the list has room for it wherever it is meant for.
  const id = await publish({ title: '深度保洁 · 2栋专享', productId: 'pd-a-clean', audience: { buildingIds: ['b-a2'], needs: [] } })
  const listed = async (who: string) => okData(await h.call('order.campaigns', {}, who, COMMUNITY_A)).campaigns.map((c) => c.id)
  // 王 has 1栋101 and 2栋302: one of them is in 2栋. 赵 lives in 3栋.
  expect(await listed(WANG)).toContain(id)
  expect(await listed(ZHAO)).not.toContain(id)
  expect(await listed(OPERATOR)).toContain(id)
  expect((await forYou(WANG, HOME2)).some((x) => x.id === id)).toBe(true)
  expect((await forYou(WANG, HOME)).some((x) => x.id === id)).toBe(false)
  expect(okData(await op('order.adminCampaigns', {})).campaigns.find((c) => c.id === id)?.audience).toEqual({ buildingIds: ['b-a2'], needs: [] })
})

it('a campaign narrowed to a need reaches households in that segment only', async () => {
  const id = await publish({ audience: { buildingIds: [], needs: ['save_money'] } })
  expect(okData(await h.call('order.campaigns', {}, ZHAO, COMMUNITY_A)).campaigns.map((c) => c.id)).not.toContain(id)
  // 赵's household buys once and a rule puts every buyer in 省钱: the nightly pass finds it.
  await buyAndPay(h, { campaignId: VEG, householdId: ZHAO_HOME, who: ZHAO })
  const rules = okData(await op('insights.rules', {}))
  const buyer = { need: 'save_money' as const, label: '买过东西', all: [{ metric: 'orders180' as const, op: 'gte' as const, value: 1 }] }
  okData(await op('insights.saveRules', { segments: [buyer, ...rules.segments.filter((r) => r.need !== 'save_money')], churn: rules.churn }))
  await runNightly(h.ports)
  expect((await h.store.get('householdStats', ZHAO_HOME))?.needs).toContain('save_money')
  expect(okData(await h.call('order.campaigns', {}, ZHAO, COMMUNITY_A)).campaigns.map((c) => c.id)).toContain(id)
})

it('need tags: products carry them to campaigns, editors without them keep them; bad ones are refused, writing nothing', async () => {
  const catalog = okData(await op('order.catalog', {}))
  const fruit = catalog.products.find((p) => p.id === 'pd-a-fruit')
  if (!fruit) throw new Error('no seeded fruit')
  const draft = { name: fruit.name, kind: fruit.kind, category: fruit.category, supplierId: fruit.supplierId, description: fruit.description, images: fruit.images, unit: fruit.unit, skus: fruit.skus.map((s) => ({ id: s.id, name: s.name, priceFen: s.priceFen })) }
  expect(okData(await op('order.saveProduct', { id: fruit.id, product: { ...draft, needs: ['save_money', 'save_time'] } })).needs).toEqual(['save_money', 'save_time'])
  // The mini-program's product editor sends no needs: they stay.
  expect(okData(await op('order.saveProduct', { id: fruit.id, product: draft })).needs).toEqual(['save_money', 'save_time'])
  const id = await publish()
  expect((await h.store.get('campaigns', id))?.needs).toEqual(['save_money', 'save_time'])
  const before = await snapshot(h.store)
  expect(errorOf(await op('order.saveProduct', { id: fruit.id, product: { ...draft, needs: ['save_money', 'save_money'] } })).fields?.[0]?.path).toBe('product.needs')
  expect(errorOf(await op('order.saveCampaign', { campaign: campaign({ audience: { buildingIds: ['b-b1'], needs: [] } }) })).fields?.[0]?.path).toBe('campaign.audience.buildingIds.0')
  expect(await snapshot(h.store)).toEqual(before)
  // Service lines too.
  const lines = okData(await op('booking.adminLines', {})).lines
  const aircon = lines.find((l) => l.name === '空调清洗')
  expect(aircon?.needs).toEqual(['peace_of_mind', 'save_hassle'])
})
