import type { Identity } from '../../kernel/identity'
import { isConsoleSessionId } from '../../contracts/office'

/**
 * The caller is whoever WeChat says in this invocation's context: `WX_OPENID` from the context's
 * `environment` (a JSON string; `environ`, `k=v;k=v`, on CloudBase's older architecture), and
 * nothing else. The SDK's `getCloudbaseContext` falls back to `process.env` for the same keys, so
 * a `WX_OPENID` left in the environment of a warm instance (by an earlier call, a trigger or a
 * console test) would become the caller of a request that carries none: it is never consulted.
 * A web console's caller is its custom-login user id, mapped to a console session by the kernel.
 */
export function platformIdentity(_event: unknown, context: unknown): Identity | null {
  const vars = contextVariables(context)
  const openid = vars.WX_OPENID
  if (openid) {
    return {
      openid,
      source: 'wechat',
      ...(vars.WX_APPID ? { appid: vars.WX_APPID } : {}),
      ...(vars.WX_UNIONID ? { unionid: vars.WX_UNIONID } : {})
    }
  }
  // The web console signs in with a custom-login ticket whose user id is its console session's id.
  const custom = vars.TCB_CUSTOM_USER_ID
  if (custom && isConsoleSessionId(custom)) return { source: 'console', sessionId: custom }
  // Any other end user (an anonymous web login, a custom id we never issued) is a visitor: never a
  // caller, and never the platform, so a timer-shaped event from a browser is not run as a job.
  if (vars.TCB_UUID || custom || vars.TCB_ISANONYMOUS_USER === 'true') return { source: 'web' }
  return null
}

/** The invocation's variables; empty for anything that is not an SCF context (refuse, never guess). */
export function contextVariables(context: unknown): Record<string, string> {
  if (typeof context !== 'object' || context === null) return {}
  const { environment, environ } = context as { environment?: unknown; environ?: unknown }
  if (typeof environment === 'string' && environment) {
    try {
      const parsed: unknown = JSON.parse(environment)
      if (typeof parsed !== 'object' || parsed === null) return {}
      return Object.fromEntries(Object.entries(parsed as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string'))
    } catch {
      return {}
    }
  }
  if (typeof environ === 'string') {
    const out: Record<string, string> = {}
    for (const pair of environ.split(';')) {
      const at = pair.indexOf('=')
      if (at > 0) out[pair.slice(0, at)] = pair.slice(at + 1)
    }
    return out
  }
  return {}
}
