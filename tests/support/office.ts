import type { RawHouseholdRow } from '../../cloudfunctions/contracts/household-import'
import { okData } from '../handlers/support'
import { type Harness, makeHarness } from './harness'

export const SETUP_CODE = 'K7M2P9QXR4TW'
/** The company's first administrator, who makes the community and runs it as its operator. */
export const BOSS = 'wx-boss'

/** An empty company whose administrator has made one community. */
export async function newCommunity(): Promise<{ h: Harness; id: string }> {
  const h = await makeHarness({ seed: false, setupCode: SETUP_CODE })
  okData(await h.call('user.login', {}, BOSS))
  okData(await h.call('office.claimAdmin', { code: SETUP_CODE }, BOSS))
  const id = okData(await h.call('office.createCommunity', { name: '临江花园', city: '杭州', address: '滨江区江南大道 188 号', company: '邻里物业服务有限公司' }, BOSS)).id
  return { h, id }
}

/** `n` clean rows over buildings 1栋..: 2 units, 6 floors, 2 rooms a floor (24 a building). */
export function sheet(n: number, from = 0): RawHouseholdRow[] {
  return Array.from({ length: n }, (_, k) => {
    const i = from + k
    const building = Math.floor(i / 24) + 1
    const unit = Math.floor((i % 24) / 12) + 1
    const floor = Math.floor((i % 12) / 2) + 1
    return {
      line: i + 2,
      building: String(building),
      unit: String(unit),
      room: `${floor}0${(i % 2) + 1}`,
      area: (80 + (i % 40) + 0.25).toFixed(2),
      ownerName: i % 3 === 0 ? '王建国' : '',
      ownerPhone: i % 3 === 0 ? `1380000${String(1000 + i).padStart(4, '0')}` : '',
      parkingSpaces: i % 5 === 0 ? '1' : ''
    }
  })
}
