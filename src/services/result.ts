import Taro from '@tarojs/taro'
import type { ApiError, ApiResponse } from '@contracts/errors'

/** Services hand pages either the data or the error; pages decide how to show it. */
export type ServiceResult<T> = { ok: true; data: T } | { ok: false; error: ApiError }

export function unwrap<T>(res: ApiResponse<T>): ServiceResult<T> {
  return res.ok ? { ok: true, data: res.data } : { ok: false, error: res.error }
}

/** The message shown for an error, with the request id kept for support. */
export function toastError(error: ApiError): void {
  void Taro.showToast({ title: error.message.slice(0, 40), icon: 'none', duration: 2500 })
}

/** The message for one input field, for inline errors under a form field. */
export function fieldError(error: ApiError | null | undefined, path: string): string | undefined {
  return error?.fields?.find((f) => f.path === path)?.message
}
