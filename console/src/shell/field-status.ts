import { type FieldErrors, fieldsByPath } from '../../../src/utils/form-errors'
import type { ApiError } from '@contracts/errors'

/** A form item's error look for the field the server named, with its message under the control. */
export function fieldStatus(error: ApiError | null, path: string): { status?: 'error'; tips?: string } {
  const message = error?.fields?.find((f) => f.path === path)?.message
  return message ? { status: 'error', tips: message } : {}
}

/** The error to show above the buttons: one no field carries. */
export function formLevelError(error: ApiError | null): string | null {
  return error && !error.fields?.length ? error.message : null
}

/**
 * A refusal as a form shows it: the fields the server named, by path without the input's wrapper
 * (`campaign.`), and the message for above the buttons when it named none.
 */
export function splitRefusal(error: ApiError, prefix: string): { fields: FieldErrors; message: string | null } {
  const fields = fieldsByPath(error, prefix)
  return { fields, message: Object.keys(fields).length ? null : error.message }
}
