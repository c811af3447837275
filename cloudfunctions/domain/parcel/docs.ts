import type { Courier, ParcelStatus, PickupVia } from '../../contracts/parcel-labels'

export interface ParcelDoc {
  /** Letters and digits only, so it can name the parcel's entry in a counter's journal. */
  _id: string
  communityId: string
  householdId: string
  buildingId: string
  courier: Courier
  trackingNo: string
  /** `${communityId}:${courier}:${trackingNo}`, unique: a second registration of one parcel is refused by the key. */
  trackingKey: string
  shelf: string
  photo: string | null
  /** Six digits, held in `parcelCodes` while the parcel waits. */
  pickupCode: string
  /** The secret the resident's QR carries (after PARCEL_QR_PREFIX). */
  qrToken: string
  status: ParcelStatus
  registeredAt: number
  registeredBy: string
  registeredByName: string
  /** `${userId}:${clientRequestId}`: a retried registration is recognised as the same one. */
  requestKey: string
  pickedAt: number | null
  pickedBy: string | null
  pickedByName: string | null
  pickedVia: PickupVia | null
  deliveryRequestedAt: number | null
  /** The grid's butler the delivery went to; null until asked. Indexed for the butler's list. */
  deliveryButlerId: string | null
  deliveryButlerName: string | null
  /** The Shanghai day of the last reminder ('' before any), so a day sends one. */
  remindedDay: string
  updatedAt: number
}

export interface ParcelCodeDoc {
  /** `${communityId}:${code}` */
  _id: string
  parcelId: string
  state: 'held' | 'released'
  releasedAt: number | null
}

export interface ParcelMonthDoc {
  /** `${householdId}:${month}` */
  _id: string
  communityId: string
  householdId: string
  month: string
  count: number
  /** The counter's journal: one entry a parcel (`p<parcelId>`), so a retried count counts once. */
  holds: Record<string, number>
}
