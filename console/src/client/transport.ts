import type { ApiError, ApiResponse } from '@contracts/errors'
import { type PhotoExt, localPhotoName } from '@contracts/upload'
import type { Envelope } from '../../../src/client/core/api'
import { fitForUpload, postPhoto } from '../../../src/client/core/browser-photo'
import { checkBeforeUpload, cloudPhotoPath, uploadRefusal } from '../../../src/client/core/photo-upload'
import { signedLinks } from './signed-links'

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
  /**
   * Stores a photo staff picked (a product shot, an event cover, a certificate) where the
   * platform keeps files, and answers its id; `onProgress` gets 0-100.
   */
  uploadPhoto(file: Blob, onProgress: (percent: number) => void): Promise<ApiResponse<{ fileId: string }>>
  /** What an <img> shows for each photo id, about `width` px wide where the platform can resize. */
  photoUrls(ids: readonly string[], width: number): Promise<Map<string, string>>
}

/** Fitted (large photos re-encoded, as the H5 app does) and checked before anything is sent. */
async function prepare(file: Blob): Promise<{ ok: true; file: Blob; ext: PhotoExt } | { ok: false; error: ApiError }> {
  const fitted = await fitForUpload(file)
  const checked = checkBeforeUpload(fitted)
  return checked.ok ? { ok: true, file: fitted, ext: checked.ext } : checked
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
    },
    async uploadPhoto(file, onProgress) {
      const prepared = await prepare(file)
      return prepared.ok ? postPhoto(prepared.file, localStorage.getItem(TOKEN_KEY) ?? '', onProgress) : prepared
    },
    /** The local server serves `local:<name>` at `/uploads/<name>`, resized by `?w=`. */
    photoUrls(ids, width) {
      return Promise.resolve(new Map(ids.map((id) => [id, `/uploads/${localPhotoName(id) ?? ''}?w=${width}`])))
    }
  }
}

/** Temporary links last an hour; one is reused until 10 minutes before it ends. */
const SIGNED_URL_SECONDS = 3600
const SIGNED_URL_REUSE_MS = 50 * 60_000
/** getTempFileURL takes at most 50 files per call. */
const SIGNED_URL_BATCH = 50
/** CloudBase's image processing: a copy `width` px wide, made on the fly. */
const resized = (url: string, width: number) => `${url}${url.includes('?') ? '&' : '?'}imageMogr2/thumbnail/${width}x`

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
  const linksFor = signedLinks(
    async (ids) => {
      const res = await (await ready()).storage.from().createSignedUrls(ids, SIGNED_URL_SECONDS)
      return new Map((res.data ?? []).flatMap((r) => (r.signedUrl ? [[r.path, r.signedUrl] as const] : [])))
    },
    { batch: SIGNED_URL_BATCH, reuseMs: SIGNED_URL_REUSE_MS }
  )
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
    },
    async uploadPhoto(file, onProgress) {
      const prepared = await prepare(file)
      if (!prepared.ok) return prepared
      try {
        const stored = await (await ready()).storage.from().upload(cloudPhotoPath(prepared.ext), prepared.file)
        onProgress(100)
        return stored.data ? { ok: true, data: { fileId: stored.data.id }, requestId: '' } : uploadRefusal('UPLOAD.FAILED', '上传失败，请重试')
      } catch {
        return uploadRefusal('UPLOAD.FAILED', '上传失败，请检查网络后重试')
      }
    },
    async photoUrls(ids, width) {
      const links = await linksFor(ids)
      return new Map([...links].map(([id, url]) => [id, resized(url, width)]))
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
