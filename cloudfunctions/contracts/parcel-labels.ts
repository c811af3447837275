/**
 * Plain constants of parcels (快递代收), no zod: the resident's and the staff's pages read the
 * labels, and zod stays in the contracts that validate forms.
 */
export const COURIERS = ['sf', 'jd', 'zto', 'yto', 'yunda', 'sto', 'jt', 'ems', 'deppon', 'other'] as const
export type Courier = (typeof COURIERS)[number]

export const COURIER_LABELS: Record<Courier, string> = {
  sf: '顺丰',
  jd: '京东',
  zto: '中通',
  yto: '圆通',
  yunda: '韵达',
  sto: '申通',
  jt: '极兔',
  ems: '邮政EMS',
  deppon: '德邦',
  other: '其他'
}

export const PARCEL_STATUSES = ['waiting', 'picked'] as const
export type ParcelStatus = (typeof PARCEL_STATUSES)[number]
export const PARCEL_STATUS_LABELS: Record<ParcelStatus, string> = { waiting: '待取件', picked: '已取件' }

/** How a parcel left the shelf: its code typed, the resident's QR scanned, or the butler at the door. */
export const PICKUP_VIAS = ['code', 'qr', 'door'] as const
export type PickupVia = (typeof PICKUP_VIAS)[number]
export const PICKUP_VIA_LABELS: Record<PickupVia, string> = { code: '取件码', qr: '扫码', door: '送货上门' }

/** Six digits: short enough to read aloud at the desk, unique among a community's waiting parcels. */
export const PICKUP_CODE_LENGTH = 6

/**
 * What the resident's QR code holds: this prefix and the parcel's secret token. The token is
 * random and long, so a QR cannot be guessed the way a six-digit code could be tried.
 */
export const PARCEL_QR_PREFIX = 'LLP1.'

/** A parcel on the shelf longer than this gets a daily reminder. */
export const PARCEL_REMIND_AFTER_DAYS = 3

export const PARCEL_PAGE = '/packages/parcel/pages/mine/index'
export const PARCEL_DESK_PAGE = '/packages/parcel/pages/desk/index'
export const PARCEL_DELIVERIES_PAGE = '/packages/parcel/pages/deliveries/index'

/** `123456` as `123 456`, the way the desk reads it out. */
export function formatPickupCode(code: string): string {
  return code.length === PICKUP_CODE_LENGTH ? `${code.slice(0, 3)} ${code.slice(3)}` : code
}
