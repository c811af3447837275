import type { ParcelCodeDoc, ParcelDoc, ParcelMonthDoc } from '../../cloudfunctions/domain/parcel/docs'
import type { Courier } from '../../cloudfunctions/contracts/parcel-labels'
import { shanghaiMonth } from '../../cloudfunctions/contracts/shanghai'
import type { Store } from '../../cloudfunctions/kernel/store'
import { COMMUNITY_A } from './demo-ids'
import type { DocOf } from '../../cloudfunctions/kernel/collections'

/**
 * Parcels at 临苑社区's front desk, relative to `now`: for 王建国's 1栋 101 one that came today,
 * one on the shelf for four days (the reminder's case) and two collected earlier; one for 2栋 302
 * that he asked 刘管家 to bring up. Ids, codes and QR tokens are fixed, so seeding twice changes nothing.
 */
const DAY = 24 * 3600_000

interface Seed {
  id: string
  householdId: string
  buildingId: string
  courier: Courier
  trackingNo: string
  shelf: string
  code: string
  ago: number
  picked?: { after: number; by: string; name: string; via: 'code' | 'qr' | 'door' }
  delivery?: { butlerId: string; name: string }
}

const SEEDS: Seed[] = [
  { id: 'pcSeedToday', householdId: 'h-a1-101', buildingId: 'b-a1', courier: 'sf', trackingNo: 'SF1408823761905', shelf: 'A-03', code: '318204', ago: 2 * 3600_000 },
  { id: 'pcSeedOld', householdId: 'h-a1-101', buildingId: 'b-a1', courier: 'jd', trackingNo: 'JD0098812376541', shelf: 'B-11', code: '526719', ago: 4 * DAY },
  { id: 'pcSeedPicked1', householdId: 'h-a1-101', buildingId: 'b-a1', courier: 'zto', trackingNo: '78311290445612', shelf: 'A-07', code: '604183', ago: 9 * DAY, picked: { after: 6 * 3600_000, by: 'u-verifier-zhou', name: '周核销', via: 'qr' } },
  { id: 'pcSeedPicked2', householdId: 'h-a1-101', buildingId: 'b-a1', courier: 'yto', trackingNo: 'YT8830019274411', shelf: 'C-02', code: '771946', ago: 20 * DAY, picked: { after: DAY, by: 'u-service-zhao', name: '赵客服', via: 'code' } },
  { id: 'pcSeedDoor', householdId: 'h-a2-302', buildingId: 'b-a2', courier: 'ems', trackingNo: '1178230049915', shelf: 'D-01', code: '245870', ago: DAY, delivery: { butlerId: 'u-butler-liu', name: '刘管家' } }
]

function parcelOf(s: Seed, now: number): ParcelDoc {
  const at = now - s.ago
  const pickedAt = s.picked ? at + s.picked.after : null
  return {
    _id: s.id,
    communityId: COMMUNITY_A,
    householdId: s.householdId,
    buildingId: s.buildingId,
    courier: s.courier,
    trackingNo: s.trackingNo,
    trackingKey: `${COMMUNITY_A}:${s.courier}:${s.trackingNo}`,
    shelf: s.shelf,
    photo: null,
    pickupCode: s.code,
    qrToken: `seedqr${s.id}0000000000`,
    status: s.picked ? 'picked' : 'waiting',
    registeredAt: at,
    registeredBy: 'u-service-zhao',
    registeredByName: '赵客服',
    requestKey: `u-service-zhao:seed-${s.id}`,
    pickedAt,
    pickedBy: s.picked?.by ?? null,
    pickedByName: s.picked?.name ?? null,
    pickedVia: s.picked?.via ?? null,
    deliveryRequestedAt: s.delivery ? at + 3600_000 : null,
    deliveryButlerId: s.delivery?.butlerId ?? null,
    deliveryButlerName: s.delivery?.name ?? null,
    remindedDay: '',
    updatedAt: pickedAt ?? at
  }
}

export async function seedParcels(store: Store, now: number): Promise<{ inserted: number; skipped: number }> {
  const parcels = SEEDS.map((s) => parcelOf(s, now))
  const codes: ParcelCodeDoc[] = parcels.map((p) => ({
    _id: `${COMMUNITY_A}:${p.pickupCode}`,
    parcelId: p._id,
    state: p.status === 'waiting' ? 'held' : 'released',
    releasedAt: p.pickedAt
  }))
  // The month counters as registration would have left them: one journal entry a parcel.
  const months = new Map<string, ParcelMonthDoc>()
  for (const p of parcels) {
    const month = shanghaiMonth(p.registeredAt)
    const id = `${p.householdId}:${month}`
    const m = months.get(id) ?? { _id: id, communityId: COMMUNITY_A, householdId: p.householdId, month, count: 0, holds: {} }
    m.count++
    m.holds[`p${p._id}`] = 1
    months.set(id, m)
  }
  let inserted = 0
  let skipped = 0
  const put = async <K extends 'parcels' | 'parcelCodes' | 'parcelMonths'>(collection: K, docs: DocOf<K>[]) => {
    for (const d of docs) {
      if ((await store.insert(collection, d)).ok) inserted++
      else skipped++
    }
  }
  await put('parcels', parcels)
  await put('parcelCodes', codes)
  await put('parcelMonths', [...months.values()])
  return { inserted, skipped }
}
