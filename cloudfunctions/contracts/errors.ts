import { FEE_ERRORS } from './fee'
import { PAY_ERRORS } from './pay'
import { EVENT_ERRORS } from './event-errors'
import { ACCESS_ERRORS } from './access-errors'
import { ORDER_ERRORS } from './order-errors'
import { MEMBER_ERRORS } from './member-errors'
import { BOOKING_ERRORS } from './booking-errors'
import { UPLOAD_ERRORS } from './upload'
import { INSIGHTS_ERRORS } from './insights-errors'
import { OFFICE_ERRORS } from './office-errors'
import { MESSAGE_ERRORS } from './message-errors'
import { PARCEL_ERRORS } from './parcel-errors'
import { DESK_ERRORS } from './desk-errors'
import { PARKING_ERRORS } from './parking-errors'
import { TRAINING_ERRORS } from './training-errors'
import { SELLING_ERRORS } from './selling-errors'

/**
 * Every error code the functions may return, namespaced by area. The client switches on these,
 * so a code is never renamed once shipped.
 */
const COMMON_ERRORS = [
  'REQUEST.INVALID',
  'REQUEST.INVALID_INPUT',
  'REQUEST.UNKNOWN_ACTION',
  'REQUEST.TOO_LARGE',
  'AUTH.UNAUTHENTICATED',
  'AUTH.NOT_REGISTERED',
  'AUTH.FORBIDDEN',
  'AUTH.COMMUNITY_REQUIRED',
  'CONTEXT.NOT_AVAILABLE',
  'INTERNAL.ERROR',
  'TRANSPORT.FAILED'
] as const

const USER_ERRORS = [
  'USER.NOT_FOUND',
  'HOUSEHOLD.CODE_INVALID',
  'HOUSEHOLD.TOO_MANY_ATTEMPTS',
  'HOUSEHOLD.ALREADY_BOUND',
  'HOUSEHOLD.NOT_FOUND',
  'HOUSEHOLD.NOT_OWNER',
  'HOUSEHOLD.NOT_MEMBER',
  'INVITATION.NOT_FOUND',
  'INVITATION.EXPIRED',
  'INVITATION.USED',
  'INVITATION.SELF',
  'JOIN_REQUEST.NOT_FOUND',
  'JOIN_REQUEST.ALREADY_PENDING',
  'JOIN_REQUEST.ALREADY_REVIEWED',
  'JOIN_REQUEST.OUT_OF_GRID'
] as const

/** Each feature lists its codes beside its area; one line per feature here. */
export const ERROR_CODES = [
  ...COMMON_ERRORS,
  ...USER_ERRORS,
  ...EVENT_ERRORS,
  ...ACCESS_ERRORS,
  ...PAY_ERRORS,
  ...FEE_ERRORS,
  ...ORDER_ERRORS,
  ...MEMBER_ERRORS,
  ...BOOKING_ERRORS,
  ...UPLOAD_ERRORS,
  ...INSIGHTS_ERRORS,
  ...OFFICE_ERRORS,
  ...MESSAGE_ERRORS,
  ...PARCEL_ERRORS,
  ...DESK_ERRORS,
  ...PARKING_ERRORS,
  ...TRAINING_ERRORS,
  ...SELLING_ERRORS
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface FieldError {
  /** Dotted path inside the action input, e.g. `code` or `members.0.phone`: what forms key their messages by. */
  path: string
  /** The field's name for people (开始时间, 第 2 张照片), from the contract's labels; absent where none applies. */
  label?: string
  /** What is wrong, in words a person reads beside the field. */
  message: string
}

export interface ApiError {
  code: ErrorCode
  message: string
  requestId: string
  fields?: FieldError[]
}

export type ApiResponse<T> = { ok: true; data: T; requestId: string } | { ok: false; error: ApiError }
