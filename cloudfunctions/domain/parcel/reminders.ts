import { COURIER_LABELS, PARCEL_PAGE, PARCEL_REMIND_AFTER_DAYS, formatPickupCode } from '../../contracts/parcel-labels'
import { DAY_MS, shanghaiDay } from '../../contracts/shanghai'
import type { JobReport } from '../../kernel/module'
import { pages } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import type { MembershipDoc } from '../docs'
import { daysHeld } from './views'

/**
 * Reminds households of parcels on the shelf longer than three days, at most once a day a
 * parcel. Each reminder is keyed by parcel, member and day (a second send is dropped), and the
 * parcel is marked with the day after it is sent, so a run cut short resumes where it stopped:
 * the next run's query no longer finds what was done.
 */
export async function remindParcels(ports: Ports): Promise<JobReport> {
  const now = ports.clock.now()
  const day = shanghaiDay(now)
  const where = { status: 'waiting', registeredAt: { lt: now - PARCEL_REMIND_AFTER_DAYS * DAY_MS }, remindedDay: { ne: day } }
  let parcels = 0
  let messages = 0
  for await (const page of pages(ports.store, 'parcels', where)) {
    const households = [...new Set(page.map((p) => p.householdId))]
    const members: MembershipDoc[] = []
    for (let i = 0; i < households.length; i += 200) {
      members.push(...(await ports.store.find('memberships', { where: { householdId: { in: households.slice(i, i + 200) }, status: 'active' }, limit: 1000 })))
    }
    const byHousehold = new Map<string, MembershipDoc[]>()
    for (const m of members) byHousehold.set(m.householdId, [...(byHousehold.get(m.householdId) ?? []), m])
    for (const p of page) {
      const to = byHousehold.get(p.householdId) ?? []
      const body = `${COURIER_LABELS[p.courier]}（尾号 ${p.trackingNo.slice(-4)}）已在物业前台存放 ${daysHeld(p, now)} 天，货架 ${p.shelf}，取件码 ${formatPickupCode(p.pickupCode)}，请尽快领取或申请送货上门。`
      await Promise.all(
        to.map((m) => ports.notifier.notify({ userId: m.userId, communityId: p.communityId, kind: 'parcel-reminder', title: '快递待领取提醒', body, link: PARCEL_PAGE, key: `parcel-remind:${p._id}:${m.userId}:${day}` }))
      )
      await ports.store.update('parcels', p._id, { set: { remindedDay: day } }, { status: 'waiting' })
      parcels++
      messages += to.length
    }
  }
  return { day, parcels, messages }
}
