import type { ApiResponse } from '@contracts/errors'

export interface Envelope {
  action: string
  input: unknown
  communityId?: string
}

export interface Transport {
  send(fn: string, envelope: Envelope): Promise<ApiResponse<unknown>>
}

export function transportFailure(message: string): ApiResponse<never> {
  return { ok: false, error: { code: 'TRANSPORT.FAILED', message, requestId: '' } }
}
