/**
 * Error codes of the `booking` function (home services, repairs, complaints). Plain constants
 * (no zod) so errors.ts, which the main package reads, does not pull the contracts in with it.
 */
export const BOOKING_ERRORS = [
  'BOOKING.LINE_NOT_FOUND',
  'BOOKING.SLOT_INVALID',
  'BOOKING.SLOT_PAST',
  'BOOKING.SLOT_FULL',
  'BOOKING.NOT_FOUND',
  'BOOKING.BAD_STATE',
  'BOOKING.WORKER_NOT_FOUND',
  'BOOKING.WORKER_BUSY',
  'BOOKING.PAY_MODE',
  'BOOKING.CARD_NOT_APPLICABLE',
  'BOOKING.CANCEL_TOO_LATE',
  'BOOKING.STEP_UNKNOWN',
  'BOOKING.STEPS_MISSING',
  'BOOKING.ALREADY_RATED',
  'BOOKING.DISCOUNT_NOT_APPLICABLE',
  'BOOKING.TOO_EARLY',
  'BOOKING.PHONE_UNAVAILABLE',
  'COMPLAINT.NOT_FOUND',
  'COMPLAINT.BAD_STATE',
  'FOLLOWUP.NOT_FOUND'
] as const
