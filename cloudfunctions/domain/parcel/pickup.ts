import { COURIER_LABELS, PARCEL_PAGE, PICKUP_VIA_LABELS, type PickupVia } from '../../contracts/parcel-labels'
import type { PickupKey, parcelContracts } from '../../contracts/parcel'
import { shanghaiMinute } from '../../contracts/shanghai'
import type { CommunityActor } from '../../kernel/actor'
import type { ActionHandler } from '../../kernel/module'
import type { Ports } from '../../kernel/ports'
import { type Result, fail, ok } from '../../kernel/result'
import { householdLabels } from '../user/labels'
import { codeKey, releaseCode } from './codes'
import type { ParcelDoc } from './docs'
import { householdMembers } from './register'
import { parcelView } from './views'

type C = typeof parcelContracts
type View = ReturnType<typeof parcelView>

const invalidCode = (key: PickupKey) => {
  const message = key.kind === 'qr' ? '二维码无效，请让住户刷新取件页面后重试' : '取件码无效，请核对后重试'
  return fail('PARCEL.CODE_INVALID', message, [{ path: 'code', label: '取件码', message }])
}

/** Who took it and when, for the clerk facing a second claim of the same parcel. */
function alreadyPicked(p: ParcelDoc) {
  const when = p.pickedAt === null ? '' : shanghaiMinute(p.pickedAt).slice(5)
  const message = `该包裹已取件：${when} 由${p.pickedByName ?? '工作人员'}${p.pickedVia === 'door' ? '送货上门' : `核销（${PICKUP_VIA_LABELS[p.pickedVia ?? 'code']}）`}`
  return fail('PARCEL.ALREADY_PICKED', message, [{ path: 'code', label: '取件码', message }])
}

/** The parcel a code or a QR names: a code through its community's code document, a QR by its token. */
async function resolve(ports: Ports, communityId: string, key: PickupKey): Promise<ParcelDoc | null> {
  if (key.kind === 'qr') {
    const [p] = await ports.store.find('parcels', { where: { qrToken: key.token }, limit: 1 })
    return p ?? null
  }
  const held = await ports.store.get('parcelCodes', codeKey(communityId, key.code))
  return held ? ports.store.get('parcels', held.parcelId) : null
}

/**
 * The parcel leaves the shelf: `waiting → picked` in one conditional update, so of two desks (or a
 * desk and the butler) acting at once exactly one succeeds and the other is told who did.
 */
export async function handOver(ports: Ports, actor: CommunityActor, parcel: ParcelDoc, via: PickupVia): Promise<Result<View>> {
  if (parcel.status === 'picked') return alreadyPicked(parcel)
  const now = ports.clock.now()
  const picked = { status: 'picked' as const, pickedAt: now, pickedBy: actor.user._id, pickedByName: actor.user.nickname, pickedVia: via, updatedAt: now }
  const applied = await ports.store.update('parcels', parcel._id, { set: picked }, { status: 'waiting' })
  if (!applied) {
    const now2 = await ports.store.get('parcels', parcel._id)
    return now2 && now2.status === 'picked' ? alreadyPicked(now2) : fail('PARCEL.NOT_FOUND', '包裹不存在')
  }
  const done: ParcelDoc = { ...parcel, ...picked }
  const [labels] = await Promise.all([householdLabels(ports, [parcel.householdId], parcel.communityId), releaseCode(ports, parcel.communityId, parcel.pickupCode, parcel._id)])
  return ok(parcelView(done, labels.get(parcel.householdId) ?? '', now))
}

export const pickup: ActionHandler<C['pickup']> = async ({ ports, actor }, input) => {
  const parcel = await resolve(ports, actor.communityId, input.code)
  if (!parcel) return invalidCode(input.code)
  if (parcel.communityId !== actor.communityId) {
    const message = '该包裹不是本社区登记的，请在包裹所在社区核销'
    return fail('PARCEL.WRONG_COMMUNITY', message, [{ path: 'code', label: '取件码', message }])
  }
  return handOver(ports, actor, parcel, input.code.kind)
}

/** The butler hands a parcel over at the door: the same once-only pickup, and the household is told. */
export const deliver: ActionHandler<C['deliver']> = async ({ ports, actor }, input) => {
  const parcel = await ports.store.get('parcels', input.parcelId)
  if (!parcel || parcel.communityId !== actor.communityId) return fail('PARCEL.NOT_FOUND', '包裹不存在', [{ path: 'parcelId', label: '包裹', message: '包裹不存在' }])
  if (parcel.status === 'picked') return alreadyPicked(parcel)
  if (parcel.deliveryRequestedAt === null) return fail('PARCEL.DELIVERY_NOT_REQUESTED', '住户未申请送货上门，请提醒住户到前台取件')
  const inGrid = actor.grids.some((g) => g.buildingIds.includes(parcel.buildingId))
  if (parcel.deliveryButlerId !== actor.user._id && !inGrid) return fail('PARCEL.NOT_YOUR_DELIVERY', '该包裹不在你负责的网格内')
  const [r, members] = await Promise.all([handOver(ports, actor, parcel, 'door'), householdMembers(ports, parcel.householdId)])
  if (!r.ok) return r
  const body = `${COURIER_LABELS[parcel.courier]}（尾号 ${parcel.trackingNo.slice(-4)}）已由${actor.user.nickname}送到家门口。`
  await Promise.all(
    members.map((m) => ports.notifier.notify({ userId: m.userId, communityId: parcel.communityId, kind: 'parcel', title: '快递已送达', body, link: PARCEL_PAGE, key: `parcel-door:${parcel._id}:${m.userId}` }))
  )
  return r
}
