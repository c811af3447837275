import type { ApiResponse } from '@contracts/errors'
import type { Envelope } from '../../../src/client/core/api'

/**
 * How the console reaches the functions. Locally: POST /api/<fn> to the local server with the
 * dev session token the sign-in handed over. On CloudBase: `callFunction` through the web SDK,
 * signed in anonymously until the scan is confirmed, then with the custom-login ticket (the
 * function sees the console session as TCB_CUSTOM_USER_ID). Identity never goes in a body.
 */
export interface ConsoleTransport {
  send(fn: string, envelope: Envelope): Promise<ApiResponse<unknown>>
  /** Signs in with what `office.pollSignIn` handed over. */
  signIn(ticket: string): Promise<void>
  signOut(): Promise<void>
}

function failure(message: string): ApiResponse<unknown> {
  return { ok: false, error: { code: 'TRANSPORT.FAILED', message, requestId: '' } }
}

const TOKEN_KEY = 'linli.console.token'

export function httpTransport(): ConsoleTransport {
  return {
    async send(fn, envelope) {
      const token = localStorage.getItem(TOKEN_KEY) ?? ''
      try {
        const res = await fetch(`/api/${fn}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify(envelope)
        })
        if (!res.ok) return failure(`服务异常（${res.status}）`)
        return (await res.json()) as ApiResponse<unknown>
      } catch {
        return failure('网络异常，请检查网络后重试')
      }
    },
    signIn(ticket) {
      localStorage.setItem(TOKEN_KEY, ticket)
      return Promise.resolve()
    },
    signOut() {
      localStorage.removeItem(TOKEN_KEY)
      return Promise.resolve()
    }
  }
}

export function cloudbaseTransport(env: string): ConsoleTransport {
  // Loaded only in a CloudBase build: the local console never downloads the SDK.
  const app = import('@cloudbase/js-sdk').then((m) => m.default.init({ env }))
  const auth = app.then((a) => a.auth({ persistence: 'local' }))
  const ready = async () => {
    const a = await auth
    // Calling a function needs a platform login; before the scan that is an anonymous one.
    if (!(await a.getLoginState())) await a.signInAnonymously({})
    return app
  }
  return {
    async send(fn, envelope) {
      try {
        const res = await (await ready()).callFunction({ name: fn, data: envelope })
        return res.result as ApiResponse<unknown>
      } catch {
        return failure('网络异常，请检查网络后重试')
      }
    },
    async signIn(ticket) {
      await (await auth).signInWithCustomTicket(() => Promise.resolve(ticket))
    },
    async signOut() {
      await (await auth).signOut()
    }
  }
}

export const transport: ConsoleTransport = import.meta.env.VITE_CLOUDBASE_ENV ? cloudbaseTransport(import.meta.env.VITE_CLOUDBASE_ENV) : httpTransport()

/** A demo persona as the local server lists it. */
export interface DevPersona {
  id: string
  nickname: string
  role: string
  roleLabel: string
  communityName: string
  summary: string
}

/** The local server's persona sign-in, for demos and tests (absent from CloudBase builds). */
export const devSignIn = import.meta.env.VITE_CLOUDBASE_ENV
  ? null
  : {
      async personas(): Promise<DevPersona[]> {
        const res = await fetch('/dev/personas')
        const body = (await res.json()) as { personas: DevPersona[] }
        return body.personas
      },
      async signIn(personaId: string): Promise<{ ok: true; ticket: string; sessionId: string; expiresAt: number } | { ok: false; error: string }> {
        const res = await fetch('/dev/console-login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ personaId }) })
        const body = (await res.json()) as { token?: string; sessionId?: string; expiresAt?: number; error?: string }
        if (body.token && body.sessionId && body.expiresAt) return { ok: true, ticket: body.token, sessionId: body.sessionId, expiresAt: body.expiresAt }
        return { ok: false, error: body.error ?? `登录失败（${res.status}）` }
      }
    }
