import type { ParkingCardDoc, ParkingLotDoc, ParkingPlateDoc, ParkingSpaceDoc } from '../../cloudfunctions/domain/parking/docs'
import { FeeRuleInput } from '../../cloudfunctions/contracts/parking-fee'
import { plateHoldKey } from '../../cloudfunctions/domain/parking/plates'
import type { Store } from '../../cloudfunctions/kernel/store'
import { COMMUNITY_A } from './demo-ids'
import type { DocOf } from '../../cloudfunctions/kernel/collections'

/**
 * Smart parking in 临苑社区 (issue 18): the underground lot behind the 地库道闸 barrier (door d1
 * in, d2 out), with a space 王建国's 1栋 101 bought and two plates on it (one a new-energy plate),
 * a space 2栋 302 rents, a public space, and a monthly card for 沪A12345 running now.
 */
const DAY = 24 * 3600_000
export const DEMO_LOT_ID = 'lotLinyuanB1'

export const DEMO_FEE_RULE = FeeRuleInput.parse({
  freeMinutes: 15,
  firstHourFen: 500,
  perHourFen: 300,
  dailyCapFen: 4000,
  night: { start: '22:00', end: '07:00', perHourFen: 100, capFen: 500 },
  longStayCapFen: 3000
})

export function demoParking(now: number) {
  const lot: ParkingLotDoc = {
    _id: DEMO_LOT_ID,
    communityId: COMMUNITY_A,
    name: '地下车库',
    capacity: 120,
    rule: DEMO_FEE_RULE,
    graceMinutes: 15,
    platesPerSpace: 2,
    monthlyFen: 30000,
    barriers: [
      { gateId: 'ly-car', doorId: 'd1', direction: 'in' },
      { gateId: 'ly-car', doorId: 'd2', direction: 'out' }
    ],
    createdBy: 'u-operator-wu',
    createdAt: now - 60 * DAY,
    updatedAt: now - 60 * DAY
  }
  const plates: ParkingPlateDoc[] = ['沪A12345', '沪AD12345'].map((plate) => ({
    _id: `${COMMUNITY_A}:${plate}`,
    communityId: COMMUNITY_A,
    householdId: 'h-a1-101',
    spaceId: `${DEMO_LOT_ID}:B1-001`,
    plate,
    holdKey: plateHoldKey(plate),
    createdBy: 'u-wang',
    createdAt: now - 30 * DAY
  }))
  const space = (code: string, type: ParkingSpaceDoc['type'], householdId: string | null, rentedUntil: number | null, on: ParkingPlateDoc[] = []): ParkingSpaceDoc => ({
    _id: `${DEMO_LOT_ID}:${code}`,
    communityId: COMMUNITY_A,
    lotId: DEMO_LOT_ID,
    code,
    type,
    householdId,
    rentedUntil,
    plates: on.length,
    holds: Object.fromEntries(on.map((p) => [p.holdKey, 1])),
    updatedAt: now - 60 * DAY
  })
  const spaces = [space('B1-001', 'owned', 'h-a1-101', null, plates), space('B1-002', 'rented', 'h-a2-302', now + 300 * DAY), space('B1-101', 'public', null, null)]
  const card: ParkingCardDoc = {
    _id: 'cardSeedWang',
    communityId: COMMUNITY_A,
    lotId: DEMO_LOT_ID,
    householdId: 'h-a1-101',
    plate: '沪A12345',
    months: 1,
    amountFen: 30000,
    validFrom: now - 10 * DAY,
    validTo: now + 20 * DAY,
    status: 'active',
    requestKey: 'u-wang:seed-card',
    paymentId: null,
    paidAt: now - 10 * DAY,
    createdBy: 'u-wang',
    createdAt: now - 10 * DAY
  }
  return { lot, spaces, plates, card }
}

export async function seedParking(store: Store, now: number): Promise<{ inserted: number; skipped: number }> {
  const d = demoParking(now)
  let inserted = 0
  let skipped = 0
  const put = async <K extends 'parkingLots' | 'parkingSpaces' | 'parkingPlates' | 'parkingCards'>(collection: K, docs: DocOf<K>[]) => {
    for (const doc of docs) {
      if ((await store.insert(collection, doc)).ok) inserted++
      else skipped++
    }
  }
  await put('parkingLots', [d.lot])
  await put('parkingSpaces', d.spaces)
  await put('parkingPlates', d.plates)
  await put('parkingCards', [d.card])
  return { inserted, skipped }
}
