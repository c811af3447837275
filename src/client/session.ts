import Taro from '@tarojs/taro'
import type { Context, Me } from '@contracts/user'
import { type Result, failure } from './core/api'

/**
 * The signed-in user and the context (community + role) they act in. One module-level store,
 * subscribed to by pages through `useSession`. Signing in goes through the generated client like
 * every other call (`user.login` is public); `./index` wires the two together.
 */
type Listener = (me: Me | null) => void

let me: Me | null = null
const listeners = new Set<Listener>()

function publish(next: Me | null): void {
  me = next
  listeners.forEach((l) => l(next))
}

export function currentMe(): Me | null {
  return me
}

export function subscribe(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

type Login = () => Promise<Result<Me>>
let loginCall: Login = () => Promise.resolve(failure('AUTH.UNAUTHENTICATED', '请先登录'))
let canSignInSilently: () => boolean = () => true

/** Set once by the client: how to sign in, and whether the platform can do it without the user. */
export function configureSession(login: Login, silent: () => boolean): void {
  loginCall = login
  canSignInSilently = silent
}

/** Creates the user on first use; the platform (or the dev session) says who it is. */
export async function login(): Promise<Result<Me>> {
  const res = await loginCall()
  if (res.ok) publish(res.data)
  return res
}

let inflight: Promise<Result<Me>> | null = null

/** One sign-in for all callers: a cold-opened page's first calls share it. */
export async function ensureSession(): Promise<Result<Me>> {
  if (me) return { ok: true, data: me }
  if (!canSignInSilently()) return failure('AUTH.UNAUTHENTICATED', '请先登录')
  inflight ??= login().finally(() => {
    inflight = null
  })
  return inflight
}

export function applyMe(next: Me): void {
  publish(next)
}

export function signOut(): void {
  publish(null)
}

export function sameContext(a: Context | null | undefined, b: Context): boolean {
  return !!a && a.communityId === b.communityId && a.role === b.role && a.householdId === b.householdId
}

export const HOME_PATH = '/pages/home/index'
export const ME_PATH = '/pages/me/index'
export const LOGIN_PATH = '/pages/login/index'
export const SWITCH_PATH = '/packages/account/pages/switch/index'
export const BIND_PATH = '/packages/household/pages/bind/index'

export function goHome(): void {
  void Taro.switchTab({ url: HOME_PATH })
}
