import type { PackagePartT, PackagePartViewT } from '../../contracts/package'
import { partsFen } from '../../contracts/package'
import type { Ports } from '../../kernel/ports'
import { getMany } from '../../kernel/paging'
import { type Result, fail, ok } from '../../kernel/result'
import { formatFenText } from '../format-money'
import type { ServiceCardDoc } from '../member/docs'
import { type IssueCardInput, cardIdOf, issueCard, revokeUnusedUses } from '../member/cards'
import type { CampaignDoc, OrderDoc, OrderPackage } from './docs'

/**
 * 产品包 in orders: paying issues the package's service cards (one per card part, its uses times
 * the quantity), each worth its share of what was paid, by the parts' prices bought one by one.
 * A refund takes back the uses left and keeps back, per card, the share of the uses taken.
 */

/** The parts as the product stores them: each card names its service line, checked in the community. */
export async function resolveParts(ports: Ports, communityId: string, parts: readonly PackagePartT[], at: string): Promise<Result<PackagePartViewT[]>> {
  const lines = await getMany(
    ports.store,
    'serviceLines',
    parts.flatMap((p) => (p.type === 'card' ? [p.lineId] : []))
  )
  const out: PackagePartViewT[] = []
  for (const [i, p] of parts.entries()) {
    if (p.type === 'goods') {
      out.push(p)
      continue
    }
    const line = lines.get(p.lineId)
    if (!line || line.communityId !== communityId || line.kind !== 'service' || !line.active || line.freeUnderPropertyFee) {
      return fail('ORDER.PACKAGE_LINE_INVALID', '服务卡要用于本小区在售的家政服务项目', [{ path: `${at}.${i}.lineId`, message: '服务项目不存在或不能用服务卡预约' }])
    }
    out.push({ ...p, lineName: line.name })
  }
  return ok(out)
}

/** What the package's saving is at this price; null when there is none. */
export function savingFen(parts: readonly PackagePartViewT[] | undefined, priceFen: number): number | null {
  if (!parts || parts.length === 0) return null
  const saving = partsFen(parts) - priceFen
  return saving > 0 ? saving : null
}

/** A package priced at or above its parts is allowed (a convenience bundle), but said so on save. */
export function noSavingWarnings(parts: readonly PackagePartViewT[] | undefined, skus: readonly { name: string; priceFen: number }[], what: string): string[] {
  if (!parts || parts.length === 0) return []
  const sum = partsFen(parts)
  return skus.flatMap((s) => (s.priceFen >= sum ? [`「${s.name}」${what} ${formatFenText(s.priceFen)} 不低于单买合计 ${formatFenText(sum)}，住户看不到优惠`] : []))
}

/** What an order of this campaign carries for its cards: the card parts, and the whole to share by. */
export function orderPackageOf(c: Pick<CampaignDoc, 'parts'>): OrderPackage | null {
  const parts = c.parts ?? []
  const cards = parts.filter((p) => p.type === 'card')
  if (cards.length === 0) return null
  return { cards: cards.map((p) => ({ lineId: p.lineId, lineName: p.lineName, title: p.title, uses: p.uses, validDays: p.validDays, partFen: p.unitFen * p.uses })), partsFen: partsFen(parts) }
}

const cardKey = (orderId: string, i: number) => `order:${orderId}:${i}`
export const packageCardIds = (o: Pick<OrderDoc, '_id' | 'package'>): string[] => (o.package?.cards ?? []).map((_, i) => cardIdOf(cardKey(o._id, i)))

/** Card i's share of what the order paid, by its parts' price against all parts. */
function shareFen(o: Pick<OrderDoc, 'amountFen'>, pkg: OrderPackage, i: number): number {
  const part = pkg.cards[i]
  return part && pkg.partsFen > 0 ? Math.round((o.amountFen * part.partFen) / pkg.partsFen) : 0
}

/**
 * Issues the order's cards once (a card per key): run after every payment delivery and by the
 * free-order path. A closed order issues nothing, and a card its refund already closed stays so.
 */
export async function issuePackageCards(ports: Ports, o: OrderDoc): Promise<void> {
  const pkg = o.package
  if (!pkg || !['paid', 'confirmed', 'delivered'].includes(o.status)) return
  await Promise.all(pkg.cards.map((_, i) => issueCard(ports, cardInput(o, pkg, i))))
}

/** Card i of the order as issued: its uses times the quantity, for its line, worth its share. */
function cardInput(o: OrderDoc, pkg: OrderPackage, i: number): IssueCardInput {
  const p = pkg.cards[i]
  if (!p) throw new Error(`order ${o._id} has no card ${i}`)
  return {
    communityId: o.communityId,
    householdId: o.householdId,
    userId: o.userId,
    title: p.title,
    uses: p.uses * o.quantity,
    validDays: p.validDays,
    scope: { type: 'service', value: p.lineId, label: p.lineName },
    source: { kind: 'purchase', ref: `order:${o._id}` },
    valueFen: shareFen(o, pkg, i),
    key: cardKey(o._id, i)
  }
}

/**
 * Takes back the uses left on the order's cards and answers what the uses taken keep back
 * (per card: its value times used over total, rounded). A card never issued (the refund won a
 * race with the payment's follow-ups) is issued quietly and taken back at once, so a late issue
 * finds it closed and tells no one, and the card's journal still adds up.
 */
export async function revokePackageCards(ports: Ports, o: OrderDoc): Promise<number> {
  const pkg = o.package
  if (!pkg) return 0
  const kept = await Promise.all(
    pkg.cards.map(async (_, i) => {
      const id = cardIdOf(cardKey(o._id, i))
      let res = await revokeUnusedUses(ports, id, `order:${o._id}`)
      if (!res) {
        await issueCard(ports, { ...cardInput(o, pkg, i), quiet: true })
        res = await revokeUnusedUses(ports, id, `order:${o._id}`)
      }
      if (!res || res.usesTotal === 0) return 0
      return res.valueFen - Math.round((res.valueFen * res.revoked) / res.usesTotal)
    })
  )
  return kept.reduce((a, b) => a + b, 0)
}

/** The cards of package orders, by order id, for views. */
export async function cardsOfOrders(ports: Ports, orders: readonly OrderDoc[]): Promise<Map<string, ServiceCardDoc[]>> {
  const ids = orders.flatMap((o) => packageCardIds(o))
  const cards = ids.length > 0 ? await getMany(ports.store, 'serviceCards', ids) : new Map<string, ServiceCardDoc>()
  return new Map(orders.map((o) => [o._id, packageCardIds(o).flatMap((id) => cards.get(id) ?? [])]))
}
