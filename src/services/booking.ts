import type { OutputOf } from '@contracts/registry'

/**
 * Transitional: the booking pages call `api.booking.*` themselves and keep their types in their
 * package (`packages/service/types.ts`, `packages/service-staff/types.ts`). Only what the book
 * and job pages still import is left here; delete this file once they stop.
 */
export type Booking = OutputOf<'booking.get'>['booking']

export const SERVICE_PKG = '/packages/service/pages'
