import Taro from '@tarojs/taro'

/** Taro adds these to a route's params; they are not part of the link. */
const INTERNAL_PARAMS = new Set(['$taroTimestamp', 'stamp', '__key_'])

function decoded(v: string): string {
  try {
    return decodeURIComponent(v)
  } catch {
    // A stray `%` that is not an escape: the value is literal.
    return v
  }
}

/** The page on screen as a link (path and its own params), to come back to after a detour. */
export function currentLink(): string | null {
  const router = Taro.getCurrentInstance().router
  if (!router) return null
  const path = (router.path.split('?')[0] ?? '').replace(/^\/?/, '/')
  const query = Object.entries(router.params)
    .filter(([k, v]) => !INTERNAL_PARAMS.has(k) && v !== undefined && v !== '')
    // Route params arrive as they were in the link (still encoded): encoded once more they would
    // come back as `%253A` after the detour.
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(decoded(String(v)))}`)
    .join('&')
  return query ? `${path}?${query}` : path
}

/** The community a link names (`communityId`, or `cid` on short share paths). */
export function linkCommunity(): string | undefined {
  const params = Taro.getCurrentInstance().router?.params ?? {}
  const v = params.communityId ?? params.cid
  return v ? decodeURIComponent(v) : undefined
}

const TAB_PAGES = ['/pages/home/index', '/pages/messages/index', '/pages/me/index']

/**
 * Back to the link a detour (sign in, choose a community, bind a household) started from, or to
 * `fallback`. Tab pages can only be switched to, other pages replace the detour page.
 */
export function returnTo(redirect: string | undefined, fallback: string): void {
  const url = redirect ? decodeURIComponent(redirect) : fallback
  const tab = TAB_PAGES.find((t) => url.startsWith(t))
  if (tab) void Taro.switchTab({ url: tab })
  else void Taro.redirectTo({ url })
}
