import type { ApiError, ApiResponse } from '@contracts/errors'
import { accessRows } from '@contracts/access-rows'
import type { AccessKind } from '@contracts/access-table'
import type { ActionId, FunctionName, InputOf, OutputOf } from '@contracts/registry'

/**
 * The client made from the contracts: `api.<fn>.<action>(input)`, typed from the registry, built
 * at run time from the zod-free access table. It knows nothing of Taro: the mini-program and the
 * web console each give it a host (transport, session, where to send a user who must sign in).
 */
export type Result<T> = { ok: true; data: T } | { ok: false; error: ApiError }

export interface Envelope {
  action: string
  input: unknown
  communityId?: string
}

export interface CallOptions {
  /** Acts in this community instead of the one the host answers (the link's, or the current context's). */
  communityId?: string
}

/** The user steps a call can need; the host takes the user there and back. */
export type AuthStep = 'AUTH.UNAUTHENTICATED' | 'AUTH.NOT_REGISTERED' | 'AUTH.COMMUNITY_REQUIRED'
const AUTH_STEPS: readonly string[] = ['AUTH.UNAUTHENTICATED', 'AUTH.NOT_REGISTERED', 'AUTH.COMMUNITY_REQUIRED']

export function isAuthStep(code: string): code is AuthStep {
  return AUTH_STEPS.includes(code)
}

export interface ClientHost {
  send(fn: string, envelope: Envelope): Promise<ApiResponse<unknown>>
  /** Resolves once a session exists (signing in silently where the platform allows). */
  ensureSession(): Promise<Result<unknown>>
  /** The community a call acts in when the caller names none. */
  communityId(): string | undefined
  /** A call needs a user step: the host navigates (sign in, choose a community) and returns to the page. */
  authRequired(step: AuthStep): void
  /** The server no longer knows the session (expired or revoked): the host forgets it. */
  sessionLost?(): void
}

type NameOf<F extends string, Id extends string> = Id extends `${F}.${infer N}` ? N : never
// An action whose whole input is optional can be called with no argument.
type Args<Id extends ActionId> = Record<never, never> extends InputOf<Id> ? [input?: InputOf<Id>, opts?: CallOptions] : [input: InputOf<Id>, opts?: CallOptions]

export type Api = {
  [F in FunctionName]: {
    [N in NameOf<F, ActionId>]: `${F}.${N}` extends infer Id extends ActionId ? (...args: Args<Id>) => Promise<Result<OutputOf<Id>>> : never
  }
}

export function failure(code: string, message: string): { ok: false; error: ApiError } {
  return { ok: false, error: { code: code as ApiError['code'], message, requestId: '' } }
}

/** `table` is the generated access table: each function's actions, and what each needs. */
export function createApi(table: Readonly<Record<string, string>>, host: ClientHost): Api {
  async function call(id: string, kind: AccessKind, input: unknown, opts: CallOptions = {}): Promise<Result<unknown>> {
    // Anonymous calls need no session; public ones need the platform's (WeChat) login only.
    if (kind === 'member' || kind === 'community') {
      const session = await host.ensureSession()
      if (!session.ok) {
        if (isAuthStep(session.error.code)) host.authRequired(session.error.code)
        return session
      }
    }
    const communityId = opts.communityId ?? host.communityId()
    if (kind === 'community' && !communityId) {
      host.authRequired('AUTH.COMMUNITY_REQUIRED')
      return failure('AUTH.COMMUNITY_REQUIRED', '请先选择社区')
    }
    const dot = id.indexOf('.')
    const res = await host.send(id.slice(0, dot), { action: id.slice(dot + 1), input: input ?? {}, ...(communityId ? { communityId } : {}) })
    if (res.ok) return { ok: true, data: res.data }
    if (isAuthStep(res.error.code)) {
      if (res.error.code !== 'AUTH.COMMUNITY_REQUIRED') host.sessionLost?.()
      host.authRequired(res.error.code)
    }
    return { ok: false, error: res.error }
  }

  const api: Record<string, Record<string, (input?: unknown, opts?: CallOptions) => Promise<Result<unknown>>>> = {}
  for (const [fn, action, kind] of accessRows(table)) {
    const id = `${fn}.${action}`
    api[fn] ??= {}
    api[fn][action] = (input, opts) => call(id, kind, input, opts)
  }
  // The runtime object is built from the same ids the type is: the access table satisfies the registry.
  return api as Api
}
