import { createHash } from 'node:crypto'
import type { insightsContracts } from '../../contracts/insights'
import type { CollectionName } from '../../kernel/collections'
import type { ActionHandler } from '../../kernel/module'
import { findAll } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import { fail, ok } from '../../kernel/result'
import type { Doc } from '../../kernel/store'
import type { CouponTemplateDoc } from '../member/docs'
import { storedPhoto } from '../photos'
import type { EventTemplateDoc } from './docs'

type C = typeof insightsContracts

/** A copy's id: stable for (source id, new community), so a replayed replicate inserts nothing twice. */
function copyId(sourceId: string, communityId: string): string {
  return `${sourceId.slice(0, 40)}-${createHash('sha256').update(communityId).digest('hex').slice(0, 8)}`
}

async function copyAll<T extends Doc>(ports: Ports, collection: CollectionName, docs: readonly T[], make: (d: T) => T): Promise<number> {
  let n = 0
  for (const d of docs) {
    const copy = make(d)
    const r = await ports.store.insert(collection, copy)
    // A replayed replicate finds its own copy under the derived id: that counts as copied.
    if (r.ok || (await ports.store.get(collection, copy._id))) n++
  }
  return n
}

/**
 * Copies the pilot community's set-up into a new community: service lines (with their
 * checklists), suppliers and products, fee items and settings, events as reusable templates,
 * coupon templates (stock reset), membership and insights rules. Buildings, households, people,
 * orders and workers are the new site's own and are not copied. The caller becomes its operator.
 * Every copy has a derived id, so a resubmitted request completes the same copy.
 */
export const replicate: ActionHandler<C['replicate']> = async ({ ports, actor }, input) => {
  const source = actor.communityId
  const now = ports.clock.now()
  const communityId = `c${createHash('sha256').update(`${actor.user._id}:${input.clientRequestId}`).digest('hex').slice(0, 12)}`
  const [existing, pilot] = await Promise.all([ports.store.get('communities', communityId), ports.store.get('communities', source)])
  if (!existing) {
    const same = await ports.store.find('communities', { where: { name: input.name }, limit: 1 })
    if (same.length > 0) return fail('INSIGHTS.COMMUNITY_EXISTS', '已有同名社区', [{ path: 'name', message: '已有同名社区' }])
    // The new site is run by the pilot's property company, set up by this operator.
    await ports.store.insert('communities', {
      _id: communityId,
      name: input.name,
      city: input.city,
      address: input.address,
      ...(pilot?.company ? { company: pilot.company } : {}),
      createdBy: actor.user._id,
      createdAt: now
    })
  }
  await ports.store.insert('staffRoles', { _id: `${communityId}:${actor.user._id}:operator`, userId: actor.user._id, communityId, role: 'operator', createdAt: now })
  const re = <T extends Doc & { communityId: string }>(d: T): T => ({ ...d, _id: copyId(d._id, communityId), communityId })

  const [lines, suppliers, products, feeItems, feeSettings, events, coupons, memberRules, insightRules] = await Promise.all([
    findAll(ports.store, 'serviceLines', { communityId: source }),
    findAll(ports.store, 'suppliers', { communityId: source }),
    findAll(ports.store, 'products', { communityId: source }),
    findAll(ports.store, 'feeItems', { communityId: source }),
    ports.store.get('feeSettings', source),
    ports.store.find('events', { where: { communityId: source }, orderBy: [{ field: 'startAt', dir: 'desc' }], limit: 50 }),
    findAll(ports.store, 'couponTemplates', { communityId: source }),
    ports.store.get('memberRules', source),
    ports.store.get('insightRules', source)
  ])
  const lineIds = new Set(lines.map((l) => l._id))
  const productIds = new Set(products.map((p) => p._id))
  // A scope naming a product or a service line points at the copy, not at the pilot's record.
  const scopeCopy = (scope: CouponTemplateDoc['scope']): CouponTemplateDoc['scope'] =>
    (scope.type === 'product' && productIds.has(scope.value)) || (scope.type === 'service' && lineIds.has(scope.value))
      ? { ...scope, value: copyId(scope.value, communityId) }
      : scope
  const copied = {
    serviceLines: await copyAll(ports, 'serviceLines', lines, (l) => ({ ...re(l), createdAt: now })),
    products: 0,
    feeItems: await copyAll(ports, 'feeItems', feeItems, (f) => ({ ...re(f), createdAt: now })),
    feeSettings: 0,
    eventTemplates: 0,
    couponTemplates: await copyAll(ports, 'couponTemplates', coupons, (t) => ({
      ...re(t),
      scope: scopeCopy(t.scope),
      issued: 0,
      j: {},
      createdBy: actor.user._id,
      idempotencyKey: `${copyId(t._id, communityId)}:replicate`,
      createdAt: now,
      updatedAt: now
    })),
    rules: 0
  }
  await copyAll(ports, 'suppliers', suppliers, (s) => ({ ...re(s), createdAt: now, updatedAt: now }))
  copied.products = await copyAll(ports, 'products', products, (p) => ({ ...re(p), supplierId: copyId(p.supplierId, communityId), createdAt: now, updatedAt: now }))
  if (feeSettings) copied.feeSettings = await copyAll(ports, 'feeSettings', [feeSettings], (s) => ({ ...s, _id: communityId }))
  // Events become templates: a past session's programme, form and rewards, without dates or seats taken.
  const seen = new Set<string>()
  const templates: EventTemplateDoc[] = []
  for (const e of events) {
    if (seen.has(e.title)) continue
    seen.add(e.title)
    templates.push({
      _id: copyId(e._id, communityId),
      communityId,
      kind: e.kind,
      title: e.title,
      cover: storedPhoto(e.cover),
      description: e.description,
      venue: e.venue,
      durationMin: Math.max(30, Math.round((e.endAt - e.startAt) / 60_000)),
      capacity: e.capacity,
      seatsPerHousehold: e.seatsPerHousehold,
      cancelHoursBefore: e.cancelHoursBefore,
      fields: e.fields,
      rewards: e.rewards,
      fromCommunityId: source,
      createdAt: now
    })
  }
  copied.eventTemplates = await copyAll(ports, 'eventTemplates', templates, (t) => t)
  if (memberRules) copied.rules += await copyAll(ports, 'memberRules', [memberRules], (r) => ({ ...r, _id: communityId, updatedAt: now, updatedBy: actor.user._id }))
  if (insightRules) copied.rules += await copyAll(ports, 'insightRules', [insightRules], (r) => ({ ...r, _id: communityId, updatedAt: now, updatedBy: actor.user._id }))
  return ok({ communityId, copied })
}
