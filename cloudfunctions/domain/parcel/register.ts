import { COURIER_LABELS, PARCEL_PAGE, formatPickupCode } from '../../contracts/parcel-labels'
import type { parcelContracts } from '../../contracts/parcel'
import { shanghaiMinute } from '../../contracts/shanghai'
import type { CommunityActor } from '../../kernel/actor'
import type { ActionHandler } from '../../kernel/module'
import type { Ports } from '../../kernel/ports'
import { fail, ok } from '../../kernel/result'
import type { MembershipDoc } from '../docs'
import { householdLabels } from '../user/labels'
import { claimCode, drawCode } from './codes'
import { countParcel } from './counts'
import type { ParcelDoc } from './docs'
import { parcelView } from './views'

type C = typeof parcelContracts

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

export const trackingKeyOf = (communityId: string, courier: string, trackingNo: string) => `${communityId}:${courier}:${trackingNo}`

/** The household's active members, each of whom gets the message. */
export async function householdMembers(ports: Ports, householdId: string): Promise<MembershipDoc[]> {
  return ports.store.find('memberships', { where: { householdId, status: 'active' }, limit: 50 })
}

/**
 * What follows the parcel's insert, each step safe to repeat (a retry of the same registration
 * runs them again): the code claimed under its own key, the month counted by the parcel's journal
 * entry, and one inbox message a member keyed by the parcel.
 */
async function settle(ports: Ports, parcel: ParcelDoc, members: readonly MembershipDoc[]): Promise<ParcelDoc | null> {
  const code = await claimCode(ports, parcel.communityId, parcel._id, parcel.pickupCode)
  if (code === null) return null
  let p = parcel
  if (code !== parcel.pickupCode) {
    await ports.store.update('parcels', parcel._id, { set: { pickupCode: code } })
    p = { ...parcel, pickupCode: code }
  }
  const body = `${COURIER_LABELS[p.courier]}（尾号 ${p.trackingNo.slice(-4)}）已到物业前台，货架 ${p.shelf}，取件码 ${formatPickupCode(p.pickupCode)}。可凭取件码或取件二维码领取，也可申请管家送货上门。`
  await Promise.all([
    countParcel(ports, p.communityId, p.householdId, p._id, p.registeredAt),
    ...members.map((m) =>
      ports.notifier.notify({ userId: m.userId, communityId: p.communityId, kind: 'parcel', title: '您有快递待领取', body, link: PARCEL_PAGE, key: `parcel:${p._id}:${m.userId}` })
    )
  ])
  return p
}

export const register: ActionHandler<C['register']> = async ({ ports, actor }, input) => {
  const communityId = actor.communityId
  const [household, members, labels] = await Promise.all([
    ports.store.get('households', input.householdId),
    householdMembers(ports, input.householdId),
    householdLabels(ports, [input.householdId], communityId)
  ])
  if (!household || household.communityId !== communityId) {
    return fail('PARCEL.HOUSEHOLD_NOT_FOUND', '收件房屋不存在，请重新查找房屋', [{ path: 'householdId', label: '收件房屋', message: '本社区没有这户，请按房号或手机号重新查找' }])
  }
  const label = labels.get(household._id) ?? ''
  const now = ports.clock.now()
  const doc: ParcelDoc = {
    _id: ports.random.code(20, ALNUM),
    communityId,
    householdId: household._id,
    buildingId: household.buildingId,
    courier: input.courier,
    trackingNo: input.trackingNo,
    trackingKey: trackingKeyOf(communityId, input.courier, input.trackingNo),
    shelf: input.shelf,
    photo: input.photo,
    pickupCode: drawCode(ports),
    qrToken: ports.random.id(18),
    status: 'waiting',
    registeredAt: now,
    registeredBy: actor.user._id,
    registeredByName: actor.user.nickname,
    requestKey: `${actor.user._id}:${input.clientRequestId}`,
    pickedAt: null,
    pickedBy: null,
    pickedByName: null,
    pickedVia: null,
    deliveryRequestedAt: null,
    deliveryButlerId: null,
    deliveryButlerName: null,
    remindedDay: '',
    updatedAt: now
  }
  // The unique tracking key decides, not a read before the write: two clerks scanning the same
  // parcel at once get one registration and one refusal.
  const inserted = await ports.store.insert('parcels', doc)
  if (!inserted.ok) return duplicate(ports, actor, doc, members)
  const settled = await settle(ports, doc, members)
  if (!settled) {
    await ports.store.remove('parcels', doc._id, { status: 'waiting' })
    return fail('PARCEL.CODES_EXHAUSTED', '暂时无法分配取件码，请稍后重试')
  }
  return ok(parcelView(settled, label, now))
}

/** The twin under the tracking key: this clerk's own retry (answered as the first time), or a real duplicate. */
async function duplicate(ports: Ports, actor: CommunityActor, doc: ParcelDoc, members: readonly MembershipDoc[]) {
  const [twin] = await ports.store.find('parcels', { where: { trackingKey: doc.trackingKey }, limit: 1 })
  const labels = twin ? await householdLabels(ports, [twin.householdId], actor.communityId) : new Map<string, string>()
  if (twin && twin.requestKey === doc.requestKey) {
    const settled = twin.status === 'waiting' ? await settle(ports, twin, members) : twin
    if (settled) return ok(parcelView(settled, labels.get(twin.householdId) ?? '', ports.clock.now()))
  }
  // What the clerk needs to find the first registration: when, for whom, and its code or that it left.
  const where = twin ? `（${shanghaiShort(twin.registeredAt)}，${labels.get(twin.householdId) ?? ''}，${twin.status === 'picked' ? '已取件' : `取件码 ${formatPickupCode(twin.pickupCode)}`}）` : ''
  const message = `该${COURIER_LABELS[doc.courier]}单号已登记${where}，请勿重复登记`
  return fail('PARCEL.DUPLICATE_TRACKING', message, [{ path: 'trackingNo', label: '快递单号', message }])
}

function shanghaiShort(ms: number): string {
  return shanghaiMinute(ms).slice(5)
}
