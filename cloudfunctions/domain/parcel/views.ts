import { COURIER_LABELS, PARCEL_QR_PREFIX } from '../../contracts/parcel-labels'
import type { MyParcelT, ParcelViewT } from '../../contracts/parcel'
import { DAY_MS, shanghaiMidnight } from '../../contracts/shanghai'
import type { ParcelDoc } from './docs'

/** Whole Shanghai days between two instants' midnights: a parcel left yesterday evening has been held 1 day. */
export function daysHeld(p: ParcelDoc, now: number): number {
  const end = p.pickedAt ?? now
  return Math.max(0, Math.round((shanghaiMidnight(end) - shanghaiMidnight(p.registeredAt)) / DAY_MS))
}

export function parcelView(p: ParcelDoc, householdLabel: string, now: number): ParcelViewT {
  return {
    id: p._id,
    householdId: p.householdId,
    householdLabel,
    courier: p.courier,
    trackingNo: p.trackingNo,
    shelf: p.shelf,
    photo: p.photo,
    pickupCode: p.pickupCode,
    status: p.status,
    registeredAt: p.registeredAt,
    registeredByName: p.registeredByName,
    pickedAt: p.pickedAt,
    pickedByName: p.pickedByName,
    pickedVia: p.pickedVia,
    deliveryRequestedAt: p.deliveryRequestedAt,
    deliveryButlerName: p.deliveryButlerName,
    daysHeld: daysHeld(p, now)
  }
}

export function qrText(p: Pick<ParcelDoc, 'qrToken'>): string {
  return `${PARCEL_QR_PREFIX}${p.qrToken}`
}

export function myParcelView(p: ParcelDoc, householdLabel: string, canRequestDelivery: boolean): MyParcelT {
  const waiting = p.status === 'waiting'
  return {
    id: p._id,
    householdLabel,
    courier: p.courier,
    trackingTail: p.trackingNo.slice(-4),
    shelf: p.shelf,
    photo: p.photo,
    status: p.status,
    registeredAt: p.registeredAt,
    pickupCode: waiting ? p.pickupCode : null,
    qr: waiting ? qrText(p) : null,
    pickedAt: p.pickedAt,
    pickedVia: p.pickedVia,
    deliveryRequestedAt: p.deliveryRequestedAt,
    canRequestDelivery: waiting && p.deliveryRequestedAt === null && canRequestDelivery
  }
}

/** A parcel in the butler's task: enough to find it on the shelf. */
export const parcelWhy = (p: Pick<ParcelDoc, 'courier' | 'trackingNo' | 'shelf'>) => `${COURIER_LABELS[p.courier]} 尾号 ${p.trackingNo.slice(-4)} · 货架 ${p.shelf}`
export const parcelTaskDetail = (n: number) => `${n} 件快递待送货上门，到前台取件后送到住户家中并点「已送达」`
