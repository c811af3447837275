import { PARCEL_DELIVERIES_PAGE, COURIER_LABELS } from '../../contracts/parcel-labels'
import type { parcelContracts } from '../../contracts/parcel'
import type { ActionHandler } from '../../kernel/module'
import { fail, ok } from '../../kernel/result'
import { householdLabels } from '../user/labels'
import { addToButlerTask } from './butler-task'
import { myParcelView } from './views'

type C = typeof parcelContracts

/**
 * The resident asks the grid's butler to bring a waiting parcel to the door. Asked once (a second
 * tap answers as the first), it becomes part of the butler's task of the day and a work message.
 */
export const requestDelivery: ActionHandler<C['requestDelivery']> = async ({ ports, actor }, input) => {
  const parcel = await ports.store.get('parcels', input.parcelId)
  if (!parcel || parcel.communityId !== actor.communityId || !actor.householdIds.includes(parcel.householdId)) {
    return fail('PARCEL.NOT_FOUND', '包裹不存在', [{ path: 'parcelId', label: '包裹', message: '包裹不存在' }])
  }
  const [labels, grids] = await Promise.all([
    householdLabels(ports, [parcel.householdId], parcel.communityId),
    ports.store.find('grids', { where: { communityId: parcel.communityId }, limit: 200 })
  ])
  const label = labels.get(parcel.householdId) ?? ''
  if (parcel.status === 'picked') return fail('PARCEL.ALREADY_PICKED', '该包裹已取件，无需送货上门')
  if (parcel.deliveryRequestedAt !== null) return ok(myParcelView(parcel, label, true))
  const grid = grids.find((g) => g.butlerUserId && g.buildingIds.includes(parcel.buildingId))
  if (!grid) return fail('PARCEL.NO_BUTLER', '所在楼栋暂无网格管家，请凭取件码到物业前台领取')
  const butler = await ports.store.get('users', grid.butlerUserId)
  const now = ports.clock.now()
  const set = { deliveryRequestedAt: now, deliveryButlerId: grid.butlerUserId, deliveryButlerName: butler?.nickname ?? '网格管家', updatedAt: now }
  const applied = await ports.store.update('parcels', parcel._id, { set }, { status: 'waiting', deliveryRequestedAt: null })
  const fresh = applied ? { ...parcel, ...set } : await ports.store.get('parcels', parcel._id)
  if (!fresh) return fail('PARCEL.NOT_FOUND', '包裹不存在')
  if (!applied) return fresh.status === 'picked' ? fail('PARCEL.ALREADY_PICKED', '该包裹已取件，无需送货上门') : ok(myParcelView(fresh, label, true))
  await Promise.all([
    addToButlerTask(ports, fresh, grid.butlerUserId, label),
    ports.notifier.notify({
      userId: grid.butlerUserId,
      communityId: parcel.communityId,
      kind: 'parcel-delivery',
      title: '住户申请快递送货上门',
      body: `${label} 的${COURIER_LABELS[parcel.courier]}快递（货架 ${parcel.shelf}）请送货上门。`,
      link: PARCEL_DELIVERIES_PAGE,
      key: `parcel-delivery:${parcel._id}`
    })
  ])
  return ok(myParcelView(fresh, label, true))
}
