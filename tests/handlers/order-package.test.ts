/**
 * 产品包 (issue 19, part 4): goods with an N-use service card. Paying issues the card, worth its
 * share of what was paid; the card books its service line; a refund takes back the uses left and
 * keeps back the share of the uses taken, through the card journal, also when a redemption races
 * the refund.
 */
import type { ProductDraft } from '../../cloudfunctions/contracts/order'
import { cardIdOf, redeemCardUse, revokeUnusedUses } from '../../cloudfunctions/domain/member/cards'
import { issuePackageCards, revokePackageCards } from '../../cloudfunctions/domain/order/package'
import { val } from '../support/member'
import { DAY, HOUR, localMidnight } from '../../cloudfunctions/domain/booking/slots'
import { findAll } from '../../cloudfunctions/kernel/paging'
import { DEMO_LINES } from '../../scripts/seed/booking'
import { type Harness, makeHarness } from '../support/harness'
import { refundsOf, sandboxOf } from '../support/pay'
import { COMMUNITY_A, HOME, HOME2, OPERATOR, PRESALE_IDS, WANG, buy, buyAndPay, newCrid, orderDoc } from '../support/presale'
import { codeOf, errorOf, okData, snapshot } from './support'

const SEASON = PRESALE_IDS.season
/** The seeded package: 3 × 日常保洁 ¥120 + 清洁用品 ¥59 + 2 × 除螨喷雾 ¥29 = ¥477, sold at ¥368. */
const PRICE = 36_800
const PARTS = 47_700
const CARD_SHARE = Math.round((PRICE * 36_000) / PARTS)

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(async () => {
  await sandboxOf(h).flush()
  await h.close()
})

const cardOf = (orderId: string, i = 0) => h.store.get('serviceCards', cardIdOf(`order:${orderId}:${i}`))
/** A day's slot starts (contracts/booking SLOT_STARTS_MIN). */
const SLOT_HOURS = [9, 11, 14, 16]
const slot = (days: number, hour: number) => localMidnight(h.clock.now()) + days * DAY + hour * HOUR
let req = 0
function bookWithCard(cardId: string, slotStart: number, lineId: string = DEMO_LINES.clean) {
  return h.call('booking.book', { lineId, householdId: HOME, slotStart, payMode: 'card', cardId, clientRequestId: `pkg-book-${++req}` }, WANG, COMMUNITY_A)
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const cancel = (orderId: string) => h.call('order.cancel', { orderId }, WANG, COMMUNITY_A)

function draft(over: Partial<ProductDraft> = {}): ProductDraft {
  return {
    name: '开学季整理包',
    kind: 'package',
    category: 'housekeeping',
    supplierId: 'sp-a-clean',
    description: '',
    images: [],
    unit: '份',
    skus: [{ name: '标准', priceFen: 30_000 }],
    parts: [
      { type: 'card', lineId: DEMO_LINES.nanny, title: '家务整理 2 次卡', uses: 2, validDays: 180, unitFen: 18_000 },
      { type: 'goods', name: '收纳箱', quantity: 2, unitFen: 3_500 }
    ],
    ...over
  }
}
const saveProduct = (product: ProductDraft, id?: string) => h.call('order.saveProduct', { ...(id ? { id } : {}), product }, OPERATOR, COMMUNITY_A)

describe('the package in the catalogue', () => {
  it('saves its parts with their line, and shows what they cost one by one', async () => {
    const saved = okData(await saveProduct(draft()))
    expect(saved).toMatchObject({ kind: 'package', partsFen: 43_000, warnings: [] })
    expect(saved.parts[0]).toMatchObject({ type: 'card', lineName: '家务整理', uses: 2 })
    // An editor without the parts field (the mini-program's) keeps them.
    const { parts: _parts, ...withoutParts } = draft({ name: '开学季整理包 · 新' })
    const edited = okData(await saveProduct(withoutParts, saved.id))
    expect(edited.parts).toHaveLength(2)
    // Priced at or above its parts: allowed, with a warning.
    const dear = okData(await saveProduct(draft({ skus: [{ name: '标准', priceFen: 43_000 }] })))
    expect(dear.warnings).toEqual(['「标准」日常价 ¥430.00 不低于单买合计 ¥430.00，住户看不到优惠'])
  })

  it.each([
    ['no parts', { parts: [] }, 'parts', '产品包至少包含一项'],
    ['no card', { parts: [{ type: 'goods' as const, name: '收纳箱', quantity: 1, unitFen: 3500 }] }, 'parts', '产品包须包含一张服务卡'],
    ['parts on goods', { kind: 'goods' as const }, 'parts', '只有产品包可以设置包含内容'],
    ['a negative part price', { parts: [{ type: 'card' as const, lineId: DEMO_LINES.nanny, title: '家务整理 2 次卡', uses: 2, validDays: 180, unitFen: -100 }] }, 'parts.0.unitFen', '单买价须大于 0'],
    ['zero uses', { parts: [{ type: 'card' as const, lineId: DEMO_LINES.nanny, title: '家务整理卡', uses: 0, validDays: 180, unitFen: 100 }] }, 'parts.0.uses', '次数至少 1 次']
  ])('refuses %s with the field named, writing nothing', async (_what, over, field, message) => {
    const before = await snapshot(h.store)
    const e = errorOf(await saveProduct(draft(over)))
    expect(e.code).toBe('REQUEST.INVALID_INPUT')
    expect(e.fields?.find((f) => f.path === `product.${field}`)?.message).toContain(message)
    expect(await snapshot(h.store)).toEqual(before)
  })

  it('refuses a card for a line cards cannot book (a free repair), or another community’s', async () => {
    const before = await snapshot(h.store)
    const repair = errorOf(await saveProduct(draft({ parts: [{ type: 'card', lineId: DEMO_LINES.pipe, title: '疏通卡', uses: 2, validDays: 180, unitFen: 5000 }] })))
    expect(repair).toMatchObject({ code: 'ORDER.PACKAGE_LINE_INVALID', fields: [{ path: 'product.parts.0.lineId' }] })
    expect(codeOf(await saveProduct(draft({ parts: [{ type: 'card', lineId: 'sl-b-clean', title: '保洁卡', uses: 2, validDays: 180, unitFen: 5000 }] })))).toBe('ORDER.PACKAGE_LINE_INVALID')
    // A package edited to have no parts, from an editor that sends them: refused too.
    const saved = okData(await saveProduct(draft()))
    const afterSave = await snapshot(h.store)
    expect(codeOf(await saveProduct(draft({ parts: [] }), saved.id))).toBe('REQUEST.INVALID_INPUT')
    expect(await snapshot(h.store)).toEqual(afterSave)
    expect(Object.keys(before)).toEqual(Object.keys(afterSave))
  })

  it('a pre-sale of the package shows its parts and its saving per SKU', async () => {
    const list = okData(await h.call('order.campaigns', {}, WANG, COMMUNITY_A))
    const season = list.campaigns.find((c) => c.id === SEASON)
    expect(season).toMatchObject({ productKind: 'package', partsFen: PARTS, skus: [{ priceFen: PRICE, savingFen: PARTS - PRICE }] })
    expect(season?.parts.map((p) => p.type)).toEqual(['card', 'goods', 'goods'])
  })
})

describe('paying, booking and refunding', () => {
  it('paying issues the card once, worth its share; the card books its line and no other', async () => {
    const o = await buyAndPay(h, { campaignId: SEASON, quantity: 1 })
    const card = await cardOf(o._id)
    expect(card).toMatchObject({ ownerUserId: 'u-wang', householdId: HOME, usesTotal: 3, usesLeft: 3, valueFen: CARD_SHARE, scope: { type: 'service', value: DEMO_LINES.clean } })
    expect((await findAll(h.store, 'serviceCards', { householdId: HOME })).filter((c) => c.source.ref === `order:${o._id}`)).toHaveLength(1)
    const view = okData(await h.call('order.get', { orderId: o._id }, WANG, COMMUNITY_A))
    expect(view.cards).toEqual([{ id: card!._id, title: '日常保洁 3 次卡', usesTotal: 3, usesLeft: 3, usesRevoked: 0, status: 'active' }])
    okData(await bookWithCard(card!._id, slot(2, 9)))
    expect((await cardOf(o._id))?.usesLeft).toBe(2)
    expect(codeOf(await bookWithCard(card!._id, slot(2, 14), DEMO_LINES.deep))).toBe('BOOKING.CARD_NOT_APPLICABLE')
  })

  it('two packages in one order make a card of six uses', async () => {
    const o = await buyAndPay(h, { campaignId: SEASON, quantity: 2, householdId: HOME2 })
    expect(await cardOf(o._id)).toMatchObject({ usesTotal: 6, valueFen: Math.round((2 * PRICE * 36_000) / PARTS) })
  })

  it('a refund after one use takes back the two left and keeps back one use’s share', async () => {
    const o = await buyAndPay(h, { campaignId: SEASON })
    const card = (await cardOf(o._id))!
    okData(await bookWithCard(card._id, slot(2, 9)))
    const refunded = okData(await cancel(o._id))
    await sandboxOf(h).flush()
    const kept = CARD_SHARE - Math.round((CARD_SHARE * 2) / 3)
    const after = await orderDoc(h, o._id)
    expect(after).toMatchObject({ status: 'refunded', retainedFen: kept, refundedFen: PRICE - kept })
    expect(refunded.retainedFen).toBe(kept)
    const [refund] = await refundsOf(h, o.paymentId!)
    expect(refund?.amountFen).toBe(PRICE - kept)
    expect(await cardOf(o._id)).toMatchObject({ usesLeft: 0, status: 'void', revokedUses: 2 })
    expect(okData(await h.call('order.get', { orderId: o._id }, WANG, COMMUNITY_A)).cards[0]?.status).toBe('refunded')
    expect(codeOf(await bookWithCard(card._id, slot(3, 9)))).toBe('BOOKING.CARD_NOT_APPLICABLE')
    const events = await findAll(h.store, 'cardEvents', { cardId: card._id })
    expect(events.filter((e) => e.state === 'applied').map((e) => e.kind).sort()).toEqual(['revoke', 'use'])
  })

  it('a refund with no use returns everything; one after every use returns the goods’ share only', async () => {
    const fresh = await buyAndPay(h, { campaignId: SEASON })
    okData(await cancel(fresh._id))
    await sandboxOf(h).flush()
    expect(await orderDoc(h, fresh._id)).toMatchObject({ status: 'refunded', refundedFen: PRICE, retainedFen: 0 })

    const used = await buyAndPay(h, { campaignId: SEASON, householdId: HOME2 })
    const card = (await cardOf(used._id))!
    for (const hour of SLOT_HOURS.slice(0, 3)) okData(await h.call('booking.book', { lineId: DEMO_LINES.clean, householdId: HOME2, slotStart: slot(3, hour), payMode: 'card', cardId: card._id, clientRequestId: newCrid() }, WANG, COMMUNITY_A))
    okData(await cancel(used._id))
    await sandboxOf(h).flush()
    expect(await orderDoc(h, used._id)).toMatchObject({ status: 'refunded', retainedFen: CARD_SHARE, refundedFen: PRICE - CARD_SHARE })
  })

  it('an operator’s full refund from the payment pages closes the card too', async () => {
    const o = await buyAndPay(h, { campaignId: SEASON })
    okData(await h.call('pay.refund', { paymentId: o.paymentId!, lines: [{ payableId: o._id, amountFen: o.paidFen }], reason: '业主多缴，退回', clientRequestId: newCrid() }, OPERATOR, COMMUNITY_A))
    await sandboxOf(h).flush()
    expect(await orderDoc(h, o._id)).toMatchObject({ status: 'refunded', refundedFen: PRICE })
    expect(await cardOf(o._id)).toMatchObject({ usesLeft: 0, status: 'void', revokedUses: 3 })
  })

  it('an unpaid package order issues nothing, and its cancel touches no card', async () => {
    const o = await buy(h, { campaignId: SEASON })
    expect(await cardOf(o.id)).toBeNull()
    okData(await cancel(o.id))
    expect(await cardOf(o.id)).toBeNull()
  })
})

describe('a refund racing redemptions', () => {
  it('a refund that comes before the card was issued closes it quietly; the late issue finds it closed', async () => {
    const placed = await orderDoc(h, (await buy(h, { campaignId: SEASON })).id)
    const paid = { ...placed, status: 'paid' as const }
    expect(await revokePackageCards(h.ports, paid)).toBe(0)
    await issuePackageCards(h.ports, paid)
    expect(await cardOf(placed._id)).toMatchObject({ usesTotal: 3, usesLeft: 0, status: 'void', revokedUses: 3 })
    const told = await findAll(h.store, 'inbox', { userId: 'u-wang' })
    expect(told.filter((m) => m.title === '你收到一张服务卡' && m.body.includes('日常保洁 3 次卡'))).toEqual([])
  })

  it('every use is either taken or refunded, never both, and the journal adds up', async () => {
    for (let round = 0; round < 6; round++) {
      const o = await buyAndPay(h, { campaignId: SEASON, householdId: round % 2 === 0 ? HOME : HOME2 })
      const card = (await cardOf(o._id))!
      const bookings = SLOT_HOURS.map((hour) =>
        h.call('booking.book', { lineId: DEMO_LINES.clean, householdId: card.householdId, slotStart: slot(1 + round, hour), payMode: 'card', cardId: card._id, clientRequestId: newCrid() }, WANG, COMMUNITY_A)
      )
      // The refund starts a little later each round, so it lands before, between and after the redemptions.
      const [refund, ...booked] = await Promise.all([sleep(round * 3).then(() => cancel(o._id)), ...bookings])
      okData(refund)
      await sandboxOf(h).flush()
      const redeemed = booked.filter((b) => b.ok).length
      const after = (await cardOf(o._id))!
      const events = (await findAll(h.store, 'cardEvents', { cardId: card._id })).filter((e) => e.state === 'applied' || e.state === 'closed')
      const uses = events.filter((e) => e.kind === 'use').length
      const revoked = events.filter((e) => e.kind === 'revoke').reduce((n, e) => n + (e.uses ?? 0), 0)
      expect(uses).toBe(redeemed)
      expect(uses + revoked).toBe(3)
      expect(after).toMatchObject({ usesLeft: 0, status: 'void', revokedUses: revoked })
      const order = await orderDoc(h, o._id)
      // 王's level may rise with his spending, lowering what later packages cost him: shares follow what was paid.
      const share = Math.round((o.amountFen * 36_000) / PARTS)
      expect(card.valueFen).toBe(share)
      const kept = share - Math.round((share * revoked) / 3)
      expect(order).toMatchObject({ status: 'refunded', retainedFen: kept, refundedFen: o.amountFen - kept })
    }
  })

  it('a redemption that lands between the refund’s look and its update makes it look again', async () => {
    const o = await buyAndPay(h, { campaignId: SEASON })
    const card = (await cardOf(o._id))!
    // The store lets one redemption in just before the refund's first take-back is written.
    let cutIn = false
    const store = new Proxy(h.ports.store, {
      get(target, prop, receiver) {
        if (prop !== 'update') return Reflect.get(target, prop, receiver) as unknown
        return async (...args: Parameters<typeof target.update>) => {
          const spec = args[2]
          if (!cutIn && args[0] === 'serviceCards' && spec.set && 'revokedUses' in spec.set) {
            cutIn = true
            val(await redeemCardUse(h.ports, card._id, 'bk-cut-in'))
          }
          return target.update(...args)
        }
      }
    })
    expect(await revokeUnusedUses({ ...h.ports, store }, card._id, `order:${o._id}`)).toEqual({ usesTotal: 3, revoked: 2, valueFen: card.valueFen })
    expect(cutIn).toBe(true)
    const revoke = await h.store.get('cardEvents', `revoke:${card._id}`)
    expect(revoke).toMatchObject({ state: 'applied', uses: 2 })
    expect(revoke?.stale).toHaveLength(1)
    expect(await cardOf(o._id)).toMatchObject({ usesLeft: 0, revokedUses: 2, status: 'void' })
  })
})
