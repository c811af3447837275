import Taro from '@tarojs/taro'
import { accessTable } from '@contracts/access-table'
import type { Context, Me } from '@contracts/user'
import { type Api, type AuthStep, type Result, createApi } from './core/api'
import { currentLink, linkCommunity } from './here'
import { BIND_PATH, LOGIN_PATH, SWITCH_PATH, applyMe, configureSession, currentMe, ensureSession, signOut } from './session'
import { h5Extras, transport } from './transport'

/**
 * The mini-program's client: `api.<fn>.<action>(input)` for every action in the registry. Calls
 * wait for the session, act in the link's community or the current one, and send the user to sign
 * in or to choose a community when that is what stands in the way, then back to the same page.
 */
export type { Result } from './core/api'
export type { Api } from './core/api'

let detourUntil = 0

/** One detour at a time: a page's parallel calls all hit the same missing step. */
function authRequired(step: AuthStep): void {
  const here = currentLink()
  const now = Date.now()
  if (now < detourUntil || !here || here.startsWith(LOGIN_PATH)) return
  detourUntil = now + 1500
  const back = encodeURIComponent(here)
  if (step !== 'AUTH.COMMUNITY_REQUIRED') {
    void Taro.reLaunch({ url: `${LOGIN_PATH}?redirect=${back}` })
    return
  }
  if (here.startsWith(SWITCH_PATH) || here.startsWith(BIND_PATH)) return
  const me = currentMe()
  const to = me && me.contexts.length > 0 ? SWITCH_PATH : BIND_PATH
  void Taro.redirectTo({ url: `${to}?redirect=${back}` })
}

/** The community calls act in: the one the page's link names, else the current context's. */
export function actingCommunity(): string | undefined {
  return linkCommunity() ?? currentMe()?.current?.communityId
}

export const api: Api = createApi(accessTable, {
  send: (fn, envelope) => transport().send(fn, envelope),
  ensureSession,
  communityId: actingCommunity,
  authRequired,
  sessionLost() {
    signOut()
    h5Extras()?.clearDevToken()
  }
})

// Runs on import, so package.json lists this file under sideEffects (bundlers keep it then).
configureSession(
  () => api.user.login(),
  // In WeChat the platform identifies the caller; in H5 only a dev session does.
  () => {
    const h5 = h5Extras()
    return !h5 || h5.devToken() !== ''
  }
)

export async function refreshMe(): Promise<Result<Me>> {
  const res = await api.user.me()
  if (res.ok) applyMe(res.data)
  return res
}

export async function switchContext(ctx: Context): Promise<Result<Me>> {
  const res = await api.user.switchContext(
    { communityId: ctx.communityId, role: ctx.role, ...(ctx.householdId ? { householdId: ctx.householdId } : {}) },
    { communityId: ctx.communityId }
  )
  if (res.ok) applyMe(res.data)
  return res
}

export { applyMe, currentMe, goHome, HOME_PATH, LOGIN_PATH, ME_PATH, ensureSession, login, sameContext, signOut, subscribe } from './session'
export { useSession } from './use-session'
export { useQueryCore, type Query, type QueryOptions as CoreQueryOptions } from './core/use-query'
export { returnTo } from './here'
export { photoUrl } from './photos'
export { saveTextFile, type SavedFile } from './files'
