import { accessTable } from '@contracts/access-table'
import { type Api, createApi, failure } from '../../../src/client/core/api'
import { currentLink, currentRoute, navigate } from '../router'
import { forgetSession, rememberSession, storedCommunity, storedSession } from './session'
import { transport } from './transport'

export const LOGIN_PATH = '/login'

/** The community calls act in: the one chosen in the header (checked against the person's roles there). */
let community: string | null = storedCommunity()
export function setActingCommunity(id: string | null): void {
  community = id
}

/** A call found nobody signed in (or the session ended): to the sign-in page, and back after. */
function toLogin(): void {
  if (currentRoute().path === LOGIN_PATH) return
  navigate(`${LOGIN_PATH}?redirect=${encodeURIComponent(currentLink())}`, { replace: true })
}

/** The console's client: the same contracts and core as the mini-program, its own host. */
export const api: Api = createApi(accessTable, {
  send: (fn, envelope) => transport.send(fn, envelope),
  ensureSession: () => Promise.resolve(storedSession() ? { ok: true as const, data: null } : failure('AUTH.UNAUTHENTICATED', '请先扫码登录')),
  communityId: () => community ?? undefined,
  authRequired(step) {
    // A console always has a community chosen in its header; only a missing session detours.
    if (step !== 'AUTH.COMMUNITY_REQUIRED') toLogin()
  },
  sessionLost() {
    forgetSession()
    void transport.signOut()
  }
})

/** Keeps what sign-in handed over; the next calls act as that console session. */
export async function completeSignIn(ticket: string, session: { sessionId: string; expiresAt: number }): Promise<void> {
  await transport.signIn(ticket)
  rememberSession({ sessionId: session.sessionId, expiresAt: session.expiresAt })
}

/** Ends this console's session on the server too, so the token left in the browser is worth nothing. */
export async function signOutHere(): Promise<void> {
  const s = storedSession()
  if (s) await api.office.revokeSession({ id: s.sessionId })
  forgetSession()
  await transport.signOut()
}
