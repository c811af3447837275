import type { KitFactsT } from '../../contracts/selling-kit'
import type { KitKind } from '../../contracts/selling-labels'
import type { TrainingLine } from '../../contracts/training-labels'
import type { Ports } from '../../kernel/ports'
import type { EventDoc } from '../event/docs'
import type { CampaignDoc } from '../order/docs'
import { campaignPhase } from '../order/rules'
import { campaignCover, campaignViews } from '../order/views'
import { storedPhoto } from '../photos'
import { lineOfCampaign } from './rules'

/** What a kit is about: a campaign (not a draft) or a published event of the community. */
export type KitRef = { kind: 'campaign'; doc: CampaignDoc } | { kind: 'event'; doc: EventDoc }

export function kitId(kind: KitKind, refId: string): string {
  return `${kind}:${refId}`
}

export async function refOf(ports: Ports, communityId: string, kind: KitKind, refId: string): Promise<KitRef | null> {
  if (kind === 'campaign') {
    const c = await ports.store.get('campaigns', refId)
    return c && c.communityId === communityId && c.status !== 'draft' ? { kind, doc: c } : null
  }
  const e = await ports.store.get('events', refId)
  return e && e.communityId === communityId && e.status === 'published' ? { kind, doc: e } : null
}

/** The training line whose required courses open the kit. */
export function lineOf(ref: KitRef): TrainingLine {
  return ref.kind === 'event' ? 'event' : lineOfCampaign(ref.doc.productKind)
}

export function titleOf(ref: KitRef): string {
  return ref.doc.title
}

export function coverOf(ref: KitRef): string | null {
  return ref.kind === 'campaign' ? campaignCover(ref.doc) : storedPhoto(ref.doc.cover)
}

/** When selling it stops: the campaign's end, or the event's sign-up close. */
export function closesAt(ref: KitRef): number {
  return ref.kind === 'campaign' ? ref.doc.endAt : ref.doc.signupClosesAt
}

/** Still worth selling: a campaign on sale or coming, an event whose sign-up is open or coming. */
export function sellable(ref: KitRef, now: number): boolean {
  if (ref.kind === 'campaign') {
    const phase = campaignPhase(ref.doc, now)
    return phase === 'live' || phase === 'scheduled'
  }
  return ref.doc.signupClosesAt > now
}

export function posterPage(ref: KitRef): string {
  const id = encodeURIComponent(ref.doc._id)
  return ref.kind === 'campaign' ? `/packages/presale-admin/pages/poster/index?id=${id}` : `/packages/event/pages/poster/index?id=${id}`
}

/** The key facts as they are now: prices, deadline, threshold, stock and delivery, or time, place and seats. */
export async function factsOf(ports: Ports, ref: KitRef): Promise<KitFactsT> {
  if (ref.kind === 'event') {
    const e = ref.doc
    return { kind: 'event', startAt: e.startAt, endAt: e.endAt, venue: e.venue, seatsLeft: Math.max(0, e.capacity - e.confirmed), signupClosesAt: e.signupClosesAt }
  }
  const c = ref.doc
  const [view] = await campaignViews(ports, [c])
  const skus = view?.skus ?? []
  const prices = c.skus.map((s) => s.priceFen)
  return {
    kind: 'campaign',
    minPriceFen: Math.min(...prices),
    maxPriceFen: Math.max(...prices),
    originalFen: Math.max(...c.skus.map((s) => s.originalFen)),
    endAt: c.endAt,
    threshold: c.threshold,
    paidQuantity: view?.paidQuantity ?? 0,
    remaining: skus.reduce((n, s) => n + s.remaining, 0),
    unit: c.unit,
    deliveryMode: c.deliveryMode,
    deliveryDate: c.deliveryDate,
    pickupName: view?.delivery.pickupPoint?.name ?? null
  }
}
