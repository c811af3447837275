import type { ErrorCode, FieldError } from '../contracts/errors'

/** Expected failures are values. Use cases return these; only the unexpected throws. */
export interface Failure {
  ok: false
  code: ErrorCode
  message: string
  fields?: FieldError[]
}
export interface Success<T> {
  ok: true
  value: T
}
export type Result<T> = Success<T> | Failure

export function ok<T>(value: T): Success<T> {
  return { ok: true, value }
}

export function fail(code: ErrorCode, message: string, fields?: FieldError[]): Failure {
  return fields ? { ok: false, code, message, fields } : { ok: false, code, message }
}
