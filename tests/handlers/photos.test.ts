/**
 * Photos of products, pre-sales, events and service lines: staff save ids from the upload path
 * (a CloudBase fileID under uploads/ or a local server id), anything else is refused with the
 * field named in Chinese, every view that lists or shows them carries the ids, and documents
 * stored before photos (an https address, '') read as having none.
 */
import type { CampaignDraft } from '../../cloudfunctions/contracts/order'
import type { ApiError } from '../../cloudfunctions/contracts/errors'
import { DEMO_LINES } from '../../scripts/seed/booking'
import { demoPhoto } from '../../scripts/seed/photos'
import { BUTLER, STAFF, draft as eventDraft, resident } from '../support/events'
import { COMMUNITY_B } from '../../scripts/seed/demo'
import { type Harness, as, makeHarness } from '../support/harness'
import { BUTLER_EAST, COMMUNITY_A, DAY, HOUR, OPERATOR, PRESALE_IDS, VEG, WANG, buy } from '../support/presale'
import { codeOf, errorOf, grantFreshUser, okData, snapshot } from './support'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(async () => {
  await h.close()
})

const A = COMMUNITY_A
const LOCAL = 'local:Xq3vT9pLm2Rk7sWdYb4n.jpg'
/** A CloudBase fileID as `wx.cloud.uploadFile` returns it for our upload path. */
const CLOUD = 'cloud://linli-prod-8g2f.6c69-linli-prod-8g2f-1320000000/uploads/2026-01/m5k2tidy0a1b2c3d.jpg'
const REFUSED: [string, string][] = [
  ['an https address', 'https://img.example.com/veg.jpg'],
  ['a cloud file outside the upload folder', 'cloud://linli-prod-8g2f.6c69-linli-prod-8g2f-1320000000/avatars/2026-01/m5k2tidy0a1b2c3d.jpg'],
  ['a local path out of the upload folder', 'local:../secrets.json']
]

const op = <A extends Parameters<Harness['call']>[0]>(id: A, input: Parameters<Harness['call']>[1] & object, community = COMMUNITY_A) =>
  h.call(id, input as never, OPERATOR, community)

/** One refused field, named in Chinese: the label says which photo, the message what to do. */
function expectPhotoRefused(err: ApiError, path: string, label: RegExp) {
  expect(err.code).toBe('REQUEST.INVALID_INPUT')
  expect(err.fields).toEqual([expect.objectContaining({ path, label: expect.stringMatching(label), message: '照片无效，请重新上传' })])
  expect(err.message).toBe(`${err.fields?.[0]?.label ?? ''}：照片无效，请重新上传`)
}

const product = (images: string[]) => ({ name: '土鸡蛋', kind: 'goods' as const, supplierId: 'sp-a-farm', unit: '盒', images, skus: [{ name: '30 枚', priceFen: 4500 }] })

function campaignDraft(patch: Partial<CampaignDraft> = {}) {
  const now = h.clock.now()
  return {
    title: '周末水果团',
    productId: 'pd-a-fruit',
    skus: [{ skuId: 's1', priceFen: 5900, stock: 30 }],
    startAt: now + HOUR,
    endAt: now + 2 * DAY,
    householdLimit: 2,
    threshold: 10,
    deliveryMode: 'pickup' as const,
    pickupPointId: PRESALE_IDS.pickup,
    deliveryDate: now + 3 * DAY,
    ...patch
  }
}

describe('products', () => {
  it('save photo ids of both upload paths, and the catalog lists them', async () => {
    const saved = okData(await op('order.saveProduct', { product: product([LOCAL, CLOUD]) }))
    expect(saved.images).toEqual([LOCAL, CLOUD])
    const { products } = okData(await op('order.catalog', {}))
    expect(products.find((p) => p.id === saved.id)?.images).toEqual([LOCAL, CLOUD])
    expect(products.find((p) => p.id === 'pd-a-veg')?.images).toEqual([demoPhoto('product-veg'), demoPhoto('product-veg-2')])
  })

  it.each(REFUSED)('refuse %s, naming the photo', async (_, bad) => {
    const before = await snapshot(h.store)
    expectPhotoRefused(errorOf(await op('order.saveProduct', { product: product([LOCAL, bad]) })), 'product.images.1', /^第 2 张.*(图片|照片)$/)
    expect(await snapshot(h.store)).toEqual(before)
  })

  it('keep at most six photos', async () => {
    const err = errorOf(await op('order.saveProduct', { product: product(Array.from({ length: 7 }, () => LOCAL)) }))
    expect(err.fields).toEqual([expect.objectContaining({ path: 'product.images', message: '最多 6 张照片' })])
  })

  it('stored with an old address read as having only their uploaded photos', async () => {
    await h.store.update('products', 'pd-a-fruit', { set: { images: ['https://img.example.com/fruit.jpg', demoPhoto('product-fruit')] } })
    const { products } = okData(await op('order.catalog', {}))
    expect(products.find((p) => p.id === 'pd-a-fruit')?.images).toEqual([demoPhoto('product-fruit')])
  })
})

describe('pre-sales', () => {
  it('carry their own cover and photos, or show the product’s', async () => {
    const own = okData(await op('order.saveCampaign', { campaign: campaignDraft({ cover: CLOUD, images: [LOCAL] }) }))
    expect(own).toMatchObject({ cover: CLOUD, images: [LOCAL] })
    const plain = okData(await op('order.saveCampaign', { campaign: campaignDraft({ cover: '' }) }))
    expect(plain).toMatchObject({ cover: demoPhoto('product-fruit'), images: [demoPhoto('product-fruit')] })
    const { campaigns } = okData(await op('order.adminCampaigns', {}))
    expect(campaigns.find((c) => c.id === own.id)).toMatchObject({ cover: CLOUD, images: [LOCAL] })
  })

  it('list and detail carry the photos for residents', async () => {
    const { campaigns } = okData(await h.call('order.campaigns', {}, WANG, A))
    expect(campaigns.find((c) => c.id === VEG)).toMatchObject({ cover: demoPhoto('campaign-veg'), images: [demoPhoto('product-veg'), demoPhoto('product-veg-2')] })
    expect(campaigns.every((c) => c.cover !== null)).toBe(true)
    const detail = okData(await h.call('order.campaign', { id: VEG }, WANG, A))
    expect(detail.campaign.cover).toBe(demoPhoto('campaign-veg'))
  })

  it.each(REFUSED)('refuse %s as a cover or a photo', async (_, bad) => {
    expectPhotoRefused(errorOf(await op('order.saveCampaign', { campaign: campaignDraft({ cover: bad }) })), 'campaign.cover', /封面/)
    expectPhotoRefused(errorOf(await op('order.saveCampaign', { campaign: campaignDraft({ images: [bad] }) })), 'campaign.images.0', /^第 1 张.*(图片|照片)$/)
  })

  it('stored before covers read with the photos they have', async () => {
    await h.store.update('campaigns', VEG, { set: { images: ['https://img.example.com/veg.jpg'], cover: null } })
    const stored = await h.store.get('campaigns', VEG)
    expect(stored?.cover).toBeNull()
    const { campaign } = okData(await h.call('order.campaign', { id: VEG }, WANG, A))
    expect(campaign).toMatchObject({ cover: null, images: [] })
  })

  it('orders show the product’s thumbnail', async () => {
    const order = await buy(h)
    expect(order.productPhoto).toBe(demoPhoto('product-veg'))
    const { orders } = okData(await h.call('order.mine', { householdId: 'h-a1-101' }, WANG, A))
    expect(orders.map((o) => o.productPhoto)).toEqual([demoPhoto('product-veg')])
  })

  it('the butler’s share card, poster and share list carry the cover', async () => {
    expect(okData(await h.call('order.share', { campaignId: VEG }, BUTLER_EAST, A)).cover).toBe(demoPhoto('campaign-veg'))
    expect(okData(await h.call('order.poster', { campaignId: VEG }, BUTLER_EAST, A)).campaign.cover).toBe(demoPhoto('campaign-veg'))
    const { live } = okData(await h.call('order.deliveries', {}, BUTLER_EAST, A))
    expect(live.find((c) => c.id === VEG)?.cover).toBe(demoPhoto('campaign-veg'))
  })
})

describe('events', () => {
  it('save a cover; list, detail and the butler’s share carry it', async () => {
    const created = okData(await h.call('event.create', { event: eventDraft(h.clock.now(), { cover: LOCAL }) }, STAFF, A))
    expect(created.cover).toBe(LOCAL)
    const { events } = okData(await h.call('event.list', {}, resident(2).openid, A))
    expect(events.find((e) => e.id === created.id)?.cover).toBe(LOCAL)
    expect(events.find((e) => e.id === 'ev-demo-craft')?.cover).toBe(demoPhoto('event-craft'))
    expect(okData(await h.call('event.get', { id: created.id }, resident(2).openid, A)).event.cover).toBe(LOCAL)
    expect(okData(await h.call('event.shareInvite', { eventId: created.id }, BUTLER, A)).cover).toBe(LOCAL)
    expect(okData(await h.call('event.invitePoster', { eventId: created.id }, BUTLER, A)).event.cover).toBe(LOCAL)
    const { rows } = okData(await h.call('event.inviteStats', {}, BUTLER, A))
    expect(rows.find((r) => r.eventId === created.id)?.cover).toBe(LOCAL)
  })

  it('change or drop the cover on update; an empty cover is none', async () => {
    const created = okData(await h.call('event.create', { event: eventDraft(h.clock.now(), { cover: '' }) }, STAFF, A))
    expect(created.cover).toBeNull()
    const updated = okData(await h.call('event.update', { id: created.id, event: eventDraft(h.clock.now(), { cover: CLOUD }) }, STAFF, A))
    expect(updated.cover).toBe(CLOUD)
    const dropped = okData(await h.call('event.update', { id: created.id, event: eventDraft(h.clock.now(), { cover: null }) }, STAFF, A))
    expect(dropped.cover).toBeNull()
  })

  it.each(REFUSED)('refuse %s as a cover', async (_, bad) => {
    expectPhotoRefused(errorOf(await h.call('event.create', { event: eventDraft(h.clock.now(), { cover: bad }) }, STAFF, A)), 'event.cover', /封面/)
  })

  it('stored with an address or an empty cover read as having none', async () => {
    await h.store.update('events', 'ev-demo-craft', { set: { cover: 'https://img.example.com/craft.jpg' } })
    await h.store.update('events', 'ev-demo-health', { set: { cover: '' } })
    const { events } = okData(await h.call('event.list', {}, resident(2).openid, A))
    expect(events.filter((e) => e.id === 'ev-demo-craft' || e.id === 'ev-demo-health').map((e) => e.cover)).toEqual([null, null])
  })

  it('become templates with their cover when a community is replicated', async () => {
    const r = okData(await op('insights.replicate', { name: '和美花园', city: '杭州', address: '西湖区文三路 88 号', clientRequestId: 'photos-replicate-1' }))
    const staff = await grantFreshUser(h.store, 'u-photo-staff', r.communityId, 'staff')
    const { templates } = okData(await h.call('event.editorOptions', {}, staff, r.communityId))
    expect(templates.find((t) => t.title === '邻里亲子手工课')?.cover).toBe(demoPhoto('event-craft'))
  })
})

describe('service lines', () => {
  it('the catalog shows every line with its cover, and bookings show their line’s', async () => {
    const { lines } = okData(await h.call('booking.lines', {}, WANG, A))
    expect(lines.find((l) => l.id === DEMO_LINES.pipe)?.cover).toBe(demoPhoto('line-pipe'))
    expect(lines.every((l) => l.cover !== null)).toBe(true)
    const { bookings } = okData(await h.call('booking.mine', { householdId: 'h-a1-101' }, WANG, A))
    expect(bookings.find((b) => b.id === 'bk-demo-past-1')?.lineCover).toBe(demoPhoto('line-clean'))
  })

  /** The aircon line as the operator's editor holds it, with another cover. */
  const airconWith = async (cover: string | null) => {
    const line = okData(await op('booking.adminLines', {})).lines.find((l) => l.id === DEMO_LINES.aircon)
    if (!line) throw new Error('the demo aircon line is missing')
    const { id, ...rest } = line
    return { id, line: { ...rest, cover } }
  }

  it('operators set and remove a line’s cover with the line', async () => {
    okData(await op('booking.saveLine', await airconWith(CLOUD)))
    const listed = okData(await h.call('booking.lines', {}, WANG, A)).lines
    expect(listed.find((l) => l.id === DEMO_LINES.aircon)?.cover).toBe(CLOUD)
    okData(await op('booking.saveLine', await airconWith(null)))
    const slots = okData(await h.call('booking.slots', { lineId: DEMO_LINES.aircon }, WANG, A))
    expect(slots.line.cover).toBeNull()
  })

  it.each(REFUSED)('refuse %s as a cover', async (_, bad) => {
    expectPhotoRefused(errorOf(await op('booking.saveLine', await airconWith(bad))), 'line.cover', /封面/)
  })

  it('only the line’s own community’s operator may set it', async () => {
    expect(codeOf(await op('booking.saveLine', await airconWith(LOCAL), COMMUNITY_B))).toBe('BOOKING.LINE_NOT_FOUND')
    expect(codeOf(await h.call('booking.saveLine', await airconWith(LOCAL), WANG, A))).toBe('AUTH.FORBIDDEN')
    expect(codeOf(await h.call('booking.saveLine', await airconWith(LOCAL), as('u-dispatch-lin'), A))).toBe('AUTH.FORBIDDEN')
  })

  it('stored before covers read as having none', async () => {
    await h.store.update('serviceLines', DEMO_LINES.pipe, { set: { cover: 'https://img.example.com/pipe.jpg' } })
    const { lines } = okData(await h.call('booking.lines', {}, WANG, A))
    expect(lines.find((l) => l.id === DEMO_LINES.pipe)?.cover).toBeNull()
  })
})
