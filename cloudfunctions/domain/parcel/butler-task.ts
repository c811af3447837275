import type { Ports } from '../../kernel/ports'
import type { ButlerTaskDoc } from '../insights/docs'
import { taskId } from '../insights/tasks'
import { dayOf } from '../insights/time'
import type { ParcelDoc } from './docs'
import { parcelTaskDetail, parcelWhy } from './views'

const ATTEMPTS = 5


/**
 * Adds a delivery request to the butler's task of the day (`deliver_parcel`), which the nightly
 * pass or the first open of the day also makes from the parcels still waiting. The task's refs
 * grow by one conditional update on their length, so two requests at once both land.
 */
export async function addToButlerTask(ports: Ports, parcel: ParcelDoc, butlerUserId: string, label: string): Promise<void> {
  const now = ports.clock.now()
  const day = dayOf(now)
  const id = taskId(day, parcel.communityId, butlerUserId, 'deliver_parcel')
  const entry = { householdId: parcel.householdId, label, why: parcelWhy(parcel) }
  for (let i = 0; i < ATTEMPTS; i++) {
    const t = await ports.store.get('butlerTasks', id)
    if (!t) {
      const doc: ButlerTaskDoc = { _id: id, communityId: parcel.communityId, butlerUserId, day, kind: 'deliver_parcel', target: 1, refs: [parcel._id], households: [entry], detail: parcelTaskDetail(1), progress: 0, updatedAt: now }
      if ((await ports.store.insert('butlerTasks', doc)).ok) return
      continue
    }
    if (t.refs.includes(parcel._id)) return
    const refs = [...t.refs, parcel._id]
    const set = { refs, households: [...t.households, entry], target: refs.length, detail: parcelTaskDetail(refs.length), updatedAt: now }
    if (await ports.store.update('butlerTasks', id, { set }, { target: t.target })) return
  }
  ports.log.warn('parcel delivery not added to the butler task', { parcelId: parcel._id, taskId: id })
}
