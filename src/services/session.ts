import Taro from '@tarojs/taro'
import type { Context, Me } from '@contracts/user'
import { call, setDefaultCommunity } from '../client'
import { type ServiceResult, unwrap } from './result'

/**
 * The signed-in user and the context (community + role) they act in. One module-level store,
 * subscribed to by pages through `useSession`.
 */
type Listener = (me: Me | null) => void

let me: Me | null = null
const listeners = new Set<Listener>()

function publish(next: Me | null): void {
  me = next
  setDefaultCommunity(next?.current?.communityId)
  listeners.forEach((l) => l(next))
}

export function currentMe(): Me | null {
  return me
}

export function subscribe(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Creates the user on first use; the platform (or the dev session) says who it is. */
export async function login(): Promise<ServiceResult<Me>> {
  const res = unwrap(await call('user.login', {}))
  if (res.ok) publish(res.data)
  return res
}

export async function refresh(): Promise<ServiceResult<Me>> {
  const res = unwrap(await call('user.me', {}))
  if (res.ok) publish(res.data)
  return res
}

let inflight: Promise<ServiceResult<Me>> | null = null

/** One login for all callers: a deep-linked page's first calls share it. */
export async function ensureSession(): Promise<ServiceResult<Me>> {
  if (me) return { ok: true, data: me }
  inflight ??= login().finally(() => {
    inflight = null
  })
  return inflight
}

/**
 * Community-scoped calls need the current context; a page opened straight from a link or a
 * share card may call before anything loaded the session, so scoped services wait for it.
 */
export async function communityReady(): Promise<void> {
  if (!me) await ensureSession()
}

export async function switchContext(ctx: Context): Promise<ServiceResult<Me>> {
  const res = unwrap(
    await call('user.switchContext', {
      communityId: ctx.communityId,
      role: ctx.role,
      ...(ctx.householdId ? { householdId: ctx.householdId } : {})
    })
  )
  if (res.ok) publish(res.data)
  return res
}

export function applyMe(next: Me): void {
  publish(next)
}

export function signOut(): void {
  publish(null)
}

export const HOME_PATH = '/pages/home/index'
export const ME_PATH = '/pages/me/index'
export const LOGIN_PATH = '/pages/login/index'

export function goHome(): void {
  void Taro.switchTab({ url: HOME_PATH })
}
